// One prisoner profile in the back office: the editor (a draft changes at once; a published
// profile gets a proposed change), the changes waiting for review with apply / reject /
// withdraw for whoever may, and "publish" for a draft. Everything is decided on the server;
// buttons only appear for moves that would pass.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import type { ChangeView } from "~/staff/profiles/prisoner-profile.server";
import { ChangeLines, ProfileEditorForm } from "~/staff/profiles/profile-editor-form";
import { profileEditorPage } from "~/staff/profiles/profile-editor-page.server";
import { CHANGE_STATE_KEYS } from "~/staff/profiles/profile-labels";
import type { SlugProblem } from "~/staff/profiles/prisoner-profile.server";
import { submitProfileEdit, type ProfileEditData, type ProfileEditProblem } from "~/staff/profiles/submit-profile-edit.server";
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
  const state = await requireStaff(request, "prisoner:edit");
  return json(await profileEditorPage(state, params.id ?? "", language), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:edit");
  const id = params.id ?? "";
  const outcome = await submitProfileEdit(state, id, language, request);
  if ("done" in outcome) return redirect(`/${language}/staff/prisoners/${id}?done=${outcome.done}`, { headers: noStore });
  return json<ProfileEditData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const DONE_KEYS = {
  created: "profile-editor:done.created",
  applied: "profile-editor:done.applied",
  proposed: "profile-editor:done.proposed",
  published: "profile-editor:done.published",
  slug: "profile-editor:done.slug",
  apply: "profile-editor:done.apply",
  reject: "profile-editor:done.reject",
  withdraw: "profile-editor:done.withdraw",
} as const;
const PROBLEM_KEYS = {
  "not-found": "profile-editor:problems.not-found",
  forbidden: "profile-editor:problems.forbidden",
  conflict: "profile-editor:problems.conflict",
  stale: "profile-editor:problems.stale",
  changed: "profile-editor:problems.changed",
  "no-change": "profile-editor:problems.no-change",
  "unknown-intent": "profile-editor:problems.unknown-intent",
  "reason-required": "profile-editor:problems.reason-required",
} as const satisfies Record<ProfileEditProblem, string>;
const SLUG_PROBLEM_KEYS = {
  "slug-invalid": "profile-editor:slug.problems.invalid",
  "slug-taken": "profile-editor:slug.problems.taken",
  "slug-published": "profile-editor:slug.problems.published",
} as const satisfies Record<SlugProblem, string>;

export default function StaffProfilePage() {
  const { nav, language, profile, facilities, sources, chargeTypes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ProfileEditData | undefined;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const doneKey = DONE_KEYS[(search.get("done") ?? "") as keyof typeof DONE_KEYS];
  const formResult = result?.kind === "form" ? result : null;
  const problem = result && result.kind !== "slug" ? result.problem : null;
  const slugRefused = result?.kind === "slug" ? result : null;
  return (
    <article aria-labelledby="profile-title">
      <StaffNav nav={nav} />
      <p>
        <Link to={`/${language}/staff/prisoners`}>{t("profile-editor:edit.back")}</Link>
        {" · "}
        <Link to={`/${language}/staff/prisoners/${profile.id}/history`}>{t("profile-editor:edit.history")}</Link>
      </p>
      <h1 id="profile-title">{profile.name}</h1>
      {profile.returned ? (
        <section className="notice profile-returned" aria-labelledby="returned-title" id="returned-notice">
          <h2 id="returned-title">{t("profile-editor:returned.title")}</h2>
          <p>{t("profile-editor:returned.by-line", { name: profile.returned.by ?? t("profile-editor:edit.no-creator"), date: profile.returned.on })}</p>
          <blockquote className="profile-returned__reason">{profile.returned.reason}</blockquote>
          <p>{t("profile-editor:returned.lead")}</p>
        </section>
      ) : null}
      {formResult?.moreRows ? (
        <p role="status" className="staff-ok">
          {t("profile-editor:edit.more-rows-added")}
        </p>
      ) : null}
      {doneKey && !result ? (
        <p role="status" className="staff-ok">
          {t(doneKey)}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="staff-error">
          {t(PROBLEM_KEYS[problem])}
        </p>
      ) : slugRefused && !profile.draft ? (
        // Published meanwhile: the field is gone, so the refusal is said here.
        <p role="alert" className="staff-error">
          {t(SLUG_PROBLEM_KEYS[slugRefused.problem])}
        </p>
      ) : formResult && Object.keys(formResult.errors).length > 0 ? (
        <p role="alert" className="staff-error">
          {t("profile-editor:problems.fix-fields")}
        </p>
      ) : null}

      <dl className="profile-facts">
        <dt>{t("profile-editor:list.state")}</dt>
        <dd data-testid="profile-state">{profile.returned ? t("profile-editor:state.returned") : profile.draft ? t("profile-editor:state.draft") : t("profile-editor:state.published")}</dd>
        <dt>{t("profile-editor:edit.creator")}</dt>
        <dd>{profile.creator ?? t("profile-editor:edit.no-creator")}</dd>
        <dt>{t("profile-editor:form.slug")}</dt>
        <dd>{profile.slug}</dd>
        <dt>{t("profile-editor:edit.version")}</dt>
        <dd>{profile.version}</dd>
      </dl>
      {profile.draft ? (
        // Only a draft's address may be corrected: the old one is kept and redirects (decision 0017).
        <Form method="post" className="staff-form" id="slug-form">
          <div className="staff-field">
            <label htmlFor="field-slug">{t("profile-editor:slug.label")}</label>
            <p id="slug-hint" className="staff-hint">
              {t("profile-editor:slug.hint")}
            </p>
            <input
              type="text"
              id="field-slug"
              name="slug"
              defaultValue={slugRefused?.slug ?? profile.slug}
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={slugRefused ? true : undefined}
              aria-describedby={slugRefused ? "slug-hint slug-error" : "slug-hint"}
            />
            {slugRefused ? (
              <p id="slug-error" role="alert" className="staff-error">
                {t(SLUG_PROBLEM_KEYS[slugRefused.problem])}
              </p>
            ) : null}
          </div>
          <button type="submit" name="intent" value="slug" className="staff-button staff-button--secondary">
            {t("profile-editor:slug.submit")}
          </button>
        </Form>
      ) : (
        <p>
          <Link to={`/${language}/prisoners/${profile.slug}`}>{t("profile-editor:edit.public-page")}</Link>
        </p>
      )}
      {profile.photo ? (
        <figure className="profile-photo">
          <img src={profile.photo.url} alt={t("profile-editor:edit.photo-alt", { name: profile.name })} width={profile.photo.width} height={profile.photo.height} />
          {profile.photo.credit ? <figcaption>{t("profile-editor:edit.photo-credit", { credit: profile.photo.credit })}</figcaption> : null}
        </figure>
      ) : null}

      {profile.may.publish ? (
        <section className="profile-change" aria-labelledby="publish-title">
          <h2 id="publish-title">{t("profile-editor:publish.title")}</h2>
          <p>{t("profile-editor:publish.lead")}</p>
          <Form method="post">
            <input type="hidden" name="version" value={profile.version} />
            <button type="submit" name="intent" value="publish" className="staff-button">
              {t("profile-editor:publish.submit")}
            </button>
          </Form>
        </section>
      ) : profile.returned ? null : profile.draft ? (
        <p data-testid={profile.contributed ? "four-eyes" : undefined}>{profile.contributed ? t("profile-editor:publish.contributor") : t("profile-editor:publish.waiting")}</p>
      ) : null}

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t("profile-editor:pending.title")}</h2>
        {profile.pending.length === 0 ? <p>{t("profile-editor:pending.none")}</p> : profile.pending.map((change) => <PendingChange key={change.id} change={change} result={result} />)}
      </section>

      <section aria-labelledby="edit-title">
        <h2 id="edit-title">{t("profile-editor:edit.title")}</h2>
        <ProfileEditorForm
          values={formResult?.values ?? profile.values}
          errors={formResult?.errors ?? {}}
          facilities={facilities}
          sources={sources}
          chargeTypes={chargeTypes}
          version={profile.version}
          submitLabel={profile.draft ? t("profile-editor:edit.save-draft") : t("profile-editor:edit.propose")}
          lead={profile.draft ? t("profile-editor:edit.draft-lead") : t("profile-editor:edit.review-lead")}
        />
      </section>
    </article>
  );
}

function PendingChange({ change, result }: { change: ChangeView; result: ProfileEditData | undefined }) {
  const { t } = useTranslation();
  const reasonMissing = result?.kind === "problem" && result.problem === "reason-required" && result.changeId === change.id;
  const headingId = `change-${change.id}`;
  return (
    <section className="profile-change" aria-labelledby={headingId} data-change={change.id}>
      <h3 id={headingId}>{t("profile-editor:pending.heading", { author: change.author ?? t("profile-editor:edit.no-creator"), date: change.createdAt })}</h3>
      <p>{t(CHANGE_STATE_KEYS[change.state])}</p>
      {change.stale ? (
        <p className="staff-error" data-testid="stale">
          {t("profile-editor:pending.stale")}
        </p>
      ) : null}
      {change.note ? <p className="profile-change__value">{t("profile-editor:pending.note", { note: change.note })}</p> : null}
      <ChangeLines change={change} />
      {change.may.apply ? (
        <Form method="post">
          <input type="hidden" name="change" value={change.id} />
          <button type="submit" name="intent" value="apply" className="staff-button">
            {t("profile-editor:pending.apply")}
          </button>
        </Form>
      ) : null}
      {change.may.reject ? (
        <Form method="post" className="staff-form" noValidate>
          <input type="hidden" name="change" value={change.id} />
          <div className="staff-field">
            <label htmlFor={`reason-${change.id}`}>{t("profile-editor:pending.reason")}</label>
            <textarea id={`reason-${change.id}`} name="reason" rows={2} required aria-invalid={reasonMissing ? true : undefined} aria-describedby={reasonMissing ? `reason-error-${change.id}` : undefined} />
            {reasonMissing ? (
              <p id={`reason-error-${change.id}`} className="staff-error">
                {t("profile-editor:problems.reason-required")}
              </p>
            ) : null}
          </div>
          <button type="submit" name="intent" value="reject" className="staff-button staff-button--secondary">
            {t("profile-editor:pending.reject")}
          </button>
        </Form>
      ) : null}
      {change.may.withdraw ? (
        <Form method="post">
          <input type="hidden" name="change" value={change.id} />
          <button type="submit" name="intent" value="withdraw" className="staff-button staff-button--secondary">
            {t("profile-editor:pending.withdraw")}
          </button>
        </Form>
      ) : null}
      {!change.may.apply && !change.may.reject && !change.may.withdraw ? <p>{t("profile-editor:pending.waiting")}</p> : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
