// The back-office page of a campaign's events (/:lang/staff/campaigns/:id/events): the form to
// add one (or change one, ?edit=<id>), and every event, upcoming first, with what this actor
// may do. Its action: add, change, cancel.
import type { Language } from "~/i18n";
import { noStore, staffNavFor, type StaffSessionState } from "~/staff/accounts/session.server";
import { formFields } from "~/utils/form-fields";
import { getFixedT } from "~/utils/i18next.server";
import { localizedField } from "~/utils/localized";
import { EVENT_TIME_ZONES } from "~/utils/time-zone";

import { mayManageEvents } from "./campaign-event-state";
import { readEventForm, valuesOfEvent, type EventFieldErrorCode, type EventFormValues } from "./campaign-event-form";
import { cancelEvent, findEventsCampaign, listStaffEvents, saveEvent } from "./campaign-event.server";

async function requireEventsCampaign(state: StaffSessionState, id: string) {
  const campaign = await findEventsCampaign(state.actor, id);
  if (!campaign) throw new Response("Not Found", { status: 404, headers: noStore });
  return campaign;
}

export async function campaignEventsPage(state: StaffSessionState, id: string, language: Language, editId: string | null) {
  const campaign = await requireEventsCampaign(state, id);
  const [events, t] = await Promise.all([listStaffEvents(state.actor, campaign, language), getFixedT(language, ["common", "campaign-editor"])]);
  const editing = editId ? events.find((event) => event.id === editId && event.may.change) ?? null : null;
  const title = localizedField(campaign.translations, language, "title")?.text ?? campaign.slug;
  return {
    nav: staffNavFor(state, language),
    language,
    campaign: { id: campaign.id, slug: campaign.slug, title, public: campaign.status === "PUBLISHED" || campaign.status === "CLOSED" },
    mayManage: mayManageEvents(state.actor, campaign),
    editing: editing ? { id: editing.id, version: editing.version, values: editing.values } : null,
    blank: valuesOfEvent(null),
    timeZones: EVENT_TIME_ZONES,
    events,
    meta: { title: t("common:page-title", { page: t("campaign-editor:events.page-title", { title }) }) },
  };
}

export type EventProblem = "not-found" | "forbidden" | "conflict" | "unknown-intent";
export type EventActionData =
  | { kind: "form"; eventId: string | null; version: string; values: EventFormValues; errors: Record<string, EventFieldErrorCode> }
  | { kind: "problem"; problem: EventProblem };
export type EventDone = "added" | "changed" | "cancelled";
export type EventOutcome = { done: EventDone } | { status: number; data: EventActionData };

const PROBLEM_STATUS = { "not-found": 404, forbidden: 403, conflict: 409, "unknown-intent": 400 } as const satisfies Record<EventProblem, number>;
const problem = (kind: EventProblem): EventOutcome => ({ status: PROBLEM_STATUS[kind], data: { kind: "problem", problem: kind } });

export async function submitCampaignEvent(state: StaffSessionState, id: string, form: FormData): Promise<EventOutcome> {
  // Nobody learns from an action what they could not see with a GET.
  const campaign = await requireEventsCampaign(state, id);
  // Refused before reading anything, so a forbidden post never echoes a form.
  if (!mayManageEvents(state.actor, campaign)) return problem("forbidden");
  const fields = formFields(form);
  const intent = fields.line("intent", 40);
  const eventId = fields.line("event", 64) || null;
  const version = fields.line("version", 20);

  if (intent === "save-event") {
    const read = readEventForm(form);
    if (!read.ok) return { status: 400, data: { kind: "form", eventId, version, values: read.values, errors: read.errors } };
    const result = await saveEvent(state.staff, state.actor, id, eventId, version, read.event);
    if (result.ok) return { done: eventId ? "changed" : "added" };
    // Nothing typed is lost: a stale form comes back with the text as sent.
    if (result.error === "conflict") return { status: 409, data: { kind: "form", eventId, version, values: read.values, errors: {} } };
    return problem(result.error);
  }
  if (intent === "cancel-event") {
    if (!eventId) return problem("not-found");
    const result = await cancelEvent(state.staff, state.actor, id, eventId, version);
    return result.ok ? { done: "cancelled" } : problem(result.error);
  }
  return problem("unknown-intent");
}
