// The pledge findings of the security review, performed over HTTP against the production
// build, the real Express app (page cache on), a real database and an in-process SMTP server:
//  1. a pledge form must not tell anyone whether an address already pledged (answer and timing);
//  8. one client must not be able to move a public count without limit;
//  and the one-click stop of reminders (RFC 8058) must work from a mail provider, and only that.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { MailWorker } from "~/jobs.server";
import { addressHash } from "~/mail/outbox.server";
import { configurePledges } from "~/pledges/pledge-settings.server";
import { confirmPledge, makePledge, pledgeCounts } from "~/pledges/pledge.server";
import { pledgeToken } from "~/pledges/tokens.server";

import { configureTestMail, createMailWorkerWithJobs, drainOutbox } from "../support/outbox";
import { createPrisoner, linkToken } from "../support/pledge-fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { decodeHeader, startSmtpServer, textOf, type TestSmtpServer } from "../support/smtp";

const CAMPAIGN = "free-them-all";
const PRISONER = "ihar-ilyash";
const ORIGIN = "https://listy.example.org";
const DAY = 86_400_000;
let server: TestServer;
let smtp: TestSmtpServer;
let worker: MailWorker;
let clock = new Date();

beforeAll(async () => {
  server = await startTestServer();
  smtp = await startSmtpServer();
  configureTestMail(smtp);
  configurePledges({ maxPerEmailPerDay: 10, maxConfirmationsPerHour: 100_000 });
  // The worker's clock is moved forward for reminders; it never runs behind the real one.
  worker = createMailWorkerWithJobs({ id: "pledge-security", now: () => new Date(Math.max(clock.getTime(), Date.now())), log: () => undefined });
});

afterAll(async () => {
  worker?.close();
  await smtp?.close();
  await server?.close();
});

const prisma = () => server.database.prisma;
const drain = () => drainOutbox(worker, prisma());
const prisonerId = async () => (await prisma().prisoner.findUniqueOrThrow({ where: { slug: PRISONER } })).id;
const campaignId = async () => (await prisma().campaign.findUniqueOrThrow({ where: { slug: CAMPAIGN } })).id;

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, ...headers },
    body,
  });
}
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Everything a sender can observe of an answer, but the Date header. */
async function observable(response: Response) {
  const headers = [...response.headers].filter(([name]) => name !== "date" && name !== "content-security-policy");
  return { status: response.status, headers, body: await response.text() };
}

/** The form ticket of a page, as a browser without JavaScript would post it. */
async function ticketFrom(path: string): Promise<{ ticket: string; cache: string | null }> {
  await server.contentRevision.refresh();
  const response = await fetch(`${server.url}${path}`);
  const html = await response.text();
  const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1];
  if (!ticket) throw new Error(`no form ticket on ${path}`);
  return { ticket, cache: response.headers.get("x-cache") };
}

/** Waits until the background decision on queued email pledges has written its mail. */
async function waitForOutbox(predicate: (count: number) => boolean, where: Record<string, unknown>) {
  const deadline = Date.now() + 10_000;
  while (!predicate(await prisma().outboxMessage.count({ where }))) {
    if (Date.now() > deadline) throw new Error("the expected email was not queued");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("finding 1: a pledge form does not reveal who pledged", () => {
  it("answers the same for an unknown, an already pledged and a bounced address, and tells the owner by email", async () => {
    // Known: a confirmed monthly pledge (its address kept for the reminders), and a bounced address.
    const known = "known.supporter@mail.example.net";
    const made = await makePledge({ target: { kind: "WRITE_MONTHLY", prisonerId: await prisonerId() }, language: "en", email: known, publicOrigin: ORIGIN });
    await drain();
    expect(await confirmPledge(linkToken(smtp.messages.at(-1)!, "pledges/confirm"))).toBe("confirmed");
    await prisma().suppression.create({ data: { addressHash: addressHash("bounced.supporter@mail.example.net"), reason: "test" } });
    smtp.messages.length = 0;

    const answers = [];
    for (const email of [known, "unknown.supporter@mail.example.net", "bounced.supporter@mail.example.net"]) {
      answers.push(await observable(await post("/en/pledge", form({ pledge: "WRITE_MONTHLY", prisoner: PRISONER, email, country: "", website: "" }))));
    }
    expect(answers[0]).toMatchObject({ status: 303 });
    expect(answers[0]!.headers).toContainEqual(["location", `/en/pledge/thanks?result=pending&prisoner=${PRISONER}`]);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);

    // What the form could not say, the owner of the address learns by email.
    await waitForOutbox((count) => count >= 2, { kind: "PLEDGE_CONFIRMATION", state: "QUEUED" });
    await drain();
    const byRecipient = new Map(smtp.messages.map((message) => [message.rcptTo[0], message]));
    expect([...byRecipient.keys()].sort()).toEqual([known, "unknown.supporter@mail.example.net"]);
    const note = byRecipient.get(known)!;
    expect(decodeHeader(note.headers.get("subject"))).toBe("About your promise on Listy");
    // (The raw message, unwrapped: a token may hold "--", which the text-part helper takes for a boundary.)
    expect(note.raw.replace(/=\r?\n/g, "")).toContain(`/en/pledges/manage/${pledgeToken((made as { pledgeId: string }).pledgeId, "manage")}`);
    expect(textOf(byRecipient.get("unknown.supporter@mail.example.net")!)).toContain("/en/pledges/confirm/");

    // Asking again the same day sends the owner nothing more (one note a day per pledge).
    smtp.messages.length = 0;
    await post("/en/pledge", form({ pledge: "WRITE_MONTHLY", prisoner: PRISONER, email: known }));
    await new Promise((resolve) => setTimeout(resolve, 600));
    await drain();
    expect(smtp.messages).toHaveLength(0);
  });

  it("takes as long for an address that already pledged as for a new one (medians, measured interleaved)", async () => {
    const known = "timing.known@mail.example.net";
    // A birthday card needs a known birthday.
    await prisma().prisoner.update({ where: { slug: PRISONER }, data: { birthDate: new Date("1990-05-17T00:00:00Z") } });
    const made = await makePledge({ target: { kind: "BIRTHDAY_CARD", prisonerId: await prisonerId() }, language: "en", email: known, publicOrigin: ORIGIN });
    expect(made).toMatchObject({ ok: true });
    const ask = async (email: string) => {
      const started = performance.now();
      const response = await post("/en/pledge", form({ pledge: "BIRTHDAY_CARD", prisoner: PRISONER, email }));
      await response.arrayBuffer();
      expect(response.status).toBe(303);
      return performance.now() - started;
    };
    const knownTimes: number[] = [];
    const newTimes: number[] = [];
    // Rounds of one of each, in a random order, each round after the background work of the
    // one before (the decision runs at most 250 ms after an answer): a busy machine slows both.
    for (let round = 0; round < 66; round++) {
      const fresh = `timing.new${round}@mail.example.net`;
      let knownTime: number;
      let newTime: number;
      if (Math.random() < 0.5) {
        knownTime = await ask(known);
        newTime = await ask(fresh);
      } else {
        newTime = await ask(fresh);
        knownTime = await ask(known);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (round < 6) continue; // warm-up
      knownTimes.push(knownTime);
      newTimes.push(newTime);
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const [knownMedian, newMedian] = [median(knownTimes), median(newTimes)];
    console.info(`email pledge answer, median of 60: already pledged ${knownMedian.toFixed(2)} ms, new address ${newMedian.toFixed(2)} ms`);
    expect(Math.max(knownMedian, newMedian) / Math.min(knownMedian, newMedian)).toBeLessThan(1.5);
    await waitForOutbox((count) => count >= 60, { kind: "PLEDGE_CONFIRMATION", toHash: { not: addressHash(known) }, createdAt: { gt: new Date(Date.now() - 600_000) } });
  }, 120_000);
});

describe("finding 8: one client cannot inflate a public count", () => {
  const pledge = (ticket: string | null) =>
    post("/en/pledge", form({ pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, email: "", country: "", website: "", ...(ticket === null ? {} : { ticket }) }));

  it("counts 100 anonymous pledges from one page view once; a fresh visitor still counts", async () => {
    const before = (await pledgeCounts({ campaignId: await campaignId() })).total;
    const { ticket } = await ticketFrom(`/en/campaigns/${CAMPAIGN}`);
    // Another reader, served the same page from the cache, has a ticket of their own.
    const other = await ticketFrom(`/en/campaigns/${CAMPAIGN}`);
    expect(other.cache).toBe("HIT");
    expect(other.ticket).not.toBe(ticket);

    const answers = await Promise.all(Array.from({ length: 100 }, () => pledge(ticket)));
    // Every answer thanks the sender (a double click is no error), but the count moves by one.
    expect(answers.every((answer) => answer.status === 303 && answer.headers.get("location") === `/en/pledge/thanks?result=active&campaign=${CAMPAIGN}`)).toBe(true);
    expect((await pledgeCounts({ campaignId: await campaignId() })).total).toBe(before + 1);

    // And it counts.
    expect((await pledge(other.ticket)).status).toBe(303);
    expect((await pledgeCounts({ campaignId: await campaignId() })).total).toBe(before + 2);
  });

  it("refuses missing, forged and old tickets with a translated page and the form to send again", async () => {
    const before = (await pledgeCounts({ campaignId: await campaignId() })).total;
    const { ticket } = await ticketFrom(`/en/campaigns/${CAMPAIGN}`);
    const forged = ticket.slice(0, -4) + (ticket.endsWith("AAAA") ? "BBBB" : "AAAA");
    const old = ticket.replace(/^lpt1\.\d{8}\./, `lpt1.${new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10).replaceAll("-", "")}.`);
    for (const bad of [null, "", forged, old, "x".repeat(5000)]) {
      const response = await pledge(bad);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain("This form was open too long ago to be counted.");
      const fresh = /name="ticket" value="([^"]+)"/.exec(html)?.[1];
      expect(fresh).toMatch(/^lpt1\./);
      expect(fresh).not.toBe(bad);
    }
    expect((await pledgeCounts({ campaignId: await campaignId() })).total).toBe(before);
  });
});

describe("one-click stop of pledge reminders (RFC 8058)", () => {
  /** A confirmed monthly pledge whose first reminder has just been sent; its List-Unsubscribe address. */
  async function reminded(email: string) {
    const made = await makePledge({ target: { kind: "WRITE_MONTHLY", prisonerId: await createPrisoner(prisma()) }, language: "en", email, publicOrigin: ORIGIN, now: clock });
    await drain();
    expect(await confirmPledge(linkToken(smtp.messages.find((m) => m.rcptTo[0] === email)!, "pledges/confirm"), clock)).toBe("confirmed");
    smtp.messages.length = 0;
    clock = new Date(clock.getTime() + 31 * DAY);
    await drain();
    const reminder = smtp.messages.find((m) => m.rcptTo[0] === email)!;
    expect(reminder).toBeDefined();
    return { reminder, pledgeId: (made as { pledgeId: string }).pledgeId };
  }

  it("puts the headers on reminders, and a provider's POST from another origin stops them", async () => {
    const { reminder, pledgeId } = await reminded("one.click@mail.example.net");
    const token = pledgeToken(pledgeId, "manage");
    expect(reminder.headers.get("list-unsubscribe")).toBe(`<${ORIGIN}/en/pledges/unsubscribe/${token}>`);
    expect(reminder.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // The address with its token is not kept in the outbox once sent.
    expect(await prisma().outboxMessage.count({ where: { unsubscribe: { not: null }, state: "SENT" } })).toBe(0);

    const path = `/en/pledges/unsubscribe/${token}`;
    const stopped = await post(path, "List-Unsubscribe=One-Click", { Origin: "https://mail.provider.example", "Sec-Fetch-Site": "cross-site" });
    expect(stopped.status).toBe(200);
    expect(await prisma().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({ remindersOn: false, email: null, state: "ACTIVE" });
    smtp.messages.length = 0;
    clock = new Date(clock.getTime() + 31 * DAY);
    await drain();
    expect(smtp.messages.filter((message) => message.rcptTo[0] === "one.click@mail.example.net")).toHaveLength(0);

    // A person who opens the address is taken to the manage page.
    const opened = await fetch(`${server.url}${path}`, { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`/en/pledges/manage/${token}`);
  });

  it("accepts the multipart form of the body, with no Origin at all", async () => {
    const { pledgeId } = await reminded("one.click.multipart@mail.example.net");
    const body = new FormData();
    body.set("List-Unsubscribe", "One-Click");
    const response = await fetch(`${server.url}/en/pledges/unsubscribe/${pledgeToken(pledgeId, "manage")}`, { method: "POST", body, redirect: "manual" });
    expect(response.status).toBe(200);
    expect((await prisma().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).remindersOn).toBe(false);
  });

  it("refuses every other cross-origin POST, there and elsewhere", async () => {
    const { pledgeId } = await reminded("one.click.refused@mail.example.net");
    const token = pledgeToken(pledgeId, "manage");
    const foreign = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" };
    const attempts: [string, string, Record<string, string>][] = [
      [`/en/pledges/unsubscribe/${token}`, "List-Unsubscribe=One-Click&intent=withdraw", foreign],
      [`/en/pledges/unsubscribe/${token}`, "intent=withdraw", foreign],
      [`/en/pledges/unsubscribe/${token}`, "List-Unsubscribe=One-Click", { ...foreign, "Content-Type": "text/plain" }],
      [`/en/pledges/unsubscribe/${token}`, `List-Unsubscribe=One-Click${"&".repeat(3000)}`, foreign],
      [`/en/pledges/manage/${token}`, "List-Unsubscribe=One-Click", foreign],
      [`/en/pledges/manage/${token}`, "intent=stop", foreign],
      ["/en/pledge", form({ pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN }), foreign],
      ["/en/privacy/request", "List-Unsubscribe=One-Click", foreign],
    ];
    for (const [path, body, headers] of attempts) {
      const response = await post(path, body, headers);
      expect(response.status, `${path} ${body.slice(0, 60)}`).toBe(403);
    }
    expect(await prisma().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({ remindersOn: true, state: "ACTIVE" });
  });
});
