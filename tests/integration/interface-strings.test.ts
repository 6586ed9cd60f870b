// Interface strings in the database (decision 0022), over real HTTP on the embedded database and
// a copy of the locale files: a string saved in the translation workspace is served on the next
// page in that language and in the browser bundle that page names, without touching the files;
// a restart (the strings read afresh from the database) keeps it; a deploy that ships another
// committed value for the key retires it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";

import { setCurrentContentRevisionWatcher, watchContentRevision } from "~/utils/content-revision.server";
import { reloadLocaleBundle } from "~/utils/locales.server";

import { startTestServer, type TestServer } from "../support/server";
import { signedInStaff } from "../support/staff";

let server: TestServer;
let dir: string;
const previousDir = process.env.LOCALES_DIR;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "listy-strings-"));
  cpSync(path.resolve("locales"), dir, { recursive: true });
  process.env.LOCALES_DIR = dir;
  reloadLocaleBundle();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  if (previousDir === undefined) delete process.env.LOCALES_DIR;
  else process.env.LOCALES_DIR = previousDir;
  reloadLocaleBundle();
  rmSync(dir, { recursive: true, force: true });
});

const homeFile = () => path.join(dir, "pl", "home.json");
const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

/** The Polish home page as an anonymous reader gets it, and the home bundle that page names. */
async function polishHome() {
  const page = await fetch(`${server.url}/pl`);
  const html = decode(await page.text());
  const version = /data-locales-version="([^"]+)"/.exec(html)?.[1] ?? "";
  const bundle = await fetch(`${server.url}/locales/pl/home.json?v=${version}`);
  const strings = (await bundle.json()) as { hero: { title: string } };
  return { html, cache: page.headers.get("x-cache"), bundleTitle: strings.hero.title, bundleCache: bundle.headers.get("cache-control") ?? "" };
}

describe("interface strings saved in the database", () => {
  it("serves a saved string on the next page and in its bundle, keeps it through a restart, and lets a newer commit retire it", async () => {
    const committedFile = readFileSync(homeFile(), "utf8");
    const committedTitle = (JSON.parse(committedFile) as { hero: { title: string } }).hero.title;
    const englishPage = async () => (await fetch(`${server.url}/en`)).text();
    // Warm caches: the Polish and English home pages are stored with the committed strings.
    await polishHome();
    expect((await polishHome()).cache).toBe("HIT");
    await englishPage();

    const { browser } = await signedInStaff(server.url, server.database.prisma, ["translator"]);
    const saved = await browser.post("/en/staff/translations/pl/home", { key: "hero.title", value: "Listy ratują ludzi" });
    expect(saved.status).toBe(302);

    const after = await polishHome();
    expect(after.html).toContain("Listy ratują ludzi");
    expect(after.html).not.toContain(committedTitle);
    expect(after.bundleTitle).toBe("Listy ratują ludzi");
    expect(after.bundleCache).toContain("immutable");
    // Only Polish pages were dropped; the file on disk is untouched.
    const english = await fetch(`${server.url}/en`);
    expect(english.headers.get("x-cache")).toBe("HIT");
    expect(readFileSync(homeFile(), "utf8")).toBe(committedFile);

    // A restart: this process forgets what it read and reads the strings from the database again.
    await server.contentRevision.stop();
    expect((await polishHome()).html).toContain(committedTitle);
    const restartedWatcher = await watchContentRevision(server.database);
    setCurrentContentRevisionWatcher(restartedWatcher);
    onTestFinished(() => restartedWatcher.stop());
    const restarted = await polishHome();
    expect(restarted.html).toContain("Listy ratują ludzi");
    expect(restarted.bundleTitle).toBe("Listy ratują ludzi");

    // A deploy ships another committed title: the commit wins, the saved string no longer applies.
    const shipped = JSON.parse(committedFile) as { hero: { title: string } };
    shipped.hero.title = "Listy z nowego wydania";
    writeFileSync(homeFile(), `${JSON.stringify(shipped, null, 2)}\n`);
    reloadLocaleBundle();
    const deployed = await polishHome();
    expect(deployed.html).toContain("Listy z nowego wydania");
    expect(deployed.html).not.toContain("Listy ratują ludzi");
    expect(deployed.bundleTitle).toBe("Listy z nowego wydania");
    const download = JSON.parse(await (await browser.get("/en/staff/translations/pl/home/download")).text()) as { hero: { title: string } };
    expect(download.hero.title).toBe("Listy z nowego wydania");
  });
});
