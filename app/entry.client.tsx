import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import HttpBackend from "i18next-http-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";

import { i18nConfig, namespaces } from "./i18n";

async function hydrate() {
  const root = document.documentElement;
  await i18next
    .use(initReactI18next)
    .use(HttpBackend)
    .init({
      ...i18nConfig,
      lng: root.lang,
      ns: getInitialNamespaces(),
      // The server sets data-locales-version to a hash of the locale files, so these URLs
      // can be cached for a year and change as soon as any translation does.
      backend: { loadPath: `/locales/{{lng}}/{{ns}}.json?v=${root.dataset.localesVersion ?? ""}` },
    });

  // Fetch the other namespaces in the background so later navigations need not wait.
  void i18next.loadNamespaces([...namespaces]);

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
