import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import HttpBackend from "i18next-http-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nConfig, namespacesOfHandle } from "./i18n";

declare global {
  interface Window {
    /** Remix's route modules of the page being hydrated. */
    __remixRouteModules: Record<string, { handle?: unknown } | undefined>;
  }
}

/** Only what the server rendered with: the namespaces the page's routes ask for. */
function namespacesOfThisPage(): string[] {
  return [...new Set(Object.values(window.__remixRouteModules).flatMap((module) => namespacesOfHandle(module?.handle)))];
}

async function hydrate() {
  const root = document.documentElement;
  await i18next
    .use(initReactI18next)
    .use(HttpBackend)
    .init({
      ...i18nConfig,
      lng: root.lang,
      ns: namespacesOfThisPage(),
      // The server sets data-locales-version to a hash of the locale files, so these URLs
      // can be cached for a year and change as soon as any translation does.
      backend: { loadPath: `/locales/{{lng}}/{{ns}}.json?v=${root.dataset.localesVersion ?? ""}` },
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
