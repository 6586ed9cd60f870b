// Campaign events in the back office: added, changed and cancelled by whoever may manage them
// (campaign-event-state.ts). An edit keeps the event's id, so its calendar UID, its feed entry
// and the pledges made for it stay; a cancel keeps the row too (the feeds and calendars carry
// it as cancelled). Every write is guarded on the version the form showed (updatedAt) and
// audited in the same transaction; the content-revision triggers on "CampaignEvent" and
// "CampaignEventTranslation" refresh the public pages, feeds and pledge forms.
import type { Prisma } from "@prisma/client";

import type { Language } from "~/i18n";
import { audit } from "~/staff/audit.server";
import type { Actor } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { pickTranslation } from "~/utils/localized";
import { formatZoned } from "~/utils/time-zone";

import { mayChangeEvent, mayManageEvents } from "./campaign-event-state";
import { valuesOfEvent, type ParsedEvent } from "./campaign-event-form";
import { findUpdatesCampaign } from "./campaign-update.server";

type StaffActor = Extract<Actor, { kind: "staff" }>;
type Tx = Prisma.TransactionClient;

export type EventWriteResult = { ok: true; eventId: string } | { ok: false; error: "not-found" | "forbidden" | "conflict" };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** The back office lists this many events at most (a campaign has a handful). */
const EVENTS_LISTED = 200;

/** The campaign as this actor may see it in the back office, or null (the same rule as for updates). */
export const findEventsCampaign = (actor: StaffActor, campaignId: string, tx?: Tx) => findUpdatesCampaign(actor, campaignId, tx);

async function findEvent(tx: Tx, campaignId: string, eventId: string) {
  if (!ID_PATTERN.test(eventId)) return null;
  const row = await tx.campaignEvent.findUnique({ where: { id: eventId }, select: { campaignId: true, cancelledAt: true, updatedAt: true } });
  return row && row.campaignId === campaignId ? row : null;
}

/**
 * Adds an event (eventId null) or changes one. `version` is the event's updatedAt in ms as the
 * form showed it: a form older than the last change is refused and the text comes back.
 */
export async function saveEvent(
  staff: { id: string },
  actor: StaffActor,
  campaignId: string,
  eventId: string | null,
  version: string,
  event: ParsedEvent,
  now: Date = new Date(),
): Promise<EventWriteResult> {
  return getPrisma().$transaction(async (tx) => {
    const campaign = await findEventsCampaign(actor, campaignId, tx);
    if (!campaign) return { ok: false, error: "not-found" } as const;
    if (!mayManageEvents(actor, campaign)) return { ok: false, error: "forbidden" } as const;
    const fields = { startsAt: event.startsAt, timeZone: event.timeZone, updatedAt: now };
    let id: string;
    if (eventId === null) {
      id = (await tx.campaignEvent.create({ data: { campaignId, ...fields, createdAt: now }, select: { id: true } })).id;
    } else {
      const row = await findEvent(tx, campaignId, eventId);
      if (!row) return { ok: false, error: "not-found" } as const;
      if (!mayChangeEvent(actor, campaign, row)) return { ok: false, error: "forbidden" } as const;
      if (String(row.updatedAt.getTime()) !== version) return { ok: false, error: "conflict" } as const;
      const { count } = await tx.campaignEvent.updateMany({ where: { id: eventId, cancelledAt: null, updatedAt: row.updatedAt }, data: fields });
      if (count !== 1) return { ok: false, error: "conflict" } as const;
      id = eventId;
      await tx.campaignEventTranslation.deleteMany({ where: { eventId: id } });
    }
    await tx.campaignEventTranslation.createMany({ data: event.translations.map((translation) => ({ eventId: id, ...translation })) });
    await audit(
      tx,
      staff,
      eventId === null ? "campaign.event.add" : "campaign.event.edit",
      { type: "Campaign", id: campaignId },
      { event: id, startsAt: event.startsAt.toISOString(), timeZone: event.timeZone, languages: event.translations.map((translation) => translation.locale) },
      now,
    );
    return { ok: true, eventId: id } as const;
  });
}

/** Cancels an event: it stays, marked, in the feeds and calendars; its pledges are kept; no new ones. */
export async function cancelEvent(staff: { id: string }, actor: StaffActor, campaignId: string, eventId: string, version: string, now: Date = new Date()): Promise<EventWriteResult> {
  return getPrisma().$transaction(async (tx) => {
    const campaign = await findEventsCampaign(actor, campaignId, tx);
    if (!campaign) return { ok: false, error: "not-found" } as const;
    const row = await findEvent(tx, campaignId, eventId);
    if (!row) return { ok: false, error: "not-found" } as const;
    if (!mayManageEvents(actor, campaign)) return { ok: false, error: "forbidden" } as const;
    if (row.cancelledAt !== null || String(row.updatedAt.getTime()) !== version) return { ok: false, error: "conflict" } as const;
    const { count } = await tx.campaignEvent.updateMany({ where: { id: eventId, cancelledAt: null, updatedAt: row.updatedAt }, data: { cancelledAt: now, updatedAt: now } });
    if (count !== 1) return { ok: false, error: "conflict" } as const;
    await audit(tx, staff, "campaign.event.cancel", { type: "Campaign", id: campaignId }, { event: eventId }, now);
    return { ok: true, eventId } as const;
  });
}

/** Every event of the campaign for the back office: upcoming first (soonest first), then past (latest first). */
export async function listStaffEvents(actor: StaffActor, campaign: Parameters<typeof mayManageEvents>[1] & { id: string }, language: Language, now: Date = new Date()) {
  const rows = await getPrisma().campaignEvent.findMany({
    where: { campaignId: campaign.id },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take: EVENTS_LISTED,
    include: { translations: true, _count: { select: { pledges: true } } },
  });
  const views = rows.map((row) => ({
    id: row.id,
    version: String(row.updatedAt.getTime()),
    title: pickTranslation(row.translations, language)?.title ?? "",
    when: formatZoned(row.startsAt, row.timeZone, language),
    past: row.startsAt.getTime() <= now.getTime(),
    cancelled: row.cancelledAt !== null,
    pledges: row._count.pledges,
    texts: row.translations
      .map((translation) => ({ locale: translation.locale, title: translation.title, place: translation.place }))
      .sort((a, b) => a.locale.localeCompare(b.locale)),
    values: valuesOfEvent(row),
    may: { change: mayChangeEvent(actor, campaign, row) },
  }));
  return [...views.filter((view) => !view.past).reverse(), ...views.filter((view) => view.past)];
}

export type StaffEvent = Awaited<ReturnType<typeof listStaffEvents>>[number];
