// Reviewing drafts in batches: a moderator filters drafts (by import, status, letters,
// facility, any-spelling name search), reads a compact summary of each with its sources,
// ticks the ones checked and publishes or returns them in one form. Four eyes hold per
// profile; the outcome says which were skipped and why. Works without JavaScript.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { MAX_BATCH, RETURN_REASON_MAX } from "~/staff/profiles/draft-review-form";
import type { SkipReason } from "~/staff/profiles/draft-review.server";
import { ProfileStateFilters, useFieldLabel, useValueText } from "~/staff/profiles/profile-editor-form";
import { draftReviewPage, submitDraftReview, type DraftReviewData, type DraftReviewProblem } from "~/staff/profiles/submit-draft-review.server";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/profile-editor.css";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "profile-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:approve-change");
  return json(await draftReviewPage(state, language, new URL(request.url).searchParams), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:approve-change");
  const outcome = await submitDraftReview(state, language, request);
  return json<DraftReviewData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const SKIP_KEYS = {
  own: "profile-editor:review.skip.own",
  changed: "profile-editor:review.skip.changed",
  "not-draft": "profile-editor:review.skip.not-draft",
  returned: "profile-editor:review.skip.returned",
} as const satisfies Record<SkipReason, string>;
const PROBLEM_KEYS = {
  "nothing-selected": "profile-editor:review.problems.nothing-selected",
  "too-many": "profile-editor:review.problems.too-many",
  "reason-required": "profile-editor:review.problems.reason-required",
  "reason-too-long": "profile-editor:review.problems.reason-too-long",
  "unknown-intent": "profile-editor:review.problems.unknown-intent",
  unreadable: "profile-editor:review.problems.unreadable",
} as const satisfies Record<DraftReviewProblem, string>;

export default function ReviewDraftsPage() {
  const { nav, language, drafts, total, page, pageCount, facilities, imports, filters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as DraftReviewData | undefined;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const valueText = useValueText();
  const refused = result && !result.ok ? result : null;
  // Returned drafts wait for their authors' edit: listed to be opened, not decided on again.
  const decidable = filters.state !== "returned";
  // "Select all on this page" is a link (no JavaScript needed): the page comes back ticked.
  const selectAll = search.get("select") === "all";
  const isTicked = (id: string) => (refused ? refused.selected.includes(id) : selectAll);
  const link = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, page: String(page), ...changes })) if (value) params.set(key, value);
    return `/${language}/staff/prisoners/review?${params.toString()}`;
  };
  return (
    <article aria-labelledby="review-title">
      <StaffNav nav={nav} />
      <p>
        <Link to={`/${language}/staff/prisoners`}>{t("profile-editor:edit.back")}</Link>
      </p>
      <h1 id="review-title">{t("profile-editor:review.title")}</h1>
      <p className="staff-hint">{t("profile-editor:review.lead")}</p>
      {result?.ok ? (
        <div role="status" className="staff-ok" id="review-outcome">
          <p>{result.intent === "publish" ? t("profile-editor:review.published", { count: result.outcome.done }) : t("profile-editor:review.returned-done", { count: result.outcome.done })}</p>
          {result.outcome.skipped.length > 0 ? (
            <>
              <p>{t("profile-editor:review.skipped", { count: result.outcome.skipped.length })}</p>
              <ul>
                {result.outcome.skipped.map((entry) => (
                  <li key={entry.id} data-skipped={entry.reason}>
                    <Link to={`/${language}/staff/prisoners/${entry.id}`}>{entry.name}</Link>: {t(SKIP_KEYS[entry.reason])}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {refused ? (
        <p role="alert" className="staff-error" id="review-problem">
          {t(PROBLEM_KEYS[refused.problem], { max: refused.problem === "too-many" ? MAX_BATCH : RETURN_REASON_MAX })}
        </p>
      ) : null}
      <Form method="get" className="staff-form" role="search" aria-label={t("profile-editor:review.filters")}>
        <div className="staff-field">
          <label htmlFor="q">{t("profile-editor:list.search")}</label>
          <input type="text" id="q" name="q" defaultValue={filters.q} />
        </div>
        <div className="staff-field">
          <label htmlFor="import">{t("profile-editor:review.filter-import")}</label>
          <select id="import" name="import" defaultValue={filters.import ?? ""}>
            <option value="">{t("profile-editor:list.any")}</option>
            {imports.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <ProfileStateFilters status={filters.status} letterStatus={filters.letters} facility={filters.facility} facilities={facilities} draftState={filters.state} />
        <button type="submit" className="staff-button staff-button--secondary">
          {t("profile-editor:list.show")}
        </button>
      </Form>
      {drafts.length === 0 ? (
        <p>{t("profile-editor:review.empty")}</p>
      ) : (
        <Form method="post" className="staff-form" id="review-form">
          <p>
            {t("profile-editor:review.caption", { count: total })}
            {pageCount > 1 ? ` · ${t("profile-editor:list.page-of", { page, pages: pageCount })}` : null}
            {decidable ? (
              <>
                {" · "}
                <Link to={link({ select: "all" })}>{t("profile-editor:review.select-all")}</Link>
              </>
            ) : null}
          </p>
          <ul className="review-list">
            {drafts.map((draft) => (
              <li key={draft.id} className="review-row" data-draft={draft.slug}>
                {decidable ? (
                  <>
                    <input type="hidden" name={`version.${draft.id}`} value={draft.version} />
                    <input type="checkbox" name="pick" value={draft.id} id={`pick-${draft.id}`} defaultChecked={isTicked(draft.id)} />{" "}
                    <label htmlFor={`pick-${draft.id}`}>
                      <strong>{draft.names[0]?.name ?? draft.slug}</strong>
                    </label>
                  </>
                ) : (
                  <strong>{draft.names[0]?.name ?? draft.slug}</strong>
                )}{" "}
                <Link to={`/${language}/staff/prisoners/${draft.id}`}>{t("profile-editor:review.open")}</Link>
                <dl className="review-facts">
                  {draft.names.slice(1).map((name) => (
                    <div key={name.script}>
                      <dt>{fieldLabel(`name.${name.script}`)}</dt>
                      <dd>{name.name}</dd>
                    </div>
                  ))}
                  <div>
                    <dt>{fieldLabel("status")}</dt>
                    <dd>{valueText("status", draft.status)}</dd>
                  </div>
                  <div>
                    <dt>{t("profile-editor:list.filter-letters")}</dt>
                    <dd>{valueText("letterStatus", draft.letterStatus)}</dd>
                  </div>
                  <div>
                    <dt>{t("profile-editor:list.filter-facility")}</dt>
                    <dd>{draft.facility ?? t("profile-editor:review.no-facility")}</dd>
                  </div>
                  {draft.sentenceMonths !== null ? (
                    <div>
                      <dt>{t("profile-editor:review.sentence")}</dt>
                      <dd>{t("profile-editor:review.sentence-months", { count: draft.sentenceMonths })}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t("profile-editor:review.sources")}</dt>
                    <dd>{draft.sources.length > 0 ? draft.sources.map((source) => `${source.publication}${source.title ? ` — ${source.title}` : ""} (${source.publishedOn})`).join("; ") : t("profile-editor:review.no-sources")}</dd>
                  </div>
                  {draft.returned ? (
                    <div data-returned>
                      <dt>{t("profile-editor:review.returned")}</dt>
                      <dd>{t("profile-editor:returned.by", { name: draft.returned.by ?? t("profile-editor:edit.no-creator"), date: draft.returned.on, reason: draft.returned.reason })}</dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
          {decidable ? (
            <>
              <button type="submit" name="intent" value="publish" className="staff-button">
                {t("profile-editor:review.publish")}
              </button>
              <div className="staff-field">
                <label htmlFor="reason">{t("profile-editor:review.reason")}</label>
                <textarea id="reason" name="reason" rows={3} maxLength={RETURN_REASON_MAX} defaultValue={refused?.reason ?? ""} aria-invalid={refused?.problem === "reason-required" || refused?.problem === "reason-too-long" ? true : undefined} />
              </div>
              <button type="submit" name="intent" value="return" className="staff-button staff-button--secondary">
                {t("profile-editor:review.return")}
              </button>
            </>
          ) : null}
        </Form>
      )}
      <Pagination page={page} pageCount={pageCount} href={(target) => link({ page: String(target) })} label={t("profile-editor:list.pages")} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
