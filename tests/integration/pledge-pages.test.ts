// The pledge and privacy pages over real HTTP, as a browser without JavaScript uses them:
// plain GETs and form POSTs against the production build, the real Express app and a real
// database (seeded demo data). Reminders reaching an SMTP server are tested with the model.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { supportedLanguages, type Language } from "~/i18n";
import { issueFormTicket } from "~/pledges/form-ticket.server";
import { pledgeToken } from "~/pledges/tokens.server";
import { getLocaleBundle } from "~/utils/locales.server";

import { startTestServer, type TestServer } from "../support/server";

type Strings = Record<string, unknown>;
/** A string from the real locale files, e.g. text("pl", "pledges", "thanks.active-title"). */
function text(language: Language, namespace: string, path: string): string {
  const tree = getLocaleBundle().resources[language]?.[namespace] as Strings | undefined;
  const value = path.split(".").reduce<unknown>((node, key) => (node as Strings | undefined)?.[key], tree);
  if (typeof value !== "string") throw new Error(`no string ${language}/${namespace}:${path}`);
  return value;
}

const decode = (html: string) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
/** The page as text (NUL bytes from React 18's streaming renderer removed, entities decoded). */
const readHtml = async (response: Response) => decode((await response.text()).replaceAll("\0", ""));

const CAMPAIGN = "free-them-all";
const PRISONER = "ihar-ilyash";
let server: TestServer;
let eventId = "";

beforeAll(async () => {
  server = await startTestServer();
  const prisma = server.database.prisma;
  // The demo data gives no birthdays and no events; these tests need one of each.
  await prisma.prisoner.update({ where: { slug: PRISONER }, data: { birthDate: new Date("1990-05-17T00:00:00.000Z") } });
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { slug: CAMPAIGN } });
  const event = await prisma.campaignEvent.create({
    data: {
      campaignId: campaign.id,
      startsAt: new Date(Date.now() + 30 * 86_400_000),
      translations: { create: [{ locale: "en", title: "Solidarity evening", place: "Vilnius, Town Hall Square" }] },
    },
  });
  eventId = event.id;
});

afterAll(async () => {
  await server?.close();
});

const fetchPage = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { redirect: "manual", ...init });
/**
 * A GET as the next page a browser opens. Public pages are cached until the content revision
 * moves; on a PostgreSQL server that news arrives by NOTIFY a few milliseconds after the
 * commit, so the test reads the revision first, as any later visitor's request would find it.
 */
const get = async (path: string, init: RequestInit = {}) => {
  await server.contentRevision.refresh();
  return fetchPage(path, init);
};

/**
 * A form POST as a browser sends it from one of Listy's own pages: a pledge form carries the
 * page's form ticket (tests/integration/pledge-security.test.ts takes it from the page).
 */
function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const withTicket = /^\/[a-z]{2}\/pledge$/.test(path) && !("ticket" in fields) ? { ...fields, ticket: issueFormTicket() } : fields;
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, ...headers },
    body: new URLSearchParams(withTicket).toString(),
  });
}

/** Email pledges are decided just after the answer (app/pledges/email-pledge.server.ts). */
async function decided() {
  const deadline = Date.now() + 10_000;
  while ((await server.database.prisma.pledgeIntake.count()) > 0) {
    if (Date.now() > deadline) throw new Error("email pledges were not decided");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const campaignId = async () => (await server.database.prisma.campaign.findUniqueOrThrow({ where: { slug: CAMPAIGN } })).id;
const prisonerId = async () => (await server.database.prisma.prisoner.findUniqueOrThrow({ where: { slug: PRISONER } })).id;

/** The link of this kind in the newest outbox email to `address`. */
async function linkFromOutbox(address: string, pattern: RegExp): Promise<string> {
  const rows = await server.database.prisma.outboxMessage.findMany({ where: { to: address }, orderBy: { createdAt: "desc" } });
  for (const row of rows) {
    const match = pattern.exec(`${row.text ?? ""}\n${row.html ?? ""}`);
    if (match) return new URL(match[0]).pathname;
  }
  throw new Error(`no link matching ${pattern} in ${rows.length} emails to ${address}`);
}

describe("pledge forms without JavaScript", () => {
  it("offers the campaign's pledge and its events, with the safety advice before the email field", async () => {
    const response = await get(`/en/campaigns/${CAMPAIGN}`);
    expect(response.status).toBe(200);
    const html = await readHtml(response);
    expect(html).toContain('<form method="post" action="/en/pledge"');
    expect(html).toContain('value="CAMPAIGN_PLEDGE"');
    expect(html).toContain(`value="event-${eventId}"`);
    expect(html).toContain("Solidarity evening");
    expect(html).toContain('name="website"'); // the honeypot
    const advice = html.indexOf(text("en", "pledges", "safety.heading"));
    expect(advice).toBeGreaterThan(0);
    expect(advice).toBeLessThan(html.indexOf('name="email"'));
    expect(html).toContain('href="/en/privacy"');
    // Countries named in the reader's language, on the server.
    expect(html).toContain('<option value="LT">Lithuania</option>');
    const be = await readHtml(await get(`/be/campaigns/${CAMPAIGN}`));
    expect(be).toContain('<option value="LT">Літва</option>');
  });

  it("offers a birthday card only when the birthday is known", async () => {
    const html = await readHtml(await get(`/en/prisoners/${PRISONER}`));
    expect(html).toContain('value="WRITE_MONTHLY"');
    expect(html).toContain('value="BIRTHDAY_CARD"');
    expect(html).toContain(text("en", "pledges", "posted.button"));
    const other = await readHtml(await get("/en/prisoners/ales-bialiatski"));
    expect(other).toContain('value="WRITE_MONTHLY"');
    expect(other).not.toContain('value="BIRTHDAY_CARD"');
  });

  it("counts an anonymous pledge at once and shows it on the page", async () => {
    const prisma = server.database.prisma;
    const before = await prisma.action.count({ where: { kind: "PLEDGE_MADE", campaignId: await campaignId() } });
    const beforePage = await readHtml(await get(`/en/campaigns/${CAMPAIGN}`));
    const progressBefore = Number(/<progress[^>]*value="(\d+)"/.exec(beforePage)?.[1]);

    const response = await post("/en/pledge", { pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, email: "", country: "PL", website: "" });
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toBe(`/en/pledge/thanks?result=active&campaign=${CAMPAIGN}`);
    const thanks = await readHtml(await get(location));
    expect(thanks).toContain(text("en", "pledges", "thanks.active-title"));

    expect(await prisma.action.count({ where: { kind: "PLEDGE_MADE", campaignId: await campaignId() } })).toBe(before + 1);
    const pledge = await prisma.pledge.findFirstOrThrow({ where: { campaignId: await campaignId(), kind: "CAMPAIGN_PLEDGE" } });
    expect(pledge).toMatchObject({ state: "ACTIVE", email: null, emailHash: null, country: "PL", language: "en" });

    const page = await readHtml(await get(`/en/campaigns/${CAMPAIGN}`));
    expect(page).toContain("1 person has signed this campaign's pledge.");
    // Pledges count towards the campaign's goal.
    expect(Number(/<progress[^>]*value="(\d+)"/.exec(page)?.[1])).toBe(progressBefore + 1);
  });

  it("counts a pledge for an event, and one for a prisoner on the profile", async () => {
    const event = await post("/en/pledge", { pledge: `event-${eventId}`, campaign: CAMPAIGN });
    expect(event.status).toBe(303);
    expect(await server.database.prisma.pledge.count({ where: { eventId } })).toBe(1);
    expect(await readHtml(await get(`/en/campaigns/${CAMPAIGN}`))).toContain("1 pledge to come to an event.");

    const monthly = await post("/ru/pledge", { pledge: "WRITE_MONTHLY", prisoner: PRISONER });
    expect(monthly.headers.get("location")).toBe(`/ru/pledge/thanks?result=active&prisoner=${PRISONER}`);
    const profile = await readHtml(await get(`/ru/prisoners/${PRISONER}`));
    expect(profile).toContain("1 человек будет писать каждый месяц.");
    expect(profile).toMatch(/<progress[^>]*value="1"[^>]*max="100"/);
  });

  it("keeps an email pledge pending until it is confirmed; the confirmation GET changes nothing", async () => {
    const prisma = server.database.prisma;
    const email = "reminders.anna@supporter.example.org";
    const response = await post("/pl/pledge", { pledge: "WRITE_MONTHLY", prisoner: PRISONER, email });
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toBe(`/pl/pledge/thanks?result=pending&prisoner=${PRISONER}`);
    expect(location).not.toContain("@");
    await decided();
    expect(await readHtml(await get(location))).toContain(text("pl", "pledges", "thanks.pending-title"));

    const pending = await prisma.pledge.findFirstOrThrow({ where: { prisonerId: await prisonerId(), state: "PENDING_CONFIRMATION" } });
    expect(pending.language).toBe("pl");
    // Not counted yet: still the one anonymous monthly pledge.
    expect(await readHtml(await get(`/en/prisoners/${PRISONER}`))).toContain("1 person will write every month.");

    const confirmPath = await linkFromOutbox(email, /https?:\/\/[^\s"<>]+\/pledges\/confirm\/[A-Za-z0-9_-]+/);
    // Every email about this pledge carries the same manage link (a token derived from its id);
    // the confirmation email is erased once sent, so the test derives it the same way.
    expect(confirmPath).toBe(`/pl/pledges/confirm/${pledgeToken(pending.id, "confirm")}`);
    const managePath = `/pl/pledges/manage/${pledgeToken(pending.id, "manage")}`;
    const page = await get(confirmPath);
    expect(page.status).toBe(200);
    const html = await readHtml(page);
    expect(html).toContain(text("pl", "pledges", "confirm.button"));
    expect((await prisma.pledge.findUniqueOrThrow({ where: { id: pending.id } })).state).toBe("PENDING_CONFIRMATION");

    const confirmed = await readHtml(await post(confirmPath, {}));
    expect(confirmed).toContain(text("pl", "pledges", "confirm.confirmed-title"));
    expect((await prisma.pledge.findUniqueOrThrow({ where: { id: pending.id } })).state).toBe("ACTIVE");
    expect(await readHtml(await get(`/en/prisoners/${PRISONER}`))).toContain("2 people will write every month.");
    // A replayed confirmation is a page of its own, and counts nothing twice.
    expect(await readHtml(await post(confirmPath, {}))).toContain(text("pl", "pledges", "confirm.already-title"));
    expect(await readHtml(await get(`/en/prisoners/${PRISONER}`))).toContain("2 people will write every month.");
    // A forged token.
    const forged = await post("/pl/pledges/confirm/forged-token-123", {});
    expect(forged.status).toBe(404);
    expect(await readHtml(forged)).toContain(text("pl", "pledges", "confirm.invalid-title"));

    // The same address and target again: one pledge.
    // The same address and target again: one pledge, and the answer is the one every address
    // gets (it must not tell anyone that this address pledged; the owner is told by email).
    const again = await post("/en/pledge", { pledge: "WRITE_MONTHLY", prisoner: PRISONER, email });
    expect(again.headers.get("location")).toBe(`/en/pledge/thanks?result=pending&prisoner=${PRISONER}`);
    await decided();
    expect(await prisma.pledge.count({ where: { prisonerId: await prisonerId(), emailHash: pending.emailHash } })).toBe(1);
    expect(await readHtml(await get(`/en/prisoners/${PRISONER}`))).toContain("2 people will write every month.");

    // The manage link stops the reminders with a POST; its GET only shows the buttons.
    const manage = await readHtml(await get(managePath));
    expect(manage).toContain(text("pl", "pledges", "manage.stop"));
    const stopped = await readHtml(await post(managePath, { intent: "stop" }));
    expect(stopped).toContain(text("pl", "pledges", "manage.stopped-title"));
    expect(await readHtml(await post("/pl/pledges/manage/forged", { intent: "stop" }))).toContain(text("pl", "pledges", "manage.invalid-title"));
  });

  it("shows bad input again with a translated message and what was typed, in two languages", async () => {
    for (const language of ["en", "uk"] as const) {
      const response = await post(`/${language}/pledge`, { pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, email: "not-an-address", country: "DE" });
      expect(response.status).toBe(400);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const html = await readHtml(response);
      expect(html).toContain(`<html lang="${language}"`);
      expect(html).toContain(text(language, "pledges", "problem.title"));
      expect(html).toContain(text(language, "pledges", "errors.email-invalid"));
      expect(html).toMatch(/name="email"[^>]*value="not-an-address"/);
      expect(html).toMatch(/<option value="DE" selected="">/);
      expect(html).toMatch(/checked="" value="CAMPAIGN_PLEDGE"/);
    }
    expect(await server.database.prisma.pledge.count({ where: { email: "not-an-address" } })).toBe(0);
  });

  it("answers huge, malformed and forged input with a page, never a 500, and counts nothing", async () => {
    const prisma = server.database.prisma;
    const before = await prisma.pledge.count();
    const cases: Record<string, string>[] = [
      // Huge but within the 64 KB a public form may send: answered as a form.
      { pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, email: `${"a".repeat(50_000)}@example.org` },
      { pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, country: "XX" },
      { pledge: "EVERYTHING", campaign: CAMPAIGN },
      { pledge: "CAMPAIGN_PLEDGE", campaign: "../../etc/passwd" },
      { pledge: "CAMPAIGN_PLEDGE", campaign: "no-such-campaign" },
      { pledge: "event-nonexistent", campaign: CAMPAIGN },
      { pledge: "BIRTHDAY_CARD", prisoner: "ales-bialiatski" },
      { pledge: "WRITE_MONTHLY", prisoner: "x".repeat(5_000) },
      {},
    ];
    for (const fields of cases) {
      const response = await post("/en/pledge", fields);
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      const html = await readHtml(response);
      expect(html).toContain(text("en", "pledges", "problem.title"));
      expect(html).not.toMatch(/at .*\.js:\d+/);
    }
    const huge = await readHtml(await post("/en/pledge", cases[0]!));
    expect(huge).toContain("An email address can have at most 254 characters.");
    // Past it, the body is not read at all: a page that says so.
    const tooLarge = await post("/en/pledge", { pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, email: `${"a".repeat(200_000)}@example.org` });
    expect(tooLarge.status).toBe(413);
    expect(await readHtml(tooLarge)).toContain(text("en", "errors", "too-large.title"));
    expect(await readHtml(await post("/en/pledge", cases[4]!))).toContain(text("en", "pledges", "problem.unknown-target"));
    expect(await prisma.pledge.count()).toBe(before);
  });

  it("reads the whole body however it arrives: in pieces, without a length, or longer than the fast path reads", async () => {
    const prisma = server.database.prisma;
    const id = await campaignId();
    const counted = () => prisma.pledgeCounter.findFirst({ where: { scope: "campaign", scopeId: id, kind: "CAMPAIGN_PLEDGE" } });
    const before = (await counted())?.count ?? 0;
    /** Sent in 1 KB pieces with no Content-Length (chunked), as a proxy may forward it. */
    const postChunked = (path: string, body: string) => {
      const bytes = new TextEncoder().encode(body);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 1024) controller.enqueue(bytes.slice(offset, offset + 1024));
          controller.close();
        },
      });
      return fetch(`${server.url}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
        body: stream,
        duplex: "half",
      } as RequestInit);
    };
    const small = await postChunked("/en/pledge", new URLSearchParams({ pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, ticket: issueFormTicket() }).toString());
    expect(small.status).toBe(303);
    // A long unknown field first: the fields that matter come after the first 16 KB.
    const padded = new URLSearchParams({ notes: "z".repeat(40_000), pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, country: "LT", ticket: issueFormTicket() }).toString();
    const long = await postChunked("/en/pledge", padded);
    expect(long.status).toBe(303);
    expect(long.headers.get("location")).toBe(`/en/pledge/thanks?result=active&campaign=${CAMPAIGN}`);
    const withLength = await post("/en/pledge", { notes: "z".repeat(40_000), pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN });
    expect(withLength.status).toBe(303);
    expect((await counted())?.count).toBe(before + 3);
    expect(await prisma.action.count({ where: { campaignId: id, kind: "PLEDGE_MADE", country: "LT" } })).toBeGreaterThanOrEqual(1);

    // And a long body with a problem comes back as the form, with what was typed.
    const bad = await postChunked("/pl/pledge", new URLSearchParams({ notes: "z".repeat(40_000), pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, email: "nie-adres" }).toString());
    expect(bad.status).toBe(400);
    const html = await readHtml(bad);
    expect(html).toContain(text("pl", "pledges", "errors.email-invalid"));
    expect(html).toMatch(/name="email"[^>]*value="nie-adres"/);
    expect((await counted())?.count).toBe(before + 3);
  });

  it("keeps serving when a sender goes away in the middle of a pledge form", async () => {
    const { connect } = await import("node:net");
    const { port, hostname } = new URL(server.url);
    for (let attempt = 0; attempt < 5; attempt++) {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write(
            `POST /en/pledge HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${server.url}\r\n` +
              "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\npledge=CAMP",
          );
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 50);
        });
        socket.on("error", reject);
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetchPage("/ping")).status).toBe(200);
    expect((await post("/en/pledge", { pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN })).status).toBe(303);
  });

  it("refuses a pledge posted from another site, and sends a plain GET away", async () => {
    const before = await server.database.prisma.pledge.count();
    const forged = await post("/en/pledge", { pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN }, { Origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect(await server.database.prisma.pledge.count()).toBe(before);
    const plain = await get("/en/pledge");
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toBe("/en");
  });

  it("records “I posted it” as an action with nothing personal", async () => {
    const prisma = server.database.prisma;
    const before = await prisma.action.count({ where: { kind: "POSTED_SELF_REPORT", prisonerId: await prisonerId() } });
    const response = await post("/be/pledge", { pledge: "POSTED", prisoner: PRISONER, email: "ignored@example.org" });
    expect(response.headers.get("location")).toBe(`/be/pledge/thanks?result=posted&prisoner=${PRISONER}`);
    expect(await prisma.action.count({ where: { kind: "POSTED_SELF_REPORT", prisonerId: await prisonerId() } })).toBe(before + 1);
    expect(await prisma.outboxMessage.count({ where: { to: "ignored@example.org" } })).toBe(0);
  });
});

describe("the privacy pages", () => {
  it("says what is stored in every language, with the retention settings, linked from the footer", async () => {
    for (const language of supportedLanguages) {
      const response = await get(`/${language}/privacy`);
      expect(response.status, language).toBe(200);
      const html = await readHtml(response);
      expect(html).toContain(text(language, "privacy", "page.title"));
      expect(html).toContain(text(language, "privacy", "retention.letter-text"));
      expect(html).toContain(text(language, "privacy", "stored.cookie"));
      const home = await readHtml(await get(`/${language}`));
      expect(home).toContain(`href="/${language}/privacy"`);
    }
    // LETTER_RETENTION_DAYS defaults to 30: the page follows the setting.
    const en = await readHtml(await get("/en/privacy"));
    expect(en).toMatch(/Text of a letter left with Listy \(mailroom or letter bank\)<\/th><td>30 days<\/td>/);
    expect(en).not.toContain("return address you gave");
  });

  it("gives the same answer for a known and an unknown address", async () => {
    const known = "known.person@supporter.example.org";
    expect((await post("/en/pledge", { pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, email: known })).status).toBe(303);
    await decided();
    const answers: string[] = [];
    for (const email of [known, "nobody.here@supporter.example.org"]) {
      const response = await post("/en/privacy/request", { email, kind: "EXPORT" });
      expect(response.status).toBe(200);
      const html = await readHtml(response);
      expect(html).toContain(text("en", "privacy", "request.sent-body"));
      expect(html).not.toContain(email);
      answers.push(/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html);
    }
    expect(answers[0]).toBe(answers[1]);
    // Past the per-address cap (reached only by addresses that hold data) the answer is the same.
    for (let attempt = 0; attempt < 12; attempt++) {
      for (const email of [known, "nobody.here@supporter.example.org"]) {
        const response = await post("/en/privacy/request", { email, kind: "EXPORT" });
        expect(response.status).toBe(200);
        expect(/<main[\s\S]*<\/main>/.exec(await readHtml(response))?.[0]).toBe(answers[0]);
      }
    }
    expect(await server.database.prisma.privacyRequest.count()).toBeGreaterThan(0);
    const bad = await post("/en/privacy/request", { email: "nonsense", kind: "ERASE" });
    expect(bad.status).toBe(400);
    expect(await readHtml(bad)).toContain(text("en", "privacy", "request.email-invalid"));
  });

  it("exports and then erases a supporter's data through the emailed links", async () => {
    const prisma = server.database.prisma;
    const email = "erase.me@supporter.example.org";
    expect((await post("/lt/pledge", { pledge: "BIRTHDAY_CARD", prisoner: PRISONER, email })).status).toBe(303);
    await decided();

    // Export: the GET shows a button, the POST downloads a file.
    expect((await post("/lt/privacy/request", { email, kind: "EXPORT" })).status).toBe(200);
    const exportPath = await linkFromOutbox(email, /https?:\/\/[^\s"<>]+\/privacy\/export\/[A-Za-z0-9_-]+/);
    expect(await readHtml(await get(exportPath))).toContain(text("lt", "privacy", "export.button"));
    const download = await post(`${exportPath}/download`, {});
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="listy-my-data\.json"$/);
    expect(await download.text()).toContain("BIRTHDAY_CARD");
    expect((await get(`${exportPath}/download`)).status).toBe(405);
    const forgedExport = await post("/lt/privacy/export/forged/download", {});
    expect(forgedExport.status).toBe(303);
    expect(await readHtml(await get(forgedExport.headers.get("location")!))).toContain(text("lt", "privacy", "link.invalid-title"));

    // Erase: the GET erases nothing.
    expect((await post("/lt/privacy/request", { email, kind: "ERASE" })).status).toBe(200);
    const erasePath = await linkFromOutbox(email, /https?:\/\/[^\s"<>]+\/privacy\/erase\/[A-Za-z0-9_-]+/);
    expect(await readHtml(await get(erasePath))).toContain(text("lt", "privacy", "erase.button"));
    expect(await prisma.pledge.count({ where: { email } })).toBe(1);
    const erased = await readHtml(await post(erasePath, {}));
    expect(erased).toContain(text("lt", "privacy", "erase.done-title"));
    expect(erased).toContain("1 pasižadėjimas");

    // No row anywhere holds the address any more.
    const dump = JSON.stringify([
      await prisma.pledge.findMany(),
      await prisma.outboxMessage.findMany(),
      await prisma.privacyRequest.findMany(),
      await prisma.appeal.findMany(),
    ]);
    expect(dump).not.toContain(email);
    // A replay (a double click) erases nothing more, and says so.
    const replay = await readHtml(await post(erasePath, {}));
    expect(replay).toContain(text("lt", "privacy", "erase.done-title"));
    expect(replay).toContain("0 pasižadėjimų");
    expect(await readHtml(await post("/lt/privacy/erase/forged-token", {}))).toContain(text("lt", "privacy", "link.invalid-title"));
  });
});
