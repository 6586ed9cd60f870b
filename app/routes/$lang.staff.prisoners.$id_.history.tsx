// The history of one prisoner profile: every change, newest first, with who made it, when,
// where it came from (editor or import), what became of it, and each field before → after.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { listProfileHistory } from "~/staff/profiles/prisoner-profile.server";
import { ChangeLines } from "~/staff/profiles/profile-editor-form";
import { CHANGE_STATE_KEYS, ORIGIN_KEYS } from "~/staff/profiles/profile-labels";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/profile-editor.css";
import styles from "~/styles/staff.css";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["staff", "profile-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:edit");
  const id = params.id ?? "";
  const history = await listProfileHistory(state.actor, id, language);
  if (!history) throw new Response("Not Found", { status: 404, headers: noStore });
  const t = await getFixedT(language, ["common", "profile-editor"]);
  return json(
    { nav: staffNavFor(state, language), language, id, history, meta: { title: t("common:page-title", { page: t("profile-editor:history.title", { name: history.name }) }) } },
    { headers: noStore },
  );
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function ProfileHistoryPage() {
  const { nav, language, id, history } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article aria-labelledby="history-title">
      <StaffNav nav={nav} />
      <p>
        <Link to={`/${language}/staff/prisoners/${id}`}>{t("profile-editor:history.back")}</Link>
      </p>
      <h1 id="history-title">{t("profile-editor:history.title", { name: history.name })}</h1>
      {history.changes.length === 0 ? (
        <p>{t("profile-editor:history.empty")}</p>
      ) : (
        <ol className="profile-history" aria-label={t("profile-editor:history.list", { count: history.changes.length })}>
          {history.changes.map((change) => (
            <li key={change.id} className="profile-change" data-change={change.id} data-state={change.state}>
              <h2>{t("profile-editor:history.entry", { author: change.author ?? t("profile-editor:edit.no-creator"), date: change.createdAt })}</h2>
              <dl className="profile-facts">
                <dt>{t("profile-editor:history.state")}</dt>
                <dd>{t(CHANGE_STATE_KEYS[change.state])}</dd>
                <dt>{t("profile-editor:history.origin")}</dt>
                <dd>{t(ORIGIN_KEYS[change.origin])}</dd>
                {change.reviewer ? (
                  <>
                    <dt>{t("profile-editor:history.reviewer")}</dt>
                    <dd>{change.decidedAt ? t("profile-editor:history.decided", { reviewer: change.reviewer, date: change.decidedAt }) : change.reviewer}</dd>
                  </>
                ) : null}
                {change.note ? (
                  <>
                    <dt>{t("profile-editor:history.note")}</dt>
                    <dd className="profile-change__value">{change.note}</dd>
                  </>
                ) : null}
                {change.reason ? (
                  <>
                    <dt>{t("profile-editor:history.reason")}</dt>
                    <dd className="profile-change__value">{change.reason}</dd>
                  </>
                ) : null}
              </dl>
              <ChangeLines change={change} />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
