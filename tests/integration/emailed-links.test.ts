// Links in emails never follow the request's Host header (security review, finding 3). An
// attacker who posts a form with `Host: evil.example` (or `X-Forwarded-Host`) in the victim's
// name must not get Listy to email the victim a link to evil.example: the link would hand the
// victim's token to the attacker's site. Every form that sends a link is posted that way over
// real HTTP; the emails the in-process SMTP server receives must link only to the server's
// own address (PUBLIC_URL is unset here, so: the local address it listens on). Page-level
// absolute URLs (hreflang, sitemap, robots, calendar) must not follow the header either.
import { request as httpRequest } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createMailWorker, type MailWorker } from "~/jobs.server";
import { issueFormTicket } from "~/pledges/form-ticket.server";

import { configureTestMail, drainOutbox } from "../support/outbox";
import { startTestServer, type TestServer } from "../support/server";
import { startSmtpServer, type ReceivedMessage, type TestSmtpServer } from "../support/smtp";
import { signedInStaff } from "../support/staff";

const EVIL = "evil.example";

let server: TestServer;
let smtp: TestSmtpServer;
let worker: MailWorker;

beforeAll(async () => {
  server = await startTestServer();
  // The demo data invents no contact details; the appeal's addressee needs one.
  await server.database.prisma.official.update({ where: { slug: "alyaksandr-lukashenka" }, data: { email: "kancelaria@gov.example.org" } });
  smtp = await startSmtpServer();
  configureTestMail(smtp);
  worker = createMailWorker({ id: "emailed-links", log: () => undefined });
});

afterAll(async () => {
  worker?.close();
  await smtp?.close();
  await server?.close();
});

interface RawResponse {
  status: number;
  location: string | null;
  body: string;
}

/**
 * An HTTP request with headers fetch() would not send (it sets Host itself). `Sec-Fetch-Site:
 * same-origin` passes the same-origin rule, as any script can claim: the attacker here is not
 * a cross-site page but someone posting directly.
 */
function rawRequest(method: "GET" | "POST", path: string, headers: Record<string, string>, fields?: Record<string, string | string[]>): Promise<RawResponse> {
  const url = new URL(server.url);
  const body = fields ? formBody(fields) : undefined;
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          ...(body === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) }),
          "Sec-Fetch-Site": "same-origin",
          ...headers,
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, body: text }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function formBody(fields: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  return body.toString();
}

/** The two ways a request can name another host: its Host header, or the proxy header Remix reads. */
const FORGED_HOSTS: { name: string; headers: (realHost: string) => Record<string, string> }[] = [
  { name: "host", headers: () => ({ Host: EVIL }) },
  { name: "xfh", headers: (realHost) => ({ Host: realHost, "X-Forwarded-Host": EVIL }) },
];

/** Every part of a message (text and HTML), with its transfer encoding undone. */
function decodedParts(message: ReceivedMessage): string {
  const parts = message.raw.split(/\r?\n--[^\r\n]+\r?\n/);
  return parts
    .map((part) => {
      const [head = "", ...rest] = part.split(/\r?\n\r?\n/);
      const body = rest.join("\n\n");
      const encoding = /Content-Transfer-Encoding:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim().toLowerCase();
      if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
      if (encoding === "quoted-printable") {
        return Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
      }
      return part;
    })
    .join("\n");
}

const linksIn = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map(([link]) => link);

/** Opens the appeal form as a supporter does and returns its address and fields. */
async function appealForm(): Promise<{ location: string; fields: Record<string, string> }> {
  const first = await fetch(`${server.url}/pl/campaigns/free-them-all/appeal`, { redirect: "manual" });
  const location = first.headers.get("location")!;
  const html = await (await fetch(`${server.url}${location}`)).text();
  const fields: Record<string, string> = {};
  for (const name of ["target", "prisoner", "seed", "subject", "body"]) {
    const input = [...html.matchAll(/<input\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => tag.includes(` name="${name}"`)).at(-1);
    const raw = input
      ? (/ value="([^"]*)"/.exec(input)?.[1] ?? "")
      : (new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1] ?? "");
    fields[name] = raw.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }
  return { location, fields };
}

describe("links in emails", () => {
  it("point to the server's own address whatever Host or X-Forwarded-Host the request named", async () => {
    const realHost = new URL(server.url).host;
    const { browser: admin } = await signedInStaff(server.url, server.database.prisma, ["admin"]);
    const expected: string[] = [];

    for (const forged of FORGED_HOSTS) {
      const headers = forged.headers(realHost);
      const supporter = `victim.${forged.name}@mail.example.net`;

      // A pledge with an email address: its confirmation link.
      const pledge = await rawRequest("POST", "/en/pledge", headers, { pledge: "WRITE_MONTHLY", prisoner: "ihar-ilyash", email: supporter });
      expect(pledge.status, pledge.body.slice(0, 300)).toBe(303);
      expected.push(supporter);

      // "Send me my data" for the same address (it now holds a pledge): the export link.
      const privacy = await rawRequest("POST", "/en/privacy/request", headers, { email: supporter, kind: "EXPORT" });
      expect(privacy.status, privacy.body.slice(0, 300)).toBeLessThan(400);
      expected.push(supporter);

      // An appeal sent through Listy: its confirmation link.
      const appealer = `appealer.${forged.name}@mail.example.net`;
      // Two appeals drawn at random can come out nearly identical, and the second would then be
      // held as a duplicate with no email: this test is about links, so the first one is retired.
      await server.database.prisma.appeal.updateMany({ where: { state: "PENDING_CONFIRMATION" }, data: { state: "EXPIRED" } });
      const { location, fields } = await appealForm();
      const appeal = await rawRequest("POST", location, headers, { ...fields, intent: "send", email: appealer, signature: "campaign" });
      expect(appeal.status, appeal.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 600)).toBe(303);
      expected.push(appealer);

      // A staff invitation (an admin tricked into posting, or a proxy passing the header on).
      const invitee = `invitee.${forged.name}@team.example.org`;
      const cookie = `listy_staff=${admin.cookie}`;
      const invitation = await rawRequest("POST", "/en/staff/team", { ...headers, Cookie: cookie }, { intent: "invite", email: invitee, roles: "campaigner", language: "en" });
      expect(invitation.status, invitation.body.slice(0, 300)).toBe(200);
      expected.push(invitee);
    }

    await drainOutbox(worker, server.database.prisma);
    const received = expected.map((address) => smtp.messages.filter((message) => message.rcptTo.includes(address)));
    for (const [index, address] of expected.entries()) expect(received[index]!.length, `mail to ${address}`).toBeGreaterThan(0);

    for (const message of smtp.messages) {
      const content = decodedParts(message);
      const links = linksIn(content);
      expect(links.length, `links in "${message.subject}"`).toBeGreaterThan(0);
      for (const link of links) expect(new URL(link).origin, `${link} in "${message.subject}"`).toBe(server.url);
      expect(content).not.toContain(EVIL);
      expect(message.raw).not.toContain(EVIL);
    }
  }, 60_000);
});

describe("absolute URLs on pages and site files", () => {
  it("do not follow Host or X-Forwarded-Host either (a cached page would pass them on)", async () => {
    const realHost = new URL(server.url).host;
    for (const forged of FORGED_HOSTS) {
      const headers = forged.headers(realHost);
      for (const path of ["/en/prisoners", "/be/campaigns/free-them-all", "/sitemap.xml", "/robots.txt", "/be/birthdays.ics"]) {
        const response = await rawRequest("GET", path, headers);
        expect(response.status, `${forged.name} ${path}`).toBe(200);
        expect(response.body, `${forged.name} ${path}`).not.toContain(EVIL);
      }
    }
    // Nothing poisoned the page cache for the next, ordinary visitor.
    const page = await (await fetch(`${server.url}/en/prisoners`)).text();
    expect(page).not.toContain(EVIL);
    expect(page).toContain(`href="${server.url}/be/prisoners"`);
  });
});

describe("data-export links", () => {
  /** A supporter with a pledge asks for their data; returns the export link's path from the email received. */
  async function exportLinkFor(address: string): Promise<string> {
    const post = (path: string, fields: Record<string, string>) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await post("/uk/pledge", { pledge: "WRITE_MONTHLY", prisoner: "ihar-ilyash", email: address, ticket: issueFormTicket() })).status).toBe(303);
    // An email pledge is decided just after its answer (app/pledges/email-pledge.server.ts).
    for (let tries = 0; !(await server.database.prisma.pledge.findFirst({ where: { email: address } })); tries++) {
      if (tries > 100) throw new Error("the pledge was never decided");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await post("/uk/privacy/request", { email: address, kind: "EXPORT" })).status).toBeLessThan(400);
    await drainOutbox(worker, server.database.prisma);
    const message = smtp.messages.filter((received) => received.rcptTo.includes(address)).find((received) => decodedParts(received).includes("/privacy/export/"));
    const link = linksIn(decodedParts(message!)).find((candidate) => candidate.includes("/privacy/export/"))!;
    return new URL(link).pathname;
  }

  const download = (page: string) => fetch(`${server.url}${page}/download`, { method: "POST", redirect: "manual", headers: { Origin: server.url } });

  it("work once: a second download is refused with a translated page, not an error", async () => {
    const address = "exporter.once@mail.example.net";
    const page = await exportLinkFor(address);
    expect((await fetch(`${server.url}${page}`)).status).toBe(200);

    const first = await download(page);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toContain("attachment");
    expect(await first.text()).toContain(address);

    const second = await download(page);
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe(`${page}?failed=used`);
    const refused = await fetch(`${server.url}${second.headers.get("location")}`);
    expect(refused.status).toBe(200);
    const html = await refused.text();
    expect(html).toContain("Це посилання вже використане");
    expect(html).not.toContain(address);
  });

  it("give the data to only one of two downloads sent at once", async () => {
    const address = "exporter.race@mail.example.net";
    const page = await exportLinkFor(address);
    const answers = await Promise.all([download(page), download(page), download(page)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 303, 303]);
  });
});
