import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";

import { ErrorTitle, GeneralErrorBoundary } from "./components/error-boundary";
import { SiteFooter, SiteHeader } from "./components/site-chrome";
import { isLanguage, sourceLanguage, type Language } from "./i18n";
import stylesheet from "./styles/app.css";
import { detectLanguage, i18nServer } from "./utils/i18next.server";
import { getLocaleBundle } from "./utils/locales.server";
import { useNonce } from "./utils/nonce";

export const handle = { i18n: ["common", "errors"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const language = await detectLanguage(request);
  const t = await i18nServer.getFixedT(language, ["errors", "common"]);
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
    localesVersion: getLocaleBundle().version,
    // Absolute URLs for hreflang alternates; PUBLIC_URL wins over the Host header.
    origin: process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL).origin : new URL(request.url).origin,
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
  const language: Language = data?.language ?? (isLanguage(i18n.language) ? i18n.language : sourceLanguage);
  return (
    <html lang={language} dir={i18n.dir(language)} data-locales-version={data?.localesVersion}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="color-scheme" content="light" />
        {error ? <ErrorTitle /> : <Meta />}
        <Links />
      </head>
      <body>
        <SiteHeader language={language} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRootData();
  useChangeLanguage(data?.language ?? sourceLanguage);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
