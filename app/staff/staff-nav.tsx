// The navigation on signed-in back-office pages: only the links this member may follow,
// computed on the server from the permission table, and the sign-out button (a POST).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface StaffNavData {
  language: string;
  displayName: string;
  team: boolean;
  audit: boolean;
  campaigns: boolean;
  statistics: boolean;
  mailroom: boolean;
  prisoners: boolean;
  imports: boolean;
  translations: boolean;
  recoveryCodes: boolean;
  officials: boolean;
  reference: boolean;
}

export function StaffNav({ nav }: { nav: StaffNavData }) {
  const { t } = useTranslation();
  const base = `/${nav.language}/staff`;
  return (
    <nav className="staff-nav" aria-label={t("staff:nav.label")}>
      <p className="staff-nav__who">{t("staff:nav.signed-in-as", { name: nav.displayName })}</p>
      <ul>
        <li>
          <Link to={base}>{t("staff:nav.dashboard")}</Link>
        </li>
        {nav.campaigns ? (
          <li>
            <Link to={`${base}/campaigns`}>{t("staff:nav.campaigns")}</Link>
          </li>
        ) : null}
        {nav.mailroom ? (
          <li>
            <Link to={`${base}/mailroom`}>{t("staff:nav.mailroom")}</Link>
          </li>
        ) : null}
        {nav.prisoners ? (
          <li>
            <Link to={`${base}/prisoners`}>{t("staff:nav.prisoners")}</Link>
          </li>
        ) : null}
        {nav.imports ? (
          <li>
            <Link to={`${base}/prisoners/import`}>{t("staff:nav.import")}</Link>
          </li>
        ) : null}
        {nav.officials ? (
          <li>
            <Link to={`${base}/officials`}>{t("staff:nav.officials")}</Link>
          </li>
        ) : null}
        {nav.translations ? (
          <li>
            <Link to={`${base}/translations`}>{t("staff:nav.translations")}</Link>
          </li>
        ) : null}
        {nav.statistics ? (
          <li>
            <Link to={`${base}/dashboard`}>{t("staff:nav.statistics")}</Link>
          </li>
        ) : null}
        {nav.team ? (
          <li>
            <Link to={`${base}/team`}>{t("staff:nav.team")}</Link>
          </li>
        ) : null}
        {nav.audit ? (
          <li>
            <Link to={`${base}/audit`}>{t("staff:nav.audit")}</Link>
          </li>
        ) : null}
        {nav.reference ? (
          <>
            <li>
              <Link to={`${base}/facilities`}>{t("staff:nav.facilities")}</Link>
            </li>
            <li>
              <Link to={`${base}/charges`}>{t("staff:nav.charges")}</Link>
            </li>
          </>
        ) : null}
        {nav.recoveryCodes ? (
          <li>
            <Link to={`${base}/recovery-codes`}>{t("staff:recovery.manage")}</Link>
          </li>
        ) : null}
        <li>
          <Form method="post" action={`${base}/sign-out`}>
            <button type="submit" className="staff-link-button">
              {t("staff:nav.sign-out")}
            </button>
          </Form>
        </li>
      </ul>
    </nav>
  );
}
