import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ErrorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { SiteFooter, SiteHeader } from "~/components/site-chrome";
import stylesheet from "~/styles/app.css";
import { detectLanguage, getFixedT } from "~/utils/i18next.server";
import { localesVersionFor } from "~/utils/locales.server";
import { useNonce } from "~/utils/nonce";
import { getOperator } from "~/utils/operator.server";
import { publicOrigin } from "~/utils/route.server";

import { isLanguage, namespacesOfHandle, sourceLanguage, type Language } from "./i18n";

export const handle = { i18n: ["common", "errors"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const language = await detectLanguage(request);
  const t = await getFixedT(language, ["errors", "common"]);
  const pageTitle = (page: string) => t("common:page-title", { page });
  return {
    language,
    // Error pages cannot load data of their own, so their document titles come from here.
    errorTitles: {
      "not-found": pageTitle(t("errors:not-found.title")),
      forbidden: pageTitle(t("errors:forbidden.title")),
      "bad-request": pageTitle(t("errors:bad-request.title")),
      server: pageTitle(t("errors:server.title")),
    },
    // The version of this language's strings (and English's): a page cached before another
    // language's translation changed still names bundles that match it.
    localesVersion: localesVersionFor(language),
    // Absolute URLs for hreflang alternates; PUBLIC_URL wins over the Host header.
    origin: publicOrigin(request, context),
    // Who runs this site: the footer and every email field say so.
    operator: getOperator(),
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const error = useRouteError();
  // A campaign's embed (handle.embed) is a page of its own in a partner's frame: no site
  // chrome and no application script, only what its route renders.
  const embed = useMatches().some((match) => (match.handle as { embed?: boolean } | undefined)?.embed === true);
  const language: Language = data?.language ?? (isLanguage(i18n.language) ? i18n.language : sourceLanguage);
  return (
    <html lang={language} dir={i18n.dir(language)} data-locales-version={data?.localesVersion}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <meta name="color-scheme" content="light" />
        <meta name="theme-color" content="#8a1c1c" />
        {error ? <ErrorTitle /> : <Meta />}
        <Links />
      </head>
      {embed ? (
        <body className="embed">{children}</body>
      ) : (
        <body>
          <SiteHeader language={language} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
          <ScrollRestoration nonce={nonce} />
          <Scripts nonce={nonce} />
        </body>
      )}
    </html>
  );
}

export default function App() {
  const data = useRootData();
  const language = data?.language ?? sourceLanguage;
  // After a client-side navigation the next page may need namespaces the browser has not
  // loaded yet; asking for them here suspends rendering until they have arrived.
  const { i18n } = useTranslation(useMatches().flatMap((match) => namespacesOfHandle(match.handle)));
  // A link to another language is a client-side navigation: the strings follow the page.
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
