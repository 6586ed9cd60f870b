// Belarusian inflection, as data: the ending slots of each paradigm, written in the 2008
// official spelling (Беларуская граматыка, 1985; Правілы беларускай арфаграфіі і пунктуацыі,
// 2008). Both the stressed and the unstressed ending are listed where akanne makes them differ
// (-ом/-ам, -оў/-аў, -ой/-ай): the check only recognises words, so listing both costs nothing.
// belarusian-forms.ts applies these tables to a lexicon entry; tests/unit/belarusian-forms.test.ts
// checks the result against paradigms from a grammar (tests/support/belarusian-paradigms.json).

export type BelarusianParadigm =
  | "noun-f-a" // вайна, свабода, палітыка, бітва
  | "noun-f-soft" // зямля, воля
  | "noun-f-ija" // амністыя, апазіцыя, рэвалюцыя
  | "noun-m-zero" // суд, фронт, апазіцыянер
  | "noun-m-soft" // кароль, удзельнік → hard; -ь/-й stems
  | "noun-n-nne" // вызваленне, абвінавачанне
  | "noun-f-3" // незалежнасць, асць-nouns
  | "adj-long" // тэрарыстычны, палітычны (also participles)
  | "verb-1" // вызваляць, змагацца
  | "verb-1-uj" // памілаваць, арыштаваць
  | "verb-2" // вызваліць, выпусціць
  | "indeclinable"; // ШІЗА, ПКТ

/** Ending alternatives per slot. A slot's stem is "base" unless the entry gives its own. */
export interface EndingSlot {
  /** Which stem the endings attach to: base, or a named variant of the entry ("pl", "1sg", "part"). */
  stem: "base" | "pl" | "1sg" | "mutated";
  endings: readonly string[];
}

/** Consonant mutations before -е in the dative and locative (рука → руцэ, кніга → кнізе, хата → хаце). */
export const DATIVE_MUTATIONS: Readonly<Record<string, string>> = {
  г: "з",
  к: "ц",
  х: "с",
  д: "дз",
  т: "ц",
};

/** After these (hardened) consonants Belarusian writes ы and э where others take і and е. */
export const HARDENED = ["ц", "р", "ж", "ш", "ч", "дж"] as const;

/** Velar stems take і, not ы (палітыкі, кнігі, мачыхі). */
export const VELARS = ["г", "к", "х"] as const;

export const PARADIGMS: Readonly<Record<BelarusianParadigm, readonly EndingSlot[]>> = {
  "noun-f-a": [
    { stem: "base", endings: ["а", "ы", "і", "у", "ай", "аю", "ой", "ою", "ам", "амі", "ах", "аў", "оў", ""] },
    // Dative and locative singular, after the mutation: свабодзе, палітыцы, рацэ, хаце.
    { stem: "mutated", endings: ["е", "ы", "э"] },
    { stem: "pl", endings: ["ы", "і", "аў", "оў", "ам", "амі", "ах", ""] },
  ],
  "noun-f-soft": [
    { stem: "base", endings: ["я", "і", "ю", "яй", "яю", "ёй", "ёю", "ям", "ямі", "ях", "яў", "ей", "ь", ""] },
    { stem: "pl", endings: ["і", "яў", "ей", "ям", "ямі", "ях"] },
  ],
  "noun-f-ija": [
    { stem: "base", endings: ["я", "і", "ю", "яй", "яю", "й", "ям", "ямі", "ях"] },
  ],
  "noun-m-zero": [
    { stem: "base", endings: ["", "а", "у", "ам", "ом", "ы", "і", "аў", "оў", "амі", "ах", "ам"] },
    // Locative: у судзе, на фронце, аб апазіцыянеры.
    { stem: "mutated", endings: ["е", "ы", "э"] },
    { stem: "pl", endings: ["ы", "і", "аў", "оў", "ам", "амі", "ах"] },
  ],
  "noun-m-soft": [
    { stem: "base", endings: ["ь", "й", "я", "ю", "ем", "ём", "ем", "і", "яў", "ёў", "ей", "ям", "ямі", "ях"] },
  ],
  "noun-n-nne": [
    // вызваленн-е: -е -я -ю -ем -і | -і -яў -ям -ямі -ях; ццё-nouns: -ё -ём.
    { stem: "base", endings: ["е", "я", "ю", "ем", "і", "яў", "ям", "ямі", "ях", "ё", "ём"] },
  ],
  "noun-f-3": [
    // незалежнас-ць: -ць -ці -цю | -цей -цям -цямі -цях.
    { stem: "base", endings: ["ць", "ці", "цю", "цей", "цям", "цямі", "цях"] },
  ],
  "adj-long": [
    {
      stem: "base",
      endings: [
        "ы", "і", "ага", "ога", "яга", "аму", "ому", "яму", "ым", "ім", "ая", "яя", "ай", "ой", "яй", "ую", "юю",
        "аю", "ою", "яю", "ае", "ое", "яе", "ыя", "ія", "ых", "іх", "ымі", "імі",
      ],
    },
  ],
  "verb-1": [
    // вызваля-ць: -ю -еш -е -ем -еце -юць; -ў -ла -ло -лі; -й -йце; -ючы -ўшы; -ць -ці.
    { stem: "base", endings: ["ць", "ці", "ю", "еш", "е", "ем", "еце", "юць", "ў", "ла", "ло", "лі", "й", "йце", "ючы", "ўшы"] },
  ],
  "verb-1-uj": [
    // памілава-ць → памілу-ю: present and imperative on the -у- stem, past and participle on -ава-.
    { stem: "base", endings: ["ць", "ці", "ў", "ла", "ло", "лі", "ўшы"] },
    { stem: "1sg", endings: ["ю", "еш", "е", "ем", "еце", "юць", "й", "йце", "ючы"] },
  ],
  "verb-2": [
    // вызвал-іць: -ю -іш -іць -ім -іце -яць; -іў -іла -іла -ілі; -і -іце; -ячы -іўшы;
    { stem: "base", endings: ["іць", "ыць", "іці", "іш", "ыш", "ім", "ым", "іце", "ыце", "яць", "аць", "іў", "ыў", "іла", "ыла", "іло", "ыло", "ілі", "ылі", "і", "ы", "ячы", "ачы", "іўшы", "ыўшы"] },
    { stem: "1sg", endings: ["у", "ю"] },
  ],
  indeclinable: [{ stem: "base", endings: [""] }],
};

/** Reflexive endings replace the plain ones of a verb (змагацца: змагаюся, змагаецца, змагаўся). */
export const REFLEXIVE: Readonly<Record<"verb-1" | "verb-1-uj" | "verb-2", readonly EndingSlot[]>> = {
  "verb-1": [{ stem: "base", endings: ["цца", "юся", "ешся", "ецца", "емся", "ецеся", "юцца", "ўся", "лася", "лося", "ліся", "йся", "йцеся", "ючыся", "ўшыся"] }],
  "verb-1-uj": [
    { stem: "base", endings: ["цца", "ўся", "лася", "ліся"] },
    { stem: "1sg", endings: ["юся", "ешся", "ецца", "емся", "ецеся", "юцца", "йся"] },
  ],
  "verb-2": [
    { stem: "base", endings: ["іцца", "ыцца", "ішся", "ышся", "імся", "ымся", "іцеся", "ыцеся", "яцца", "ацца", "іўся", "ыўся", "ілася", "ылася", "ілося", "іліся", "ыліся"] },
    { stem: "1sg", endings: ["уся", "юся"] },
  ],
};

/**
 * Words derived from a verb, declined by another paradigm: the passive participle (вызвален-ы,
 * выпушчан-ы, памілаван-ы) and the verbal noun (вызвален-не, асуджэн-не, змаган-не). "part" is the
 * entry's participle stem (the 1sg stem by default: выпушч-, асудж-).
 */
export const DERIVATIONS: Readonly<Record<"verb-1" | "verb-1-uj" | "verb-2", readonly { stem: "base" | "part"; suffix: string; paradigm: "adj-long" | "noun-n-nne" }[]>> = {
  "verb-1": [
    { stem: "base", suffix: "н", paradigm: "adj-long" },
    { stem: "base", suffix: "нн", paradigm: "noun-n-nne" },
  ],
  "verb-1-uj": [
    { stem: "base", suffix: "н", paradigm: "adj-long" },
    { stem: "base", suffix: "нн", paradigm: "noun-n-nne" },
  ],
  "verb-2": [
    { stem: "part", suffix: "ен", paradigm: "adj-long" },
    { stem: "part", suffix: "ан", paradigm: "adj-long" },
    { stem: "part", suffix: "енн", paradigm: "noun-n-nne" },
    { stem: "part", suffix: "энн", paradigm: "noun-n-nne" },
  ],
};
