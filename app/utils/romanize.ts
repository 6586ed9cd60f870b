// Personal names from Cyrillic to plain Latin letters, for web addresses (decision 0017).
//
// Belarusian names follow the transliteration of Belarusian passports (ICAO-based: Ціханоўскі →
// Tsikhanouski, Калеснікава → Kalesnikava, Марыя → Maryia), the spelling people are known by
// abroad and that human-rights reports use. Russian names, when a person has no Belarusian
// form, follow the Russian passports' ICAO table (Екатерина Попова → Ekaterina Popova).
// Only ASCII comes out: an address must survive being typed, printed and read aloud.
//
// This is not the search key (app/utils/transliteration.ts): that one erases differences on
// purpose and is never shown.

export type RomanizedLanguage = "be" | "ru";

const COMMON: Record<string, string> = {
  а: "a", б: "b", в: "v", д: "d", ж: "zh", з: "z", і: "i", и: "i", й: "i", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ў: "u", ф: "f", х: "kh", ц: "ts",
  ч: "ch", ш: "sh", щ: "shch", ы: "y", э: "e", ъ: "", ь: "",
};

/** г is h in Belarusian (Ігар → Ihar), g in Russian (Игорь → Igor). */
const G: Record<RomanizedLanguage, string> = { be: "h", ru: "g" };

/**
 * Iotated vowels: "y…" where they start a syllable (word start, after a vowel, ь, ъ, ў, й or an
 * apostrophe: Яўген → Yauhen, Ільяш → Ilyash), "i…" after a consonant or і/и/ы (Бяляцкі →
 * Bialiatski, Марыя → Maryia).
 * е after a consonant is plain e in both passports (Калеснікава → Kalesnikava).
 */
const IOTATED: Record<string, { start: string; after: string }> = {
  я: { start: "ya", after: "ia" },
  ю: { start: "yu", after: "iu" },
  е: { start: "ye", after: "e" },
  ё: { start: "yo", after: "io" },
};

const STARTS_SYLLABLE = /[аеёіиоуўыэюяьъй'’ʼ]/u;

/** One word or phrase, in lower-case ASCII (letters outside Cyrillic pass through as they are). */
export function romanize(text: string, language: RomanizedLanguage): string {
  const lower = text.toLowerCase();
  let out = "";
  for (let i = 0; i < lower.length; i++) {
    const letter = lower[i]!;
    const previous = i === 0 ? "" : lower[i - 1]!;
    const iotated = IOTATED[letter];
    if (iotated) {
      // After і, и, ы the i-form reads naturally (Марыя → Maryia, Юлия → Yuliia).
      const syllableStart = previous === "" || !/\p{L}/u.test(previous) || (STARTS_SYLLABLE.test(previous) && !/[іиы]/u.test(previous));
      // Russian passports write a word-initial е as e (Екатерина → Ekaterina).
      if (language === "ru" && letter === "е" && syllableStart && !/\p{L}/u.test(previous || " ")) out += "e";
      else out += syllableStart ? iotated.start : iotated.after;
      continue;
    }
    if (letter === "г") out += G[language];
    else if (letter === "ґ") out += "g";
    else if (letter in COMMON) out += COMMON[letter];
    else if (letter === "'" || letter === "’" || letter === "ʼ") continue;
    else out += letter;
  }
  // Letters with marks (Łacinka, Polish, Lithuanian spellings typed into a Latin name) lose them.
  return out.replace(/ł/gu, "l").normalize("NFKD").replace(/[\u0300-\u036f]/gu, "");
}
