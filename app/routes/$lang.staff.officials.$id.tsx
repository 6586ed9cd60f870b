// One official in the back office: approve a draft (a second person), the contacts waiting
// for review with approve / reject for whoever may, the editor (names at once, changed
// contacts proposed), and every contact ever proposed with its source, date and decision.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { CHANNEL_KEYS, OfficialEditorForm } from "~/staff/officials/official-editor-form";
import { officialEditorPage } from "~/staff/officials/official-page.server";
import type { ContactView } from "~/staff/officials/officials.server";
import { submitOfficialEdit, type OfficialEditData, type OfficialProblem } from "~/staff/officials/submit-official.server";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/profile-editor.css";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "officials"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "official:edit");
  return json(await officialEditorPage(state, params.id ?? "", language), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "official:edit");
  const outcome = await submitOfficialEdit(state, params.id ?? "", language, await request.formData());
  if ("done" in outcome) return redirect(`/${language}/staff/officials/${outcome.id}?done=${outcome.done}`, { headers: noStore });
  return json<OfficialEditData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const DONE_KEYS = {
  created: "officials:done.created",
  saved: "officials:done.saved",
  approved: "officials:done.approved",
  "contact-approved": "officials:done.contact-approved",
  "contact-rejected": "officials:done.contact-rejected",
} as const;
const PROBLEM_KEYS = {
  "not-found": "officials:problems.not-found",
  forbidden: "officials:problems.forbidden",
  decided: "officials:problems.decided",
  "unknown-intent": "officials:problems.unknown-intent",
} as const satisfies Record<OfficialProblem, string>;
const STATE_KEYS = {
  PENDING: "officials:contact-state.pending",
  APPROVED: "officials:contact-state.approved",
  REJECTED: "officials:contact-state.rejected",
  WITHDRAWN: "officials:contact-state.withdrawn",
  REPLACED: "officials:contact-state.replaced",
} as const satisfies Record<ContactView["state"], string>;

export default function StaffOfficialPage() {
  const { nav, language, official, values, sources } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const doneKey = DONE_KEYS[(search.get("done") ?? "") as keyof typeof DONE_KEYS];
  const form = result?.kind === "form" ? result : null;
  const pending = official.contacts.filter((contact) => contact.state === "PENDING");
  const channels = [official.channels.email ? t("officials:channel.email") : null, official.channels.webForm ? t("officials:channel.web-form") : null, official.channels.postal ? t("officials:channel.postal") : null].filter(Boolean);
  return (
    <article aria-labelledby="official-title">
      <StaffNav nav={nav} />
      <p>
        <Link to={`/${language}/staff/officials`}>{t("officials:edit.back")}</Link>
      </p>
      <h1 id="official-title">{official.name}</h1>
      {doneKey && !result ? (
        <p role="status" className="staff-ok">
          {t(doneKey)}
        </p>
      ) : null}
      {result?.kind === "problem" ? (
        <p role="alert" className="staff-error">
          {t(PROBLEM_KEYS[result.problem])}
        </p>
      ) : form && Object.keys(form.errors).length > 0 ? (
        <p role="alert" className="staff-error">
          {t("officials:problems.fix-fields")}
        </p>
      ) : null}
      <dl className="profile-facts">
        <dt>{t("officials:list.state")}</dt>
        <dd data-testid="official-state">{official.draft ? t("officials:state.draft") : t("officials:state.approved")}</dd>
        <dt>{t("officials:edit.creator")}</dt>
        <dd>{official.creator ?? t("officials:edit.nobody")}</dd>
        {official.approver ? (
          <>
            <dt>{t("officials:edit.approver")}</dt>
            <dd>{official.approver}</dd>
          </>
        ) : null}
        <dt>{t("officials:list.channels")}</dt>
        <dd data-testid="channels">{channels.length > 0 ? channels.join(", ") : t("officials:list.no-channel")}</dd>
      </dl>
      {official.may.approve ? (
        <section className="profile-change" aria-labelledby="approve-title">
          <h2 id="approve-title">{t("officials:approve.title")}</h2>
          <p>{t("officials:approve.lead")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="approve" className="staff-button">
              {t("officials:approve.submit")}
            </button>
          </Form>
        </section>
      ) : official.draft ? (
        <p data-testid={official.contributed ? "four-eyes" : undefined}>{official.contributed ? t("officials:approve.contributor") : t("officials:approve.waiting")}</p>
      ) : null}

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t("officials:pending.title")}</h2>
        {pending.length === 0 ? <p>{t("officials:pending.none")}</p> : pending.map((contact) => <Contact key={contact.id} contact={contact} />)}
      </section>

      <section aria-labelledby="edit-title">
        <h2 id="edit-title">{t("officials:edit.title")}</h2>
        <OfficialEditorForm values={form?.values ?? values} errors={form?.errors ?? {}} sources={sources} submitLabel={t("officials:edit.submit")} lead={t("officials:edit.lead")} />
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("officials:history.title")}</h2>
        {official.contacts.length === 0 ? <p>{t("officials:history.none")}</p> : null}
        <ul>
          {official.contacts.map((contact) => (
            <li key={contact.id}>
              {t("officials:history.line", { channel: t(CHANNEL_KEYS[contact.channel]), value: contact.value ?? t("officials:history.removed"), state: t(STATE_KEYS[contact.state]), author: contact.author ?? t("officials:edit.nobody"), date: contact.createdAt })}
              {contact.reviewer ? ` ${t("officials:history.decided", { reviewer: contact.reviewer, date: contact.decidedAt ?? "" })}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

function Contact({ contact }: { contact: ContactView }) {
  const { t } = useTranslation();
  return (
    <section className="profile-change" aria-labelledby={`contact-${contact.id}`} data-contact={contact.id}>
      <h3 id={`contact-${contact.id}`}>{t("officials:pending.heading", { channel: t(CHANNEL_KEYS[contact.channel]), author: contact.author ?? t("officials:edit.nobody"), date: contact.createdAt })}</h3>
      <p className="profile-change__value">{contact.value ?? t("officials:history.removed")}</p>
      {contact.source ? <p>{t("officials:pending.source", { source: contact.source, date: contact.reportedOn ?? "" })}</p> : null}
      {contact.may.approve || contact.may.reject ? (
        <Form method="post" className="staff-actions">
          <input type="hidden" name="contact" value={contact.id} />
          {contact.may.approve ? (
            <button type="submit" name="intent" value="approve-contact" className="staff-button">
              {t("officials:pending.approve")}
            </button>
          ) : null}{" "}
          {contact.may.reject ? (
            <button type="submit" name="intent" value="reject-contact" className="staff-button staff-button--secondary">
              {t("officials:pending.reject")}
            </button>
          ) : null}
        </Form>
      ) : (
        <p>{t("officials:pending.waiting")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
