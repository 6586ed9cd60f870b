// The live names index of the censor check: every name of every published profile (all
// scripts and spellings the search knows) and every official's name, declined by
// censor/people.ts. Draft profiles are never read: a flag on a draft's name would reveal that
// the profile exists before it is published. Rebuilt when public content changes.
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";

import { commonSurnames } from "./censor/lexicon";
import { buildPeopleIndex, splitFullName, type PeopleIndex, type PersonNameRow } from "./censor/people";

/** The rows the index is built from (exported for tests). */
export async function readCensorPeopleRows(): Promise<PersonNameRow[]> {
  const prisma = getPrisma();
  const [names, officials] = await Promise.all([
    prisma.prisonerName.findMany({
      where: { prisoner: { draft: false } },
      select: { givenName: true, patronymic: true, familyName: true, prisoner: { select: { slug: true, grammaticalGender: true } } },
      orderBy: [{ prisonerId: "asc" }, { id: "asc" }],
    }),
    prisma.officialTranslation.findMany({
      select: { name: true, addresseeName: true, official: { select: { slug: true } } },
      orderBy: [{ officialId: "asc" }, { locale: "asc" }],
    }),
  ]);
  const rows: PersonNameRow[] = names.map((name) => ({
    // The slug is the person's id here: the recipient is excluded by it, and names.json uses slugs too.
    personId: name.prisoner.slug,
    kind: "prisoner",
    givenName: name.givenName,
    familyName: name.familyName,
    patronymic: name.patronymic,
    gender: name.prisoner.grammaticalGender === "FEMININE" ? "f" : name.prisoner.grammaticalGender === "MASCULINE" ? "m" : null,
  }));
  for (const translation of officials) {
    for (const fullName of [translation.name, translation.addresseeName ?? ""]) {
      const split = splitFullName(fullName);
      if (split) rows.push({ personId: translation.official.slug, kind: "official", ...split });
    }
  }
  return rows;
}

/** The names index for checkLetter's `people` option, cached until public content changes. */
export const censorPeople = cachedUntilContentChanges(async (): Promise<PeopleIndex> => buildPeopleIndex(await readCensorPeopleRows(), commonSurnames), {
  countersShown: false,
});
