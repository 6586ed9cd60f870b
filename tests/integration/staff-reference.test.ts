// Facilities and charge types as reviewed reference data, over real HTTP with signed-in staff:
// create → a second person approves (the author cannot), bad input keeps what was typed, an
// edit of a public facility waits for review, the facility CSV import (every line reported,
// nothing written while a line is wrong, drafts on apply), the prisoner import creating draft
// facilities and charges, and a draft facility never shown publicly or printed on an envelope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { rolesRequireTotp } from "~/staff/accounts/session.server";
import type { StaffRole } from "~/staff/permissions";

import { createImportFixtures, utf8 } from "../../scripts/support/import-fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { Browser, COOKIE, createStaffMember, sessionFor } from "../support/staff";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  // The facilities and charges the import tests below refer to.
  await createImportFixtures(server.database.prisma, "-ref");
});
afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;

async function signedIn(roles: StaffRole[], language = "en") {
  const { staff } = await createStaffMember(prisma(), { roles, enrolTotp: true, language });
  const browser = new Browser(server.url);
  browser.cookie = await sessionFor(prisma(), staff.id, { secondFactor: rolesRequireTotp(roles) });
  return { staff, browser };
}

const facilityForm = (fields: Record<string, string> = {}) => ({
  intent: "save",
  kind: "PENAL_COLONY",
  designation: "ИК-15",
  "name.ru": "Исправительная колония № 15",
  "name.be": "Папраўчая калонія № 15",
  street: "ул. Лесная, 2",
  locality: "",
  town: "Могилёв",
  district: "",
  region: "Могилёвская обл.",
  postcode: "212013",
  postalAddressCyrillic: "",
  postalAddressLatin: "",
  sources: "https://example.org/ik-15",
  ...fields,
});

/** Creates a facility through the back office; its id from the redirect. */
async function createFacility(browser: Browser, fields: Record<string, string> = {}) {
  const response = await browser.post("/en/staff/facilities/new", facilityForm(fields));
  expect(response.status).toBe(303);
  const location = response.headers.get("location")!;
  expect(location).toMatch(/^\/en\/staff\/facilities\/[a-z0-9]+\?done=proposed$/);
  return location.split("/").at(-1)!.split("?")[0]!;
}

const pendingChange = (filter: { facilityId?: string; chargeTypeId?: string }) => prisma().referenceChange.findFirstOrThrow({ where: { ...filter, state: "PENDING" } });

describe("facilities in the back office", () => {
  it("a campaigner's new facility is a draft until a moderator who did not write it approves it", async () => {
    const { staff: author, browser: campaigner } = await signedIn(["campaigner"]);
    const id = await createFacility(campaigner);
    const created = await prisma().facility.findUniqueOrThrow({ where: { id }, include: { translations: true } });
    expect(created).toMatchObject({ reviewState: "DRAFT", designation: "ИК-15", town: "Могилёв", postcode: "212013", sources: "https://example.org/ik-15" });
    expect(created.translations.map((t) => t.locale).sort()).toEqual(["be", "ru"]);
    const change = await pendingChange({ facilityId: id });
    expect(change.authorId).toBe(author.id);

    const page = await (await campaigner.get(`/en/staff/facilities/${id}?done=proposed`)).text();
    expect(page).toContain("A second staff member must approve it");
    expect(page).toContain("You wrote part of this change");
    expect(page).not.toContain('value="apply"');

    // The list shows it as a draft waiting for review.
    const list = await (await campaigner.get("/en/staff/facilities?show=waiting")).text();
    expect(list).toContain("ИК-15");
    expect(list).toContain("draft (not public)");

    const { staff: reviewer, browser: moderator } = await signedIn(["moderator"]);
    expect(await (await moderator.get(`/en/staff/facilities/${id}`)).text()).toContain('value="apply"');
    const approved = await moderator.post(`/en/staff/facilities/${id}`, { intent: "apply", change: change.id });
    expect(approved.status).toBe(303);
    expect(approved.headers.get("location")).toBe(`/en/staff/facilities/${id}?done=apply`);
    expect(await prisma().facility.findUniqueOrThrow({ where: { id } })).toMatchObject({ reviewState: "APPROVED" });
    expect(await prisma().referenceChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ state: "APPLIED", reviewerId: reviewer.id });
    const audit = await prisma().auditLogEntry.findMany({ where: { subjectId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.staffId])).toEqual([
      ["reference.propose", author.id],
      ["reference.apply", reviewer.id],
    ]);
    // The history names both.
    const history = await (await moderator.get(`/en/staff/facilities/${id}`)).text();
    expect(history).toContain(`decided by ${reviewer.displayName}`);
  });

  it("the author cannot approve their own facility, even as a moderator; nor can a campaigner", async () => {
    const { browser: moderator } = await signedIn(["moderator"]);
    const id = await createFacility(moderator, { designation: "ИК-16", town: "Шклов", "name.ru": "ИК-16 Шклов" });
    const change = await pendingChange({ facilityId: id });
    const own = await moderator.post(`/en/staff/facilities/${id}`, { intent: "apply", change: change.id });
    expect(own.status).toBe(403);
    expect(await own.text()).toContain("You cannot decide this change");
    const { browser: campaigner } = await signedIn(["campaigner"]);
    expect((await campaigner.post(`/en/staff/facilities/${id}`, { intent: "apply", change: change.id })).status).toBe(403);
    // An editor who amends the waiting change may not approve it either.
    const { browser: second } = await signedIn(["moderator"]);
    expect((await second.post(`/en/staff/facilities/${id}`, facilityForm({ designation: "ИК-16", town: "Шклов", "name.ru": "ИК-16 Шклов", street: "ул. Новая, 5" }))).status).toBe(303);
    expect((await second.post(`/en/staff/facilities/${id}`, { intent: "apply", change: change.id })).status).toBe(403);
    expect(await prisma().facility.findUniqueOrThrow({ where: { id } })).toMatchObject({ reviewState: "DRAFT", street: "ул. Новая, 5" });
    // A third person decides; rejecting needs a reason.
    const { browser: third } = await signedIn(["admin"]);
    const noReason = await third.post(`/en/staff/facilities/${id}`, { intent: "reject", change: change.id, reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Say why you reject it");
    expect((await third.post(`/en/staff/facilities/${id}`, { intent: "reject", change: change.id, reason: "Шклов has no ИК-16" })).status).toBe(303);
    expect(await prisma().facility.findUniqueOrThrow({ where: { id } })).toMatchObject({ reviewState: "DRAFT" });
  });

  it("bad input gets translated messages and keeps everything typed", async () => {
    const { browser } = await signedIn(["campaigner"], "ru");
    const before = await prisma().facility.count();
    const response = await browser.post("/ru/staff/facilities/new", facilityForm({ designation: "", postcode: "21201", "name.pl": "Kolonia karna nr 99", "name.ru": "", "name.be": "", kind: "CASTLE" }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Обязательное поле.");
    expect(html).toContain("Белорусский почтовый индекс — шесть цифр");
    expect(html).toContain("Выберите один из вариантов.");
    expect(html).toContain('value="Kolonia karna nr 99"');
    expect(html).toContain('value="ул. Лесная, 2"');
    expect(html).toContain('value="21201"');
    expect(await prisma().facility.count()).toBe(before);
    // A designation Listy already has (in the same town) is refused, not duplicated.
    await prisma().facility.create({ data: { slug: "ik-50-lida", kind: "PENAL_COLONY", designation: "ИК-50", town: "Лида" } });
    const duplicate = await browser.post("/ru/staff/facilities/new", facilityForm({ designation: "ик 50", town: "Лида" }));
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("уже есть запись");
    expect(await prisma().facility.count()).toBe(before + 1);
  });

  it("an edit of an approved facility changes nothing public until a second person approves it", async () => {
    const { browser: campaigner } = await signedIn(["campaigner"]);
    const id = await createFacility(campaigner, { designation: "ИК-17", town: "Бобруйск", "name.ru": "ИК-17 Бобруйск", street: "ул. Старая, 1" });
    const { browser: moderator } = await signedIn(["moderator"]);
    await moderator.post(`/en/staff/facilities/${id}`, { intent: "apply", change: (await pendingChange({ facilityId: id })).id });
    const edit = await campaigner.post(`/en/staff/facilities/${id}`, facilityForm({ designation: "ИК-17", town: "Бобруйск", "name.ru": "ИК-17 Бобруйск", street: "ул. Новая, 9" }));
    expect(edit.status).toBe(303);
    expect(await prisma().facility.findUniqueOrThrow({ where: { id } })).toMatchObject({ reviewState: "APPROVED", street: "ул. Старая, 1" });
    const change = await pendingChange({ facilityId: id });
    expect(change.before).toMatchObject({ street: "ул. Старая, 1" });
    // Saving the same values again is "nothing differs", not a second change.
    const same = await campaigner.post(`/en/staff/facilities/${id}`, facilityForm({ designation: "ИК-17", town: "Бобруйск", "name.ru": "ИК-17 Бобруйск", street: "ул. Новая, 9" }));
    expect(same.status).toBe(400);
    expect(await same.text()).toContain("Nothing differs");
    await moderator.post(`/en/staff/facilities/${id}`, { intent: "apply", change: change.id });
    expect(await prisma().facility.findUniqueOrThrow({ where: { id } })).toMatchObject({ street: "ул. Новая, 9" });
  });
});

describe("charge types in the back office", () => {
  it("a charge with an article and titles in six languages is approved by a second person", async () => {
    const { staff: author, browser: campaigner } = await signedIn(["campaigner"]);
    const titles = { be: "Арганізацыя масавых беспарадкаў", ru: "Организация массовых беспорядков", uk: "Організація масових заворушень", pl: "Organizacja masowych zamieszek", lt: "Masinių riaušių organizavimas", en: "Organising mass riots" };
    const form: Record<string, string> = { intent: "save", article: "293 ч. 1" };
    for (const [language, title] of Object.entries(titles)) form[`name.${language}`] = title;
    form["explanation.en"] = "Used against people who took part in the 2020 protests.";
    const created = await campaigner.post("/en/staff/charges/new", form);
    expect(created.status).toBe(303);
    const id = created.headers.get("location")!.split("/").at(-1)!.split("?")[0]!;
    const charge = await prisma().chargeType.findUniqueOrThrow({ where: { id }, include: { translations: true } });
    expect(charge).toMatchObject({ article: "293 ч. 1", reviewState: "DRAFT" });
    expect(charge.translations).toHaveLength(6);
    const change = await pendingChange({ chargeTypeId: id });
    expect(change.authorId).toBe(author.id);
    expect((await campaigner.post(`/en/staff/charges/${id}`, { intent: "apply", change: change.id })).status).toBe(403);
    const { browser: moderator } = await signedIn(["moderator"]);
    expect((await moderator.post(`/en/staff/charges/${id}`, { intent: "apply", change: change.id })).status).toBe(303);
    expect(await prisma().chargeType.findUniqueOrThrow({ where: { id } })).toMatchObject({ reviewState: "APPROVED" });
    // The same article again is refused with the values kept.
    const again = await campaigner.post("/en/staff/charges/new", form);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('value="Organising mass riots"');
  });
});

/** A multipart POST as a browser sends it without JavaScript. */
async function postFile(browser: Browser, path: string, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: "text/csv" }), file.name);
  return fetch(`${server.url}${path}`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: `${COOKIE}=${browser.cookie}` }, body: form });
}

describe("the facility list import", () => {
  it("reports every line, writes nothing while a line is wrong, then makes drafts for review", async () => {
    const { staff, browser } = await signedIn(["campaigner"]);
    const rows = [
      "Обозначение;Тип;Название;Name (pl);Улица;Город;Область;Индекс;Источник;Заметки",
      "ИК-20;колония;Исправительная колония № 20;Kolonia karna nr 20;ул. Заводская, 1;Мозырь;Гомельская обл.;247760;https://example.org/20;x",
      "СИЗО-7;;;;ул. Советская, 3;Брест;Брестская обл.;224000;;",
      ";колония;Без обозначения;;;;;;;",
      "ИК-21;замок;ИК-21;;;Орша;;21120;;",
      "ИК-20;колония;Дубль;;;Мозырь;;;;",
    ];
    const before = await prisma().facility.count();
    const bad = await postFile(browser, "/en/staff/facilities/import", { intent: "check" }, { bytes: utf8(rows.join("\n")), name: "facilities.csv" });
    expect(bad.status).toBe(200);
    const html = await bad.text();
    const line = (n: number) => new RegExp(`data-line="${n}" data-outcome="([a-z]+)"`).exec(html)?.[1];
    expect([2, 3, 4, 5, 6].map(line)).toEqual(["new", "new", "error", "error", "error"]);
    expect(html).toContain("Official designation: required.");
    expect(html).toContain("“замок” is not a kind Listy knows");
    expect(html).toContain("“21120” is not a postcode (six digits).");
    expect(html).toContain("the same facility as line 2.");
    expect(html).toContain("Columns not read: Заметки");
    expect(html).toContain("3 lines have problems");
    expect(html).not.toContain('value="apply"');
    expect(await prisma().facility.count()).toBe(before);

    const good = rows.slice(0, 3).join("\n");
    const checked = await postFile(browser, "/en/staff/facilities/import", { intent: "check" }, { bytes: utf8(good), name: "facilities.csv" });
    const checkedHtml = await checked.text();
    expect(checkedHtml).toContain('value="apply"');
    const content = /name="content" value="([^"]+)"/.exec(checkedHtml)![1]!;
    const applied = await postFile(browser, "/en/staff/facilities/import", { intent: "apply", content, fileName: "facilities.csv" });
    expect(applied.status).toBe(303);
    expect(applied.headers.get("location")).toBe("/en/staff/facilities?show=waiting&imported=2");
    const made = await prisma().facility.findMany({ where: { designation: { in: ["ИК-20", "СИЗО-7"] } }, include: { translations: true, referenceChanges: true } });
    expect(made).toHaveLength(2);
    const ik = made.find((facility) => facility.designation === "ИК-20")!;
    expect(ik).toMatchObject({ reviewState: "DRAFT", kind: "PENAL_COLONY", town: "Мозырь", postcode: "247760", street: "ул. Заводская, 1", sources: "https://example.org/20" });
    expect(ik.translations.map((t) => [t.locale, t.name]).sort()).toEqual([
      ["pl", "Kolonia karna nr 20"],
      ["ru", "Исправительная колония № 20"],
    ]);
    const sizo = made.find((facility) => facility.designation === "СИЗО-7")!;
    expect(sizo).toMatchObject({ kind: "PRE_TRIAL_DETENTION", reviewState: "DRAFT" });
    expect(made.every((facility) => facility.referenceChanges.length === 1 && facility.referenceChanges[0]!.state === "PENDING" && facility.referenceChanges[0]!.authorId === staff.id)).toBe(true);
    // The same file again: every line unchanged, nothing new.
    const again = await (await postFile(browser, "/en/staff/facilities/import", { intent: "check" }, { bytes: utf8(good), name: "facilities.csv" })).text();
    expect([2, 3].map((n) => new RegExp(`data-line="${n}" data-outcome="([a-z]+)"`).exec(again)?.[1])).toEqual(["unchanged", "unchanged"]);
  });
});

describe("the prisoner import and reference data", () => {
  it("creates unknown facilities and charges as drafts inside the reviewed import, and says so", async () => {
    const { staff, browser } = await signedIn(["campaigner"]);
    const file = utf8(["ФИО;Учреждение;Статьи;Адрес", "Драфтов Иван;ИК-99 Неведомск;342, 999-9;г. Неведомск, ул. Тайная, 1", "Драфтова Анна;ИК-99 Неведомск;999-9;"].join("\n"));
    const upload = await postFile(browser, "/en/staff/prisoners/import", { sourceTitle: "", sourceUrl: "" }, { bytes: file, name: "drafts.csv" });
    expect(upload.status).toBe(303);
    const location = upload.headers.get("location")!;
    const report = await (await browser.get(location)).text();
    expect(report).toContain("“ИК-99 Неведомск” is not an approved facility: the import creates it as a draft");
    expect(report).toContain("“999-9” is not an approved charge");
    expect(report).toContain("Apply the import (2 rows)");
    expect(await prisma().facility.count({ where: { designation: "ИК-99 Неведомск" } })).toBe(0);

    expect((await browser.post(location, {})).status).toBe(303);
    for (let i = 0; i < 100 && (await prisma().prisonerImport.findFirstOrThrow({ where: { id: location.split("/").at(-1)! } })).state === "APPLYING"; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const importId = location.split("/").at(-1)!;
    expect(await prisma().prisonerImport.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ state: "APPLIED" });
    // One draft facility for both rows, proposed by the import for a second person to approve.
    const facilities = await prisma().facility.findMany({ where: { designation: "ИК-99 Неведомск" }, include: { referenceChanges: true, prisoners: true } });
    expect(facilities).toHaveLength(1);
    expect(facilities[0]).toMatchObject({ reviewState: "DRAFT", kind: "PENAL_COLONY", postalAddressCyrillic: "г. Неведомск, ул. Тайная, 1" });
    expect(facilities[0]!.prisoners).toHaveLength(2);
    expect(facilities[0]!.referenceChanges).toEqual([expect.objectContaining({ state: "PENDING", importId, authorId: staff.id })]);
    const charges = await prisma().chargeType.findMany({ where: { article: { in: ["342", "999-9"] } }, include: { charges: true, referenceChanges: true } });
    const drafted = charges.find((charge) => charge.article === "999-9")!;
    expect(drafted).toMatchObject({ reviewState: "DRAFT" });
    expect(drafted.charges).toHaveLength(2);
    expect(drafted.referenceChanges[0]).toMatchObject({ state: "PENDING", importId });
    // The importer cannot approve the import's draft facility.
    expect((await browser.post(`/en/staff/facilities/${facilities[0]!.id}`, { intent: "apply", change: facilities[0]!.referenceChanges[0]!.id })).status).toBe(403);
  });

  it("never shows a draft facility or charge publicly, nor prints its address on an envelope", async () => {
    const { browser: campaigner } = await signedIn(["campaigner"]);
    const id = await createFacility(campaigner, { designation: "ИК-33", town: "Тайноград", "name.en": "Secret colony 33", "name.ru": "Тайная колония 33", postalAddressCyrillic: "ИК-33, г. Тайноград, 999999", postcode: "" });
    const draftCharge = await prisma().chargeType.create({ data: { slug: "draft-charge-ref", article: "777", reviewState: "DRAFT", translations: { create: [{ locale: "en", name: "Secret draft charge", explanation: "" }] } } });
    const source = await prisma().source.create({ data: { key: "ref-test-source", publication: "Test", datePrecision: "DAY", publishedOn: new Date("2025-01-01T00:00:00Z") } });
    const person = await prisma().prisoner.create({
      data: {
        slug: "tainy-chelovek",
        status: "IN_CUSTODY",
        letterStatus: "CAN_RECEIVE",
        lastVerifiedOn: new Date(),
        draft: false,
        facilityId: id,
        names: { create: [{ script: "RU_CYRILLIC", familyName: "Тайный", givenName: "Человек", patronymic: "Петрович" }] },
        charges: { create: [{ chargeTypeId: draftCharge.id, sourceId: source.id }] },
      },
    });
    const publicText = async (path: string) => (await (await fetch(`${server.url}${path}`)).text()).replace(/&#x27;/g, "'");
    const profile = await publicText(`/en/prisoners/${person.slug}`);
    expect(profile).toContain("Тайный");
    expect(profile).not.toContain("Secret colony 33");
    expect(profile).not.toContain("Тайноград");
    expect(profile).not.toContain("Secret draft charge");
    const write = await publicText(`/en/prisoners/${person.slug}/write`);
    expect(write).not.toContain("Тайноград");
    expect(write).not.toContain("Secret colony 33");
    const directory = await publicText("/en/prisoners?q=Тайный");
    expect(directory).not.toContain("Secret colony 33");
    expect(directory).not.toContain(`value="${(await prisma().facility.findUniqueOrThrow({ where: { id } })).slug}"`);

    // Approved by a second person, it appears.
    const { browser: moderator } = await signedIn(["moderator"]);
    await moderator.post(`/en/staff/facilities/${id}`, { intent: "apply", change: (await pendingChange({ facilityId: id })).id });
    await prisma().chargeType.update({ where: { id: draftCharge.id }, data: { reviewState: "APPROVED" } });
    // The approval is a content change (the database's triggers move the revision the page cache keys on).
    const after = await publicText(`/en/prisoners/${person.slug}`);
    expect(after).toContain("Secret colony 33");
    expect(after).toContain("Secret draft charge");
  });
});
