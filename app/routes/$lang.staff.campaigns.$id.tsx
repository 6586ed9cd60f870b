// One campaign in the back office: its content (editable by whoever mayEdit allows), the
// review workflow (submit, publish, return with a note, close), and its pledge and action
// counts. Everything is decided on the server; buttons only appear for moves that would pass.
// An edit of a PUBLISHED campaign is not saved but proposed: the pending revisions are shown
// here as a diff (field by field, language by language, as text) for a moderator other than
// their author to apply or reject with a reason.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { languageAutonyms, supportedLanguages } from "~/i18n";
import { noStore } from "~/staff/accounts/session.server";
import type { DiffField } from "~/staff/campaigns/campaign-diff";
import { CampaignEditorForm, FieldErrorText, STATUS_KEYS } from "~/staff/campaigns/campaign-editor-form";
import { campaignEditorPage, requireCampaignStaff } from "~/staff/campaigns/campaign-editor-page.server";
import { PreviewLanguages } from "~/staff/campaigns/campaign-preview-frame";
import type { CampaignFormValues } from "~/staff/campaigns/campaign-form";
import type { EmbedOriginError } from "~/campaigns/embed-origins";
import { submitCampaignEdit, type CampaignEditData, type CampaignEditProblem } from "~/staff/campaigns/submit-campaign-edit.server";
import { useFieldLabel, useValueText } from "~/staff/profiles/profile-editor-form";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/campaign-editor.css";
import previewStyles from "~/styles/campaign-preview.css";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { publicOrigin, requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "campaign-editor", "profile-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
  { rel: "stylesheet", href: previewStyles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireCampaignStaff(request);
  return json(await campaignEditorPage(state, params.id ?? "", language, publicOrigin(request, context)), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireCampaignStaff(request);
  const id = params.id ?? "";
  const outcome = await submitCampaignEdit(state, id, language, await request.formData(), publicOrigin(request, context));
  if ("done" in outcome) return redirect(`/${language}/staff/campaigns/${id}?done=${outcome.done}`, { headers: noStore });
  return json<CampaignEditData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const DONE_KEYS = {
  "embed-saved": "campaign-editor:embed.saved",
  created: "campaign-editor:done.created",
  saved: "campaign-editor:done.saved",
  submit: "campaign-editor:done.submit",
  publish: "campaign-editor:done.publish",
  return: "campaign-editor:done.return",
  close: "campaign-editor:done.close",
  proposed: "campaign-editor:done.proposed",
  applied: "campaign-editor:done.applied",
  rejected: "campaign-editor:done.rejected",
  withdrawn: "campaign-editor:done.withdrawn",
} as const;
const PROBLEM_KEYS = {
  "not-found": "campaign-editor:problems.not-found",
  forbidden: "campaign-editor:problems.forbidden",
  conflict: "campaign-editor:problems.conflict",
  changed: "campaign-editor:problems.changed",
  incomplete: "campaign-editor:problems.incomplete",
  "unknown-intent": "campaign-editor:problems.unknown-intent",
  decided: "campaign-editor:problems.decided",
  stale: "campaign-editor:problems.stale",
  invalid: "campaign-editor:problems.invalid",
} as const satisfies Record<CampaignEditProblem, string>;

export default function StaffCampaignPage() {
  const { nav, language, campaign, targetWarnings, needsReview, revisions, draftPreview, decisions, prisoners, officials, staleMembers, staleAfterDays, embed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const doneKey = DONE_KEYS[(search.get("done") ?? "") as keyof typeof DONE_KEYS];
  const formResult = result?.kind === "form" ? result : null;
  const conflict = (result?.kind === "problem" && result.problem === "conflict") || (formResult && Object.keys(formResult.errors).length === 0);
  const published = campaign.status === "PUBLISHED" || campaign.status === "CLOSED";
  return (
    <article aria-labelledby="campaign-title">
      <StaffNav nav={nav} />
      <p>
        <Link to={`/${language}/staff/campaigns`}>{t("campaign-editor:edit.back")}</Link>
      </p>
      <h1 id="campaign-title">{campaign.title ?? campaign.slug}</h1>
      {doneKey && !result ? (
        <p role="status" className="staff-ok">
          {t(doneKey)}
        </p>
      ) : null}
      {conflict ? (
        <p role="alert" className="staff-error">
          {t("campaign-editor:problems.conflict")}
        </p>
      ) : result?.kind === "problem" ? (
        <p role="alert" className="staff-error">
          {t(PROBLEM_KEYS[result.problem])}
        </p>
      ) : result?.kind === "unreachable" ? (
        <p role="alert" className="staff-error" data-testid="unreachable">
          {t("campaign-editor:problems.unreachable", { targets: result.targets.join(", ") })}
        </p>
      ) : null}

      <dl className="campaign-facts">
        <dt>{t("campaign-editor:list.status")}</dt>
        <dd data-testid="campaign-status">{t(STATUS_KEYS[campaign.status])}</dd>
        <dt>{t("campaign-editor:list.author")}</dt>
        <dd>{campaign.author ?? t("campaign-editor:list.no-author")}</dd>
        {campaign.submitter ? (
          <>
            <dt>{t("campaign-editor:edit.submitted-by")}</dt>
            <dd>{campaign.submitter}</dd>
          </>
        ) : null}
        {campaign.publisher ? (
          <>
            <dt>{t("campaign-editor:edit.published-by")}</dt>
            <dd>{campaign.publisher}</dd>
          </>
        ) : null}
        <dt>{t("campaign-editor:edit.pledges")}</dt>
        <dd data-testid="pledge-count">{campaign.displayPledgeCount}</dd>
        <dt>{t("campaign-editor:edit.actions")}</dt>
        <dd data-testid="action-count">{campaign.displayActionCount}</dd>
      </dl>
      {published ? (
        <p>
          <Link to={`/${language}/campaigns/${campaign.slug}`}>{t("campaign-editor:edit.public-page")}</Link>
        </p>
      ) : null}
      <p>
        <Link to={`/${language}/staff/campaigns/${campaign.id}/updates`} data-testid="campaign-updates-link">
          {t("campaign-editor:updates.link")}
        </Link>
      </p>
      <p>
        <Link to={`/${language}/staff/campaigns/${campaign.id}/events`} data-testid="campaign-events-link">
          {t("campaign-editor:events.link")}
        </Link>
      </p>
      {campaign.reviewNote ? (
        <section aria-labelledby="note-title">
          <h2 id="note-title">{t("campaign-editor:edit.note-title")}</h2>
          <p className="campaign-note">{campaign.reviewNote}</p>
        </section>
      ) : null}

      <TargetWarnings warnings={targetWarnings} />

      {draftPreview ? (
        <section aria-labelledby="draft-preview-title" className="campaign-preview-links" data-testid="draft-preview">
          <h2 id="draft-preview-title">{t("campaign-editor:preview.title")}</h2>
          <PreviewLanguages languages={draftPreview} label={t("campaign-editor:preview.links-draft")} />
        </section>
      ) : null}

      <Workflow campaign={campaign} result={result ?? null} staleMembers={<StaleMembers members={staleMembers} days={staleAfterDays} language={language} />} />

      {revisions.length > 0 ? <Revisions revisions={revisions} result={result ?? null} days={staleAfterDays} language={language} /> : null}
      {decisions.length > 0 ? <Decisions decisions={decisions} /> : null}

      <EmbedSettings embed={embed} result={result?.kind === "embed" ? result : null} />

      {campaign.may.edit ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{needsReview ? t("campaign-editor:edit.propose-title") : t("campaign-editor:edit.title")}</h2>
          {needsReview ? <p>{t("campaign-editor:edit.propose-lead")}</p> : null}
          <CampaignEditorForm
            values={formResult?.values ?? campaign.values}
            errors={formResult?.errors ?? {}}
            prisoners={prisoners}
            officials={officials}
            version={campaign.version}
            submitLabel={needsReview ? t("campaign-editor:edit.propose") : t("campaign-editor:edit.save")}
          />
        </section>
      ) : (
        <ReadOnly values={campaign.values} />
      )}
    </article>
  );
}

type View = ReturnType<typeof useLoaderData<typeof loader>>["campaign"];

function Workflow({ campaign, result, staleMembers }: { campaign: View; result: CampaignEditData | null; staleMembers: ReactNode }) {
  const { t } = useTranslation();
  const { may } = campaign;
  if (!may.submit && !may.publish && !may.return && !may.close) {
    return campaign.status === "IN_REVIEW" ? <p>{t("campaign-editor:workflow.waiting")}</p> : null;
  }
  const noteError = result?.kind === "note" ? result.error : undefined;
  return (
    <section className="campaign-workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t("campaign-editor:workflow.title")}</h2>
      {campaign.status === "IN_REVIEW" && campaign.contributed && !may.publish ? <p data-testid="four-eyes">{t("campaign-editor:workflow.contributor")}</p> : null}
      {may.submit || may.publish ? staleMembers : null}
      {may.submit ? <PressMove move="submit" /> : null}
      {may.publish ? <PressMove move="publish" version={campaign.version} /> : null}
      {may.return ? (
        <Form method="post" className="staff-form" noValidate>
          <div className="staff-field">
            <label htmlFor="note">{t("campaign-editor:workflow.note")}</label>
            <textarea id="note" name="note" rows={3} required defaultValue={result?.kind === "note" ? result.note : ""} aria-invalid={noteError ? true : undefined} aria-describedby={noteError ? "note-error" : undefined} />
            <FieldErrorText id="note-error" error={noteError} />
          </div>
          <button type="submit" name="intent" value="return" className="staff-button staff-button--secondary">
            {t("campaign-editor:workflow.return")}
          </button>
        </Form>
      ) : null}
      {may.close ? <PressMove move="close" /> : null}
    </section>
  );
}

const PRESS_MOVES = {
  submit: { lead: "campaign-editor:workflow.submit-lead", label: "campaign-editor:workflow.submit", className: "staff-button" },
  publish: { lead: "campaign-editor:workflow.publish-lead", label: "campaign-editor:workflow.publish", className: "staff-button" },
  close: { lead: "campaign-editor:workflow.close-lead", label: "campaign-editor:workflow.close", className: "staff-button staff-button--secondary" },
} as const;

/** A move that needs nothing but a press: what it does, and its button (with the version shown, for publishing). */
function PressMove({ move, version }: { move: keyof typeof PRESS_MOVES; version?: string }) {
  const { t } = useTranslation();
  const { lead, label, className } = PRESS_MOVES[move];
  return (
    <Form method="post">
      <p>{t(lead)}</p>
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <button type="submit" name="intent" value={move} className={className}>
        {t(label)}
      </button>
    </Form>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * Members whose status is too old to state (or was never reported): a warning, not a refusal.
 * Published, their pages say "last reported" and letters to them count as "unknown".
 */
function StaleMembers({ members, days, language }: { members: LoaderData["staleMembers"]; days: number; language: string }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const valueText = useValueText();
  if (members.length === 0) return null;
  return (
    <div className="campaign-stale" role="note" data-testid="stale-members">
      <p>
        <strong>{t("campaign-editor:stale.title")}</strong> {t("campaign-editor:stale.lead", { count: days })}
      </p>
      <ul>
        {members.map((member) => (
          <li key={member.id} data-stale-member={member.id}>
            <Link to={`/${language}/staff/prisoners/${member.id}`}>{member.name}</Link>
            {": "}
            {member.reports
              .map((report) =>
                report.view.report
                  ? t("profile-editor:list.last-report-by", { field: fieldLabel(report.field), value: valueText(report.field, report.value), source: report.view.report.source.publication, date: report.view.report.displayDate })
                  : t("profile-editor:list.no-report", { field: fieldLabel(report.field), value: valueText(report.field, report.value) }),
              )
              .join("; ")}
          </li>
        ))}
      </ul>
    </div>
  );
}

const DIFF_FIELD_KEYS = {
  slug: "campaign-editor:form.slug",
  goal: "campaign-editor:form.goal",
  deadline: "campaign-editor:form.deadline",
  prisoners: "campaign-editor:form.prisoners",
  targets: "campaign-editor:form.targets",
  title: "campaign-editor:form.title",
  summary: "campaign-editor:form.summary",
  ask: "campaign-editor:form.ask",
  subjects: "campaign-editor:form.subjects",
  openings: "campaign-editor:form.openings",
  arguments: "campaign-editor:form.arguments",
  closings: "campaign-editor:form.closings",
} as const satisfies Record<DiffField, string>;

/** Pending revisions: what each would change (old → new, as text), and the moves this actor may make. */
function Revisions({ revisions, result, days, language }: { revisions: LoaderData["revisions"]; result: CampaignEditData | null; days: number; language: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="revisions-title" className="campaign-revisions" data-testid="pending-revisions">
      <h2 id="revisions-title">{t("campaign-editor:revisions.title")}</h2>
      <p>{t("campaign-editor:revisions.lead")}</p>
      {revisions.map((revision) => {
        const reasonError = result?.kind === "reason" && result.revisionId === revision.id ? result : null;
        const reasonId = `reason-${revision.id}`;
        return (
          <section key={revision.id} aria-labelledby={`revision-${revision.id}`} className="campaign-revision">
            <h3 id={`revision-${revision.id}`}>{t("campaign-editor:revisions.by", { name: revision.author ?? t("campaign-editor:list.no-author"), date: revision.date })}</h3>
            {revision.stale ? (
              <p className="staff-error" data-testid="revision-stale">
                {t("campaign-editor:revisions.stale")}
              </p>
            ) : null}
            <StaleMembers members={revision.staleMembers} days={days} language={language} />
            {revision.rows.length === 0 ? (
              <p>{t("campaign-editor:revisions.no-changes")}</p>
            ) : (
              <table className="staff-table campaign-diff">
                <caption>{t("campaign-editor:revisions.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("campaign-editor:revisions.field")}</th>
                    <th scope="col">{t("campaign-editor:revisions.before")}</th>
                    <th scope="col">{t("campaign-editor:revisions.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {revision.rows.map((row) => (
                    <tr key={row.key} data-field={row.key}>
                      <th scope="row">{row.language ? t("campaign-editor:revisions.field-in", { field: t(DIFF_FIELD_KEYS[row.field]), language: languageAutonyms[row.language] }) : t(DIFF_FIELD_KEYS[row.field])}</th>
                      <td lang={row.language ?? undefined}>{row.before || t("campaign-editor:revisions.empty")}</td>
                      <td lang={row.language ?? undefined}>{row.after || t("campaign-editor:revisions.empty")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="campaign-preview-links" data-testid="revision-preview">
              <PreviewLanguages languages={revision.preview} label={t("campaign-editor:preview.links-revision")} />
            </div>
            {revision.may.decide ? (
              <>
                {revision.stale ? null : (
                  <Form method="post">
                    <input type="hidden" name="revision" value={revision.id} />
                    <button type="submit" name="intent" value="apply-revision" className="staff-button">
                      {t("campaign-editor:revisions.apply")}
                    </button>
                  </Form>
                )}
                <Form method="post" className="staff-form" noValidate>
                  <input type="hidden" name="revision" value={revision.id} />
                  <div className="staff-field">
                    <label htmlFor={reasonId}>{t("campaign-editor:revisions.reason")}</label>
                    <textarea
                      id={reasonId}
                      name="note"
                      rows={2}
                      required
                      defaultValue={reasonError?.note ?? ""}
                      aria-invalid={reasonError ? true : undefined}
                      aria-describedby={reasonError ? `${reasonId}-error` : undefined}
                    />
                    <FieldErrorText id={`${reasonId}-error`} error={reasonError?.error} />
                  </div>
                  <button type="submit" name="intent" value="reject-revision" className="staff-button staff-button--secondary">
                    {t("campaign-editor:revisions.reject")}
                  </button>
                </Form>
              </>
            ) : (
              <p>{t("campaign-editor:revisions.waiting")}</p>
            )}
            {revision.may.withdraw ? (
              <Form method="post">
                <input type="hidden" name="revision" value={revision.id} />
                <button type="submit" name="intent" value="withdraw-revision" className="staff-link-button">
                  {t("campaign-editor:revisions.withdraw")}
                </button>
              </Form>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

const DECISION_KEYS = {
  APPLIED: "campaign-editor:revisions.decided-applied",
  REJECTED: "campaign-editor:revisions.decided-rejected",
  WITHDRAWN: "campaign-editor:revisions.decided-withdrawn",
  PENDING: "campaign-editor:revisions.decided-withdrawn",
} as const;

/** The last few decisions, so an author learns why a proposal was rejected. */
function Decisions({ decisions }: { decisions: LoaderData["decisions"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t("campaign-editor:revisions.decided-title")}</h2>
      <ul>
        {decisions.map((decision) => (
          <li key={decision.id}>
            {t(DECISION_KEYS[decision.state], {
              author: decision.author ?? t("campaign-editor:list.no-author"),
              reviewer: decision.reviewer ?? t("campaign-editor:list.no-author"),
              date: decision.decidedAt,
            })}
            {decision.reason ? <span className="campaign-note">{` ${decision.reason}`}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What campaigners see of others' published campaigns: the texts, as text. */
function ReadOnly({ values }: { values: CampaignFormValues }) {
  const { t } = useTranslation();
  const languages = supportedLanguages.filter((language) => values.texts[`title-${language}`]);
  return (
    <section aria-labelledby="texts-title">
      <h2 id="texts-title">{t("campaign-editor:form.texts-title")}</h2>
      {languages.map((language) => (
        <div key={language} lang={language}>
          <h3>{values.texts[`title-${language}`]}</h3>
          <p>{values.texts[`summary-${language}`]}</p>
          <p>{values.texts[`ask-${language}`]}</p>
        </div>
      ))}
    </section>
  );
}

/** Targets whose letters would not be in their own language, or that nothing can reach yet. */
function TargetWarnings({ warnings }: { warnings: { noTemplate: { name: string; language: string }[]; noChannel: string[] } }) {
  const { t } = useTranslation();
  if (warnings.noTemplate.length === 0 && warnings.noChannel.length === 0) return null;
  return (
    <section aria-labelledby="target-warnings-title" className="campaign-note" data-testid="target-warnings">
      <h2 id="target-warnings-title">{t("campaign-editor:targets.warnings-title")}</h2>
      <ul>
        {warnings.noTemplate.map((target) => (
          <li key={`template-${target.name}`}>{t("campaign-editor:targets.no-template", { name: target.name, language: target.language })}</li>
        ))}
        {warnings.noChannel.map((name) => (
          <li key={`channel-${name}`}>{t("campaign-editor:targets.no-channel", { name })}</li>
        ))}
      </ul>
    </section>
  );
}

const EMBED_ERROR_KEYS = {
  "not-origin": "campaign-editor:embed.error-not-origin",
  "not-https": "campaign-editor:embed.error-not-https",
  "too-many": "campaign-editor:embed.error-too-many",
} as const satisfies Record<EmbedOriginError, string>;

/** The partner sites that may frame the campaign's embed, and the code a partner copies. */
function EmbedSettings({ embed, result }: { embed: LoaderData["embed"]; result: Extract<CampaignEditData, { kind: "embed" }> | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="embed-title" className="campaign-embed">
      <h2 id="embed-title">{t("campaign-editor:embed.title")}</h2>
      <p>{t("campaign-editor:embed.lead")}</p>
      {embed.mayChange ? (
        <Form method="post" className="staff-form" noValidate>
          <div className="staff-field">
            <label htmlFor="embed-origins">{t("campaign-editor:embed.origins")}</label>
            <p id="embed-origins-hint" className="staff-hint">
              {embed.allowLocal ? t("campaign-editor:embed.origins-hint-local") : t("campaign-editor:embed.origins-hint")}
            </p>
            <textarea
              id="embed-origins"
              name="origins"
              rows={3}
              spellCheck={false}
              defaultValue={result?.text ?? embed.text}
              aria-invalid={result ? true : undefined}
              aria-describedby={result ? "embed-origins-hint embed-origins-error" : "embed-origins-hint"}
            />
            {result ? (
              <p id="embed-origins-error" className="staff-error" role="alert">
                {t(EMBED_ERROR_KEYS[result.error], { line: result.line, max: 20 })}
              </p>
            ) : null}
          </div>
          <button type="submit" name="intent" value="embed-origins" className="staff-button">
            {t("campaign-editor:embed.save")}
          </button>
        </Form>
      ) : (
        <p data-testid="embed-origins">{embed.origins.length > 0 ? embed.origins.join(", ") : t("campaign-editor:embed.none")}</p>
      )}
      {embed.published ? (
        <>
          {embed.origins.length === 0 ? <p>{t("campaign-editor:embed.no-origins")}</p> : null}
          <label htmlFor="embed-iframe">{t("campaign-editor:embed.iframe")}</label>
          <textarea id="embed-iframe" readOnly rows={3} value={embed.iframe} spellCheck={false} className="campaign-embed__code" />
          <label htmlFor="embed-script">{t("campaign-editor:embed.script")}</label>
          <textarea id="embed-script" readOnly rows={10} value={embed.script} spellCheck={false} className="campaign-embed__code" />
          <p>
            <a href={embed.src} target="_blank" rel="noopener">
              {t("campaign-editor:embed.preview")}
            </a>
          </p>
          {embed.partners.length > 0 ? (
            <table className="staff-table" data-testid="embed-pledges">
              <caption>{t("campaign-editor:embed.pledges-caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("campaign-editor:embed.partner")}</th>
                  <th scope="col">{t("campaign-editor:embed.pledges")}</th>
                  <th scope="col">{t("campaign-editor:embed.partner-src")}</th>
                </tr>
              </thead>
              <tbody>
                {embed.partners.map((partner) => (
                  <tr key={partner.origin} data-origin={partner.origin}>
                    <th scope="row">{partner.listed ? partner.origin : t("campaign-editor:embed.partner-unlisted", { origin: partner.origin })}</th>
                    <td data-testid="embed-pledge-count">{partner.pledges}</td>
                    <td className="staff-details">{partner.src}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : (
        <p>{t("campaign-editor:embed.unpublished")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
