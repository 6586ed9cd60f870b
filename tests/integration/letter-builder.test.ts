// The letter builder over real HTTP, as a browser without JavaScript uses it: the form is
// posted whole, the server answers with the page (or the PDF, or a redirect).
import { readFileSync } from "node:fs";

import { extractText, extractTextItems, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../support/server";
import { reportStatus } from "../support/status-fixture";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const WRITE_ILYASH = "/en/prisoners/ihar-ilyash/write";
const WRITE_BIALIATSKI = "/en/prisoners/ales-bialiatski/write";

function post(path: string, fields: [string, string][], headers: Record<string, string> = {}) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

async function pdfText(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/gu, " ");
}

/** The print section's texts in one interface language, as the page shows them. */
function printTexts(language: string): Record<string, string> {
  return (JSON.parse(readFileSync(`locales/${language}/letters.json`, "utf8")) as { write: { print: Record<string, string> } }).write.print;
}

/** The last page's text lines (the envelope), top to bottom. */
async function envelopeLines(response: Response) {
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { items } = await extractTextItems(pdf);
  const rows = new Map<number, string[]>();
  for (const item of items.at(-1)!) if (item.str.trim()) rows.set(Math.round(item.y), [...(rows.get(Math.round(item.y)) ?? []), item.str]);
  return [...rows.entries()].sort(([a], [b]) => b - a).map(([, parts]) => parts.join(" ").replace(/\s+/gu, " ").trim());
}

async function letterActions(slug: string) {
  const prisoner = await server.database.prisma.prisoner.findUniqueOrThrow({ where: { slug } });
  return server.database.prisma.action.count({ where: { prisonerId: prisoner.id, kind: "LETTER_WRITTEN" } });
}

const RISKY_BELARUSIAN = "Я веру, што хутка ты будзеш на свабодзе. Пасля суда мы ўсе думалі пра цябе.";
const belarusianLetter: [string, string][] = [
  ["letterLanguage", "be"],
  ["phrase", "greeting.dear-first-name"],
  ["phrase", "nature-and-seasons.first-snow"],
  ["phrase", "wishes.health"],
  ["phrase", "closing.warm-regards"],
];

describe("the letter builder page", () => {
  it("offers the phrase bank in the reader's language, grouped by section, with labels", async () => {
    const response = await fetch(server.url + WRITE_ILYASH);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Write a letter to Ihar Ilyash");
    expect(html).toContain("Nobody has confirmed recently whether letters reach Ihar Ilyash");
    expect((html.match(/name="phrase"/g) ?? []).length).toBeGreaterThanOrEqual(80);
    // Each section folds (details) and still names its group of boxes (a legend for screen readers).
    expect(html).toContain("<summary>Books and culture</summary>");
    expect(html).toContain('<legend class="visually-hidden">Books and culture</legend>');
    expect(html).toContain("Dear Ihar!");
  });

  it("answers 404 for an unknown or malformed person", async () => {
    expect((await fetch(server.url + "/en/prisoners/nobody-here/write")).status).toBe(404);
    expect((await fetch(server.url + "/en/prisoners/%3Cscript%3E/write")).status).toBe(404);
    expect((await post("/en/prisoners/nobody-here/write", [["intent", "preview"]])).status).toBe(404);
  });

  it("shows the Belarusian letter beside its English reading, with the name in the vocative", async () => {
    const response = await post(WRITE_ILYASH, [...belarusianLetter, ["intent", "preview"]]);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Дарагі Ігару!");
    expect(html).toContain("Dear Ihar!");
    // The chosen phrases stay ticked.
    expect(html).toMatch(/<input(?=[^>]*value="wishes\.health")(?=[^>]*checked)[^>]*>/);
    expect(html).not.toMatch(/<input(?=[^>]*value="wishes\.sunshine")(?=[^>]*checked)[^>]*>/);
  });

  it("flags a risky sentence in any inflected form, explains why, and keeps the draft", async () => {
    const response = await post(WRITE_ILYASH, [...belarusianLetter, ["freeText", RISKY_BELARUSIAN], ["intent", "preview"]]);
    const html = await response.text();
    expect(html).toMatch(/passages? may stop this letter/);
    expect(html).toContain("<mark>свабодзе</mark>");
    expect(html).toContain("<mark>суда</mark>");
    expect(html).toContain("Prison censors destroy letters that talk about freedom");
    expect(html).toContain(RISKY_BELARUSIAN);
  });

  it("refuses the PDF of a risky letter until the writer says to continue, then gives correct Cyrillic", async () => {
    const before = await letterActions("ihar-ilyash");
    const refused = await post(WRITE_ILYASH, [...belarusianLetter, ["freeText", RISKY_BELARUSIAN], ["intent", "download"]]);
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("tick the box to say you want to continue anyway");
    expect(refusedHtml).toContain(RISKY_BELARUSIAN);
    expect(await letterActions("ihar-ilyash")).toBe(before);

    const checked: [string, string][] = [
      ...belarusianLetter,
      ["freeText", RISKY_BELARUSIAN],
      ["acknowledgeRisk", "on"],
      ["returnAddress", "Jan Kowalski\nul. Długa 5\n00-001 Warszawa"],
      ["envelope", "dl"],
    ];
    // The page checks the draft and hands it, in hidden fields, to the PDF endpoint.
    const ready = await post(WRITE_ILYASH, [...checked, ["intent", "download"]]);
    expect(ready.status).toBe(200);
    const readyHtml = await ready.text();
    expect(readyHtml).toContain('action="/en/prisoners/ihar-ilyash/letter.pdf"');
    expect(readyHtml).toContain('<input type="hidden" name="acknowledgeRisk" value="on"/>');
    expect(await letterActions("ihar-ilyash")).toBe(before);

    const response = await post("/en/prisoners/ihar-ilyash/letter.pdf", checked);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="letter-ihar-ilyash.pdf"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await pdfText(response);
    expect(text).toContain("Дарагі Ігару!");
    expect(text).toContain("свабодзе");
    expect(text).toContain("Ильяш Игорь");
    expect(text).toContain("Республика Беларусь");
    expect(text).toContain("REPUBLIC OF BELARUS");
    expect(text).toContain("ul. Długa 5");
    // Counted as an action, without storing the letter.
    expect(await letterActions("ihar-ilyash")).toBe(before + 1);
    expect(await server.database.prisma.letter.count({ where: { prisoner: { slug: "ihar-ilyash" } } })).toBe(0);
  });

  it("sends a draft that skipped the check back to the builder, and answers GET with 405", async () => {
    const before = await letterActions("ihar-ilyash");
    const response = await post("/en/prisoners/ihar-ilyash/letter.pdf", [...belarusianLetter, ["freeText", RISKY_BELARUSIAN]]);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(WRITE_ILYASH);
    expect(await letterActions("ihar-ilyash")).toBe(before);
    expect((await fetch(server.url + "/en/prisoners/ihar-ilyash/letter.pdf")).status).toBe(405);
  });

  it("refuses a cross-site POST", async () => {
    for (const path of [WRITE_ILYASH, "/en/prisoners/ihar-ilyash/letter.pdf"]) {
      const response = await post(path, [...belarusianLetter, ["intent", "download"]], { Origin: "https://evil.example" });
      expect(response.status).toBe(403);
    }
  });

  it("shows one column to a reader of the letter's own language", async () => {
    const html = await (await post("/be/prisoners/ihar-ilyash/write", [...belarusianLetter, ["intent", "preview"]])).text();
    expect(html).toContain("Дарагі Ігару!");
    expect((html.match(/<th scope="col">/g) ?? []).length).toBe(1);
    const english = await (await post(WRITE_ILYASH, [...belarusianLetter, ["intent", "preview"]])).text();
    expect((english.match(/<th scope="col">/g) ?? []).length).toBe(2);
  });
});

describe("the print section, before an envelope is printed", () => {
  it("warns that the envelope lacks the patronymic and the year of birth, and links to the address list with its risk", async () => {
    for (const language of ["en", "be", "lt"]) {
      const html = await (await fetch(`${server.url}/${language}/prisoners/ihar-ilyash/write`)).text();
      const text = readable(html);
      const print = printTexts(language);
      for (const key of ["names-heading", "names-lead", "patronymic-missing", "birth-year-missing", "names-by-hand", "address-unknown", "address-lookup", "address-lookup-risk", "registered-mail", "sender-abroad"]) {
        expect(text, `${language} ${key}`).toContain(print[key]);
      }
      // The safety advice for people in Belarus is unchanged, and comes first.
      expect(text).toContain(print["safety-inside"]);
      expect(text.indexOf(print["safety-inside"]!)).toBeLessThan(text.indexOf(print["sender-abroad"]!));
      expect(html).toMatch(/<a href="https:\/\/prisoners\.spring96\.org\/" rel="noreferrer noopener" referrerPolicy="no-referrer">/i);
      // Russian first and chosen unless the writer picks Belarusian, whatever the page's language.
      expect(html).toMatch(/<input type="radio" name="letterLanguage" checked="" value="ru"\/>[^]*?<input type="radio" name="letterLanguage" value="be"\/>/);
    }
  });
});

describe("bad input", () => {
  it("asks for something to say when the letter is empty", async () => {
    const response = await post(WRITE_ILYASH, [["intent", "download"]]);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The letter is empty");
  });

  it("keeps markup as text and asks to remove it", async () => {
    const payload = '<script>alert("x")</script> Прывітанне';
    const response = await post(WRITE_ILYASH, [...belarusianLetter, ["freeText", payload], ["intent", "download"]]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Letters are plain text");
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Прывітанне");
  });

  it("says the limit of an over-long text and keeps every character of it", async () => {
    const long = "Добры дзень. ".repeat(300).trim();
    const response = await post(WRITE_ILYASH, [["freeText", long], ["intent", "download"]]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`Your text has ${long.length} characters; the limit is 3000.`);
    expect(html).toContain(long);
  });

  it("names words that mix Latin and Cyrillic letters", async () => {
    // "Добрый" with a Latin "o" and a Latin "p" in it.
    const response = await post(WRITE_ILYASH, [["freeText", "Дoбрый день, как дела?"], ["letterLanguage", "ru"], ["intent", "download"]]);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("mix Latin and Cyrillic letters that look alike, which a censor reads as code: Дoбрый");
  });

  it("removes control characters and says so", async () => {
    const response = await post(WRITE_ILYASH, [["freeText", "Добры\u0000 дзень\u0007!"], ["intent", "preview"]]);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Invisible control characters were removed");
    expect(html).toContain("Добры дзень!");
  });

  it("leaves out an invalid phrase id with a note, and ignores a tampered letter language", async () => {
    const response = await post(WRITE_ILYASH, [
      ["phrase", "greeting.dear-first-name"],
      ["phrase", "no.such-phrase"],
      ["letterLanguage", "de"],
      ["intent", "preview"],
    ]);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("One of the chosen phrases no longer exists and was left out.");
    expect(html).toContain("Дорогой Игорь!");
  });

  it("refuses a return address that is too long, keeping it", async () => {
    const address = "Line\n".repeat(8).trim();
    const response = await post(WRITE_ILYASH, [...belarusianLetter, ["returnAddress", address], ["intent", "download"]]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("The return address can have at most 6 lines.");
    expect(html).toContain("Line\nLine\nLine");
  });
});

/** What a reader sees of a sentence built from several elements (React separates text nodes with comments). */
function readable(html: string) {
  return html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
}

/** The write page once the profile cache has seen a changed report. */
async function writePageContaining(path: string, text: string) {
  await expect.poll(async () => (await fetch(server.url + path)).text(), { timeout: 5_000 }).toContain(text);
  return (await fetch(server.url + path)).text();
}

describe("the letter bank, for someone reported held incommunicado", () => {
  it("with the demo data (a 2024 report), routes Bialiatski as unknown: download only, no bank, check before posting", async () => {
    const page = await (await fetch(server.url + WRITE_BIALIATSKI)).text();
    expect(page).toContain("Nobody has confirmed recently whether letters reach Ales Bialiatski");
    expect(readable(page)).toContain("An earlier report said: “No. This person is held incommunicado.”");
    expect(page).toContain('data-status-report="stale"');
    expect(page).toContain("Perspectives");
    expect(page).toContain("Check before you post");
    expect(page).toContain('value="download"');
    expect(page).not.toContain('value="bank"');

    // "Write to someone" says the same: the report is too old to rely on, and whose it was.
    const others = ["maryia-kalesnikava", "viktar-babaryka", "ihar-losik", "mikalai-statkevich", "ihar-ilyash", "katsiaryna-bakhvalava"];
    const pick = readable(await (await fetch(`${server.url}/en/write?skip=${others.join(",")}`)).text());
    expect(pick).toContain("Ales Bialiatski");
    expect(pick).toContain("The last report about letters is too old to rely on");
    expect(pick).toContain("An earlier report said: “No. This person is held incommunicado.” last reported by Perspectives");
    expect(pick).not.toContain("your letter will wait in the letter bank");
  });

  it("with a fresh report, explains why, asks for consent, then keeps the letter and counts it", async () => {
    const publication = await reportStatus(server.database.prisma, "ales-bialiatski", { daysAgo: 30, letterStatus: "INCOMMUNICADO", only: "letterStatus" });
    const page = await writePageContaining(WRITE_BIALIATSKI, "cannot receive letters from supporters now");
    expect(page).not.toContain('value="download"');
    // The route names the report it rests on.
    expect(page).toContain('data-status-report="fresh"');
    expect(readable(page)).toContain(`as reported by ${publication}`);
    expect(page).not.toContain("Check before you post");

    const noConsent = await post(WRITE_BIALIATSKI, [...belarusianLetter, ["intent", "bank"]]);
    expect(noConsent.status).toBe(400);
    expect(await noConsent.text()).toContain("Tick the box to agree that Listy keeps this letter");

    const refusedDownload = await post(WRITE_BIALIATSKI, [...belarusianLetter, ["intent", "download"]]);
    expect(refusedDownload.status).toBe(400);

    const before = await letterActions("ales-bialiatski");
    const response = await post(WRITE_BIALIATSKI, [...belarusianLetter, ["bankConsent", "on"], ["returnAddress", "Secret street 1"], ["intent", "bank"]]);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/en/prisoners/ales-bialiatski/write?done=bank#result");
    const letters = await server.database.prisma.letter.findMany({ where: { prisoner: { slug: "ales-bialiatski" } } });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ route: "LETTER_BANK", state: "BANKED", language: "be", returnAddress: null });
    expect(letters[0]!.body).toContain("Дарагі Алесю!");
    expect(await letterActions("ales-bialiatski")).toBe(before + 1);

    const done = await (await fetch(server.url + response.headers.get("location")!)).text();
    expect(done).toContain("is in the letter bank and will be handed over on release");
  });

  it("with a report 7 months old, offers no bank, only the download, and says to check before posting", async () => {
    const publication = await reportStatus(server.database.prisma, "ales-bialiatski", { daysAgo: 213, letterStatus: "INCOMMUNICADO", only: "letterStatus" });
    const page = await writePageContaining(WRITE_BIALIATSKI, publication);
    expect(page).toContain("Nobody has confirmed recently whether letters reach Ales Bialiatski");
    expect(readable(page)).toContain(`An earlier report said: “No. This person is held incommunicado.” last reported by ${publication}`);
    expect(page).toContain("Check before you post: since that report the person may have been moved, released or cut off.");
    expect(page).not.toContain("cannot receive letters from supporters now");
    expect(page).toContain('value="download"');
    expect(page).not.toContain('value="bank"');
    expect(page).not.toContain('value="mailroom"');

    // The server decides: a forged bank or mailroom POST keeps nothing.
    const banked = await server.database.prisma.letter.count({ where: { prisoner: { slug: "ales-bialiatski" } } });
    for (const intent of ["bank", "mailroom"]) {
      const forged = await post(WRITE_BIALIATSKI, [...belarusianLetter, ["bankConsent", "on"], ["intent", intent]]);
      expect(forged.status, intent).toBe(400);
      expect(await forged.text()).toContain("This letter cannot be finished that way for this person.");
    }
    expect(await server.database.prisma.letter.count({ where: { prisoner: { slug: "ales-bialiatski" } } })).toBe(banked);

    // The download works, as for anyone whose letters are not confirmed.
    const pdf = await post("/en/prisoners/ales-bialiatski/letter.pdf", belarusianLetter);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");

    // Translated, in a language with other plural and case rules.
    const lithuanian = await writePageContaining("/lt/prisoners/ales-bialiatski/write", publication);
    expect(lithuanian).toContain("Prieš siųsdami pasitikslinkite");
  });
});

describe("someone who cannot receive letters", () => {
  it("offers no letter for a person who died in custody, and points to what helps", async () => {
    const html = await (await fetch(server.url + "/en/prisoners/ales-pushkin/write")).text();
    expect(html).toContain("cannot receive a letter through Listy");
    expect(html).not.toContain('name="phrase"');
    expect(html).toContain('href="/en/write"');
    const response = await post("/en/prisoners/ales-pushkin/write", [...belarusianLetter, ["bankConsent", "on"], ["intent", "bank"]]);
    expect(response.status).toBe(400);
    expect(await server.database.prisma.letter.count({ where: { prisoner: { slug: "ales-pushkin" } } })).toBe(0);
  });
});

describe("a person whose letters arrive, at a known address", () => {
  it("puts the full Cyrillic address on the envelope and can queue the letter for the mailroom", async () => {
    const prisma = server.database.prisma;
    // A fictional village colony, with its address in parts; the descriptive name stays on the page only.
    const facility = await prisma.facility.create({
      data: {
        slug: "test-colony-4",
        kind: "PENAL_COLONY",
        designation: "ИК-4",
        street: "ул. Лесная, 1",
        locality: "пос. Заречный",
        district: "Гомельский р-н",
        region: "Гомельская обл.",
        postcode: "247000",
        translations: { create: [{ locale: "ru", name: "Женская колония в Заречном" }, { locale: "en", name: "Women's colony in Zarechny" }] },
      },
    });
    await prisma.prisoner.update({
      where: { slug: "katsiaryna-bakhvalava" },
      data: { facilityId: facility.id, birthDate: new Date("1970-05-02T00:00:00Z") },
    });
    await prisma.prisonerName.updateMany({ where: { prisoner: { slug: "katsiaryna-bakhvalava" }, script: "RU_CYRILLIC" }, data: { patronymic: "Ивановна" } });
    // Only a fresh report lets the letter go to the mailroom.
    await reportStatus(prisma, "katsiaryna-bakhvalava", { daysAgo: 30, letterStatus: "CAN_RECEIVE", only: "letterStatus" });
    // The profile cache follows the content revision; wait for it to see the change.
    await expect.poll(async () => (await fetch(server.url + "/en/prisoners/katsiaryna-bakhvalava/write")).text(), { timeout: 5_000 }).toContain("Letters reach");

    // With both the patronymic and the year of birth known, nothing to warn about.
    const page = await writePageContaining("/en/prisoners/katsiaryna-bakhvalava/write", "Women&#x27;s colony in Zarechny");
    expect(readable(page)).not.toContain(printTexts("en")["names-heading"]);
    expect(page).not.toContain("spring96");

    const pdfDraft: [string, string][] = [
      ["letterLanguage", "ru"],
      ["phrase", "greeting.dear-first-name"],
      ["phrase", "wishes.health"],
      ["envelope", "c6"],
    ];
    const response = await post("/en/prisoners/katsiaryna-bakhvalava/letter.pdf", pdfDraft);
    expect(response.status).toBe(200);
    const text = await pdfText(response);
    expect(text).toContain("Дорогая Екатерина!");
    // Dated (in Russian, the day in Minsk) and ready to sign.
    expect(text).toMatch(/^\s*\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\. Дорогая Екатерина!/u);
    expect(text).toContain("________________________");
    // A long name wraps before the year of birth on a C6 envelope: one line either way.
    const lines = (await envelopeLines(await post("/en/prisoners/katsiaryna-bakhvalava/letter.pdf", pdfDraft))).join("\n").replace(",\n1970", ", 1970");
    expect(lines.split("\n")).toEqual([
      "Бахвалова Екатерина Ивановна, 1970 г. р.",
      "ИК-4",
      "ул. Лесная, 1",
      "пос. Заречный",
      "Гомельский р-н",
      "Гомельская обл.",
      "247000",
      "Республика Беларусь",
      "REPUBLIC OF BELARUS",
    ]);

    const queued = await post("/en/prisoners/katsiaryna-bakhvalava/write", [
      ["letterLanguage", "ru"],
      ["phrase", "greeting.dear-first-name"],
      ["intent", "mailroom"],
    ]);
    expect(queued.status).toBe(303);
    const letter = await prisma.letter.findFirstOrThrow({ where: { prisoner: { slug: "katsiaryna-bakhvalava" } } });
    expect(letter).toMatchObject({ route: "MAILROOM", state: "QUEUED", language: "ru" });
  });

  it("no longer promises that letters arrive once the report is 7 months old: no mailroom, check before posting", async () => {
    const prisma = server.database.prisma;
    const publication = await reportStatus(prisma, "katsiaryna-bakhvalava", { daysAgo: 213, letterStatus: "CAN_RECEIVE", only: "letterStatus" });
    const page = await writePageContaining("/en/prisoners/katsiaryna-bakhvalava/write", publication);
    expect(page).not.toContain("Letters reach");
    expect(page).toContain("Nobody has confirmed recently whether letters reach");
    expect(readable(page)).toContain(`An earlier report said: “Yes, letters can arrive.” last reported by ${publication}`);
    expect(page).toContain('value="download"');
    expect(page).not.toContain('value="mailroom"');
    const queued = await prisma.letter.count({ where: { prisoner: { slug: "katsiaryna-bakhvalava" } } });
    const forged = await post("/en/prisoners/katsiaryna-bakhvalava/write", [["letterLanguage", "ru"], ["phrase", "greeting.dear-first-name"], ["intent", "mailroom"]]);
    expect(forged.status).toBe(400);
    expect(await prisma.letter.count({ where: { prisoner: { slug: "katsiaryna-bakhvalava" } } })).toBe(queued);
  });
});

describe("choices offered once", () => {
  it("does not offer a greeting twice when, without a known patronymic, two variants read the same", async () => {
    // Maryia Kalesnikava has no patronymic in the demo data: "good day" and "good day, with the
    // patronymic" come out the same in Polish and in both letter languages.
    const page = await (await fetch(server.url + "/pl/prisoners/maryia-kalesnikava/write")).text();
    expect(page.match(/<span>Dzień dobry, Pani Maryjo!<\/span>/g) ?? []).toHaveLength(1);
    // Ihar Ilyash's "respected" greeting differs from "dear" and stays.
    const ilyash = readable(await (await fetch(server.url + "/en/prisoners/ihar-ilyash/write")).text());
    expect(ilyash).toContain("Dear Ihar!");
    expect(ilyash).toContain("Good day, Ihar");
  });
});
