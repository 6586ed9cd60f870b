// The content workspace's list says, for each field in the chosen language, whether there is
// anything to translate, whether it is missing, and its review state. Before, a profile with no
// biography in any language was "reviewed" and a missing Ukrainian biography "needs review",
// because the list showed one state per text, whatever its fields held.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../support/server";
import { signedInStaff } from "../support/staff";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;

/** The state of each field cell in a prisoner's row, in column order. */
function rowStates(html: string, prisonerId: string): string[] {
  const row = new RegExp(`<tr><th scope="row"><a [^>]*href="[^"]*/content/prisoner/${prisonerId}/[a-z]{2}">.*?</tr>`).exec(html)?.[0];
  expect(row, `row of ${prisonerId}`).toBeDefined();
  return [...row!.matchAll(/translation-status--([a-z-]+)">([^<]*)</g)].map((match) => `${match[1]}: ${match[2]}`);
}

describe("content translations, field by field", () => {
  it("tells nothing-to-translate, missing, needs review and reviewed apart for each field", async () => {
    const [withoutBiography, partlyTranslated] = await prisma().prisoner.findMany({ where: { draft: false }, orderBy: { slug: "asc" }, take: 2, select: { id: true } });
    // Nobody wrote a biography of the first person, in any language.
    await prisma().prisonerTranslation.updateMany({ where: { prisonerId: withoutBiography!.id }, data: { biography: null, review: "REVIEWED" } });
    // The second has an English biography; the Ukrainian text has a reviewed summary and no biography.
    await prisma().prisonerTranslation.updateMany({ where: { prisonerId: partlyTranslated!.id, locale: "en" }, data: { biography: "A biography in English." } });
    await prisma().prisonerTranslation.updateMany({ where: { prisonerId: partlyTranslated!.id, locale: "uk" }, data: { biography: null, review: "REVIEWED" } });

    const { browser } = await signedInStaff(server.url, prisma(), ["translator"]);
    const page = await browser.get("/en/staff/translations/content?locale=uk");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<th scope="col">Summary (one line)</th><th scope="col">Biography</th>');

    expect(rowStates(html, withoutBiography!.id)).toEqual(["translated: Reviewed", "nothing: Nothing to translate yet"]);
    expect(rowStates(html, partlyTranslated!.id)).toEqual(["translated: Reviewed", "missing: Missing"]);

    // Once a translator writes the Ukrainian biography, the text needs review: both its fields say so.
    await prisma().prisonerTranslation.updateMany({ where: { prisonerId: partlyTranslated!.id, locale: "uk" }, data: { biography: "Біографія.", review: "NEEDS_REVIEW" } });
    const after = await (await browser.get("/en/staff/translations/content?locale=uk")).text();
    expect(rowStates(after, partlyTranslated!.id)).toEqual(["needs-review: Needs review", "needs-review: Needs review"]);
  });
});
