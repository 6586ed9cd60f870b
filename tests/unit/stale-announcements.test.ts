// Issue 17: the home page, the birthdays page, the staff overview and the supporters' guide
// announced as "coming soon" what Listy already does. A string that announces a feature is
// wrong once the feature's page exists: this test knows each feature by its route file and
// the words that name it, and fails when any locale string (or docs/supporters.md) both names
// an existing feature and says it is still to come.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const LANGUAGES = ["be", "ru", "uk", "pl", "lt", "en"] as const;
type Lng = (typeof LANGUAGES)[number];

/**
 * What announces something as still to come: "soon" with "will be able"/"opens"/"appears"
 * close by, "coming next", "being added step by step". Plain "soon" is not enough: birthdays
 * are "coming soon" too.
 */
const ANNOUNCES: Record<Lng, RegExp> = {
  en: /\bsoon\b[^.]{0,60}\b(will be able|opens?|appears?)\b|\b(opens?|appears?|will be able)\b[^.]{0,60}\bsoon\b|coming next|being added step by step/i,
  pl: /wkrótce[^.]{0,60}(będzie można|pojawi się)|dodawane stopniowo/i,
  ru: /скоро[^.]{0,60}(можно будет|появится)|добавляются постепенно/i,
  be: /хутка[^.]{0,60}(можна будзе|з’явіцца)|дадаюцца паступова/i,
  uk: /незабаром[^.]{0,60}(можна буде|з’явиться)|додаються поступово/i,
  lt: /netrukus[^.]{0,60}(galėsite|atsiras)|pridedami palaipsniui/i,
};

/** Features by the route that serves them and the words that name them in each language. */
const FEATURES: { route: string; names: Record<Lng, RegExp> }[] = [
  {
    route: "$lang.prisoners.$slug_.write.tsx",
    names: { en: /letter|card/i, pl: /list|kartk|kreator/i, ru: /письм|открытк|конструктор/i, be: /ліст|паштоўк|канструктар/i, uk: /лист|листівк|конструктор/i, lt: /laišk|atviruk|įrank/i },
  },
  {
    route: "$lang.campaigns.$slug_.appeal.tsx",
    names: { en: /appeal|official/i, pl: /apel|urzędnik/i, ru: /обращ|должностн/i, be: /зварот|службов/i, uk: /звернен|посадов/i, lt: /kreip|pareigūn/i },
  },
  {
    route: "$lang.pledge.tsx",
    names: { en: /pledge/i, pl: /zobowiąz/i, ru: /обязательств/i, be: /абавязак/i, uk: /зобов’язан/i, lt: /įsipareig/i },
  },
];

/** The staff overview's list of tools: its hint must not say they are still being added. */
const STAFF_TOOLS: Record<Lng, RegExp> = {
  en: /being added/i,
  pl: /stopniowo/i,
  ru: /постепенно/i,
  be: /паступова/i,
  uk: /поступово/i,
  lt: /palaipsniui/i,
};

function strings(node: unknown, key = ""): [string, string][] {
  if (typeof node === "string") return [[key, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([child, value]) => strings(value, key ? `${key}.${child}` : child));
  return [];
}

describe("no string announces as coming what already exists", () => {
  it("knows every feature by a route that exists", () => {
    for (const feature of FEATURES) expect(existsSync(path.resolve("app/routes", feature.route)), feature.route).toBe(true);
  });

  it.each(LANGUAGES)("%s: no locale string names an existing feature and says it is still to come", (language) => {
    const directory = path.resolve("locales", language);
    const stale: string[] = [];
    for (const file of readdirSync(directory).filter((name) => name.endsWith(".json"))) {
      const namespace = file.replace(/\.json$/, "");
      for (const [key, text] of strings(JSON.parse(readFileSync(path.join(directory, file), "utf8")))) {
        if (!ANNOUNCES[language].test(text)) continue;
        const named = FEATURES.filter((feature) => existsSync(path.resolve("app/routes", feature.route)) && feature.names[language].test(text));
        if (named.length > 0) stale.push(`${namespace}:${key}: ${text}`);
        if (namespace === "staff" && key.startsWith("dashboard.") && STAFF_TOOLS[language].test(text)) stale.push(`${namespace}:${key}: ${text}`);
      }
    }
    expect(stale).toEqual([]);
  });

  it("the supporters' guide lists nothing that exists as coming next", () => {
    const guide = readFileSync(path.resolve("docs/supporters.md"), "utf8");
    const announcing = guide.split("\n").filter((line) => ANNOUNCES.en.test(line) && FEATURES.some((feature) => feature.names.en.test(line)));
    expect(announcing).toEqual([]);
  });
});
