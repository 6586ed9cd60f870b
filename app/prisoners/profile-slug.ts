// A profile's permanent address (its slug): readable, from the person's own name, and told
// apart from a namesake by what tells people apart, not by a counter (decision 0017).
import { romanize } from "~/utils/romanize";

export interface SlugName {
  givenName: string;
  patronymic?: string | null;
  familyName: string;
}

export interface SlugPerson {
  /** The Belarusian Cyrillic name: the address comes from it when there is one. */
  belarusian?: SlugName | null;
  /** The Russian Cyrillic name: used when there is no Belarusian one. */
  russian?: SlugName | null;
  /** The Latin name as written in reports: the last resort. */
  latin?: SlugName | null;
  birthYear?: number | null;
}

const MAX_WORDS = 6;

function asSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .split("-")
    .slice(0, MAX_WORDS)
    .join("-");
}

/** The name the address is made from, romanized, and the patronymic's first letter. */
function romanizedName(person: SlugPerson): { base: string; initial: string | null } | null {
  const sources: [SlugName | null | undefined, "be" | "ru" | null][] = [
    [person.belarusian, "be"],
    [person.russian, "ru"],
    [person.latin, null],
  ];
  for (const [name, language] of sources) {
    if (!name?.givenName.trim() || !name.familyName.trim()) continue;
    const latin = (text: string) => (language ? romanize(text, language) : romanize(text, "be"));
    const base = asSlug(`${latin(name.givenName)} ${latin(name.familyName)}`);
    if (!base) continue;
    const initial = name.patronymic?.trim() ? asSlug(latin(name.patronymic.trim())).slice(0, 1) || null : null;
    return { base, initial };
  }
  return null;
}

/**
 * The addresses to try, best first: the name; the name and the year of birth; the name and
 * the patronymic's initial; both. The caller takes the first one that is free and only then,
 * for true namesakes born the same year, adds a number.
 */
export function slugCandidates(person: SlugPerson): string[] {
  const name = romanizedName(person);
  if (!name) return ["prisoner"];
  const year = person.birthYear ? String(person.birthYear) : null;
  const candidates = [name.base];
  if (year) candidates.push(`${name.base}-${year}`);
  if (name.initial) candidates.push(`${name.base}-${name.initial}`);
  if (year && name.initial) candidates.push(`${name.base}-${year}-${name.initial}`);
  return candidates;
}

/** The first free address (`isTaken` answers for one slug), a number only as the last resort. */
export function firstFreeSlug(person: SlugPerson, isTaken: (slug: string) => boolean): string {
  const candidates = slugCandidates(person);
  for (const slug of candidates) if (!isTaken(slug)) return slug;
  const last = candidates[candidates.length - 1]!;
  for (let n = 2; ; n++) if (!isTaken(`${last}-${n}`)) return `${last}-${n}`;
}
