// The appeal pages over real HTTP, as a browser without JavaScript uses them: plain GETs and
// form POSTs against the production build, the real Express app and a real database.
import { readFileSync } from "node:fs";

import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { supportedLanguages } from "~/i18n";

import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let pageCacheControl: string | null = null;
const OFFICIAL_EMAIL = "office@official.example.org";

beforeAll(async () => {
  server = await startTestServer();
  // The demo data invents no contact details; these tests give the official an email and a
  // postal address (the printed letter is offered only where there is somewhere to post it).
  await server.database.prisma.official.update({ where: { slug: "alyaksandr-lukashenka" }, data: { email: OFFICIAL_EMAIL, postalAddress: "Test Street 1\n00-000 Test Town" } });
});

afterAll(async () => {
  await server?.close();
});

const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { redirect: "manual", ...init });

/** A form POST as a browser sends it from one of Listy's own pages. */
function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const decode = (html: string) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The value of the last field with this name (the page's first form, choosing the addressee, has a seed too). */
function fieldValue(html: string, name: string): string | null {
  const inputs = [...html.matchAll(/<input\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => tag.includes(` name="${name}"`));
  const input = inputs.at(-1);
  if (input) return decode(/ value="([^"]*)"/.exec(input)?.[1] ?? "");
  const textarea = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (textarea) return decode(textarea[1]!);
  // A choice list (the person the letter speaks about) sends its selected option.
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  const selected = select ? /<option[^>]*value="([^"]*)"[^>]*selected=""|<option[^>]*selected=""[^>]*value="([^"]*)"/.exec(select[1]!) : null;
  return selected ? decode(selected[1] ?? selected[2] ?? "") : null;
}

/** Opens the appeal page the way a supporter does and returns the form's fields. */
async function openForm(language = "pl") {
  const first = await get(`/${language}/campaigns/free-them-all/appeal`);
  expect(first.status).toBe(302);
  const location = first.headers.get("location")!;
  expect(location).toMatch(new RegExp(`^/${language}/campaigns/free-them-all/appeal\\?target=alyaksandr-lukashenka&prisoner=[a-z-]+&seed=\\d+$`));
  const page = await get(location);
  expect(page.status).toBe(200);
  const html = await page.text();
  pageCacheControl = page.headers.get("cache-control");
  const fields = { target: "", prisoner: "", seed: "", subject: "", body: "" };
  for (const name of Object.keys(fields) as (keyof typeof fields)[]) fields[name] = fieldValue(html, name) ?? "";
  return { location, html, fields };
}

async function appealRows() {
  return server.database.prisma.appeal.findMany({ orderBy: { createdAt: "asc" } });
}

describe("the appeal form without JavaScript", () => {
  it("gives each supporter a seed, and the same seed the same text on every visit", async () => {
    const { location, html, fields } = await openForm();
    expect(html).toContain('<form method="post"');
    expect(html).toContain('name="website"'); // the honeypot
    expect(html).toMatch(/<textarea[^>]*name="body"[^>]*maxLength="5000"/);
    // Addressed to the Belarusian authorities: the letter is in Russian, the page in Polish.
    expect(html).toContain('<html lang="pl"');
    expect(fields.body).toMatch(/[А-Яа-яЁё]{5,}/);
    expect(fields.subject.length).toBeGreaterThan(10);
    expect(`${fields.subject}${fields.body}`).not.toMatch(/\{|\}|undefined/);
    // The Polish reader can see what the Russian draft says.
    expect(html).toContain("Co mówi szkic, w twoim języku");
    const again = await (await get(location)).text();
    expect(fieldValue(again, "body")).toBe(fields.body);
    expect(fieldValue(again, "subject")).toBe(fields.subject);
    expect(html).toContain("Wyślij przez Listy");
    expect(pageCacheControl).toBe("no-store");
  });

  it("writes another wording when asked, keeping the signature and address typed so far", async () => {
    const { location, fields } = await openForm();
    const response = await post(location, {
      ...fields,
      intent: "reword",
      signature: "named",
      name: "Anna Nowak",
      town: "Gdańsk",
      email: "anna@example.org",
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(fieldValue(html, "seed")).not.toBe(fields.seed);
    expect(fieldValue(html, "name")).toBe("Anna Nowak");
    expect(fieldValue(html, "town")).toBe("Gdańsk");
    expect(fieldValue(html, "email")).toBe("anna@example.org");
    expect(html).toContain("Oto inne sformułowanie");
  });

  it.each([
    ["pl", "Wpisz temat.", "Wpisz treść apelu.", "Wpisz imię i nazwisko albo wybierz podpis w imieniu kampanii."],
    ["en", "Write a subject.", "Write the text of the appeal.", "Write your name, or choose to sign on behalf of the campaign."],
  ])("explains what is missing in %s and keeps everything typed", async (language, subjectMessage, bodyMessage, nameMessage) => {
    const { location, fields } = await openForm(language);
    const response = await post(location, { ...fields, subject: "  ", body: "", intent: "print", signature: "named", name: "", town: "Vilnius <b>" });
    expect(response.status).toBe(400);
    const raw = await response.text();
    const html = decode(raw);
    expect(html).toContain(subjectMessage);
    expect(html).toContain(bodyMessage);
    expect(html).toContain(nameMessage);
    expect(fieldValue(raw, "town")).toBe("Vilnius <b>");
    expect(raw).not.toContain("Vilnius <b>"); // escaped in the page, not markup
  });

  it("states the limits and refuses a text over them with a message, not an error page", async () => {
    const { location, fields } = await openForm("en");
    const response = await post(location, { ...fields, body: "x".repeat(5001), intent: "preview" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("The text is too long: at most 5000 characters.");
    expect(html).toContain("Up to 200 characters.");
  });

  it("shows the whole letter with the signature on behalf of the campaign, in the letter's language", async () => {
    const { location, fields } = await openForm();
    const html = decode(await (await post(location, { ...fields, intent: "preview", signature: "campaign", name: "Anna Nowak" })).text());
    expect(html).toContain("От имени сторонников кампании «Освободите всех» на Listy");
    // The name typed before switching to "on behalf of the campaign" is not in the letter.
    const preview = /<div class="appeal-letter" lang="ru">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(preview).toContain(fields.body.split("\n")[0]!);
    expect(preview).not.toContain("Anna Nowak");
  });

  it("builds a printable letter and a PDF", async () => {
    const { location, fields } = await openForm();
    const printable = decode(await (await post(location, { ...fields, intent: "print", signature: "named", name: "Anna Nowak", town: "Gdańsk" })).text());
    expect(printable).toContain('class="appeal-print"');
    // Official style: the office first, in the dative, then the name as an address gives it.
    const recipient = /<div class="appeal-print__recipient">([\s\S]*?)<\/div>/.exec(printable)?.[1] ?? "";
    expect(recipient).toMatch(/<p>Главе белорусского государства<\/p><p>А\. Г\. Лукашенко<\/p>/);
    expect(printable).toContain("Anna Nowak\nGdańsk");
    const pdfPath = "/pl/campaigns/free-them-all/appeal/pdf";
    expect(printable).toContain(`formaction="${pdfPath}"`);
    const pdf = await post(pdfPath, { ...fields, intent: "pdf" });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("cache-control")).toBe("no-store");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    // The PDF's addressee block: the office, then the name.
    const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
    const office = text.indexOf("Главе белорусского государства");
    expect(office).toBeGreaterThanOrEqual(0);
    expect(text.indexOf("А. Г. Лукашенко")).toBeGreaterThan(office);
    // A form with a problem goes back to the page (same method and body), which explains it.
    const back = await post(pdfPath, { ...fields, subject: "", intent: "pdf" });
    expect(back.status).toBe(307);
    expect(back.headers.get("location")).toBe(location.replace(/\?.*/, `?target=${fields.target}&prisoner=${fields.prisoner}&seed=${fields.seed}#result`));
    const shown = await post(back.headers.get("location")!, { ...fields, subject: "", intent: "pdf" });
    expect(shown.status).toBe(400);
    expect(await shown.text()).toContain("Wpisz temat.");
    expect((await post(pdfPath, { ...fields }, { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
  });
});

describe("official style and what the law counts as an appeal", () => {
  const legalNotices = (language: string) => {
    const form = (JSON.parse(readFileSync(`locales/${language}/appeals.json`, "utf8")) as { form: Record<string, string> }).form;
    return [form["legal-status"]!, form["send-legal-status"]!];
  };

  it.each([
    ["ru", "Главе белорусского государства, А. Г. Лукашенко"],
    ["be", "Кіраўніку беларускай дзяржавы, А. Р. Лукашэнку"],
    ["uk", "Главі білоруської держави, О. Г. Лукашенку"],
    ["lt", "Baltarusijos valstybės vadovui, A. Lukašenkai"],
    ["pl", "Głowa Państwa Białoruskiego, Pan Alaksandr Łukaszenka"],
    ["en", "Head of State of Belarus, Mr Alyaksandr Lukashenka"],
  ])("in %s the page addresses the office first (in the dative where there is one), then the name", async (language, addressee) => {
    const { html } = await openForm(language);
    const to = /<p class="appeal-to">([\s\S]*?)<\/p>/.exec(decode(html))?.[1] ?? "";
    expect(to).toContain(`<strong>${addressee}</strong>`);
  });

  it.each(supportedLanguages)("in %s the page says anonymous letters and email are not registered appeals, by the signature and the send section", async (language) => {
    const { html } = await openForm(language);
    const page = decode(html);
    const [bySignature, bySend] = legalNotices(language);
    expect(bySignature).toBeTruthy();
    const signature = page.indexOf('id="signature-campaign"');
    const notice = page.indexOf(bySignature!);
    expect(notice).toBeGreaterThan(page.indexOf('id="sign-title"'));
    expect(notice).toBeLessThan(signature);
    expect(page.indexOf(bySend!)).toBeGreaterThan(page.indexOf('id="send-title"'));
  });
});

describe("mailto", () => {
  it("builds the link on the server with subject and body percent-encoded and nothing stored", async () => {
    const { location, fields } = await openForm();
    const before = await server.database.prisma.appeal.count();
    const body = `${fields.body}\n\nP.S. 100% & ?cc=someone@example.com #fragment`;
    const response = await post(location, { ...fields, body, intent: "mailto", signature: "named", name: "Anna Nowak" });
    expect(response.status).toBe(200);
    const html = await response.text();
    const href = decode(/href="(mailto:[^"]+)"/.exec(html)?.[1] ?? "");
    expect(href.startsWith(`mailto:${OFFICIAL_EMAIL}?subject=`)).toBe(true);
    const url = new URL(href);
    expect([...url.searchParams.keys()]).toEqual(["subject", "body"]);
    expect(url.searchParams.get("subject")).toBe(fields.subject);
    expect(url.searchParams.get("body")).toBe(`${body.replace(/\n/g, "\r\n")}\r\n\r\nAnna Nowak`);
    expect(href).not.toMatch(/[\s<>"]/);
    expect(await server.database.prisma.appeal.count()).toBe(before);
  });
});

describe("sending through Listy", () => {
  it("pretends success to a bot that fills the honeypot, and sends nothing", async () => {
    const { location, fields } = await openForm();
    const response = await post(location, { ...fields, intent: "send", email: "bot@example.org", website: "http://spam.example" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/pl/appeals/sent?campaign=free-them-all");
    expect(await server.database.prisma.appeal.count()).toBe(0);
    expect(await server.database.prisma.outboxMessage.count()).toBe(0);
  });

  it("refuses a cross-site POST before it reaches the form", async () => {
    const { location, fields } = await openForm();
    for (const headers of [
      { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } as Record<string, string>,
      { Origin: "https://evil.example" },
      { Origin: "null" },
    ]) {
      const response = await post(location, { ...fields, intent: "send", email: "victim@example.org" }, headers);
      expect(response.status).toBe(403);
    }
    expect(await server.database.prisma.appeal.count()).toBe(0);
  });

  it("answers a smuggled list of addresses with a translated message and keeps what was typed", async () => {
    const { location, fields } = await openForm();
    const response = await post(location, { ...fields, intent: "send", email: "a@example.org, b@example.org", signature: "named", name: "Anna Nowak" });
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain("To nie wygląda na jeden działający adres e-mail.");
    expect(fieldValue(html, "email")).toBe("a@example.org, b@example.org");
    expect(fieldValue(html, "name")).toBe("Anna Nowak");
    expect(fieldValue(html, "body")).toBe(fields.body);
    expect(await server.database.prisma.outboxMessage.count()).toBe(0);
  });

  it("asks for an address when none is given", async () => {
    const { location, fields } = await openForm("en");
    const html = await (await post(location, { ...fields, intent: "send" })).text();
    expect(html).toContain("Write your email address: we send the confirmation link to it.");
  });

  let confirmPath = "";

  it("queues only a confirmation email, then lands on a page that does not show the address", async () => {
    const { location, fields } = await openForm();
    const response = await post(location, {
      ...fields,
      intent: "send",
      email: "supporter@example.org",
      signature: "named",
      name: "Anna Nowak",
      town: "Gdańsk",
      replies: "on",
      "follow-up": "on",
    });
    expect(response.status).toBe(303);
    const sent = response.headers.get("location")!;
    expect(sent).toBe("/pl/appeals/sent?campaign=free-them-all");
    const sentPage = await (await get(sent)).text();
    expect(sentPage).toContain("Sprawdź skrzynkę");
    expect(sentPage).not.toContain("supporter@example.org");

    const [appeal] = await appealRows();
    expect(appeal).toMatchObject({ state: "PENDING_CONFIRMATION", signatureMode: "NAMED", replyToSupporter: true, followUpConsent: true, language: "pl" });
    expect(appeal!.body).toBe(`${fields.body}\n\nAnna Nowak\nGdańsk`);
    const outbox = await server.database.prisma.outboxMessage.findMany();
    expect(outbox.map((message) => [message.kind, message.to])).toEqual([["CONFIRMATION", "supporter@example.org"]]);
    const link = /https?:\/\/[^\s"<>]+\/pl\/appeals\/confirm\/[A-Za-z0-9_-]+/.exec(outbox[0]!.text ?? "")?.[0];
    expect(link).toBeTruthy();
    confirmPath = new URL(link!).pathname;
  });

  it("shows the appeal on GET without confirming it, however often the link is opened", async () => {
    for (let visit = 0; visit < 3; visit += 1) {
      const response = await get(confirmPath);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("Potwierdź apel");
      expect(html).toContain('name="intent" value="confirm"');
      expect(html).toContain('name="intent" value="cancel"');
      expect(html).toContain("Alaksandr Łukaszenka");
    }
    const [appeal] = await appealRows();
    expect(appeal!.state).toBe("PENDING_CONFIRMATION");
    expect(await server.database.prisma.outboxMessage.count({ where: { kind: "APPEAL" } })).toBe(0);
  });

  it("refuses a cross-site confirmation", async () => {
    const response = await post(confirmPath, { intent: "confirm" }, { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" });
    expect(response.status).toBe(403);
    expect((await appealRows())[0]!.state).toBe("PENDING_CONFIRMATION");
  });

  it("confirms on POST and queues exactly one appeal email; a second click changes nothing", async () => {
    const first = await post(confirmPath, { intent: "confirm" });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Dziękujemy: twój apel zostanie wysłany");
    expect((await appealRows())[0]!.state).toBe("CONFIRMED");
    const second = await post(confirmPath, { intent: "confirm" });
    expect(await second.text()).toContain("Już potwierdzony");
    const appeals = await server.database.prisma.outboxMessage.findMany({ where: { kind: "APPEAL" } });
    expect(appeals).toHaveLength(1);
    expect(appeals[0]!.to).toBe(OFFICIAL_EMAIL);
    // The email opens with the same addressee block as the printed letter.
    expect(appeals[0]!.text).toMatch(/^Главе белорусского государства\nА\. Г\. Лукашенко\n\n/);
    // The link opened again says so (the page is never served from the page cache).
    const again = await get(confirmPath);
    expect(again.headers.get("cache-control")).toBe("no-store");
    expect(await again.text()).toContain("Już potwierdzony");
  });

  it("explains an unknown link, an expired one and a cancelled one, never with a server error", async () => {
    const unknown = await get(`/pl/appeals/confirm/${"A".repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Ten link nie działa");
    const garbage = await get(`/en/appeals/confirm/${encodeURIComponent("<script>")}`);
    expect(garbage.status).toBe(404);
    expect(await garbage.text()).toContain("This link does not work");
    expect((await post(`/en/appeals/confirm/${"A".repeat(43)}`, { intent: "confirm" })).status).toBe(200);

    // A second appeal (different words, so not a near-duplicate), then let it expire.
    const { location, fields } = await openForm("en");
    const expiring = await post(location, { ...fields, body: `${fields.body}\n\nOne more sentence of my own, written for this test.`, intent: "send", email: "second@example.org" });
    expect(expiring.status).toBe(303);
    const rows = await appealRows();
    const pending = rows.at(-1)!;
    const message = await server.database.prisma.outboxMessage.findFirstOrThrow({ where: { appealId: pending.id, kind: "CONFIRMATION" } });
    const path = new URL(/https?:\/\/\S+\/en\/appeals\/confirm\/[A-Za-z0-9_-]+/.exec(message.text ?? "")![0]).pathname;
    await server.database.prisma.appeal.update({ where: { id: pending.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await get(path);
    expect(expired.status).toBe(200);
    expect(await expired.text()).toContain("This link has expired");
    const late = await post(path, { intent: "confirm" });
    expect(await late.text()).toContain("This link has expired");
    expect((await server.database.prisma.appeal.findUniqueOrThrow({ where: { id: pending.id } })).state).not.toBe("CONFIRMED");
  });

  it("cancels on POST", async () => {
    const { location, fields } = await openForm("uk");
    await post(location, { ...fields, body: `${fields.body}\n\nМої власні слова для цього тесту, щоб текст відрізнявся.`, intent: "send", email: "third@example.org" });
    const appeal = (await appealRows()).at(-1)!;
    const message = await server.database.prisma.outboxMessage.findFirstOrThrow({ where: { appealId: appeal.id, kind: "CONFIRMATION" } });
    const path = new URL(/https?:\/\/\S+\/uk\/appeals\/confirm\/[A-Za-z0-9_-]+/.exec(message.text ?? "")![0]).pathname;
    const response = await post(path, { intent: "cancel" });
    expect(await response.text()).toContain("Це звернення скасовано");
    expect((await server.database.prisma.appeal.findUniqueOrThrow({ where: { id: appeal.id } })).state).toBe("CANCELLED");
    expect(await (await get(path)).text()).toContain("Скасовано");
  });
});

describe("follow-up and the other pages", () => {
  it("asks on GET and answers an unknown link with a translated page", async () => {
    const page = await get(`/lt/appeals/follow-up/${"B".repeat(43)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Ar gavote atsakymą?");
    const answer = await post(`/lt/appeals/follow-up/${"B".repeat(43)}`, { answer: "replied" });
    expect(answer.status).toBe(404);
    expect(await answer.text()).toContain("Ši nuoroda neveikia");
    const missing = await post(`/lt/appeals/follow-up/${"B".repeat(43)}`, {});
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Pasirinkite vieną iš dviejų atsakymų.");
  });

  it("hides the development mailbox outside development", async () => {
    expect((await get("/dev/mail")).status).toBe(404);
  });

  it("offers the appeal on the campaign page with the response figures", async () => {
    const html = await (await get("/pl/campaigns/free-them-all")).text();
    expect(html).toContain('href="/pl/campaigns/free-them-all/appeal"');
    expect(html).toContain("Wyślij apel");
    expect(html).toContain("Przez Listy nie wysłano jeszcze żadnego apelu.");
  });

  it("answers an unknown campaign with a 404", async () => {
    expect((await get("/pl/campaigns/no-such-campaign/appeal")).status).toBe(404);
    expect((await get("/xx/campaigns/free-them-all/appeal")).status).toBe(404);
  });
});
