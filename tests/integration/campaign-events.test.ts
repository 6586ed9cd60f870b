// Campaign events managed from the back office over real HTTP with signed-in staff: bad input
// comes back translated with everything typed; an event added to a published campaign is at
// once on the campaign page (local time with its zone named), in the pledge form ("I will
// come"), in the campaign's Atom feed (valid RFC 4287) and in its calendars (parsed by ical.js);
// an edit keeps its UID and the pledges made for it; a cancel leaves it in the calendars as
// STATUS:CANCELLED with the same UID and takes the form option away; roles that may not manage
// the campaign's events get 403.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { issueFormTicket } from "~/pledges/form-ticket.server";
import type { StaffRole } from "~/staff/permissions";

import { atomProblems } from "../support/atom-schema";
import { createCampaign } from "../support/pledge-fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { signedInStaff } from "../support/staff";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;
const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);
const host = () => new URL(server.url).hostname;

// A later visitor reads the content revision first.
const publicGet = async (path: string) => {
  await server.contentRevision.refresh();
  const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
  return { status: response.status, text: (await response.text()).replaceAll("\0", "") };
};

async function campaignOf(createdById: string | null, status: "PUBLISHED" | "DRAFT" | "CLOSED" = "PUBLISHED") {
  const id = await createCampaign(prisma(), { status });
  const { slug } = await prisma().campaign.update({ where: { id }, data: { createdById }, select: { slug: true } });
  return { id, slug };
}

/** A local date `days` ahead in Vilnius, as a date input sends it. */
function vilniusDate(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Vilnius", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));
}

/** The wall-clock date and time of an instant in a zone, read by Intl (not by the app's code). */
function wallClock(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

async function calendarEvents(path: string) {
  const response = await publicGet(path);
  expect(response.status, path).toBe(200);
  return new ICAL.Component(ICAL.parse(response.text)).getAllSubcomponents("vevent");
}

const pledgeFor = (campaignSlug: string, eventId: string) =>
  fetch(`${server.url}/en/pledge`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ pledge: `event-${eventId}`, campaign: campaignSlug, ticket: issueFormTicket() }).toString(),
  });

describe("campaign events in the back office", () => {
  it("keeps what was typed and answers bad input in the page's language", async () => {
    const moderator = await signedIn(["moderator"]);
    const campaign = await campaignOf(null);
    const longTitle = "Д".repeat(121);
    const response = await moderator.browser.post(`/be/staff/campaigns/${campaign.id}/events`, {
      intent: "save-event",
      date: "2026-02-30",
      time: "18:30",
      timeZone: "Europe/Vilnius",
      "title-be": longTitle,
      "place-be": "Вільня, Ратушная плошча",
      "title-pl": "Wieczór listów",
    });
    expect(response.status).toBe(400);
    const page = (await response.text()).replaceAll("\0", "");
    expect(page).toContain("Гэтую дату нельга выкарыстаць. Выберыце дзень (год, месяц, дзень).");
    expect(page).toContain("Занадта доўга: не больш за 120 знакаў.");
    expect(page).toContain("Пазначце, дзе адбываецца падзея, на той жа мове.");
    expect(page).toContain(`value="${longTitle}"`);
    expect(page).toContain('value="Wieczór listów"');
    expect(page).toContain('value="2026-02-30"');
    expect(page).toMatch(/<option value="Europe\/Vilnius" selected="">/);
    expect(await prisma().campaignEvent.count({ where: { campaignId: campaign.id } })).toBe(0);

    const empty = await moderator.browser.post(`/en/staff/campaigns/${campaign.id}/events`, { intent: "save-event", date: vilniusDate(3), time: "9:5", timeZone: "Mars/Olympus" });
    expect(empty.status).toBe(400);
    const emptyPage = await empty.text();
    expect(emptyPage).toContain("Choose the time zone of the place where the event happens.");
  });

  it("adds, changes and cancels an event of a published campaign: page, pledge form, feed and calendars follow", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const campaign = await campaignOf(campaigner.staff.id);
    const date = vilniusDate(10);
    const title = `Letter evening ${Date.now()}`;
    const url = `/en/staff/campaigns/${campaign.id}/events`;

    // The campaign's own campaigner adds it; it is public at once (no second person for events).
    const added = await campaigner.browser.post(url, {
      intent: "save-event",
      date,
      time: "18:30",
      timeZone: "Europe/Vilnius",
      "title-en": title,
      "place-en": "Vilnius, Town Hall Square",
      "title-be": "Вечар лістоў",
      "place-be": "Вільня, Ратушная плошча",
    });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe(`${url}?done=added`);
    const event = await prisma().campaignEvent.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(event.timeZone).toBe("Europe/Vilnius");
    expect(wallClock(event.startsAt, "Europe/Vilnius")).toBe(`${date} 18:30`);
    expect(await prisma().auditLogEntry.count({ where: { action: "campaign.event.add", subjectId: campaign.id, staffId: campaigner.staff.id } })).toBe(1);

    const page = await publicGet(`/en/campaigns/${campaign.slug}`);
    expect(page.text).toContain(title);
    expect(page.text).toContain("(Europe/Vilnius)");
    expect(page.text).toContain(`value="event-${event.id}"`);
    expect((await publicGet(`/be/campaigns/${campaign.slug}`)).text).toContain("Вечар лістоў");

    const feed = await publicGet(`/en/campaigns/${campaign.slug}/feed.atom`);
    expect(await atomProblems(feed.text)).toEqual([]);
    expect(feed.text).toContain(`Event: ${title}`);
    const uid = `event-${event.id}@${host()}`;
    const [listed] = await calendarEvents(`/en/campaigns/${campaign.slug}/events/${event.id}.ics`);
    expect(listed!.getFirstPropertyValue("uid")).toBe(uid);
    expect(listed!.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(new ICAL.Event(listed!).startDate.toJSDate().getTime()).toBe(event.startsAt.getTime());

    // Someone says "I will come"; the campaigner then moves it by an hour and changes the place.
    expect((await pledgeFor(campaign.slug, event.id)).status).toBe(303);
    const edited = await campaigner.browser.post(url, {
      intent: "save-event",
      event: event.id,
      version: String(event.updatedAt.getTime()),
      date,
      time: "19:30",
      timeZone: "Europe/Vilnius",
      "title-en": title,
      "place-en": "Vilnius, Cathedral Square",
    });
    expect(edited.status).toBe(302);
    const changed = await prisma().campaignEvent.findUniqueOrThrow({ where: { id: event.id }, include: { translations: true } });
    expect(changed.startsAt.getTime() - event.startsAt.getTime()).toBe(3_600_000);
    expect(changed.translations.map((row) => row.locale)).toEqual(["en"]);
    expect(await prisma().pledge.count({ where: { eventId: event.id } })).toBe(1);
    const [moved] = await calendarEvents(`/en/campaigns/${campaign.slug}/events.ics`);
    expect(moved!.getFirstPropertyValue("uid")).toBe(uid);
    expect(moved!.getFirstPropertyValue("location")).toBe("Vilnius, Cathedral Square");
    expect(Number(moved!.getFirstPropertyValue("sequence"))).toBeGreaterThanOrEqual(0);

    // An edit from a form older than the last change is refused, with the text kept.
    const stale = await campaigner.browser.post(url, { intent: "save-event", event: event.id, version: String(event.updatedAt.getTime()), date, time: "20:00", timeZone: "Europe/Vilnius", "title-en": "Stale title", "place-en": "Nowhere" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('value="Stale title"');

    // Cancelled: the same UID with STATUS:CANCELLED, marked on the page and in the feed, no form option, no new pledges.
    const cancelled = await campaigner.browser.post(url, { intent: "cancel-event", event: event.id, version: String(changed.updatedAt.getTime()) });
    expect(cancelled.status).toBe(302);
    expect(await prisma().auditLogEntry.count({ where: { action: "campaign.event.cancel", subjectId: campaign.id } })).toBe(1);
    for (const path of [`/en/campaigns/${campaign.slug}/events.ics`, `/en/campaigns/${campaign.slug}/events/${event.id}.ics`]) {
      const [gone] = await calendarEvents(path);
      expect(gone!.getFirstPropertyValue("uid"), path).toBe(uid);
      expect(gone!.getFirstPropertyValue("status"), path).toBe("CANCELLED");
    }
    const afterCancel = await publicGet(`/en/campaigns/${campaign.slug}`);
    expect(afterCancel.text).toContain('data-testid="event-cancelled"');
    expect(afterCancel.text).not.toContain(`value="event-${event.id}"`);
    const cancelledFeed = await publicGet(`/en/campaigns/${campaign.slug}/feed.atom`);
    expect(await atomProblems(cancelledFeed.text)).toEqual([]);
    expect(cancelledFeed.text).toContain(`Cancelled: ${title}`);
    expect((await pledgeFor(campaign.slug, event.id)).status).not.toBe(303);
    expect(await prisma().pledge.count({ where: { eventId: event.id } })).toBe(1);

    // A cancelled event is not changed or cancelled again.
    const version = String((await prisma().campaignEvent.findUniqueOrThrow({ where: { id: event.id } })).updatedAt.getTime());
    expect((await campaigner.browser.post(url, { intent: "save-event", event: event.id, version, date, time: "18:30", timeZone: "Europe/Vilnius", "title-en": "Back on", "place-en": "Vilnius" })).status).toBe(403);
    expect((await campaigner.browser.post(url, { intent: "cancel-event", event: event.id, version })).status).toBe(409);
  });

  it("lets only those who may edit the campaign manage its events", async () => {
    const author = await signedIn(["campaigner"]);
    const otherCampaigner = await signedIn(["campaigner"]);
    const translator = await signedIn(["translator"]);
    const moderator = await signedIn(["moderator"]);
    const published = await campaignOf(author.staff.id);
    const draft = await campaignOf(author.staff.id, "DRAFT");
    const closed = await campaignOf(author.staff.id, "CLOSED");
    const fields = { intent: "save-event", date: vilniusDate(5), time: "12:00", timeZone: "Europe/Warsaw", "title-pl": "Pikieta", "place-pl": "Warszawa" };

    expect((await translator.browser.post(`/en/staff/campaigns/${published.id}/events`, fields)).status).toBe(403);
    expect((await translator.browser.get(`/en/staff/campaigns/${published.id}/events`)).status).toBe(403);
    // Another campaigner sees a public campaign's events but may not change them.
    const readOnly = await (await otherCampaigner.browser.get(`/en/staff/campaigns/${published.id}/events`)).text();
    expect(readOnly).not.toContain('value="save-event"');
    expect((await otherCampaigner.browser.post(`/en/staff/campaigns/${published.id}/events`, fields)).status).toBe(403);
    // Someone else's draft is not even visible to another campaigner.
    expect((await otherCampaigner.browser.post(`/en/staff/campaigns/${draft.id}/events`, fields)).status).toBe(404);
    // A closed campaign is history.
    expect((await author.browser.post(`/en/staff/campaigns/${closed.id}/events`, fields)).status).toBe(403);
    expect((await moderator.browser.post(`/en/staff/campaigns/${closed.id}/events`, fields)).status).toBe(403);
    // The author on their draft, and a moderator on someone's published campaign.
    expect((await author.browser.post(`/en/staff/campaigns/${draft.id}/events`, fields)).status).toBe(302);
    expect((await moderator.browser.post(`/en/staff/campaigns/${published.id}/events`, fields)).status).toBe(302);
    expect(await prisma().campaignEvent.count({ where: { campaignId: { in: [published.id, draft.id, closed.id] } } })).toBe(2);
    // A draft's event is nowhere public.
    expect((await publicGet(`/en/campaigns/${draft.slug}/events.ics`)).status).toBe(404);
  });
});
