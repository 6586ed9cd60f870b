// A public campaign's events as Atom (with the campaign itself as the first entry) and as
// iCalendar: one file per event and one subscription per campaign. Everything in the URL's
// language (a missing translation falls back like the page does), absolute links and ids from
// the site's origin, made once per content revision.
import type { Language } from "~/i18n";
import { buildAtomFeed } from "~/utils/atom.server";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";
import { getFixedT } from "~/utils/i18next.server";
import { compactTimestamp, hostOf, icsBody, icsText } from "~/utils/icalendar";
import { localizedField, pickTranslation } from "~/utils/localized";
import { formatZoned } from "~/utils/time-zone";
import type { TaggedXml } from "~/utils/xml-response.server";

import { campaignUpdates, updateEntry, UPDATES_PER_LIST } from "./campaign-updates.server";

/** Events longer ago than this leave the feeds; upcoming ones always stay. */
const PAST_EVENTS_KEPT_DAYS = 90;
/** At most this many events in one feed. */
const EVENTS_PER_FEED = 100;

export interface CampaignEventItem {
  id: string;
  startsAt: string;
  createdAt: string;
  updatedAt: string;
  /** The IANA zone it happens in; startsAt is UTC. */
  timeZone: string;
  /** Cancelled events stay, marked, so calendars that hold them drop them. */
  cancelled: boolean;
  title: string;
  place: string;
  /** The language the title and place are written in (may differ from the page's). */
  locale: string;
}

export interface CampaignFeedSource {
  slug: string;
  title: string | null;
  summary: string | null;
  updatedAt: string;
  events: CampaignEventItem[];
}

/** A published or closed campaign with its recent and coming events, soonest first; null when not public. */
export async function findCampaignWithEvents(slug: string, language: Language, now: Date = new Date()): Promise<CampaignFeedSource | null> {
  const campaign = await getPrisma().campaign.findFirst({
    where: { slug, status: { in: ["PUBLISHED", "CLOSED"] } },
    select: {
      slug: true,
      updatedAt: true,
      publishedAt: true,
      translations: true,
      events: {
        where: { startsAt: { gte: new Date(now.getTime() - PAST_EVENTS_KEPT_DAYS * 86_400_000) } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: EVENTS_PER_FEED,
        include: { translations: true },
      },
    },
  });
  if (!campaign) return null;
  return {
    slug: campaign.slug,
    title: localizedField(campaign.translations, language, "title")?.text ?? null,
    summary: localizedField(campaign.translations, language, "summary")?.text ?? null,
    updatedAt: campaign.updatedAt.toISOString(),
    events: campaign.events.flatMap((event) => {
      const translation = pickTranslation(event.translations, language);
      if (!translation) return [];
      return [
        {
          id: event.id,
          startsAt: event.startsAt.toISOString(),
          createdAt: event.createdAt.toISOString(),
          updatedAt: event.updatedAt.toISOString(),
          timeZone: event.timeZone,
          cancelled: event.cancelledAt !== null,
          title: translation.title,
          place: translation.place,
          locale: translation.locale,
        },
      ];
    }),
  };
}

// Cached per campaign, language, origin and day (the 90-day window moves with the day).
const cachedCampaign = cachedUntilContentChanges(
  (slug: string, language: Language, _day: string) => findCampaignWithEvents(slug, language),
  { countersShown: false },
);
const campaignFor = (slug: string, language: Language) => cachedCampaign(slug, language, new Date().toISOString().slice(0, 10));

/** The campaign's Atom feed: the campaign, its published updates, then its events; null for a campaign that is not public. */
export async function campaignAtomFeed(slug: string, language: Language, origin: string): Promise<TaggedXml | null> {
  const [t, campaign, { updates }] = await Promise.all([
    getFixedT(language, ["reach", "campaigns", "common"]),
    campaignFor(slug, language),
    campaignUpdates(slug, language, UPDATES_PER_LIST),
  ]);
  if (!campaign) return null;
  const page = `${origin}/${language}/campaigns/${campaign.slug}`;
  const title = campaign.title ?? t("campaigns:untitled");
  return buildAtomFeed({
    id: `${page}/feed.atom`,
    title: t("reach:campaign-feed.title", { title }),
    subtitle: t("reach:campaign-feed.subtitle"),
    language,
    selfUrl: `${page}/feed.atom`,
    alternateUrl: page,
    authorName: t("common:site.name"),
    emptyUpdated: campaign.updatedAt,
    entries: [
      { id: page, title, updated: campaign.updatedAt, link: page, summary: campaign.summary ?? title },
      ...updates.map((update) => updateEntry(update, language, origin, t("reach:campaign-feed.update-title", { title: update.title }))),
      // Newest first, as feed readers list them.
      ...[...campaign.events].reverse().map((event) => ({
        id: `${page}#event-${event.id}`,
        title: t(event.cancelled ? "reach:campaign-feed.event-cancelled-title" : "reach:campaign-feed.event-title", { title: event.title }),
        updated: event.updatedAt,
        link: `${page}#event-${event.id}`,
        summary: t("reach:campaign-feed.event-summary", { date: formatZoned(event.startsAt, event.timeZone, language), place: event.place }),
      })),
    ],
  });
}

function eventLines(event: CampaignEventItem, page: string, host: string, description: string, cancelledTitle: string): string[] {
  return [
    "BEGIN:VEVENT",
    // Stable and unique beyond this site: the event's id and the site's host.
    `UID:event-${event.id}@${host}`,
    `DTSTAMP:${compactTimestamp(event.updatedAt)}`,
    `CREATED:${compactTimestamp(event.createdAt)}`,
    `LAST-MODIFIED:${compactTimestamp(event.updatedAt)}`,
    // Grows with every change (seconds since it was added), so calendars take the newer copy;
    // a cancelled event stays with STATUS:CANCELLED and the same UID, so calendars drop it.
    `SEQUENCE:${Math.max(0, Math.floor((Date.parse(event.updatedAt) - Date.parse(event.createdAt)) / 1000))}`,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    // An instant in UTC; no end is given because no source gives one.
    `DTSTART:${compactTimestamp(event.startsAt)}`,
    icsText("SUMMARY", event.cancelled ? cancelledTitle : event.title),
    icsText("LOCATION", event.place),
    icsText("DESCRIPTION", description),
    `URL:${page}#event-${event.id}`,
    "CLASS:PUBLIC",
    "END:VEVENT",
  ];
}

function calendarLines(language: Language, name: string, description: string): string[] {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//Listy//Campaign events//${language.toUpperCase()}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    icsText("NAME", name),
    icsText("X-WR-CALNAME", name),
    icsText("DESCRIPTION", description),
    icsText("X-WR-CALDESC", description),
    "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
    "X-PUBLISHED-TTL:PT6H",
  ];
}

/**
 * The campaign's events as one iCalendar subscription, or only the event `eventId` (null when
 * the campaign is not public, or has no such event in the window).
 */
export async function campaignCalendar(slug: string, language: Language, origin: string, eventId?: string): Promise<string | null> {
  const [t, campaign] = await Promise.all([getFixedT(language, ["reach", "campaigns"]), campaignFor(slug, language)]);
  if (!campaign) return null;
  const events = eventId === undefined ? campaign.events : campaign.events.filter((event) => event.id === eventId);
  if (eventId !== undefined && events.length === 0) return null;
  const page = `${origin}/${language}/campaigns/${campaign.slug}`;
  const title = campaign.title ?? t("campaigns:untitled");
  const lines = calendarLines(language, t("reach:calendar.name", { title }), t("reach:calendar.description", { title, url: page }));
  for (const event of events) {
    lines.push(...eventLines(event, page, hostOf(origin), t("reach:calendar.event-description", { title, url: page }), t("reach:campaign-feed.event-cancelled-title", { title: event.title })));
  }
  lines.push("END:VCALENDAR");
  return icsBody(lines);
}

/**
 * What the campaign page shows for following it: its events with their calendar files, and
 * the addresses of its feed and calendar subscription (webcal:// opens a calendar app).
 * Times are shown in the zone the event happens in, with the zone named (events written
 * before zones were kept are in UTC). A cancelled event stays listed, marked, without its file.
 */
export async function loadCampaignFollowing(slug: string, language: Language, origin: string) {
  const campaign = await campaignFor(slug, language);
  const page = `${origin}/${language}/campaigns/${slug}`;
  const upcomingFrom = Date.now();
  return {
    pageUrl: page,
    events: (campaign?.events ?? [])
      .filter((event) => Date.parse(event.startsAt) >= upcomingFrom)
      .map((event) => ({
        id: event.id,
        title: event.title,
        place: event.place,
        locale: event.locale,
        when: formatZoned(event.startsAt, event.timeZone, language),
        cancelled: event.cancelled,
        ics: `/${language}/campaigns/${slug}/events/${event.id}.ics`,
      })),
    atom: `/${language}/campaigns/${slug}/feed.atom`,
    calendar: `/${language}/campaigns/${slug}/events.ics`,
    webcal: `${page.replace(/^https?:/, "webcal:")}/events.ics`,
  };
}
