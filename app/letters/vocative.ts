// The vocative: the form of a first name used to address someone («Дарагі Алесю!», «Дорогий
// Алесю!», «Drogi Alesiu!», «Mielas Alesi!»). Belarusian, Ukrainian, Polish and Lithuanian all
// have one, and a greeting in the nominative reads like a form letter; Russian and English have
// none. Each language is a small rule table plus an exceptions map; a name no rule fits keeps the
// nominative, which is plainer but never wrong. Pure functions, browser-safe.
//
// Polish and Lithuanian readers see a Latin name, but the Latin transliteration on file loses
// what the rules need (Алесь → "Ales": is the s soft?), so their vocatives are derived from the
// Cyrillic name, respelled the way Polish and Lithuanian write Belarusian names (Алесь → Aleś →
// Alesiu; Мікалай → Mikałaj → Mikałaju; Ігар → Ihar → Iharai).
import type { Language } from "~/i18n";

import type { Gender } from "./phrase-bank";

/** The Cyrillic first name the Polish and Lithuanian forms are derived from. */
export interface VocativeSource {
  firstName: string;
  /** Which spelling it is: г is h in Belarusian names and g in Russian ones. */
  language: "be" | "ru";
}

/** The best source on file: the Belarusian name, else the Russian one. */
export function vocativeSourceOf(names: { belarusian: { givenName: string } | null; russian: { givenName: string } | null }): VocativeSource | null {
  if (names.belarusian) return { firstName: names.belarusian.givenName, language: "be" };
  if (names.russian) return { firstName: names.russian.givenName, language: "ru" };
  return null;
}

const CYRILLIC_NAME = /^[\p{Script=Cyrillic}’'-]+$/u;
const BELARUSIAN_VOWELS = "аеёіоуыэюя";
const CYRILLIC_VOWELS = "аеёіїиоуыэюяє";

/** "АЛЕСЬ" → "АЛЕСЮ": the ending follows the case of the name's last letter. */
function withEnding(name: string, cut: number, ending: string): string {
  const upper = name.slice(-1) !== name.slice(-1).toLowerCase();
  return name.slice(0, name.length - cut) + (upper ? ending.toUpperCase() : ending);
}

function cyrillicName(firstName: string): string | null {
  const name = firstName.trim();
  return name.length >= 2 && CYRILLIC_NAME.test(name) ? name : null;
}

// ── Belarusian ─────────────────────────────────────────────────────────────

const BELARUSIAN_EXCEPTIONS: Record<string, string> = { Павел: "Паўле", Леў: "Льве", Пётр: "Пятро" };

/**
 * Masculine names: soft stems take -ю (Алесь → Алесю, Мікалай → Мікалаю, Сяргей → Сяргею);
 * stems in р, г, к, х and the hardened ж, ш, ч, ц take -у (Віктар → Віктару, Ігар → Ігару);
 * д and т soften before -е (Вітольд → Вітольдзе); other hard stems take -е (Вадзім → Вадзіме).
 * Names in -а/-я (Мікола) and feminine names keep the nominative, as the literary norm does.
 */
export function belarusianVocative(firstName: string, gender: Gender): string {
  const name = cyrillicName(firstName);
  if (!name || gender === "f") return firstName.trim();
  const exception = BELARUSIAN_EXCEPTIONS[name];
  if (exception) return exception;
  const last = name.slice(-1).toLowerCase();
  if (BELARUSIAN_VOWELS.includes(last)) return name;
  if (last === "ь" || last === "й") return withEnding(name, 1, "ю");
  if ("ргкхжшчц".includes(last)) return withEnding(name, 0, "у");
  if (last === "д") return withEnding(name, 0, "зе");
  if (last === "т") return withEnding(name, 1, "це");
  if ("бпвмнлсзф".includes(last)) return withEnding(name, 0, "е");
  return name; // ў and anything unusual
}

// ── Ukrainian ──────────────────────────────────────────────────────────────
// A Ukrainian reader sees the Belarusian spelling (there is no Ukrainian one on file), so the
// Ukrainian endings go on it: Алесь → Алесю, Ігар → Ігаре, Мікола → Міколо, Кацярына → Кацярыно.

const UKRAINIAN_EXCEPTIONS: Record<string, string> = { Павел: "Павле", Павло: "Павле", Леў: "Льве", Лев: "Льве" };

/**
 * Hard stems take -е (Віктар → Віктаре, Вадзім → Вадзіме), soft ones -ю (Алесь → Алесю,
 * Сяргей → Сяргею), velars and hushing consonants -у (Алег → Алегу); masculine -о becomes -е
 * (Пятро → Пятре). Names in -а take -о (Ганна → Ганно, Мікола → Міколо); in -я after a vowel
 * or apostrophe -є (Марыя → Марыє, Дар’я → Дар’є); after a consonant -ю for women (Алеся →
 * Алесю) and -е for men (Ілля → Ілле). Feminine names in a consonant keep the nominative.
 */
export function ukrainianVocative(firstName: string, gender: Gender): string {
  const name = cyrillicName(firstName);
  if (!name) return firstName.trim();
  const exception = UKRAINIAN_EXCEPTIONS[name];
  if (exception) return exception;
  const last = name.slice(-1).toLowerCase();
  const before = name.slice(-2, -1).toLowerCase();
  if (last === "а") return withEnding(name, 1, "о");
  if (last === "я") {
    if (CYRILLIC_VOWELS.includes(before) || before === "'" || before === "’") return withEnding(name, 1, "є");
    return withEnding(name, 1, gender === "f" ? "ю" : "е");
  }
  if (gender === "f") return name;
  if (last === "о") return withEnding(name, 1, "е");
  if (last === "ь" || last === "й") return withEnding(name, 1, "ю");
  if ("гкхжчшщ".includes(last)) return withEnding(name, 0, "у");
  if ("бвдзлмнпрстф".includes(last)) return withEnding(name, 0, "е");
  return name;
}

/** Віктаравіч → Віктаравічу, Аляксандраўна → Аляксандраўно (Шановний Алесю Віктаравічу!). */
export function ukrainianPatronymicVocative(patronymic: string, gender: Gender): string {
  const name = cyrillicName(patronymic);
  if (!name) return patronymic.trim();
  const lower = name.toLowerCase();
  if (gender === "m" && lower.endsWith("ч")) return withEnding(name, 0, "у");
  if (gender === "f" && lower.endsWith("на")) return withEnding(name, 1, "о");
  return name;
}

// ── Respelling for Polish and Lithuanian ───────────────────────────────────

interface Respelling {
  /** Consonants; г and the palatal forms are handled apart. */
  consonants: Record<string, string>;
  /** г in a Belarusian name. */
  h: string;
  /** The softened consonant at the end of a word or before another consonant (сь → ś). */
  soft: Record<string, string>;
  /** л before a consonant or at the end (Polish ł), and before a soft vowel. */
  hardL: string;
  /** е after a consonant: Polish "ie" (Siergiej), Lithuanian "e" (Sergej). */
  eAfterConsonant: string;
  /** After these the iotated vowels lose their i (Polish ży, szy, czy; Lithuanian ža…). */
  hardened: string;
  /** Whether a soft l before a vowel is written li (Lithuanian Aliaksandr) or l (Polish Alaksandr). */
  iAfterL: boolean;
}

const POLISH: Respelling = {
  consonants: { б: "b", в: "w", ґ: "g", д: "d", ж: "ż", з: "z", й: "j", к: "k", м: "m", н: "n", п: "p", р: "r", с: "s", т: "t", ф: "f", х: "ch", ц: "c", ч: "cz", ш: "sz", щ: "szcz" },
  h: "h",
  soft: { с: "ś", з: "ź", ц: "ć", н: "ń", т: "ć", л: "l" },
  hardL: "ł",
  eAfterConsonant: "ie",
  hardened: "жшчщ",
  iAfterL: false,
};

const LITHUANIAN: Respelling = {
  consonants: { б: "b", в: "v", ґ: "g", д: "d", ж: "ž", з: "z", й: "j", к: "k", м: "m", н: "n", п: "p", р: "r", с: "s", т: "t", ф: "f", х: "ch", ц: "c", ч: "č", ш: "š", щ: "šč" },
  h: "h",
  soft: { л: "l" },
  hardL: "l",
  eAfterConsonant: "e",
  hardened: "жшчщ",
  iAfterL: true,
};

const IOTATED: Record<string, string> = { я: "a", е: "e", ё: "o", ю: "u" };
const PLAIN_VOWELS: Record<string, string> = { а: "a", о: "o", у: "u", ў: "u", ы: "y", э: "e", і: "i", и: "i" };

/** A Cyrillic first name as Polish or Lithuanian spell it: Мікалай → Mikałaj / Mikalaj. */
export function respellFor(language: "pl" | "lt", source: VocativeSource): string {
  return respell(source, language === "pl" ? POLISH : LITHUANIAN);
}

function respell(source: VocativeSource, rules: Respelling): string {
  const letters = [...source.firstName.trim().toLowerCase()];
  let out = "";
  for (let index = 0; index < letters.length; index++) {
    const letter = letters[index] ?? "";
    const previous = letters[index - 1];
    const next = letters[index + 1];
    const afterConsonant = previous !== undefined && !CYRILLIC_VOWELS.includes(previous) && !"ьъ'’-".includes(previous);
    if (letter in IOTATED) {
      const vowel = IOTATED[letter] ?? "";
      if (!afterConsonant) out += "j" + vowel;
      else if ((previous === "л" && !rules.iAfterL) || rules.hardened.includes(previous ?? "")) out += vowel;
      else out += letter === "е" ? rules.eAfterConsonant : "i" + vowel;
    } else if (letter === "л") {
      // A doubled л is soft when the second one is (Наталля → Natalla).
      const following = next === "л" ? letters[index + 2] : next;
      const softNext = following !== undefined && "яеёюіиь".includes(following);
      out += softNext ? "l" : rules.hardL;
    } else if (letter === "г") {
      out += source.language === "ru" ? "g" : rules.h;
    } else if (letter === "ь") {
      // Before a vowel the soft sign is a j (Дарья → Darja); elsewhere it softens the consonant.
      if (next !== undefined && next in IOTATED) continue;
      const soft = previous ? rules.soft[previous] : undefined;
      if (soft && previous !== "л") out = out.slice(0, -(rules.consonants[previous ?? ""]?.length ?? 1)) + soft;
    } else if (letter === "'" || letter === "’" || letter === "ъ") {
      continue;
    } else if (letter in PLAIN_VOWELS) {
      // Polish writes ы and и after ж, ш, ч, ц as y (Жыгімонт → Żyhimont).
      out += letter === "и" && previous && "жшцч".includes(previous) ? "y" : (PLAIN_VOWELS[letter] ?? "");
    } else if (letter === "-") {
      out += "-";
    } else {
      out += rules.consonants[letter] ?? letter;
    }
  }
  return out.replace(/(^|-)\p{Ll}/gu, (start) => start.toUpperCase());
}

// ── Polish ─────────────────────────────────────────────────────────────────

const POLISH_EXCEPTIONS: Record<string, string> = { Павел: "Pawle", Паўел: "Pawle", Леў: "Lwie", Лев: "Lwie" };

/**
 * Masculine: -j, soft consonants, l, velars and cz/sz/ż/rz/c take -u (Mikałaju, Alesiu, Alehu);
 * r → -rze (Iharze), t → -cie, d → -dzie (Witoldzie), ł → -le (Kiryle), other hard consonants
 * -ie (Wadzimie, Ramanie). Names in -a take -o (Maryjo, Kaciaryno, Mikoło), the diminutive -sia,
 * -cia, -nia, -zia -u (Alesiu, Taniu). Anything else keeps the nominative.
 */
export function polishVocative(spelled: string, gender: Gender): string {
  const name = spelled.trim();
  if (/(?:s|c|n|z)ia$/u.test(name)) return name.slice(0, -1) + "u";
  if (name.endsWith("a")) return name.slice(0, -1) + "o";
  if (gender === "f" || /[aeiouyąę]$/u.test(name)) return name;
  const soft: Record<string, string> = { ś: "siu", ć: "ciu", ń: "niu", ź: "ziu" };
  const last = name.slice(-1);
  if (soft[last]) return name.slice(0, -1) + soft[last];
  if (/(?:j|l|k|g|h|cz|sz|ż|rz|c|dz)$/u.test(name)) return name + "u";
  if (last === "r") return name + "ze";
  if (last === "t") return name.slice(0, -1) + "cie";
  if (last === "d") return name + "zie";
  if (last === "ł") return name.slice(0, -1) + "le";
  if ("nmbpwfsz".includes(last)) return name + "ie";
  return name;
}

// ── Lithuanian ─────────────────────────────────────────────────────────────

/**
 * Lithuanian gives foreign masculine names its own endings and declines them: Ігар → Iharas,
 * vocative Iharai; Мікалай → Mikalajus, Mikalajau; a soft stem Алесь → Alesis, Alesi. Names in
 * -а/-я and feminine names have a vocative equal to the nominative (Marija!), so they are left
 * as the reader already sees them (null).
 */
export function lithuanianVocative(source: VocativeSource, gender: Gender): string | null {
  const name = cyrillicName(source.firstName);
  if (!name || gender === "f") return null;
  const last = name.slice(-1).toLowerCase();
  if (CYRILLIC_VOWELS.includes(last) || last === "ў") return null;
  const spelled = respell(source, LITHUANIAN);
  if (spelled.endsWith("j")) return spelled + "au";
  if (last === "ь") return spelled + "i";
  return spelled + "ai";
}

// ── one entry point ────────────────────────────────────────────────────────

/**
 * The vocative of a first name for a text in `language`. `nominative` is the name as the reader
 * sees it; `source` the Cyrillic name the Polish and Lithuanian forms are derived from. Returns
 * the nominative for Russian and English, and whenever no rule applies.
 */
export function vocative(language: Language, nominative: string, gender: Gender, source?: VocativeSource | null): string {
  const shown = nominative.trim();
  switch (language) {
    case "be":
      return belarusianVocative(shown, gender);
    case "uk":
      return ukrainianVocative(shown, gender);
    case "pl": {
      const from = source ?? (cyrillicName(shown) ? { firstName: shown, language: "be" as const } : null);
      const name = from ? cyrillicName(from.firstName) : null;
      if (!from || !name) return shown;
      return POLISH_EXCEPTIONS[name] ?? polishVocative(respell(from, POLISH), gender);
    }
    case "lt": {
      const from = source ?? (cyrillicName(shown) ? { firstName: shown, language: "be" as const } : null);
      return (from && lithuanianVocative(from, gender)) ?? shown;
    }
    default:
      return shown;
  }
}
