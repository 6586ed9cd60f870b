// The mailroom over real HTTP with signed-in staff: who may see it, the queue and the letter
// bank, the batch PDF read back with pdf.js (texts and addresses in facility order, letters
// without an address left out), every move through the state machine with its audit entry,
// refused and concurrent moves, and the text erased after the retention period.
import type { LetterRoute, LetterStatus, PrisonerStatus } from "@prisma/client";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { purgeExpiredLetters, storeLetter } from "~/letters/letter.server";
import type { StaffRole } from "~/staff/permissions";

import { startTestServer, type TestServer } from "../support/server";
import { Browser, signedInStaff } from "../support/staff";
import { reportStatus } from "../support/status-fixture";

let server: TestServer;
const prisma = () => server.database.prisma;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);

let counter = 0;

/** A person with Russian-script names and, when given, a facility with a postal address. */
async function prisoner({
  familyName,
  givenName,
  patronymic,
  status = "IN_CUSTODY",
  letterStatus = "CAN_RECEIVE",
  facility,
  reportedDaysAgo = 30,
  birthDate = new Date("1980-05-01"),
}: {
  familyName: string;
  givenName: string;
  patronymic: string | null;
  status?: PrisonerStatus;
  letterStatus?: LetterStatus;
  facility?: { town: string; postcode: string; address: string; name: string } | null;
  /** How old the report of both statuses is (fresh by default); null: no report. */
  reportedDaysAgo?: number | null;
  birthDate?: Date | null;
}) {
  counter++;
  const facilityRow = facility
    ? await prisma().facility.create({
        data: {
          slug: `mailroom-facility-${counter}`,
          kind: "PRISON",
          town: facility.town,
          postcode: facility.postcode,
          postalAddressCyrillic: facility.address,
          translations: { create: [{ locale: "ru", name: facility.name }, { locale: "en", name: `${facility.name} (en)` }] },
        },
      })
    : null;
  const person = await prisma().prisoner.create({
    data: {
      slug: `mailroom-person-${counter}`,
      status,
      letterStatus,
      facilityId: facilityRow?.id ?? null,
      lastVerifiedOn: new Date("2026-11-01"),
      birthDate,
      names: {
        create: [
          { script: "RU_CYRILLIC", givenName, patronymic, familyName },
          { script: "LATIN", givenName: `${givenName}-latin`, familyName: `${familyName}-latin` },
        ],
      },
    },
  });
  if (reportedDaysAgo !== null) await reportStatus(prisma(), person.slug, { daysAgo: reportedDaysAgo });
  return person;
}

const letterTo = (prisonerId: string, body: string, route: LetterRoute = "MAILROOM", language: "ru" | "be" = "ru", extra: { returnAddress?: string } = {}) =>
  storeLetter({ prisonerId, route, language, body, interfaceLanguage: "en", ...extra });

/** What a reader sees of a sentence built from several elements (React separates text nodes with comments). */
const readable = (html: string) => html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

const stateOf = async (id: string) => (await prisma().letter.findUniqueOrThrow({ where: { id } })).state;

async function readPdf(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((page) => page.replace(/\s+/gu, " ").trim());
}

// Three people with addresses in two towns, one without, one in the letter bank.
let mogilev: { id: string };
let brest1: { id: string };
let brest15: { id: string };
let nowhere: { id: string };
const TEXTS = {
  mogilev: "Дорогой Пётр Иванович!\n\nУ нас выпал первый снег. Держитесь!",
  brest15: "Дарагі Сяргей!\n\nЎсе мы памятаем пра Вас.",
  brest1: "Здравствуйте, Андрей Николаевич!\n\nЖдём вас дома.",
  nowhere: "Дорогая Анна Петровна!\n\nПишу вам из Варшавы.",
};
const letters: Record<keyof typeof TEXTS, string> = { mogilev: "", brest15: "", brest1: "", nowhere: "" };

beforeAll(async () => {
  mogilev = await prisoner({
    familyName: "Петров",
    givenName: "Пётр",
    patronymic: "Иванович",
    facility: { town: "г. Могилёв", postcode: "212013", address: "Славгородское шоссе, 183", name: "ИК-15 Могилёв" },
  });
  brest15 = await prisoner({
    familyName: "Сергеев",
    givenName: "Сергей",
    patronymic: "Сергеевич",
    facility: { town: "г. Брест", postcode: "224000", address: "ул. Тюремная, 15", name: "ИК-15 Брест" },
  });
  brest1 = await prisoner({
    familyName: "Андреев",
    givenName: "Андрей",
    patronymic: "Николаевич",
    facility: { town: "г. Брест", postcode: "224001", address: "ул. Советская, 1", name: "ИК-1 Брест" },
  });
  nowhere = await prisoner({ familyName: "Анненкова", givenName: "Анна", patronymic: "Петровна" });
  // Written in this order; the PDF must still come out in facility order.
  letters.mogilev = (await letterTo(mogilev.id, TEXTS.mogilev, "MAILROOM", "ru", { returnAddress: "SUPPORTER RETURN ADDRESS" })).id;
  letters.brest15 = (await letterTo(brest15.id, TEXTS.brest15, "MAILROOM", "be")).id;
  letters.brest1 = (await letterTo(brest1.id, TEXTS.brest1)).id;
  letters.nowhere = (await letterTo(nowhere.id, TEXTS.nowhere)).id;
});

describe("who may work in the mailroom", () => {
  it("lets campaigners and moderators in and refuses translators, without caching", async () => {
    for (const roles of [["campaigner"], ["moderator"]] as const) {
      const { browser } = await signedIn([...roles]);
      const page = await browser.get("/en/staff/mailroom");
      expect(page.status, roles.join()).toBe(200);
      expect(page.headers.get("cache-control")).toBe("no-store");
      expect(await page.text()).toContain("Mailroom");
    }
    const { browser } = await signedIn(["translator"]);
    expect((await browser.get("/en/staff/mailroom")).status).toBe(403);
    expect((await browser.post("/en/staff/mailroom", { intent: "printed", letterId: letters.brest1 })).status).toBe(403);
    expect((await browser.post("/en/staff/mailroom/batch.pdf", { scope: "all" })).status).toBe(403);
    expect(await stateOf(letters.brest1)).toBe("QUEUED");
    expect((await new Browser(server.url).post("/en/staff/mailroom/batch.pdf", { scope: "all" })).headers.get("location")).toBe("/en/staff/sign-in");
  });

  it("refuses a batch PDF or a move posted from another site", async () => {
    const { browser } = await signedIn(["campaigner"]);
    const evil = { Origin: "https://evil.example.org" };
    expect((await browser.post("/en/staff/mailroom/batch.pdf", { scope: "all" }, evil)).status).toBe(403);
    expect((await browser.post("/en/staff/mailroom", { intent: "printed", letterId: letters.brest1 }, evil)).status).toBe(403);
    expect(await stateOf(letters.brest1)).toBe("QUEUED");
  });
});

describe("the queue", () => {
  it("shows each queued letter's text in its language, its person and day, and which ones need an address", async () => {
    const { browser } = await signedIn(["campaigner"]);
    const html = await (await browser.get("/en/staff/mailroom")).text();
    expect(html).toContain("Queued (4)");
    expect(html).toContain(`<div lang="be" class="mailroom-text">Дарагі Сяргей!\n\nЎсе мы памятаем пра Вас.</div>`);
    expect(html).toContain("Дорогой Пётр Иванович!");
    expect(html).toContain("Belarusian, written on");
    // Names in the reader's script (Latin for English), the facility in English.
    expect(html).toContain("Пётр-latin Петров-latin");
    expect(html).toContain("ИК-15 Могилёв (en)");
    expect(html).toContain("Letters that need an address");
    expect(html).toContain("Queued letters for people whose prison address is not known: 1.");
    // Each row says whether letters reach the person, by whom and when that was reported.
    expect(html).toContain('data-status-report="fresh"');
    expect(readable(html)).toMatch(/Letters: can arrive \(reported by Test Monitor \d{4}-\d{2}-\d{2}, /);
    expect(html).not.toContain("Not confirmed recently");
    // The writer's return address is never shown (and the builder never stores one).
    expect(html).not.toContain("SUPPORTER RETURN ADDRESS");
    // Another language: the same page, translated.
    const be = await (await browser.get("/be/staff/mailroom")).text();
    expect(be).toContain("Лісты, для якіх патрэбны адрас");
  });

  it("prints every queued letter with an address, grouped by facility, and changes nothing", async () => {
    const { browser } = await signedIn(["campaigner"]);
    const response = await browser.post("/en/staff/mailroom/batch.pdf", { scope: "all", format: "c6" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-letters-left-out")).toBe("1");
    const pages = await readPdf(new Uint8Array(await response.arrayBuffer()));
    // Letter, envelope, letter, envelope…: Брест ИК-1, Брест ИК-15, Могилёв.
    expect(pages).toHaveLength(6);
    // Each letter is dated the day it was written (in its own language) and ends with a line to sign.
    expect(pages[0]).toMatch(/^\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\. Здравствуйте, Андрей Николаевич!/u);
    expect(pages[0]).toMatch(/_{24}$/);
    expect(pages[2]).toMatch(/^\d{1,2} (студзеня|лютага|сакавіка|красавіка|мая|чэрвеня|ліпеня|жніўня|верасня|кастрычніка|лістапада|снежня) \d{4} г\. Дарагі Сяргей!/u);
    expect(pages[1]).toContain("Андреев Андрей Николаевич");
    expect(pages[1]).toContain("ИК-1 Брест");
    expect(pages[1]).toContain("ул. Советская, 1");
    expect(pages[1]).toContain("224001, г. Брест");
    expect(pages[2]).toContain("Ўсе мы памятаем пра Вас.");
    expect(pages[3]).toContain("ул. Тюремная, 15");
    expect(pages[4]).toContain("Держитесь!");
    expect(pages[5]).toContain("Славгородское шоссе, 183");
    expect(pages[5]).toContain("212013, г. Могилёв");
    const all = pages.join("\n");
    expect(all).not.toContain("Анна Петровна");
    expect(all).not.toContain("SUPPORTER RETURN ADDRESS");
    for (const id of Object.values(letters)) expect(await stateOf(id)).toBe("QUEUED");
  });

  it("prints only the selected letters, and says so when there is nothing to print", async () => {
    const { browser } = await signedIn(["moderator"]);
    const one = await browser.post("/en/staff/mailroom/batch.pdf", { scope: "selected", letterId: [letters.mogilev], format: "dl" });
    expect(one.status).toBe(200);
    const pages = await readPdf(new Uint8Array(await one.arrayBuffer()));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain("Держитесь!");

    for (const fields of [{ scope: "selected" }, { scope: "selected", letterId: letters.nowhere }] as Record<string, string>[]) {
      const nothing = await browser.post("/en/staff/mailroom/batch.pdf", fields);
      expect(nothing.status).toBe(303);
      expect(nothing.headers.get("location")).toBe("/en/staff/mailroom?state=queued&notice=nothing-to-print");
    }
    const page = await (await browser.get("/en/staff/mailroom?state=queued&notice=nothing-to-print")).text();
    expect(page).toContain("There was nothing to print");
  });
});

describe("moving letters", () => {
  it("marks selected letters printed, then posted, with one audit entry per letter and no supporter data", async () => {
    const { staff, browser } = await signedIn(["campaigner"]);
    const printed = await browser.post("/en/staff/mailroom?state=queued", { intent: "printed", letterId: [letters.brest1, letters.brest15] });
    expect(printed.status).toBe(200);
    expect(await printed.text()).toContain("Letters marked as printed: 2.");
    expect(await stateOf(letters.brest1)).toBe("PRINTED");
    expect(await stateOf(letters.brest15)).toBe("PRINTED");
    expect(await stateOf(letters.mogilev)).toBe("QUEUED");

    const entries = await prisma().auditLogEntry.findMany({ where: { staffId: staff.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.subjectType, entry.subjectId]).sort()).toEqual(
      [
        ["mailroom.letter-printed", "Letter", letters.brest1],
        ["mailroom.letter-printed", "Letter", letters.brest15],
      ].sort(),
    );
    expect(entries[0]!.details).toEqual({ route: "MAILROOM", from: "QUEUED", to: "PRINTED" });

    // The printed view lists them; "all on this page" posts exactly the ones shown.
    const view = await (await browser.get("/en/staff/mailroom?state=printed")).text();
    expect(view).toContain("Printed (2)");
    const posted = await browser.post("/en/staff/mailroom?state=printed", { intent: "posted-all", shown: [letters.brest1, letters.brest15] });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain("Letters marked as posted: 2.");
    const letter = await prisma().letter.findUniqueOrThrow({ where: { id: letters.brest1 } });
    expect(letter.state).toBe("POSTED");
    expect(letter.purgeAfter).not.toBeNull();
    expect(await prisma().auditLogEntry.count({ where: { staffId: staff.id, action: "mailroom.letter-posted" } })).toBe(2);
  });

  it("refuses moves the state machine does not allow and moves made stale by someone else, with a clear message", async () => {
    const { browser } = await signedIn(["campaigner"]);
    const auditBefore = await prisma().auditLogEntry.count();
    // Posted letters cannot be printed again or rejected.
    const again = await browser.post("/en/staff/mailroom", { intent: "printed", letterId: letters.brest1 });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Someone else has changed these letters in the meantime, so nothing was done.");
    const reject = await browser.post("/en/staff/mailroom", { intent: "reject", letterId: letters.brest1, from: "POSTED", reason: "abusive" });
    expect(reject.status).toBe(400);
    expect(await reject.text()).toContain("These letters cannot be moved that way.");
    // A queued letter cannot skip to posted.
    const skip = await browser.post("/en/staff/mailroom", { intent: "posted", letterId: letters.mogilev });
    expect(skip.status).toBe(409);
    // All or nothing: one stale letter in a selection leaves the others alone.
    const mixed = await browser.post("/en/staff/mailroom", { intent: "printed", letterId: [letters.mogilev, letters.brest1] });
    expect(mixed.status).toBe(409);
    expect(await stateOf(letters.mogilev)).toBe("QUEUED");
    // Nothing selected, made-up ids, unknown intents.
    expect(await (await browser.post("/en/staff/mailroom", { intent: "printed" })).text()).toContain("Select at least one letter first.");
    expect((await browser.post("/en/staff/mailroom", { intent: "printed", letterId: "nosuchletter" })).status).toBe(400);
    expect((await browser.post("/en/staff/mailroom", { intent: "explode" })).status).toBe(400);
    // Translated.
    const be = await browser.post("/be/staff/mailroom", { intent: "printed", letterId: letters.brest1 });
    expect(await be.text()).toContain("Хтосьці іншы тым часам змяніў гэтыя лісты");
    expect(await prisma().auditLogEntry.count()).toBe(auditBefore);
  });

  it("lets only one of two simultaneous operators mark the same letter", async () => {
    const first = await signedIn(["campaigner"]);
    const second = await signedIn(["moderator"]);
    const letter = await letterTo(mogilev.id, "Ещё одно письмо.");
    const answers = await Promise.all([
      first.browser.post("/en/staff/mailroom", { intent: "printed", letterId: letter.id }),
      second.browser.post("/en/staff/mailroom", { intent: "printed", letterId: letter.id }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await prisma().auditLogEntry.count({ where: { subjectId: letter.id } })).toBe(1);
  });

  it("rejects with a reason from the list, kept in the audit log only", async () => {
    const { staff, browser } = await signedIn(["moderator"]);
    const noReason = await browser.post("/en/staff/mailroom", { intent: "reject", letterId: letters.nowhere, from: "QUEUED", reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Choose a reason for rejecting the letter.");
    const made = await browser.post("/en/staff/mailroom", { intent: "reject", letterId: letters.nowhere, from: "QUEUED", reason: "<script>" });
    expect(made.status).toBe(400);
    expect(await stateOf(letters.nowhere)).toBe("QUEUED");

    const rejected = await browser.post("/en/staff/mailroom", { intent: "reject", letterId: letters.nowhere, from: "QUEUED", reason: "endangers-someone" });
    expect(rejected.status).toBe(200);
    expect(await rejected.text()).toContain("The letter has been rejected.");
    const letter = await prisma().letter.findUniqueOrThrow({ where: { id: letters.nowhere } });
    expect(letter.state).toBe("REJECTED");
    expect(letter.purgeAfter).not.toBeNull();
    const entry = await prisma().auditLogEntry.findFirstOrThrow({ where: { staffId: staff.id, action: "mailroom.letter-rejected" } });
    expect(entry.details).toEqual({ route: "MAILROOM", from: "QUEUED", to: "REJECTED", reason: "endangers-someone" });
    // The audit log page names the action in the reader's language.
    const auditPage = await (await browser.get("/en/staff/audit")).text();
    expect(auditPage).toContain("Letter rejected");
  });

  it("erases the text of finished letters once the retention has passed", async () => {
    const { browser } = await signedIn(["campaigner"]);
    const posted = await prisma().letter.findUniqueOrThrow({ where: { id: letters.brest1 } });
    expect(await purgeExpiredLetters(new Date(posted.purgeAfter!.getTime() - 1000))).toBe(0);
    expect(await purgeExpiredLetters(new Date(posted.purgeAfter!.getTime() + 1000))).toBeGreaterThanOrEqual(2);
    const erased = await prisma().letter.findUniqueOrThrow({ where: { id: letters.brest1 } });
    expect(erased.body).toBeNull();
    expect(erased.returnAddress).toBeNull();
    const page = await (await browser.get("/en/staff/mailroom?state=posted")).text();
    expect(page).toContain("The text has been erased");
    expect(page).not.toContain("Ждём вас дома.");
  });
});

describe("the letter bank", () => {
  it("keeps letters of a person who cannot receive them, hands them over on release", async () => {
    const { staff, browser } = await signedIn(["campaigner"]);
    const person = await prisoner({ familyName: "Банкова", givenName: "Мария", patronymic: "Олеговна", status: "IN_CUSTODY", letterStatus: "INCOMMUNICADO" });
    const banked = [await letterTo(person.id, "Марыя, трымайцеся!", "LETTER_BANK", "be"), await letterTo(person.id, "Мария, мы ждём.", "LETTER_BANK")];
    const ids = banked.map((letter) => letter.id);

    const page = await (await browser.get("/en/staff/mailroom?state=banked")).text();
    expect(page).toContain("Мария-latin Банкова-latin");
    expect(page).toContain("Cannot receive letters yet: the letters stay in the bank.");
    expect(page).toContain("Марыя, трымайцеся!");

    const early = await browser.post("/en/staff/mailroom?state=banked", { intent: "hand-over", prisonerId: person.id, shown: ids });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("This person is not recorded as released");
    expect((await browser.post("/en/staff/mailroom?state=banked", { intent: "bank-to-queue", prisonerId: person.id, shown: ids })).status).toBe(400);
    // Letters of someone else cannot be slipped in.
    const other = await letterTo(mogilev.id, "Чужое письмо.", "LETTER_BANK");
    await reportStatus(prisma(), person.slug, { daysAgo: 30, status: "RELEASED", letterStatus: "NOT_APPLICABLE" });
    expect((await browser.post("/en/staff/mailroom?state=banked", { intent: "hand-over", prisonerId: person.id, shown: [...ids, other.id] })).status).toBe(400);
    expect(await stateOf(other.id)).toBe("BANKED");

    const released = await (await browser.get("/en/staff/mailroom?state=banked")).text();
    expect(released).toContain("Released: the letters can be handed over.");
    // A fresh report of the release: no warning.
    expect(released).not.toContain("has not been confirmed since: check that the person can be reached");
    const handed = await browser.post("/en/staff/mailroom?state=banked", { intent: "hand-over", prisonerId: person.id, shown: ids });
    expect(handed.status).toBe(200);
    expect(await handed.text()).toContain("Letters marked as handed over: 2.");
    for (const id of ids) expect(await stateOf(id)).toBe("HANDED_OVER");
    expect(await prisma().auditLogEntry.count({ where: { staffId: staff.id, action: "mailroom.letter-handed-over" } })).toBe(2);
  });

  it("moves banked letters to the queue when a fresh report says the person can receive letters again; they then print", async () => {
    const { browser } = await signedIn(["moderator"]);
    const person = await prisoner({
      familyName: "Возвращенцев",
      givenName: "Иван",
      patronymic: "Иванович",
      letterStatus: "RELATIVES_ONLY",
      facility: { town: "г. Гомель", postcode: "246000", address: "ул. Лесная, 2", name: "ИК-4 Гомель" },
    });
    const banked = await letterTo(person.id, "Иван, с возвращением связи!", "LETTER_BANK");
    await reportStatus(prisma(), person.slug, { daysAgo: 30, letterStatus: "CAN_RECEIVE", only: "letterStatus" });
    expect(await (await browser.get("/en/staff/mailroom?state=banked")).text()).toContain("Can receive letters again");
    const moved = await browser.post("/en/staff/mailroom?state=banked", { intent: "bank-to-queue", prisonerId: person.id, shown: [banked.id] });
    expect(moved.status).toBe(200);
    expect(await stateOf(banked.id)).toBe("QUEUED");
    const pdf = await browser.post("/en/staff/mailroom/batch.pdf", { scope: "selected", letterId: banked.id });
    const pages = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(pages[0]).toContain("Иван, с возвращением связи!");
    expect(pages[1]).toContain("ул. Лесная, 2");
    // A banked letter may be rejected too.
    const other = await letterTo(person.id, "Ещё одно.", "LETTER_BANK");
    const rejected = await browser.post("/en/staff/mailroom", { intent: "reject", letterId: other.id, from: "BANKED", reason: "duplicate" });
    expect(rejected.status).toBe(200);
    expect(await stateOf(other.id)).toBe("REJECTED");
  });

  it("refuses to queue banked letters on a “can receive” reported 7 months ago, also when the POST is forged, and flags it", async () => {
    const { staff, browser } = await signedIn(["campaigner"]);
    const person = await prisoner({
      familyName: "Старосведов",
      givenName: "Олег",
      patronymic: "Петрович",
      letterStatus: "CAN_RECEIVE",
      facility: { town: "г. Орша", postcode: "211030", address: "ул. Заводская, 7", name: "ИК-8 Орша" },
      reportedDaysAgo: 213,
    });
    const banked = await letterTo(person.id, "Олег, держитесь!", "LETTER_BANK");

    const page = await (await browser.get("/en/staff/mailroom?state=banked")).text();
    const section = readable(page.slice(page.indexOf(`id="person-${person.id}"`)));
    expect(section).toContain("The last report that letters can arrive is too old to act on");
    expect(section).toMatch(/Not confirmed recently Letters: can arrive \(last reported by Test Monitor \d{4}-\d{2}-\d{2}, [^)]*; too old to act on\)/);
    // No button offers the move…
    expect(page).not.toContain(`Move the letters to Олег-latin Старосведов-latin to the mailroom queue`);
    // …and the server refuses it when posted anyway.
    const auditBefore = await prisma().auditLogEntry.count({ where: { staffId: staff.id } });
    const forged = await browser.post("/en/staff/mailroom?state=banked", { intent: "bank-to-queue", prisonerId: person.id, shown: [banked.id] });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("The report that this person can receive letters is too old to act on, so the letters stay in the bank.");
    expect(await stateOf(banked.id)).toBe("BANKED");
    expect(await prisma().auditLogEntry.count({ where: { staffId: staff.id } })).toBe(auditBefore);
    // Translated.
    const belarusian = await browser.post("/be/staff/mailroom?state=banked", { intent: "bank-to-queue", prisonerId: person.id, shown: [banked.id] });
    expect(await belarusian.text()).toContain("занадта старое, каб на яго абапірацца");

    // A fresh report lets the same move through.
    await reportStatus(prisma(), person.slug, { daysAgo: 30, letterStatus: "CAN_RECEIVE", only: "letterStatus" });
    const moved = await browser.post("/en/staff/mailroom?state=banked", { intent: "bank-to-queue", prisonerId: person.id, shown: [banked.id] });
    expect(moved.status).toBe(200);
    expect(await stateOf(banked.id)).toBe("QUEUED");
  });

  it("warns before handing over letters when the release rests on an old report, and leaves the choice to the team", async () => {
    const { browser } = await signedIn(["campaigner"]);
    const person = await prisoner({ familyName: "Вольнова", givenName: "Ольга", patronymic: "Ивановна", status: "RELEASED", letterStatus: "NOT_APPLICABLE", reportedDaysAgo: 213 });
    const banked = await letterTo(person.id, "Ольга, с возвращением!", "LETTER_BANK");
    const page = await (await browser.get("/en/staff/mailroom?state=banked")).text();
    const section = readable(page.slice(page.indexOf(`id="person-${person.id}"`)));
    expect(section).toMatch(/The release was last reported by Test Monitor \d{4}-\d{2}-\d{2}, .+?, and has not been confirmed since/);
    const handed = await browser.post("/en/staff/mailroom?state=banked", { intent: "hand-over", prisonerId: person.id, shown: [banked.id] });
    expect(handed.status).toBe(200);
    expect(await stateOf(banked.id)).toBe("HANDED_OVER");
  });
});

describe("queued letters whose “can receive” is no longer fresh", () => {
  it("are listed with a warning and a flag on their row", async () => {
    const { browser } = await signedIn(["campaigner"]);
    const person = await prisoner({
      familyName: "Давнишний",
      givenName: "Павел",
      patronymic: "Павлович",
      facility: { town: "г. Витебск", postcode: "210001", address: "ул. Лесная, 9", name: "ИК-3 Витебск" },
      reportedDaysAgo: 213,
    });
    const letter = await letterTo(person.id, "Павел, здравствуйте!");
    const html = await (await browser.get("/en/staff/mailroom?state=queued")).text();
    expect(html).toContain("Letters to people whose letter status has not been confirmed recently");
    expect(html).toContain(`href="#letter-${letter.id}"`);
    const row = readable(html.slice(html.indexOf(`data-letter="${letter.id}"`))).slice(0, 300);
    expect(row).toMatch(/Not confirmed recently Letters: can arrive \(last reported by Test Monitor/);
  });
});

describe("envelopes that could reach a namesake", () => {
  it("flag a queued letter whose envelope lacks the patronymic or the year of birth", async () => {
    const { browser } = await signedIn(["campaigner"]);
    const person = await prisoner({
      familyName: "Безотчества",
      givenName: "Олег",
      patronymic: null,
      birthDate: null,
      facility: { town: "г. Орша", postcode: "211030", address: "ул. Лесная, 2", name: "ИК-8 Орша" },
    });
    const letter = await letterTo(person.id, "Олег, здравствуйте!");
    for (const [language, texts] of [
      ["en", ["No patronymic on the envelope", "No year of birth on the envelope"]],
      ["be", ["На канверце няма імя па бацьку", "На канверце няма года нараджэння"]],
    ] as const) {
      const html = await (await browser.get(`/${language}/staff/mailroom?state=queued`)).text();
      const row = html.slice(html.indexOf(`data-letter="${letter.id}"`), html.indexOf("</tr>", html.indexOf(`data-letter="${letter.id}"`)));
      for (const text of texts) expect(readable(row), language).toContain(text);
    }
    // People with both on record carry no such warning.
    const named = await prisoner({ familyName: "Полнов", givenName: "Олег", patronymic: "Олегович", facility: { town: "г. Орша", postcode: "211030", address: "ул. Лесная, 2", name: "ИК-8 Орша" } });
    const complete = await letterTo(named.id, "Олег Олегович, здравствуйте!");
    const html = await (await browser.get("/en/staff/mailroom?state=queued")).text();
    const start = html.indexOf(`data-letter="${complete.id}"`);
    expect(start).toBeGreaterThan(0);
    expect(html.slice(start, html.indexOf("</tr>", start))).not.toContain("data-envelope-warning");
    expect(html.slice(html.indexOf(`data-letter="${letter.id}"`))).toContain('data-envelope-warning="patronymic-missing"');
  });
});
