import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { languageAutonyms, pathInLanguage, supportedLanguages, type Language } from "~/i18n";

import { OperatorLine, SafetyLine } from "./safety-advice";

export function SiteHeader({ language }: { language: Language }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("common:skip-to-content")}
      </a>
      <SafetyLine language={language} />
      <div className="site-header__bar">
        <Link to={`/${language}/`} className="site-header__brand">
          <span className="site-header__name">{t("common:site.name")}</span>
          <span className="site-header__tagline">{t("common:site.tagline")}</span>
        </Link>
        <LanguageSwitcher current={language} />
      </div>
      <SiteNavigation language={language} />
    </header>
  );
}

function SiteNavigation({ language }: { language: Language }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const sections = [
    { path: `/${language}/prisoners`, label: t("common:nav.prisoners") },
    { path: `/${language}/write`, label: t("common:nav.write") },
    { path: `/${language}/campaigns`, label: t("common:nav.campaigns") },
    { path: `/${language}/birthdays`, label: t("common:nav.birthdays") },
    { path: `/${language}/about/numbers`, label: t("common:nav.numbers") },
  ];
  return (
    <nav aria-label={t("common:nav.label")} className="site-nav">
      <ul>
        {sections.map((section) => (
          <li key={section.path}>
            <Link to={section.path} aria-current={pathname.startsWith(section.path) ? "page" : undefined}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitcher({ current }: { current: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <nav aria-label={t("common:language-switcher.label")} className="language-switcher">
      <ul>
        {supportedLanguages.map((language) => (
          <li key={language}>
            <a
              href={pathInLanguage(location.pathname, location.search, language)}
              hrefLang={language}
              lang={language}
              aria-current={language === current ? "true" : undefined}
            >
              {languageAutonyms[language]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SiteFooter() {
  const { t, i18n } = useTranslation();
  const language = (supportedLanguages as readonly string[]).includes(i18n.language) ? i18n.language : "en";
  return (
    <footer className="site-footer">
      <p>
        {t("common:footer.privacy")} <Link to={`/${language}/privacy`}>{t("common:footer.privacy-link")}</Link>
      </p>
      <p data-testid="footer-operator">
        <OperatorLine />
      </p>
      <p>{t("common:footer.licence")}</p>
    </footer>
  );
}
