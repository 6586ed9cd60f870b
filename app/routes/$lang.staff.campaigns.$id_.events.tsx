// A campaign's events in the back office: add one (local date and time with the zone it
// happens in, a title and a place per language), change it, or cancel it. A plain HTML form:
// it works without JavaScript, every error sits next to its field, and nothing typed is lost.
// Everything is decided on the server.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { languageAutonyms, supportedLanguages } from "~/i18n";
import { noStore } from "~/staff/accounts/session.server";
import { requireCampaignStaff } from "~/staff/campaigns/campaign-editor-page.server";
import { EVENT_LIMITS, eventPlaceKey, eventTitleKey, type EventFieldErrorCode, type EventFormValues } from "~/staff/campaigns/campaign-event-form";
import { campaignEventsPage, submitCampaignEvent, type EventActionData, type EventProblem } from "~/staff/campaigns/campaign-events-page.server";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/campaign-editor.css";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "campaign-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireCampaignStaff(request);
  const edit = new URL(request.url).searchParams.get("edit");
  return json(await campaignEventsPage(state, params.id ?? "", language, edit), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireCampaignStaff(request);
  const id = params.id ?? "";
  const outcome = await submitCampaignEvent(state, id, await request.formData());
  if ("done" in outcome) return redirect(`/${language}/staff/campaigns/${id}/events?done=${outcome.done}`, { headers: noStore });
  return json<EventActionData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const DONE_KEYS = {
  added: "campaign-editor:events.done-added",
  changed: "campaign-editor:events.done-changed",
  cancelled: "campaign-editor:events.done-cancelled",
} as const;
const PROBLEM_KEYS = {
  "not-found": "campaign-editor:problems.not-found",
  forbidden: "campaign-editor:problems.forbidden",
  conflict: "campaign-editor:events.conflict",
  "unknown-intent": "campaign-editor:problems.unknown-intent",
} as const satisfies Record<EventProblem, string>;
const ERROR_KEYS = {
  required: "campaign-editor:errors.required",
  "too-long": "campaign-editor:updates.too-long",
  "title-missing": "campaign-editor:events.title-missing",
  "place-missing": "campaign-editor:events.place-missing",
  "nothing-written": "campaign-editor:events.nothing-written",
  "bad-date": "campaign-editor:events.bad-date",
  "bad-time": "campaign-editor:events.bad-time",
  "bad-zone": "campaign-editor:events.bad-zone",
} as const satisfies Record<EventFieldErrorCode, string>;

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StaffCampaignEventsPage() {
  const { nav, language, campaign, mayManage, editing, blank, timeZones, events } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const doneKey = DONE_KEYS[(search.get("done") ?? "") as keyof typeof DONE_KEYS];
  const formResult = result?.kind === "form" ? result : null;
  const staleForm = formResult !== null && Object.keys(formResult.errors).length === 0;
  // After a failed post the form shows what was sent; otherwise the event being changed, or a blank one.
  const form = formResult
    ? { id: formResult.eventId, version: formResult.version, values: formResult.values }
    : editing
      ? { id: editing.id, version: editing.version, values: editing.values }
      : { id: null, version: "", values: blank };
  return (
    <article aria-labelledby="events-title">
      <StaffNav nav={nav} />
      <p>
        <Link to={`/${language}/staff/campaigns/${campaign.id}`}>{t("campaign-editor:updates.back", { title: campaign.title })}</Link>
      </p>
      <h1 id="events-title">{t("campaign-editor:events.page-title", { title: campaign.title })}</h1>
      <p>{t("campaign-editor:events.lead")}</p>
      {doneKey && !result ? (
        <p role="status" className="staff-ok">
          {t(doneKey)}
        </p>
      ) : null}
      {staleForm ? (
        <p role="alert" className="staff-error">
          {t("campaign-editor:events.conflict")}
        </p>
      ) : result?.kind === "problem" ? (
        <p role="alert" className="staff-error">
          {t(PROBLEM_KEYS[result.problem])}
        </p>
      ) : null}

      {mayManage ? <EventForm form={form} errors={formResult?.errors ?? {}} timeZones={timeZones} /> : null}

      <section aria-labelledby="event-list-title">
        <h2 id="event-list-title">{t("campaign-editor:events.list-title")}</h2>
        {events.length === 0 ? <p>{t("campaign-editor:events.none")}</p> : null}
        {events.map((event) => (
          <EventItem key={event.id} event={event} language={language} campaignId={campaign.id} />
        ))}
      </section>
    </article>
  );
}

function EventForm({ form, errors, timeZones }: { form: { id: string | null; version: string; values: EventFormValues }; errors: Record<string, EventFieldErrorCode>; timeZones: readonly string[] }) {
  const { t } = useTranslation();
  const described = (name: string, hint?: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hint, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="staff-error">
        {t(ERROR_KEYS[errors[name]], { max: name.startsWith("title") ? EVENT_LIMITS.title : EVENT_LIMITS.place })}
      </p>
    ) : null;
  return (
    <section aria-labelledby="event-form-title">
      <h2 id="event-form-title">{form.id ? t("campaign-editor:events.edit-title") : t("campaign-editor:events.new-title")}</h2>
      <Form method="post" className="staff-form campaign-editor" noValidate>
        {form.id ? <input type="hidden" name="event" value={form.id} /> : null}
        {form.id ? <input type="hidden" name="version" value={form.version} /> : null}
        {errors.form ? (
          <p id="form-error" role="alert" className="staff-error">
            {t(ERROR_KEYS[errors.form])}
          </p>
        ) : null}
        <fieldset>
          <legend>{t("campaign-editor:events.when")}</legend>
          <p id="when-hint" className="staff-hint">
            {t("campaign-editor:events.when-hint")}
          </p>
          <div className="staff-field">
            <label htmlFor="date">{t("campaign-editor:events.date")}</label>
            <input id="date" name="date" type="date" defaultValue={form.values.date} {...described("date", "when-hint")} />
            {error("date")}
          </div>
          <div className="staff-field">
            <label htmlFor="time">{t("campaign-editor:events.time")}</label>
            <input id="time" name="time" type="time" defaultValue={form.values.time} {...described("time", "when-hint")} />
            {error("time")}
          </div>
          <div className="staff-field">
            <label htmlFor="timeZone">{t("campaign-editor:events.zone")}</label>
            <select id="timeZone" name="timeZone" defaultValue={form.values.timeZone} {...described("timeZone", "when-hint")}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
            {error("timeZone")}
          </div>
        </fieldset>
        <p className="staff-hint">{t("campaign-editor:events.form-hint", { title: EVENT_LIMITS.title, place: EVENT_LIMITS.place })}</p>
        {supportedLanguages.map((language) => {
          const titleKey = eventTitleKey(language);
          const placeKey = eventPlaceKey(language);
          const open = language === "en" || Boolean(form.values.texts[titleKey] || form.values.texts[placeKey] || errors[titleKey] || errors[placeKey]);
          return (
            <details key={language} open={open} className="campaign-editor__language">
              <summary lang={language}>{languageAutonyms[language]}</summary>
              <fieldset>
                <legend>{t("campaign-editor:updates.language", { language: languageAutonyms[language] })}</legend>
                <div className="staff-field">
                  <label htmlFor={titleKey}>{t("campaign-editor:events.title")}</label>
                  <input id={titleKey} name={titleKey} type="text" lang={language} defaultValue={form.values.texts[titleKey] ?? ""} {...described(titleKey)} />
                  {error(titleKey)}
                </div>
                <div className="staff-field">
                  <label htmlFor={placeKey}>{t("campaign-editor:events.place")}</label>
                  <input id={placeKey} name={placeKey} type="text" lang={language} defaultValue={form.values.texts[placeKey] ?? ""} {...described(placeKey)} />
                  {error(placeKey)}
                </div>
              </fieldset>
            </details>
          );
        })}
        <p>
          <button type="submit" name="intent" value="save-event" className="staff-button">
            {form.id ? t("campaign-editor:events.save-changes") : t("campaign-editor:events.add")}
          </button>
        </p>
      </Form>
    </section>
  );
}

function EventItem({ event, language, campaignId }: { event: LoaderData["events"][number]; language: string; campaignId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`event-${event.id}`} className="campaign-revision" data-event={event.id} data-cancelled={event.cancelled ? "true" : undefined}>
      <h3 id={`event-${event.id}`}>{event.title}</h3>
      <p>
        <strong>{event.cancelled ? t("campaign-editor:events.state-cancelled") : event.past ? t("campaign-editor:events.state-past") : t("campaign-editor:events.state-upcoming")}</strong>
        {" · "}
        {event.when}
        {" · "}
        {t("campaign-editor:events.pledges", { count: event.pledges })}
      </p>
      {event.texts.map((text) => (
        <p key={text.locale} lang={text.locale}>
          {languageAutonyms[text.locale as keyof typeof languageAutonyms] ?? text.locale}: {text.title} — {text.place}
        </p>
      ))}
      {event.may.change ? (
        <>
          <p>
            <Link to={`/${language}/staff/campaigns/${campaignId}/events?edit=${event.id}#event-form-title`}>{t("campaign-editor:events.edit")}</Link>
          </p>
          <Form method="post">
            <input type="hidden" name="event" value={event.id} />
            <input type="hidden" name="version" value={event.version} />
            <p className="staff-hint">{t("campaign-editor:events.cancel-hint")}</p>
            <button type="submit" name="intent" value="cancel-event" className="staff-button staff-button--secondary">
              {t("campaign-editor:events.cancel")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
