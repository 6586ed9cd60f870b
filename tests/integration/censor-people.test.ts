// The censor check's live names index, read from the database: published profiles and
// officials are in it, drafts never are, and publishing a profile adds its names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkLetter } from "~/letters/censor-check";
import { censorPeople, readCensorPeopleRows } from "~/letters/censor-people.server";
import { setCurrentContentRevisionWatcher, watchContentRevision, type ContentRevisionWatcher } from "~/utils/content-revision.server";

import { seedDemoData } from "../../prisma/seed";
import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";

let database: TestDatabase;
let watcher: ContentRevisionWatcher;
let draftId: string;

beforeAll(async () => {
  database = await useFreshDatabase();
  await seedDemoData(database.prisma);
  const draft = await database.prisma.prisoner.create({
    data: { slug: "draft-person", status: "IN_CUSTODY", lastVerifiedOn: new Date(), draft: true, grammaticalGender: "FEMININE" },
  });
  draftId = draft.id;
  await database.prisma.prisonerName.createMany({
    data: [
      { prisonerId: draft.id, script: "RU_CYRILLIC", givenName: "Ядвига", familyName: "Черновицкая" },
      { prisonerId: draft.id, script: "BE_CYRILLIC", givenName: "Ядвіга", familyName: "Чарнавіцкая" },
    ],
  });
  watcher = await watchContentRevision(database);
  setCurrentContentRevisionWatcher(watcher);
});

afterAll(async () => {
  setCurrentContentRevisionWatcher(undefined);
  await watcher.stop();
  await database.destroy();
});

const flagged = (text: string, people: Awaited<ReturnType<typeof censorPeople>>, exceptPersonId?: string) =>
  checkLetter(text, "ru", { people, exceptPersonId }).filter((flag) => flag.category === "names").map((flag) => flag.match);

describe("the censor check's names index", () => {
  it("holds every published person's names in every script, and the officials', but no draft", async () => {
    const rows = await readCensorPeopleRows();
    expect(rows.some((row) => row.personId === "ihar-ilyash" && row.familyName === "Ільяш")).toBe(true);
    expect(rows.some((row) => row.personId === "ihar-ilyash" && row.familyName === "Ilyash")).toBe(true);
    expect(rows.some((row) => row.kind === "official" && row.familyName === "Лукашенко")).toBe(true);
    expect(rows.some((row) => row.personId === "draft-person")).toBe(false);
  });

  it("flags a published person's name in any form, except the recipient's own", async () => {
    const people = await censorPeople();
    expect(flagged("Передаю привет от Игоря Ильяша.", people)).toEqual(["Ильяша"]);
    expect(flagged("Передаю привет от Игоря Ильяша.", people, "ihar-ilyash")).toEqual([]);
    expect(flagged("Я читала про Спарыша.", people)).toEqual(["Спарыша"]);
  });

  it("never flags a draft's name, and flags it once the profile is published", async () => {
    const before = await censorPeople();
    expect(flagged("Я думаю о Ядвиге Черновицкой.", before)).toEqual([]);
    await database.prisma.prisoner.update({ where: { id: draftId }, data: { draft: false } });
    await watcher.refresh();
    const after = await censorPeople();
    expect(after).not.toBe(before);
    expect(flagged("Я думаю о Ядвиге Черновицкой.", after)).toEqual(["Черновицкой"]);
    expect(flagged("Я думаю о Ядвиге Черновицкой.", after, "draft-person")).toEqual([]);
  });

  it("reuses the index while nothing public changes", async () => {
    expect(await censorPeople()).toBe(await censorPeople());
  });
});
