// Campaign event calendars and the birthdays feed over real HTTP, parsed by an independent
// iCalendar parser (ical.js): RFC 5545 line endings and folding, escaped text, DTSTAMP, and
// UIDs that stay the same and carry the site's host.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCampaign, createEvent } from "../support/pledge-fixtures";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let slug: string;
let plainEvent: string;
let trickyEvent: string;
let trickyStart: Date;

const TRICKY_TITLE = "Вечар лістоў; паштоўкі, канверты \\ і марки — для ўсіх, хто хоча напісаць палітвязням";
const TRICKY_PLACE = "Warszawa, ul. Długa 1\nsala 2";

beforeAll(async () => {
  server = await startTestServer();
  const prisma = server.database.prisma;
  const campaignId = await createCampaign(prisma);
  slug = (await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { slug: true } })).slug;
  plainEvent = await createEvent(prisma, campaignId, new Date(Date.now() + 5 * 86_400_000));
  trickyStart = new Date(Math.floor((Date.now() + 12 * 86_400_000) / 1000) * 1000);
  trickyEvent = (
    await prisma.campaignEvent.create({
      data: { campaignId, startsAt: trickyStart, translations: { create: [{ locale: "en", title: TRICKY_TITLE, place: TRICKY_PLACE }] } },
    })
  ).id;
});

afterAll(async () => {
  await server?.close();
});

const get = async (path: string, init: RequestInit = {}) => {
  await server.contentRevision.refresh();
  return fetch(`${server.url}${path}`, { redirect: "manual", ...init });
};

async function calendar(path: string): Promise<{ text: string; events: ICAL.Component[]; root: ICAL.Component }> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  const text = await response.text();
  // RFC 5545 §3.1: CRLF after every line, none longer than 75 octets.
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  const root = new ICAL.Component(ICAL.parse(text));
  return { text, root, events: root.getAllSubcomponents("vevent") };
}

const host = () => new URL(server.url).hostname;

describe("a campaign's calendar", () => {
  it("holds every coming event with a stable, host-qualified UID, DTSTAMP and the text exactly as written", async () => {
    const { text, events, root } = await calendar(`/en/campaigns/${slug}/events.ics`);
    expect(root.name).toBe("vcalendar");
    expect(root.getFirstPropertyValue("version")).toBe("2.0");
    expect(root.getFirstPropertyValue("x-wr-calname")).toBe("Listy: Pledge campaign " + slug.split("-")[3]);
    expect(events.map((event) => event.getFirstPropertyValue("uid"))).toEqual([`event-${plainEvent}@${host()}`, `event-${trickyEvent}@${host()}`]);
    expect(text.split("\r\n").some((line) => line.startsWith(" ")), "a long line was folded").toBe(true);

    const tricky = new ICAL.Event(events[1]!);
    expect(tricky.summary).toBe(TRICKY_TITLE);
    expect(tricky.location).toBe(TRICKY_PLACE);
    expect(tricky.startDate.toJSDate().getTime()).toBe(trickyStart.getTime());
    expect(tricky.startDate.zone?.tzid).toBe("UTC");
    expect(events[1]!.getFirstPropertyValue("dtstamp")).toBeTruthy();
    expect(String(events[1]!.getFirstPropertyValue("url"))).toBe(`${server.url}/en/campaigns/${slug}#event-${trickyEvent}`);
    expect(tricky.description).toContain(`${server.url}/en/campaigns/${slug}`);

    // The same UIDs on the next request and in another language: a subscription updates, never duplicates.
    const again = await calendar(`/be/campaigns/${slug}/events.ics`);
    expect(again.events.map((event) => event.getFirstPropertyValue("uid"))).toEqual(events.map((event) => event.getFirstPropertyValue("uid")));
  });

  it("serves one event as its own file, with the same UID as in the subscription", async () => {
    const { events } = await calendar(`/en/campaigns/${slug}/events/${trickyEvent}.ics`);
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue("uid")).toBe(`event-${trickyEvent}@${host()}`);
    expect(new ICAL.Event(events[0]!).summary).toBe(TRICKY_TITLE);
  });

  it("is not found for another campaign's event, a malformed name, a draft campaign", async () => {
    expect((await get(`/en/campaigns/free-them-all/events/${trickyEvent}.ics`)).status).toBe(404);
    expect((await get(`/en/campaigns/${slug}/events/${trickyEvent}.txt`)).status).toBe(404);
    expect((await get(`/en/campaigns/${slug}/events/nothing-here.ics`)).status).toBe(404);
    const prisma = server.database.prisma;
    const draft = await createCampaign(prisma, { status: "DRAFT" });
    const draftSlug = (await prisma.campaign.findUniqueOrThrow({ where: { id: draft }, select: { slug: true } })).slug;
    expect((await get(`/en/campaigns/${draftSlug}/events.ics`)).status).toBe(404);
  });

  it("is offered on the campaign page: a file per event, a webcal:// subscription and the download", async () => {
    const html = await (await get(`/en/campaigns/${slug}`)).text();
    expect(html).toContain(`id="event-${trickyEvent}"`);
    expect(html).toContain(`href="/en/campaigns/${slug}/events/${trickyEvent}.ics"`);
    expect(html).toContain(`href="webcal://${new URL(server.url).host}/en/campaigns/${slug}/events.ics"`);
    expect(html).toContain(`href="/en/campaigns/${slug}/events.ics"`);
  });
});

describe("the birthdays calendar", () => {
  it("parses, with UIDs that carry the site's host, and the page links it as webcal://", async () => {
    const prisma = server.database.prisma;
    const soon = new Date(Date.now() + 3 * 86_400_000);
    const birth = new Date(Date.UTC(soon.getUTCFullYear() - 40, soon.getUTCMonth(), soon.getUTCDate()));
    await prisma.prisoner.update({ where: { slug: "ihar-ilyash" }, data: { birthDate: birth } });
    const { events } = await calendar("/en/birthdays.ics");
    const ilyash = events.find((event) => String(event.getFirstPropertyValue("url")).endsWith("/en/prisoners/ihar-ilyash"));
    const id = (await prisma.prisoner.findUniqueOrThrow({ where: { slug: "ihar-ilyash" }, select: { id: true } })).id;
    expect(ilyash?.getFirstPropertyValue("uid")).toBe(`birthday-${id}@${host()}`);
    expect(ilyash?.getFirstPropertyValue("dtstamp")).toBeTruthy();
    const html = await (await get("/en/birthdays")).text();
    expect(html).toContain(`href="webcal://${new URL(server.url).host}/en/birthdays.ics"`);
  });
});
