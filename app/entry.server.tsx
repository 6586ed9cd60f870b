import { Transform } from "node:stream";

import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";

import { detectLanguage, getSharedI18n } from "~/utils/i18next.server";
import { errorForLog, pathForLog } from "~/utils/log.server";
import { NonceProvider } from "~/utils/nonce";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  // A clone shares the loaded resources; only the language is per request.
  const i18n = (await getSharedI18n()).cloneInstance({ lng: await detectLanguage(request), initAsync: false });
  i18n.use(initReactI18next);

  // Listy defers no data, so nothing arrives late: send every reader (and crawler) the whole
  // document at once. It also means fewer, larger writes (about 10% more pages per second).
  const readyEvent = "onAllReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = withoutPaddingNuls();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
          clearTimeout(timer);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors inside the shell are logged by the server's handler; only log streaming ones here.
          if (shellRendered) console.error(`render error: ${errorForLog(error)}`);
        },
      },
    );
    timer = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // The path only (query strings can hold search terms, which are personal), tokens redacted.
  const where = `${request.method} ${pathForLog(new URL(request.url).pathname)}`;
  // A request Remix refused (an unknown route in ?_data=, a wrong method): the sender's doing,
  // one line; its message would repeat the URL, token included.
  if (isRouteErrorResponse(error)) return void console.warn(`refused ${where} (${error.status})`);
  console.error(`error on ${where}: ${errorForLog(error)}`);
}

/**
 * React 18.3's streaming renderer flushes its whole 2 KB buffer when a multi-byte
 * character (Cyrillic, “quotes”) would straddle its end, leaking up to three NUL bytes into
 * the HTML (facebook/react#26228, fixed in React 19). Crawlers and link previews stop at
 * them, so they are cut here. HTML never legitimately contains NUL.
 */
export function withoutPaddingNuls() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length;
      while (end > 0 && chunk.length - end < 3 && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}
