import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { supportedLanguages } from "~/i18n";
import { getLocaleBundle } from "~/utils/locales.server";

import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { redirect: "manual", ...init });

function expectSecurityHeaders(response: Response) {
  const headers = response.headers;
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("referrer-policy")).toBe("same-origin");
  expect(headers.get("cross-origin-resource-policy")).toBe("same-origin");
  expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("permissions-policy")).toContain("camera=()");
  expect(headers.get("x-powered-by")).toBeNull();
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/]{24}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  // Served over plain HTTP without PUBLIC_URL: no HSTS, which would be wrong here.
  expect(headers.get("strict-transport-security")).toBeNull();
}

describe("language negotiation", () => {
  it.each([
    ["be-BY,be;q=0.9,ru;q=0.8", "/be/"],
    ["pl-PL,pl;q=0.9,en;q=0.5", "/pl/"],
    ["de-DE,de;q=0.9,lt;q=0.3", "/lt/"],
    ["fr-FR", "/en/"],
  ])("sends Accept-Language %s to %s", async (acceptLanguage, location) => {
    const response = await get("/", { headers: { "Accept-Language": acceptLanguage } });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(location);
    expect(response.headers.get("vary")).toContain("Accept-Language");
  });

  it("remembers the language of the last page read, in a cookie that outranks Accept-Language", async () => {
    const page = await get("/uk/");
    const cookie = page.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^lng=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // A session cookie: nothing lasting on the reader's device.
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
    const again = await get("/", { headers: { Cookie: cookie.split(";")[0]!, "Accept-Language": "ru" } });
    expect(again.headers.get("location")).toBe("/uk/");
  });
});

describe("pages", () => {
  it("serves the home page in Belarusian with people waiting for letters and the sourced count", async () => {
    const response = await get("/be/");
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    const html = await response.text();
    expect(html).toContain('<html lang="be"');
    // A selection, not everyone (scale.test.ts): people in custody by their Belarusian names.
    expect(html).toContain("Ігар Ільяш");
    expect(html).toContain('href="/be/prisoners"');
    expect(html).toMatch(/1[\s\u00a0]?184/);
    expect(html).toContain("Inter Press Service");
    // The counting organisation in Belarusian, not the English name stored with the figure.
    expect(html).toContain("«Вясна»");
  });

  it.each(supportedLanguages)("serves every page in %s with hreflang alternates for all languages", async (language) => {
    for (const path of [`/${language}/`, `/${language}/prisoners/maryia-kalesnikava`]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<html lang="${language}"`);
      for (const alternate of supportedLanguages) expect(html).toContain(`hrefLang="${alternate}"`);
      expect(html).toContain('hrefLang="x-default"');
    }
  });

  it("shows a profile with its facts, their sources and unknowns marked as unknown", async () => {
    const html = await (await get("/en/prisoners/ihar-ilyash")).text();
    expect(html).toContain("Ihar Ilyash");
    expect(html).toContain("Ігар Ільяш");
    expect(html).toContain("Игорь Ильяш");
    expect(html).toContain("Sentenced to four years in prison on extremism charges");
    expect(html).toContain("The Guardian");
    expect(html).toContain("October 2024");
    expect(html).toContain("Not known");
  });

  it("puts the nonce only on script tags, never in the page data, and changes it on every response", async () => {
    const first = await get("/en/");
    const second = await get("/en/");
    const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const [nonceA, nonceB] = [nonceOf(first), nonceOf(second)];
    expect(nonceA).toBeTruthy();
    expect(nonceA).not.toBe(nonceB);
    const html = await first.text();
    const occurrences = html.split(nonceA!).length - 1;
    const nonceAttributes = html.match(/ nonce="[^"]+"/g) ?? [];
    expect(nonceAttributes.length).toBeGreaterThan(0);
    expect(occurrences).toBe(nonceAttributes.length);
    for (const attribute of nonceAttributes) expect(attribute).toBe(` nonce="${nonceA}"`);
  });
});

describe("errors", () => {
  it.each([
    ["/be/prisoners/nobody-at-all", "be"],
    ["/ru/no-such-page", "ru"],
    ["/pl/prisoners/%00%3Cscript%3E", "pl"],
    [`/lt/prisoners/${"a".repeat(5000)}`, "lt"],
    ["/uk/prisoners/Ales-Bialiatski'--", "uk"],
  ])("answers %s with a translated 404 page", async (path, language) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
    const html = await response.text();
    expect(html).toContain(`<html lang="${language}"`);
    const title = (getLocaleBundle().resources[language]?.errors as { "not-found": { title: string } })["not-found"].title;
    expect(html).toContain(title);
    expect(html).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it("answers an unknown language with a 404 in the visitor's language", async () => {
    const response = await get("/xx/prisoners", { headers: { "Accept-Language": "ru" } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<html lang="ru"');
  });

  it("sends the security headers with static files and with missing assets", async () => {
    const icon = await get("/favicon.svg");
    expect(icon.status).toBe(200);
    expectSecurityHeaders(icon);
    const missing = await get("/build/no-such-file.js");
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });
});

describe("state changes", () => {
  it.each([
    [{ Origin: "https://evil.example" }],
    [{ "Sec-Fetch-Site": "cross-site", Origin: "null" }],
    [{ "Sec-Fetch-Site": "same-site" }],
    [{}],
  ])("refuses a POST from elsewhere (%o) with a translated 403", async (headers) => {
    const response = await get("/pl/", { method: "POST", headers, body: "x=1" });
    expect(response.status).toBe(403);
    expectSecurityHeaders(response);
    expect(await response.text()).toContain('lang="pl"');
  });

  it("answers a malformed Host header without a server error", async () => {
    const { request } = await import("node:http");
    const status = (method: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(server.url);
        const req = request({ host: url.hostname, port: url.port, path: "/en/", method, headers: { Host: "exa mple" } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
    expect(await status("POST")).toBeLessThan(500);
    expect(await status("GET")).toBeLessThan(500);
  });

  it("lets a same-origin POST through to the app", async () => {
    const response = await get("/pl/", { method: "POST", headers: { "Sec-Fetch-Site": "same-origin" }, body: "x=1" });
    expect(response.status).not.toBe(403);
  });

  it("changes no row when every page is read", async () => {
    const counts = async () =>
      server.database.sql.query<{ table: string; rows: number }>(
        `SELECT relname AS table, n_live_tup::int AS rows FROM pg_stat_user_tables ORDER BY relname`,
      );
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(
          (await counts()).map(async ({ table }) => {
            const [row] = await server.database.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${table}"`);
            return [table, row?.count] as const;
          }),
        ),
      );
    const before = await snapshot();
    for (const language of supportedLanguages) {
      await get(`/${language}/`);
      await get(`/${language}/prisoners/ales-bialiatski`);
      await get(`/${language}/prisoners/nobody`);
    }
    await get("/");
    await get("/healthz");
    expect(await snapshot()).toEqual(before);
  });
});

describe("locale files for the browser", () => {
  it("are cached for a year under their content hash, and not at all otherwise", async () => {
    const { version } = getLocaleBundle();
    const current = await get(`/locales/be/common.json?v=${version}`);
    expect(current.status).toBe(200);
    expect(current.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(((await current.json()) as { site: { name: string } }).site.name).toBe("Listy");
    // A version this instance does not know may be one another instance has just saved: the
    // current strings under that address must not be kept (decision 0022).
    const stale = await get("/locales/be/common.json?v=old");
    expect(stale.headers.get("cache-control")).toBe("no-cache");
    expect(((await stale.json()) as { site: { name: string } }).site.name).toBe("Listy");
    expect((await get("/locales/xx/common.json")).status).toBe(404);
    expect((await get("/locales/be/secrets.json")).status).toBe(404);
    expect((await get("/locales/be/..%2F..%2Fpackage.json")).status).toBe(404);
  });
});

describe("profile details", () => {
  it("explains the charges in plain words and states the sentence, in the reader's language", async () => {
    const english = await (await get("/en/prisoners/katsiaryna-bakhvalava")).text();
    expect(english).toContain("High treason");
    expect(english).toContain("8 years");
    const russian = await (await get("/ru/prisoners/katsiaryna-bakhvalava")).text();
    expect(russian).toContain("Измена государству");
    expect(russian).toContain("8 лет");
    const polish = await (await get("/pl/prisoners/ihar-ilyash")).text();
    expect(polish).toContain("Ekstremizm");
    expect(polish).toContain("4 lata");
  });

  it("links the appeals a person is part of", async () => {
    const html = await (await get("/be/prisoners/ales-bialiatski")).text();
    expect(html).toContain('href="/be/campaigns/free-them-all"');
  });
});

describe("health and failure", () => {
  it("reports healthy while the database answers", async () => {
    const response = await get("/healthz");
    expect(response.status).toBe(200);
    // The first line is the health answer; the second says when the periodic jobs last ran.
    expect(await response.text()).toMatch(/^ok\njobs: (not run yet|ok, last run \S+)\n$/);
  });

  it("shows a translated error page, without internals, when the database is gone", async () => {
    await server.database.prisma.$disconnect();
    await server.database.close();
    // A page no earlier test has opened, so the page cache cannot answer for it.
    const response = await get("/lt/prisoners/ales-pushkin");
    expect(response.status).toBe(500);
    expectSecurityHeaders(response);
    const html = await response.text();
    const title = (getLocaleBundle().resources.lt?.errors as { server: { title: string } }).server.title;
    expect(html).toContain(title);
    expect(html).not.toMatch(/Prisma|PGlite|closed|\.ts:\d+|at \w+ \(/);
    expect((await get("/healthz")).status).toBe(503);
  });
});
