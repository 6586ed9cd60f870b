// The lexicon: one JSON file per topic and language, readable (and editable) by a campaigner.
// See docs/campaigners.md, "Adding words to the censor check", and compile.ts for the format.
import type { SafeFile, TopicFile } from "../compile";

import beCaseAndCourt from "./be/case-and-court.json";
import beCharges from "./be/charges.json";
import beExtremistOrganisations from "./be/extremist-organisations.json";
import beFreedomAndStruggle from "./be/freedom-and-struggle.json";
import beHiddenMessages from "./be/hidden-messages.json";
import bePolitics from "./be/politics.json";
import bePrisonConditions from "./be/prison-conditions.json";
import beProtest from "./be/protest.json";
import beReleaseAndPardon from "./be/release-and-pardon.json";
import beSymbolsAndSlogans from "./be/symbols-and-slogans.json";
import beWar from "./be/war.json";
import en from "./en.json";
import lt from "./lt.json";
import namesCommon from "./names-common.json";
import names from "./names.json";
import pl from "./pl.json";
import ruCaseAndCourt from "./ru/case-and-court.json";
import ruCharges from "./ru/charges.json";
import ruExtremistOrganisations from "./ru/extremist-organisations.json";
import ruFreedomAndStruggle from "./ru/freedom-and-struggle.json";
import ruHiddenMessages from "./ru/hidden-messages.json";
import ruPolitics from "./ru/politics.json";
import ruPrisonConditions from "./ru/prison-conditions.json";
import ruProtest from "./ru/protest.json";
import ruReleaseAndPardon from "./ru/release-and-pardon.json";
import ruSymbolsAndSlogans from "./ru/symbols-and-slogans.json";
import ruWar from "./ru/war.json";
import safeBe from "./safe-be.json";
import safeRu from "./safe-ru.json";
import uk from "./uk.json";

export const topicFiles = [
  ruHiddenMessages, ruCharges, ruCaseAndCourt, ruPrisonConditions, ruExtremistOrganisations, ruSymbolsAndSlogans,
  ruWar, ruProtest, ruPolitics, ruReleaseAndPardon, ruFreedomAndStruggle,
  beHiddenMessages, beCharges, beCaseAndCourt, bePrisonConditions, beExtremistOrganisations, beSymbolsAndSlogans,
  beWar, beProtest, bePolitics, beReleaseAndPardon, beFreedomAndStruggle,
] as unknown as readonly TopicFile[];

export const safeFiles = [safeRu, safeBe] as unknown as readonly SafeFile[];

/** Ukrainian, Polish, Lithuanian and English: regular expressions over one folded word (kept from the first check). */
export interface PatternLexicon {
  language: "uk" | "pl" | "lt" | "en";
  about: string;
  patterns: Record<string, string[]>;
  exceptions: string[];
  phrases: { words: string[]; category: string }[];
}

export const patternLexicons = { uk, pl, lt, en } as unknown as Record<"uk" | "pl" | "lt" | "en", PatternLexicon>;

export interface NamesFile {
  about: string;
  people: { id: string; kind: "official" | "public-figure"; gender: "m" | "f"; names: [string, string][] }[];
}

export const publicFigures = names as unknown as NamesFile;
export const commonSurnames: readonly string[] = namesCommon.names;
