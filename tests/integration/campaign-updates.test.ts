// Campaign updates over real HTTP with signed-in staff: a moderator writes one (bad input comes
// back translated, with everything typed), sends it for review and cannot publish it; another
// moderator publishes exactly the version they read, or returns it with a note. Published, it
// is on the campaign page (newest five, a link to all, the page's language with the usual
// fallback), in the campaign's Atom feed and in /:lang/updates.atom, both valid RFC 4287; a
// draft, or one waiting for review, is nowhere public.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { supportedLanguages } from "~/i18n";
import type { StaffRole } from "~/staff/permissions";

import { atomProblems } from "../support/atom-schema";
import { createCampaign } from "../support/pledge-fixtures";
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
const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);

// A later visitor reads the content revision first.
const publicGet = async (path: string) => {
  await server.contentRevision.refresh();
  const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
  return { status: response.status, text: await response.text() };
};

async function publishedCampaign() {
  const id = await createCampaign(prisma());
  const { slug } = await prisma().campaign.findUniqueOrThrow({ where: { id }, select: { slug: true } });
  return { id, slug };
}

const latestUpdate = (campaignId: string) => prisma().campaignUpdate.findFirstOrThrow({ where: { campaignId }, orderBy: { createdAt: "desc" } });
const version = async (updateId: string) => String((await prisma().campaignUpdate.findUniqueOrThrow({ where: { id: updateId } })).updatedAt.getTime());

describe("writing and publishing a campaign update", () => {
  it("keeps what was typed and answers bad input in the page's language", async () => {
    const author = await signedIn(["moderator"]);
    const campaign = await publishedCampaign();
    const longTitle = "Д".repeat(121);
    const response = await author.browser.post(`/be/staff/campaigns/${campaign.id}/updates`, {
      intent: "submit-update",
      "title-be": longTitle,
      "body-pl": "Treść bez tytułu",
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("Занадта доўга: не больш за 120 знакаў.");
    expect(page).toContain("Дайце гэтаму тэксту загаловак на той жа мове.");
    expect(page).toContain(`value="${longTitle}"`);
    expect(page).toContain(">Treść bez tytułu</textarea>");
    expect(await prisma().campaignUpdate.count({ where: { campaignId: campaign.id } })).toBe(0);

    const empty = await author.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "save-update" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Write a title and a text in at least one language.");
  });

  it("is published only by a moderator who did not write it, and only then is public, in both feeds", async () => {
    const author = await signedIn(["moderator"]);
    const reviewer = await signedIn(["moderator"]);
    const campaigner = await signedIn(["campaigner"]);
    const campaign = await publishedCampaign();
    const title = `Court date set ${Date.now()}`;
    const body = "The hearing is on <b>Monday</b> & open to the public.\nCome early.";

    const saved = await author.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, {
      intent: "save-update",
      "title-en": title,
      "body-en": body,
      "title-be": "Прызначаны дзень суда",
      "body-be": "Паседжанне ў панядзелак.",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/en/staff/campaigns/${campaign.id}/updates?done=saved`);
    const update = await latestUpdate(campaign.id);
    expect([update.state, update.authorId]).toEqual(["DRAFT", author.staff.id]);

    const nowhere = async () => {
      for (const path of [`/en/campaigns/${campaign.slug}`, `/en/campaigns/${campaign.slug}/updates`, `/en/campaigns/${campaign.slug}/feed.atom`, "/en/updates.atom"]) {
        const page = await publicGet(path);
        expect(page.status, path).toBe(200);
        expect(page.text, path).not.toContain("Court date set");
      }
    };
    await nowhere();

    // Sent for review: still nowhere public, and its author has no publish button and cannot publish.
    expect((await author.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "send-update", update: update.id })).status).toBe(302);
    expect((await latestUpdate(campaign.id)).state).toBe("IN_REVIEW");
    await nowhere();
    const authorPage = await (await author.browser.get(`/en/staff/campaigns/${campaign.id}/updates`)).text();
    expect(authorPage).toContain('data-testid="update-waiting"');
    expect(authorPage).not.toContain('value="publish-update"');
    expect((await author.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "publish-update", update: update.id, version: await version(update.id) })).status).toBe(403);
    expect((await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "publish-update", update: update.id, version: await version(update.id) })).status).toBe(403);
    await nowhere();

    // The reviewer sees the texts (escaped) and publishes exactly the version they read.
    const reviewPage = await (await reviewer.browser.get(`/en/staff/campaigns/${campaign.id}/updates`)).text();
    expect(reviewPage).toContain('value="publish-update"');
    expect(reviewPage).toContain("The hearing is on &lt;b&gt;Monday&lt;/b&gt;");
    expect((await reviewer.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "publish-update", update: update.id, version: "1" })).status).toBe(409);
    const published = await reviewer.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "publish-update", update: update.id, version: await version(update.id) });
    expect(published.status).toBe(302);
    const row = await latestUpdate(campaign.id);
    expect([row.state, row.reviewerId, row.publishedAt !== null]).toEqual(["PUBLISHED", reviewer.staff.id, true]);

    // The campaign page, in English, in Belarusian, and in Polish (no Polish text: English, marked).
    const en = await publicGet(`/en/campaigns/${campaign.slug}`);
    expect(en.text).toContain('data-testid="campaign-updates"');
    expect(en.text).toContain(title);
    expect(en.text).toContain("The hearing is on &lt;b&gt;Monday&lt;/b&gt; &amp; open to the public.");
    expect((await publicGet(`/be/campaigns/${campaign.slug}`)).text).toContain("Прызначаны дзень суда");
    const pl = await publicGet(`/pl/campaigns/${campaign.slug}`);
    expect(pl.text).toMatch(new RegExp(`<h3 id="update-title-${row.id}" class="campaign-update__title" lang="en">${title}</h3>`));
    expect(pl.text).toContain("język: angielski");

    // The campaign's feed and the site's, valid Atom in every language, with one stable entry id.
    for (const language of supportedLanguages) {
      for (const path of [`/${language}/campaigns/${campaign.slug}/feed.atom`, `/${language}/updates.atom`]) {
        const feed = await publicGet(path);
        expect(feed.status, path).toBe(200);
        expect(await atomProblems(feed.text), path).toEqual([]);
        expect(feed.text, path).toContain(`<id>${server.url}/${language}/updates.atom#update-${row.id}</id>`);
      }
    }
    const campaignFeed = (await publicGet(`/en/campaigns/${campaign.slug}/feed.atom`)).text;
    expect(campaignFeed).toContain(`<title type="text">Update: ${title}</title>`);
    expect(campaignFeed).toContain("<summary type=\"text\">The hearing is on &lt;b&gt;Monday&lt;/b&gt; &amp; open to the public.\nCome early.</summary>");
    const siteFeed = (await publicGet("/be/updates.atom")).text;
    expect(siteFeed).toContain("Прызначаны дзень суда");
    expect(siteFeed).toContain(`href="${server.url}/be/campaigns/${campaign.slug}/updates#update-${row.id}"`);

    const audit = await prisma().auditLogEntry.findMany({ where: { subjectId: campaign.id, action: { startsWith: "campaign.update" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.staffId])).toEqual([
      ["campaign.update.save", author.staff.id],
      ["campaign.update.submit", author.staff.id],
      ["campaign.update.publish", reviewer.staff.id],
    ]);
  });

  it("goes back to its author with a note, who edits it and sends it again", async () => {
    const author = await signedIn(["campaigner"]);
    const reviewer = await signedIn(["moderator"]);
    const campaign = await publishedCampaign();
    // The campaigner's own campaign: whoever may edit a campaign writes its updates.
    await prisma().campaign.update({ where: { id: campaign.id }, data: { createdById: author.staff.id } });
    expect((await author.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "submit-update", "title-en": "Letters arrived", "body-en": "Three letters arrived." })).status).toBe(302);
    const update = await latestUpdate(campaign.id);
    expect(update.state).toBe("IN_REVIEW");

    const noNote = await reviewer.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "return-update", update: update.id, note: "  " });
    expect(noNote.status).toBe(400);
    expect(await noNote.text()).toContain("Fill this in.");
    expect((await reviewer.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "return-update", update: update.id, note: "Say which facility." })).status).toBe(302);
    expect((await latestUpdate(campaign.id)).state).toBe("RETURNED");

    const editPage = await (await author.browser.get(`/en/staff/campaigns/${campaign.id}/updates?edit=${update.id}`)).text();
    expect(editPage).toContain("Note from the reviewer: Say which facility.");
    expect(editPage).toContain('value="Letters arrived"');
    // A form older than the last save comes back with the text as sent.
    const stale = await author.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "submit-update", update: update.id, version: "1", "title-en": "Letters arrived in IK-3", "body-en": "Three letters arrived." });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('value="Letters arrived in IK-3"');
    const resent = await author.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, {
      intent: "submit-update",
      update: update.id,
      version: await version(update.id),
      "title-en": "Letters arrived in IK-3",
      "body-en": "Three letters arrived.",
    });
    expect(resent.status).toBe(302);
    const row = await prisma().campaignUpdate.findUniqueOrThrow({ where: { id: update.id }, include: { translations: true } });
    expect([row.state, row.reviewNote, row.translations.map((translation) => translation.title)]).toEqual(["IN_REVIEW", null, ["Letters arrived in IK-3"]]);
    // Nobody else edits it.
    const other = await signedIn(["moderator"]);
    expect((await other.browser.post(`/en/staff/campaigns/${campaign.id}/updates`, { intent: "save-update", update: update.id, version: await version(update.id), "title-en": "x", "body-en": "y" })).status).toBe(403);
  });
});

describe("the campaign page's updates", () => {
  it("shows the newest five, newest first, with a link to all of them", async () => {
    const campaign = await publishedCampaign();
    const base = Date.now() - 10 * 86_400_000;
    for (let index = 1; index <= 7; index++) {
      await prisma().campaignUpdate.create({
        data: {
          campaignId: campaign.id,
          state: "PUBLISHED",
          publishedAt: new Date(base + index * 86_400_000),
          translations: { create: [{ locale: "en", title: `Numbered update ${index}`, body: `Body ${index}` }] },
        },
      });
    }
    await prisma().campaignUpdate.create({
      data: { campaignId: campaign.id, state: "IN_REVIEW", translations: { create: [{ locale: "en", title: "Numbered update waiting", body: "Not yet" }] } },
    });
    const page = (await publicGet(`/en/campaigns/${campaign.slug}`)).text;
    const titles = (html: string) => [...html.matchAll(/class="campaign-update__title"[^>]*>Numbered update (\w+)</g)].map((match) => match[1]);
    const shown = titles(page);
    expect(shown).toEqual(["7", "6", "5", "4", "3"]);
    expect(page).toContain(`href="/en/campaigns/${campaign.slug}/updates"`);
    const all = (await publicGet(`/en/campaigns/${campaign.slug}/updates`)).text;
    expect(titles(all)).toEqual(["7", "6", "5", "4", "3", "2", "1"]);
    // A campaign that is not public has no updates page.
    const draft = await createCampaign(prisma(), { status: "DRAFT" });
    const { slug } = await prisma().campaign.findUniqueOrThrow({ where: { id: draft }, select: { slug: true } });
    expect((await publicGet(`/en/campaigns/${slug}/updates`)).status).toBe(404);
  });
});
