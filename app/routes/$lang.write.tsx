// "Write to someone who needs it": chooses a person (a random tie-break among equals, never
// cached) and sends the browser to that person's pick page (app/routes/$lang.write_.$slug.tsx),
// which the page cache can keep. Without anyone to suggest, says so here.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LetterPickView } from "~/letters/letter-pick";
import { chooseWritePage, loadWritePage } from "~/letters/letter-pick-page.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/letters.css";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["letters", "prisoners"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const url = new URL(request.url);
  // The choice changes from visit to visit: neither the redirect nor this page is stored.
  const chosen = await chooseWritePage(language, url);
  if (chosen) throw redirect(chosen, { headers: { "Cache-Control": "no-store" } });
  return json(await loadWritePage(language, url), { headers: { "Cache-Control": "no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({ "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store" });

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

export default function WriteToSomeonePage() {
  const data = useLoaderData<typeof loader>();
  return data ? <LetterPickView {...data} /> : null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
