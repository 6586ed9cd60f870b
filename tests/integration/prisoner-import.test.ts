// The CSV import against a real database: the dry run (Windows-1251, semicolons, quoted
// line breaks, BOM, bad dates, unknown facilities, duplicates, formula-looking cells, a
// 10,000-row file), apply (drafts, pending changes for published profiles, history rows
// with origin IMPORT), all-or-nothing rollback, progress, and restart recovery.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ImportReport } from "~/staff/imports/prisoner-import";
import { analyseFile, applyImport, checkImport, failInterruptedImports, findImport, importBatchSize, importProgress, startApply, waitForImport } from "~/staff/imports/prisoner-import.server";
import { romanize } from "~/utils/romanize";

import { createImportFixtures, utf8, windows1251 } from "../../scripts/support/import-fixtures";
import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { createStaffMember } from "../support/staff";

let database: TestDatabase;
let fixtures: Awaited<ReturnType<typeof createImportFixtures>>;
let campaigner: { id: string; roles: string[] };

beforeAll(async () => {
  database = await useFreshDatabase();
  fixtures = await createImportFixtures(database.prisma);
  campaigner = (await createStaffMember(database.prisma, { roles: ["campaigner"] })).staff;
});
afterAll(async () => {
  await database?.destroy();
});

const prisma = () => database.prisma;
const actor = () => ({ kind: "staff" as const, id: campaigner.id, roles: ["campaigner" as const] });
const input = (bytes: Uint8Array, fileName = "list.csv") => ({ fileName, bytes, sourceTitle: "Viasna list", sourceUrl: "https://spring96.org/" });
const byLine = (report: ImportReport, line: number) => report.rows.find((row) => row.line === line);

describe("the dry run", () => {
  it("reads a Windows-1251 file with semicolons and Cyrillic names and plans every kind of row", async () => {
    const file = windows1251(
      [
        "ФИО;Дата рождения;Дата задержания;Статьи;Учреждение;Адрес;Статус",
        "Новиков Сергей Павлович;01.02.1990;2021-03-04;293, 999;Исправительная колония Тест;ИК-1, ул. Техническая, 8, 211440 Новополоцк;в заключении",
        "Чарнавік Алесь;;;361-1;ik-test;;",
        "Опубликованный Петр Иванович;05.05.1980;;;СИЗО Тест;;освобожден(а)",
        "Опубликованный Пётр Иванович;05.05.1980;;;Исправительная колония Тест;;в заключении",
      ].join("\r\n"),
    );
    const before = await prisma().prisoner.count();
    const { report, parsed } = await analyseFile(prisma(), input(file));
    expect(parsed?.encoding).toBe("windows-1251");
    expect(report.fileProblem).toBeNull();
    expect(byLine(report, 2)).toMatchObject({ outcome: "new", name: "Новиков Сергей Павлович" });
    // An unknown charge is proposed as a draft by the apply (issue 16), with a warning.
    expect(byLine(report, 2)!.problems).toEqual([{ severity: "warning", code: "charge-draft", column: "Статьи", value: "999" }]);
    expect(byLine(report, 3)).toMatchObject({ outcome: "update-draft", slug: fixtures.draft.slug });
    // "Петр" finds "Пётр": names compare without case, ё/е or extra spaces.
    expect(byLine(report, 4)).toMatchObject({ outcome: "pending-review", slug: fixtures.published.slug, fields: ["status", "letterStatus", "facility"] });
    expect(byLine(report, 5)).toMatchObject({ outcome: "error" });
    expect(byLine(report, 5)!.problems).toEqual([{ severity: "error", code: "same-prisoner-twice", column: null, value: "4" }]);
    expect(report.counts).toEqual({ new: 1, "update-draft": 1, "pending-review": 1, unchanged: 0, error: 1 });
    // A dry run writes nothing.
    expect(await prisma().prisoner.count()).toBe(before);
  });

  it("says unchanged for a row identical to the profile and pending review for a published one", async () => {
    const file = utf8(
      "\uFEFFname,date of birth,facility,status\n" +
        "Опубликованный Петр Иванович,05.05.1980,Penal colony Test,IN_CUSTODY\n" +
        "\"Опубликованный\nПётр Иванович\",1980-05-05,ik-test,released\n",
    );
    const { report } = await analyseFile(prisma(), input(file));
    expect(report.rows[0]).toMatchObject({ line: 2, outcome: "unchanged" });
    // A quoted line break inside a cell: the row still starts on line 3 and is read whole.
    expect(report.rows[1]).toMatchObject({ line: 3, outcome: "error" });
    expect(report.rows[1]!.problems[0]!.code).toBe("same-prisoner-twice");
  });

  it("reports bad dates, unknown facilities, duplicates and keeps formula-looking cells as text", async () => {
    const file = utf8(
      [
        "name;born;facility;address",
        "Иванов Иван;31.02.1990;;",
        "Петров Пётр;01.01.1991;Нет такой;",
        "Сидоров Сидор;;;=cmd|' /C calc'!A0",
        "Сидоров Сидор;;;=cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://evil\") Иван;;;",
        "\"Кузнецов Кузьма;;;",
      ].join("\n"),
    );
    const { report } = await analyseFile(prisma(), input(file));
    expect(byLine(report, 2)!.problems).toEqual([{ severity: "error", code: "invalid-date", column: "born", value: "31.02.1990" }]);
    // An unknown facility no longer fails the row (issue 16): the apply creates it as a draft.
    expect(byLine(report, 3)).toMatchObject({ outcome: "new" });
    expect(byLine(report, 3)!.problems).toEqual([{ severity: "warning", code: "facility-draft", column: "facility", value: "Нет такой" }]);
    expect(byLine(report, 4)).toMatchObject({ outcome: "new" });
    expect(byLine(report, 4)!.problems).toEqual([{ severity: "warning", code: "address-without-facility", column: "address", value: "=cmd|' /C calc'!A0" }]);
    expect(byLine(report, 5)!.problems).toContainEqual({ severity: "error", code: "duplicate-row", column: null, value: "4" });
    expect(byLine(report, 6)!.problems[0]).toMatchObject({ code: "name-mixed-scripts", value: '=HYPERLINK("http://evil") Иван' });
    expect(byLine(report, 7)!.problems[0]).toMatchObject({ code: "unterminated-quote" });
    expect(report.counts.error).toBe(4);
  });

  it("refuses ambiguous name matches instead of guessing", async () => {
    for (const slug of ["twin-a", "twin-b"]) {
      await prisma().prisoner.create({
        data: { slug, status: "IN_CUSTODY", lastVerifiedOn: new Date(), names: { create: [{ script: "LATIN", familyName: "Twin", givenName: "Anna" }] } },
      });
    }
    const { report } = await analyseFile(prisma(), input(utf8("family name,given name,status\nTWIN,anna,released\n")));
    expect(report.rows[0]!.problems[0]).toMatchObject({ code: "ambiguous-match" });
    const bySlug = await analyseFile(prisma(), input(utf8("slug,family name,given name,status\ntwin-b,Twin,Anna,released\n")));
    // Released: no prison to post to, so the letter status follows.
    expect(bySlug.report.rows[0]).toMatchObject({ outcome: "pending-review", slug: "twin-b", fields: ["status", "letterStatus"] });
  });

  it("plans readable addresses from the name, telling namesakes apart by birth year, then patronymic (decision 0017)", async () => {
    const csv =
      "name,date of birth,status\n" +
      "Шаўчэнка Яўген Сяргеевіч,1985-03-01,in custody\n" +
      "Шаўчэнка Яўген Міхайлавіч,1990-07-15,in custody\n" +
      "Шаўчэнка Яўген Пятровіч,1990-01-20,in custody\n" +
      "Попова Екатерина Ивановна,1979-05-05,in custody\n" +
      "Петров Илья Андреевич,,in custody\n";
    const { report } = await analyseFile(prisma(), input(utf8(csv)));
    expect(report.rows.map((row) => row.slug)).toEqual([
      "yauhen-shauchenka",
      "yauhen-shauchenka-1990",
      "yauhen-shauchenka-p",
      "ekaterina-popova",
      "ilya-petrov",
    ]);
  });

  it("takes separate Russian and Belarusian name columns, «Имя» and «Імя» included (issue 16)", async () => {
    for (const csv of ["Фамилия;Имя;Отчество;Статус\nСидоренко;Павел;Олегович;под стражей\n", "Прозвішча;Імя;Імя па бацьку;Статус\nСідарэнка;Павел;Алегавіч;пад вартай\n"]) {
      const { report } = await analyseFile(prisma(), input(utf8(csv)));
      expect(report.fileProblem ?? null).toBeNull();
      expect(report.rows[0]!.problems.filter((problem) => problem.severity === "error")).toEqual([]);
      expect(report.rows[0]).toMatchObject({ outcome: "new" });
    }
  });

  it("judges duplicates on the full name with patronymic and birth date, and warns about the doubtful ones (issue 16)", async () => {
    const csv =
      "name,date of birth,status\n" +
      "Іваноў Сяргей Пятровіч,1980-01-01,in custody\n" + // 2
      "Іваноў Сяргей Міхайлавіч,1980-01-01,in custody\n" + // 3: another patronymic, another person
      "Іваноў Сяргей Пятровіч,1991-05-05,in custody\n" + // 4: another year, another person
      "Іваноў Сяргей Пятровіч,,in custody\n" + // 5: no year: maybe line 2
      "Іваноў Сяргей Міхайлавіч,1980-01-01,released\n"; // 6: the same as line 3
    const { report } = await analyseFile(prisma(), input(utf8(csv)));
    const codes = (line: number) => byLine(report, line)!.problems.map((problem) => `${problem.severity}:${problem.code}:${problem.value ?? ""}`);
    expect([2, 3, 4].map((line) => byLine(report, line)!.outcome)).toEqual(["new", "new", "new"]);
    expect([2, 3, 4].flatMap(codes)).toEqual([]);
    expect(byLine(report, 5)!.outcome).toBe("new");
    expect(codes(5)).toEqual(["warning:maybe-same-prisoner:2"]);
    expect(byLine(report, 6)!.outcome).toBe("error");
    expect(codes(6)).toEqual(["error:same-prisoner-twice:3"]);
  });

  it("gives whole-file problems for binary files, garbage and missing name columns", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect((await analyseFile(prisma(), input(png))).report.fileProblem).toBe("binary");
    expect((await analyseFile(prisma(), input(new Uint8Array()))).report.fileProblem).toBe("empty");
    // UTF-8 text read as something else (mojibake) has no recognisable header.
    const garbage = windows1251("Р¤РРћ;Р”Р°С‚Р°\nРќРѕРІРёРєРѕРІ;01.01.1990\n");
    expect((await analyseFile(prisma(), input(garbage))).report.fileProblem).toBe("no-name-column");
    expect((await analyseFile(prisma(), input(utf8("ФИО\n")))).report.fileProblem).toBe("no-rows");
  });

  it("checks a 10,000-row file with complete counts", async () => {
    const lines = ["ФИО;Дата рождения;Статус"];
    for (let i = 0; i < 10_000; i++) lines.push(`Тестовый${toLetters(i)} Иван;01.01.1990;в заключении`);
    const started = performance.now();
    const { report } = await analyseFile(prisma(), input(utf8(lines.join("\n"))));
    const seconds = (performance.now() - started) / 1000;
    expect(report.rows).toHaveLength(10_000);
    expect(report.counts.new).toBe(10_000);
    console.info(`dry run of 10,000 rows: ${seconds.toFixed(1)} s`);
  });
});

/** 0 → "а", 1 → "б" ...: Cyrillic letters only, so names stay in one alphabet. */
function toLetters(n: number): string {
  const alphabet = "абвгдежзиклмнопрстуфхцчшщ";
  let text = "";
  do {
    text = alphabet[n % alphabet.length]! + text;
    n = Math.floor(n / alphabet.length);
  } while (n > 0);
  return text;
}

describe("applying", () => {
  it("creates drafts, updates drafts directly, sends published changes to review, all with origin IMPORT", async () => {
    const file = utf8(
      [
        "ФИО;Дата рождения;Статьи;Учреждение;Статус",
        "Новая Анна Сергеевна;02.02.1992;293;ik-test;в заключении",
        "Чарнавік Алесь;;361-1;СИЗО Тест;",
        "Опубликованный Петр Иванович;05.05.1980;293;ik-test;освобожден(а)",
      ].join("\n"),
    );
    const { id, report } = await checkImport(campaigner, input(file, "apply.csv"));
    expect(report.counts).toMatchObject({ new: 1, "update-draft": 1, "pending-review": 1, error: 0 });
    const publishedBefore = await prisma().prisoner.findUniqueOrThrow({ where: { id: fixtures.published.id } });

    expect(await startApply(actor(), id)).toEqual({ ok: true });
    expect(await startApply(actor(), id)).toEqual({ ok: false, reason: "not-checked" });
    await waitForImport(id);

    const done = await findImport(id);
    expect(done).toMatchObject({ state: "APPLIED", processedRows: 3 });
    expect(done!.report.applied).toEqual({ created: 1, updated: 1, pending: 1, charges: 2 });
    const created = await prisma().prisoner.findFirstOrThrow({ where: { names: { some: { familyName: "Новая" } } }, include: { names: true, charges: { include: { source: true } }, changes: true } });
    expect(created).toMatchObject({ draft: true, status: "IN_CUSTODY", facilityId: fixtures.facility.id });
    expect(created.birthDate?.toISOString().slice(0, 10)).toBe("1992-02-02");
    expect(created.names).toEqual([expect.objectContaining({ script: "RU_CYRILLIC", familyName: "Новая", givenName: "Анна", patronymic: "Сергеевна" })]);
    expect(created.charges).toHaveLength(1);
    expect(created.charges[0]!.source).toMatchObject({ publication: expect.stringMatching(/^CSV import apply\.csv, \d{4}-\d{2}-\d{2}$/), title: "Viasna list", url: "https://spring96.org/" });
    expect(created.changes).toEqual([expect.objectContaining({ origin: "IMPORT", importId: id, state: "APPLIED", before: {}, authorId: campaigner.id })]);

    const draft = await prisma().prisoner.findUniqueOrThrow({ where: { id: fixtures.draft.id }, include: { changes: true, charges: true } });
    expect(draft.facilityId).toBe(fixtures.other.id);
    expect(draft.changes).toEqual([expect.objectContaining({ origin: "IMPORT", state: "APPLIED", before: { facility: null }, after: { facility: fixtures.other.slug } })]);
    expect(draft.charges).toHaveLength(1);

    const published = await prisma().prisoner.findUniqueOrThrow({ where: { id: fixtures.published.id }, include: { changes: true, charges: true } });
    expect(published).toMatchObject({ status: publishedBefore.status, version: publishedBefore.version, updatedAt: publishedBefore.updatedAt });
    expect(published.charges).toHaveLength(0);
    expect(published.changes).toEqual([
      expect.objectContaining({ origin: "IMPORT", importId: id, state: "PENDING", baseVersion: publishedBefore.version,
        before: { status: "IN_CUSTODY", statusSource: null, statusReportedOn: null, statusReportedPrecision: null, letterStatus: "UNKNOWN", letterStatusSource: null, letterStatusReportedOn: null, letterStatusReportedPrecision: null },
        // A status the file changes is reported by the import's source, on the import's day;
        // released, the person has no prison to post to (the letter status follows, same report).
        after: {
          status: "RELEASED", statusSource: `csv-import-${id}`, statusReportedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), statusReportedPrecision: "DAY",
          letterStatus: "NOT_APPLICABLE", letterStatusSource: `csv-import-${id}`, letterStatusReportedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), letterStatusReportedPrecision: "DAY",
        } }),
    ]);
    expect(published.changes[0]!.note).toContain("test-mass-riots");

    const audit = await prisma().auditLogEntry.findMany({ where: { subjectId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["prisoner.import.check", "prisoner.import.apply"]);
  });

  it("takes the columns a real list has: letter status, gender, sentence and summary, the statuses reported by the import (issue 16)", async () => {
    const file = utf8(
      [
        "Фамилия;Имя;Отчество;Статус;Статус писем;Пол;Срок;Описание;Summary (pl)",
        "Колоскова;Вера;Андреевна;в заключении;может получать;ж;3 года 6 месяцев;Учительница из Гомеля.;Nauczycielka z Homla.",
        "Дорошко;Олег;;освобожден;не применимо;м;пожизненно;;",
      ].join("\n"),
    );
    const { id, report } = await checkImport(campaigner, input(file, "columns.csv"));
    expect(report.counts).toMatchObject({ new: 2, error: 0 });
    expect(byLine(report, 3)!.problems).toEqual([{ severity: "warning", code: "invalid-sentence", column: "Срок", value: "пожизненно" }]);
    expect(await startApply(actor(), id)).toEqual({ ok: true });
    await waitForImport(id);
    const vera = await prisma().prisoner.findFirstOrThrow({ where: { names: { some: { familyName: "Колоскова" } } }, include: { translations: true, letterStatusSource: true } });
    expect(vera).toMatchObject({ letterStatus: "CAN_RECEIVE", grammaticalGender: "FEMININE", sentenceMonths: 42, letterStatusReportedPrecision: "DAY" });
    // A letter status is a report like the status: the import's source, on its day.
    expect(vera.letterStatusSource?.key).toBe(`csv-import-${id}`);
    expect(Object.fromEntries(vera.translations.map((text) => [text.locale, text.summary]))).toMatchObject({ ru: "Учительница из Гомеля.", pl: "Nauczycielka z Homla." });
    const oleg = await prisma().prisoner.findFirstOrThrow({ where: { names: { some: { familyName: "Дорошко" } } } });
    expect(oleg).toMatchObject({ status: "RELEASED", letterStatus: "NOT_APPLICABLE", grammaticalGender: "MASCULINE", sentenceMonths: null });
  });

  it("writes new people in batches exactly as one by one: the same profiles, names, charges and history rows", async () => {
    const fileFor = (family: string) => {
      const lines = ["ФИО;Дата рождения;Дата задержания;Статьи;Учреждение;Статус"];
      for (let i = 0; i < 60; i++) {
        const name = i % 3 === 0 ? `${family}${toLetters(i)} Иван Петрович` : i % 3 === 1 ? `${family}${toLetters(i)} Анна` : `${family}${toLetters(i)}іч Алесь`;
        lines.push(`${name};${i % 2 ? "01.02.1990" : ""};${i % 4 ? "" : "2021-03-04"};${["", "293", "293, 361-1", "999"][i % 4]};${["", "ik-test", "СИЗО Тест"][i % 3]};${["", "в заключении", "освобождена"][i % 3]}`);
      }
      return input(utf8(lines.join("\n")), `${family}.csv`);
    };
    const applied = async (family: string, perRow: boolean) => {
      const { id, report } = await checkImport(campaigner, fileFor(family));
      expect(report.counts).toMatchObject({ new: 60, error: 0 });
      await prisma().prisonerImport.update({ where: { id }, data: { state: "APPLYING" } });
      await applyImport(id, campaigner, { perRow });
      const done = await findImport(id);
      expect(done!.state).toBe("APPLIED");
      const prisoners = await prisma().prisoner.findMany({
        where: { changes: { some: { importId: id } } },
        include: { names: true, translations: true, charges: { include: { source: true } }, changes: true },
      });
      // Names differ by the family-name prefix; slugs, planned before writing, follow the names.
      const strip = (text: string) => text.replaceAll(family, "X");
      const importSource = await prisma().source.findUniqueOrThrow({ where: { key: `csv-import-${id}` } });
      const rows = prisoners.map(({ id: prisonerId, createdAt, updatedAt, slug, names, translations, charges, changes, statusSourceId, letterStatusSourceId, ...columns }) => ({
        key: strip(names[0]!.familyName),
        statusReportedByImport: statusSourceId === importSource.id,
        letterStatusReportedByImport: letterStatusSourceId === importSource.id,
        slug: slug.startsWith(romanize(names[0]!.givenName, names[0]!.script === "RU_CYRILLIC" ? "ru" : "be")),
        ...columns,
        names: names.map(({ id: _id, prisonerId: _p, familyName, ...name }) => ({ ...name, familyName: strip(familyName) })),
        translations,
        charges: charges.map((charge) => ({ chargeTypeId: charge.chargeTypeId, sourceKey: charge.source.key === `csv-import-${id}` })).sort((a, b) => a.chargeTypeId.localeCompare(b.chargeTypeId)),
        changes: changes.map(({ id: _id, prisonerId: p, importId, createdAt: _c, decidedAt, after, ...change }) => {
          expect(p).toBe(prisonerId);
          expect(importId).toBe(id);
          expect(decidedAt).toBeInstanceOf(Date);
          const { slug: changedSlug, ...fields } = after as Record<string, unknown>;
          expect(changedSlug).toBe(slug);
          return { ...change, after: JSON.parse(strip(JSON.stringify(fields).replaceAll(id, "IMPORT"))) };
        }),
      }));
      return { rows: rows.sort((a, b) => a.key.localeCompare(b.key)), applied: done!.report.applied };
    };
    const oneByOne = await applied("Поштучнов", true);
    const inBatches = await applied("Пакетнов", false);
    expect(oneByOne.rows).toHaveLength(60);
    expect(inBatches.applied).toEqual(oneByOne.applied);
    expect(inBatches.rows).toEqual(oneByOne.rows);
    // The comparison covered charges, facilities and Belarusian names.
    // "999" is no charge Listy knows: the first apply makes it a draft charge (issue 16), the second finds that draft.
    expect(oneByOne.rows.flatMap((row) => row.charges)).toHaveLength(60);
    expect(oneByOne.rows.filter((row) => row.facilityId !== null)).toHaveLength(40);
    expect(oneByOne.rows.flatMap((row) => row.names).filter((name) => name.script === "BE_CYRILLIC")).toHaveLength(20);
  });

  it("rolls every row back when one fails at apply time (the person was added by hand after the dry run)", async () => {
    const file = utf8(["ФИО;Учреждение;Статьи", "Первый Откат;ik-test;293", "Второй Откат;;", "Третий Откат;;"].join("\n"));
    const { id, report } = await checkImport(campaigner, input(file, "rollback.csv"));
    expect(report.counts).toMatchObject({ new: 3, error: 0 });
    // An unknown facility is no longer a failure (it becomes a draft), so the late change is a namesake profile.
    await prisma().prisoner.create({
      data: { slug: "tretii-otkat", status: "IN_CUSTODY", lastVerifiedOn: new Date(), draft: true, names: { create: [{ script: "RU_CYRILLIC", familyName: "Третий", givenName: "Откат" }] } },
    });
    const counts = async () => ({
      prisoners: await prisma().prisoner.count(),
      changes: await prisma().prisonerChange.count(),
      charges: await prisma().prisonerCharge.count(),
      sources: await prisma().source.count(),
    });
    const before = await counts();

    expect(await startApply(actor(), id)).toEqual({ ok: true });
    await waitForImport(id);

    const failed = await findImport(id);
    expect(failed).toMatchObject({ state: "FAILED" });
    // Rows 2 and 3 had been written inside the transaction before row 4 failed.
    expect(failed!.report.failure).toEqual({ reason: "changed-since-check", line: 4 });
    expect(await counts()).toEqual(before);
    expect(await prisma().prisoner.count({ where: { names: { some: { givenName: "Откат" } } } })).toBe(1);
    const audit = await prisma().auditLogEntry.findMany({ where: { subjectId: id } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["prisoner.import.check", "prisoner.import.fail"]);
  });

  it("rolls back every batch already written when a row in a later batch fails (row 1,200 of 1,500)", async () => {
    const lines = ["ФИО;Учреждение;Статьи"];
    for (let i = 0; i < 1_500; i++) lines.push(`Пакетный${toLetters(i)} Иван;${i % 3 ? "ik-test" : ""};${i % 2 ? "293" : ""}`);
    const { id, report } = await checkImport(campaigner, input(utf8(lines.join("\n")), "later.csv"));
    expect(report.counts).toMatchObject({ new: 1_500, error: 0 });
    // Line 1,201's person is added by hand after the dry run: the apply finds them and stops there.
    await prisma().prisoner.create({
      data: { slug: "late-namesake", status: "IN_CUSTODY", lastVerifiedOn: new Date(), draft: true, names: { create: [{ script: "RU_CYRILLIC", familyName: `Пакетный${toLetters(1_199)}`, givenName: "Иван" }] } },
    });
    const counts = async () => ({
      prisoners: await prisma().prisoner.count(),
      names: await prisma().prisonerName.count(),
      changes: await prisma().prisonerChange.count(),
      charges: await prisma().prisonerCharge.count(),
      sources: await prisma().source.count(),
    });
    const before = await counts();
    const seen: number[] = [];
    const timer = setInterval(() => {
      const now = importProgress(id);
      if (now) seen.push(now.processed);
    }, 2);

    expect(await startApply(actor(), id)).toEqual({ ok: true });
    await waitForImport(id);
    clearInterval(timer);

    const failed = await findImport(id);
    expect(failed).toMatchObject({ state: "FAILED" });
    expect(failed!.report.failure).toEqual({ reason: "changed-since-check", line: 1_201 });
    // Batches had been written (the progress said so) before line 1,201 was reached...
    expect(Math.max(0, ...seen)).toBeGreaterThanOrEqual(2 * importBatchSize(1_500));
    expect(Math.max(0, ...seen)).toBeLessThan(1_200);
    // ...and none of them is left.
    expect(await counts()).toEqual(before);
    expect(await prisma().prisoner.count({ where: { names: { some: { familyName: { startsWith: "Пакетный" } } } } })).toBe(1);
    const audit = await prisma().auditLogEntry.findMany({ where: { subjectId: id } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["prisoner.import.check", "prisoner.import.fail"]);
  }, 120_000);

  it("refuses to apply a report with errors, or someone else's import", async () => {
    const { id } = await checkImport(campaigner, input(utf8("ФИО;Дата рождения\nОшибка Ошибкин;99.99.1999\n")));
    expect(await startApply(actor(), id)).toEqual({ ok: false, reason: "has-errors" });
    const other = (await createStaffMember(prisma(), { roles: ["campaigner"] })).staff;
    const good = await checkImport(campaigner, input(utf8("ФИО\nЧужой Импорт\n")));
    expect(await startApply({ kind: "staff", id: other.id, roles: ["campaigner"] }, good.id)).toEqual({ ok: false, reason: "forbidden" });
    const admin = (await createStaffMember(prisma(), { roles: ["admin"] })).staff;
    expect(await startApply({ kind: "staff", id: admin.id, roles: ["admin"] }, good.id)).toEqual({ ok: true });
    await waitForImport(good.id);
    expect((await findImport(good.id))!.state).toBe("APPLIED");
  });

  it("shows progress while a long file is applied", async () => {
    const lines = ["ФИО"];
    for (let i = 0; i < 120; i++) lines.push(`Прогресс${toLetters(i)} Иван`);
    const { id } = await checkImport(campaigner, input(utf8(lines.join("\n"))));
    const seen: number[] = [];
    const timer = setInterval(() => {
      const now = importProgress(id);
      if (now) seen.push(now.processed);
    }, 5);
    expect(await startApply(actor(), id)).toEqual({ ok: true });
    await waitForImport(id);
    clearInterval(timer);
    expect((await findImport(id))!.state).toBe("APPLIED");
    expect(seen.some((value) => value > 0 && value < 120)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(importProgress(id)).toBeNull();
  }, 120_000);

  it("marks an import left APPLYING by a stopped process as FAILED at start-up", async () => {
    const { id } = await checkImport(campaigner, input(utf8("ФИО\nПрерванный Импорт\n")));
    // What a crash mid-apply leaves: the state, and nothing else (the transaction never committed).
    await prisma().prisonerImport.update({ where: { id }, data: { state: "APPLYING" } });
    expect(await failInterruptedImports(prisma())).toBe(1);
    const row = await findImport(id);
    expect(row).toMatchObject({ state: "FAILED" });
    expect(row!.report.failure).toEqual({ reason: "interrupted" });
    expect(await failInterruptedImports(prisma())).toBe(0);
    // An apply that finds its import no longer APPLYING writes nothing.
    await applyImport(id, campaigner);
    expect(await prisma().prisoner.count({ where: { names: { some: { familyName: "Прерванный" } } } })).toBe(0);
  });
});
