// Safety advice where it helps, as the production build serves it: the safety line at the top
// of public pages, and beside every field that asks for an email address a warning against
// providers in Russia or Belarus and the name of whoever runs the site (OPERATOR_NAME,
// OPERATOR_CONTACT), which the footer also carries; the return-address advice above its field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { supportedLanguages } from "~/i18n";
import { getLocaleBundle } from "~/utils/locales.server";

import { startTestServer, type TestServer } from "../support/server";

const OPERATOR_NAME = "Supolka Listoŭ & Co";
const OPERATOR_CONTACT = "listy-team@example.org";
process.env.OPERATOR_NAME = OPERATOR_NAME;
process.env.OPERATOR_CONTACT = OPERATOR_CONTACT;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // The appeal form asks for an address only when the official has one.
  await server.database.prisma.official.update({ where: { slug: "alyaksandr-lukashenka" }, data: { email: "kancelaryja@example.org" } });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const html = async (path: string) => {
  const response = await fetch(server.url + path);
  expect(response.status, path).toBe(200);
  return response.text();
};
const readLocale = (language: string, namespace: string) => getLocaleBundle().resources[language]?.[namespace] as unknown;
/** What React writes for a text node. */
const escaped = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

describe("where an email address is asked", () => {
  const emailPages = ["/{lng}/prisoners/ihar-ilyash", "/{lng}/campaigns/free-them-all", "/{lng}/campaigns/free-them-all/appeal", "/{lng}/privacy/request"];

  for (const language of supportedLanguages) {
    it(`warns against Russian and Belarusian providers and names the operator (${language})`, async () => {
      const common = readLocale(language, "common") as { "email-safety": { providers: string }; operator: { "run-by": string } };
      for (const template of emailPages) {
        const page = await html(template.replace("{lng}", language));
        if (!page.includes('type="email"')) continue;
        const field = page.indexOf('type="email"');
        const note = page.indexOf('data-testid="email-safety"');
        expect(note, `${template}: the note is missing`).toBeGreaterThan(-1);
        expect(note, `${template}: the note comes before the field`).toBeLessThan(field);
        expect(page).toContain(escaped(common["email-safety"].providers));
        expect(page).toContain(escaped(common.operator["run-by"].replace("{{name}}", OPERATOR_NAME)));
        expect(page).toContain(`href="mailto:${OPERATOR_CONTACT}"`);
      }
    });
  }

  it("has every one of those forms on the pages above (so the loop checked something)", async () => {
    for (const path of ["/en/prisoners/ihar-ilyash", "/en/campaigns/free-them-all", "/en/campaigns/free-them-all/appeal", "/en/privacy/request"]) {
      expect(await html(path), path).toContain('type="email"');
    }
  });
});

describe("on every public page", () => {
  it("the footer says who runs the site, and the first thing in the header is the safety line", async () => {
    for (const language of supportedLanguages) {
      const common = readLocale(language, "common") as { "safety-line": string };
      const page = await html(`/${language}/prisoners/ales-bialiatski`);
      const footer = page.slice(page.indexOf("<footer"));
      expect(footer).toContain(escaped(OPERATOR_NAME));
      const header = page.slice(page.indexOf("<header"), page.indexOf("</header>"));
      expect(header).toContain(`href="/${language}/privacy#safety"`);
      expect(header).toContain(escaped(common["safety-line"]));
      expect(header.indexOf('data-testid="safety-line"')).toBeLessThan(header.indexOf("site-header__bar"));
    }
  });

  it("the safety line leads to the full advice", async () => {
    const page = await html("/be/privacy");
    expect(page).toContain('id="safety"');
    const pledges = readLocale("be", "pledges") as { safety: { tor: string } };
    expect(page).toContain(escaped(pledges.safety.tor));
  });
});

describe("the letter's return address", () => {
  it("has its safety advice above the field", async () => {
    const page = await html("/en/prisoners/ihar-ilyash/write");
    const field = page.indexOf('id="return-address"');
    expect(field).toBeGreaterThan(-1);
    expect(page.indexOf('id="return-address-safety"')).toBeGreaterThan(-1);
    expect(page.indexOf('id="return-address-safety"')).toBeLessThan(field);
  });
});
