import { Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { isLanguage, sourceLanguage } from "~/i18n";
import { errorKind } from "~/utils/error-kind";

// The one error page: a translated 404 for what does not exist, a translated generic
// message for everything else. Never a stack trace or an internal message.

/** The document title while an error page is shown (rendered by the root Layout). */
export function ErrorTitle() {
  const { t } = useTranslation();
  const { kind } = errorKind(useRouteError());
  const titles = {
    "not-found": t("errors:not-found.title"),
    forbidden: t("errors:forbidden.title"),
    "bad-request": t("errors:bad-request.title"),
    server: t("errors:server.title"),
  } as const;
  return <title>{t("common:page-title", { page: titles[kind] })}</title>;
}

export function GeneralErrorBoundary() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : sourceLanguage;
  const { status, kind } = errorKind(useRouteError());
  const headings = {
    "not-found": t("errors:not-found.title"),
    forbidden: t("errors:forbidden.title"),
    "bad-request": t("errors:bad-request.title"),
    server: t("errors:server.title"),
  } as const;
  const bodies = {
    "not-found": t("errors:not-found.body"),
    forbidden: t("errors:forbidden.body"),
    "bad-request": t("errors:bad-request.body"),
    server: t("errors:server.body"),
  } as const;

  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">{t("errors:status", { status })}</p>
      <h1 id="error-title">{headings[kind]}</h1>
      <p>{bodies[kind]}</p>
      <p>
        <Link to={`/${language}/`}>{t("errors:go-home")}</Link>
      </p>
    </section>
  );
}
