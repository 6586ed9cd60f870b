// Facts and charges in the content workspace over real HTTP: each is listed per field and
// language; a translator's text for a fact of a published profile waits as a profile change
// ("waiting for a moderator"), which another moderator applies in the profile review and the
// public profile then shows; a charge's name goes to the reference review the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffRole } from "~/staff/permissions";

import { startTestServer, type TestServer } from "../support/server";
import { signedInStaff, type Browser } from "../support/staff";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;
const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);
const versionOf = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1] ?? "";

/** The state shown for one row of the workspace list, by the link to its editor. */
async function rowText(browser: Browser, locale: string, kind: string, id: string) {
  const html = await (await browser.get(`/en/staff/translations/content?locale=${locale}`)).text();
  const at = html.indexOf(`/content/${kind}/${id}/${locale}`);
  expect(at, `${kind} ${id} listed`).toBeGreaterThan(0);
  return html.slice(at, html.indexOf("</tr>", at));
}

describe("facts and charges in the content workspace", () => {
  it("a fact's translation waits for review, another moderator applies it, the public profile shows it", async () => {
    const translator = await signedIn(["translator"]);
    const moderator = await signedIn(["moderator"]);
    const prisoner = await prisma().prisoner.findFirstOrThrow({ where: { draft: false }, orderBy: { slug: "asc" } });
    const source = await prisma().source.findFirstOrThrow();
    const fact = await prisma().prisonerFact.create({
      data: { prisonerId: prisoner.id, kind: "OTHER", sourceId: source.id, position: 99, translations: { create: [{ locale: "en", text: "Wrote to the court about the librarians." }] } },
    });
    await prisma().prisoner.update({ where: { id: prisoner.id }, data: { version: { increment: 1 } } });

    expect(await rowText(translator.browser, "lt", "fact", fact.id)).toContain("Missing");
    const editor = `/en/staff/translations/content/fact/${fact.id}/lt`;
    const page = await (await translator.browser.get(editor)).text();
    expect(page).toContain("Wrote to the court about the librarians."); // the source beside the form
    expect(page).toContain("This fact belongs to a published profile");

    const withHtml = await translator.browser.post(editor, { intent: "save", version: versionOf(page), text: "<b>Rašė</b> teismui." });
    expect(withHtml.status).toBe(400);
    expect(await withHtml.text()).toContain("&lt;b&gt;Rašė&lt;/b&gt; teismui.");

    const saved = await translator.browser.post(editor, { intent: "save", version: versionOf(page), text: "Rašė teismui apie bibliotekininkes." });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toContain("notice=pending");
    expect(await rowText(translator.browser, "lt", "fact", fact.id)).toContain("Waiting for a moderator");
    const change = await prisma().prisonerChange.findFirstOrThrow({ where: { prisonerId: prisoner.id, authorId: translator.staff.id, state: "PENDING" } });
    expect(change.origin).toBe("TRANSLATION");
    expect(await (await translator.browser.get(`/lt/prisoners/${prisoner.slug}`)).text()).not.toContain("Rašė teismui apie bibliotekininkes.");

    // Four eyes: the translator cannot apply it; a moderator who did not write it does.
    expect((await translator.browser.post(`/en/staff/prisoners/${prisoner.id}`, { intent: "apply", change: change.id })).status).toBeGreaterThanOrEqual(400);
    expect((await moderator.browser.post(`/en/staff/prisoners/${prisoner.id}`, { intent: "apply", change: change.id })).status).toBe(302);
    const publicPage = await (await new (translator.browser.constructor as new (url: string) => Browser)(server.url).get(`/lt/prisoners/${prisoner.slug}`)).text();
    expect(publicPage).toContain("Rašė teismui apie bibliotekininkes.");
    // Applying writes the fact list anew: the fact is found by its text.
    const applied = await prisma().prisonerFact.findFirstOrThrow({ where: { prisonerId: prisoner.id, translations: { some: { locale: "lt", text: "Rašė teismui apie bibliotekininkes." } } } });
    expect(await rowText(translator.browser, "lt", "fact", applied.id)).toContain("Reviewed");
  });

  it("a charge's name in one language goes to the reference review and counts once approved", async () => {
    const translator = await signedIn(["translator"]);
    const moderator = await signedIn(["moderator"]);
    const charge = await prisma().chargeType.create({
      data: { slug: "test-charge-translation", article: "999", reviewState: "APPROVED", translations: { create: [{ locale: "en", name: "Organising mass riots", explanation: "Used against protesters." }] } },
    });
    expect(await rowText(translator.browser, "uk", "charge", charge.id)).toContain("Missing");
    const editor = `/en/staff/translations/content/charge/${charge.id}/uk`;
    const page = await (await translator.browser.get(editor)).text();
    expect(page).toContain("Organising mass riots");
    const missingName = await translator.browser.post(editor, { intent: "save", version: versionOf(page), name: "", explanation: "Пояснення" });
    expect(missingName.status).toBe(400);
    expect(await missingName.text()).toContain("Пояснення");
    const saved = await translator.browser.post(editor, { intent: "save", version: versionOf(page), name: "Організація масових заворушень", explanation: "Застосовують проти протестувальників." });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toContain("notice=pending-charge");
    expect(await rowText(translator.browser, "uk", "charge", charge.id)).toContain("Waiting for a moderator");
    expect(await prisma().chargeTypeTranslation.count({ where: { chargeTypeId: charge.id, locale: "uk" } })).toBe(0);

    const pending = await prisma().referenceChange.findFirstOrThrow({ where: { chargeTypeId: charge.id, state: "PENDING" } });
    expect((await translator.browser.post(`/en/staff/charges/${charge.id}`, { intent: "apply", change: pending.id })).status).toBeGreaterThanOrEqual(400);
    expect([302, 303]).toContain((await moderator.browser.post(`/en/staff/charges/${charge.id}`, { intent: "apply", change: pending.id })).status);
    expect(await prisma().chargeTypeTranslation.findUnique({ where: { chargeTypeId_locale: { chargeTypeId: charge.id, locale: "uk" } } })).toMatchObject({ name: "Організація масових заворушень" });
    expect(await rowText(translator.browser, "uk", "charge", charge.id)).toContain("Reviewed");
  });
});
