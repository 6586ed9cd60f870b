// The moderators' preview of a public campaign page, over real HTTP with signed-in staff: a
// pending revision shows on the public page's own layout with its texts applied, in the
// language chosen, framed as not public yet, noindex and no-store, while the public page
// keeps the current texts; a draft in review previews its own content; nobody without a
// staff session gets a preview.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffRole } from "~/staff/permissions";

import { createReachableOfficial } from "../support/officials";
import { startTestServer, type TestServer } from "../support/server";
import { signedInStaff, type Browser } from "../support/staff";

let server: TestServer;
let prisonerIds: string[];
let officialIds: string[];

beforeAll(async () => {
  server = await startTestServer();
  prisonerIds = (await server.database.prisma.prisoner.findMany({ select: { id: true }, orderBy: { slug: "asc" }, take: 2 })).map((row) => row.id);
  officialIds = [await createReachableOfficial(server.database.prisma)];
});

afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;
const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);
const version = async (id: string) => String((await prisma().campaign.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } })).updatedAt.getTime());

let counter = 0;
function fields(): Record<string, string | string[]> {
  counter++;
  return {
    intent: "save",
    slug: `preview-test-${counter}`,
    goal: "250",
    deadline: "2027-03-01",
    "title-en": `Free the bakers ${counter}`,
    "summary-en": "Two bakers are held for a cake.",
    "ask-en": "Release them now.",
    "title-be": `Вызваліце пекараў ${counter}`,
    "summary-be": "Двух пекараў трымаюць за торт.",
    "ask-be": "Вызваліце іх.",
    "template-en-subjects": "Release {prisonerName}",
    "template-en-openings": "Dear {officialName},",
    "template-en-arguments": "{prisonerFacts} This detention is unjust.",
    "template-en-closings": "Please act now.",
    prisoners: [prisonerIds[0]!],
    targets: officialIds,
  };
}

async function created(author: Browser) {
  const form = fields();
  const response = await author.post("/en/staff/campaigns/new", form);
  expect(response.status).toBe(302);
  const id = /\/campaigns\/([A-Za-z0-9_-]+)\?done=created$/.exec(response.headers.get("location") ?? "")![1]!;
  return { id, form, slug: form.slug as string };
}

const text = async (response: Response) => {
  expect(response.status).toBe(200);
  return response.text();
};

describe("the preview of a public campaign page", () => {
  it("shows a pending revision's texts on the public page's layout, in the chosen language, while the public page stays as it is", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const first = await signedIn(["moderator"]);
    const second = await signedIn(["moderator"]);
    const live = await created(campaigner.browser);
    expect((await campaigner.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "submit" })).status).toBe(302);
    expect((await first.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "publish", version: await version(live.id) })).status).toBe(302);

    const proposed = await campaigner.browser.post(`/en/staff/campaigns/${live.id}`, {
      ...live.form,
      "title-en": "Free the bakers before spring",
      "summary-en": "The bakers have been held for a year.",
      "summary-be": "Пекараў трымаюць ужо год.",
      "title-pl": "Uwolnijcie piekarzy",
      prisoners: prisonerIds,
      version: await version(live.id),
    });
    expect(proposed.status).toBe(302);
    const revision = await prisma().campaignRevision.findFirstOrThrow({ where: { campaignId: live.id, state: "PENDING" } });

    // The review links to the preview in each language, right under the diff.
    const review = await text(await second.browser.get(`/en/staff/campaigns/${live.id}`));
    const previewHref = (language: string) => `/${language}/staff/campaigns/${live.id}/preview?revision=${revision.id}`;
    expect(review).toMatch(new RegExp(`data-testid="revision-preview"[^]*?href="${previewHref("pl").replace(/[?]/g, "\\?")}"`));
    expect(review).not.toContain('data-testid="draft-preview"');

    const response = await second.browser.get(previewHref("en"));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
    const preview = await text(response);
    expect(preview).toContain('<meta name="robots" content="noindex"');
    expect(preview).toContain('data-testid="preview-frame"');
    expect(preview).toContain("Preview, not public yet");
    expect(preview).toMatch(/<h1 id="campaign-title">Free the bakers before spring<\/h1>/);
    expect(preview).toContain("The bakers have been held for a year.");
    expect(preview).not.toContain(live.form["title-en"] as string);
    expect(preview).not.toContain("Two bakers are held for a cake.");
    // The public page's own parts: the goal, the people (now two), the addressees.
    expect(preview).toContain('id="goal-title"');
    expect(preview).toMatch(/id="prisoners-title"[^]*?campaign__prisoners">(<li>[^]*?<\/li>){2}<\/ul>/);
    // Nothing is pledged from a preview.
    expect(preview).toContain('<fieldset disabled="" class="campaign-preview__page">');

    // The language switch: Belarusian and Polish show their texts and their frame.
    const be = await text(await second.browser.get(previewHref("be")));
    expect(be).toContain("Пекараў трымаюць ужо год.");
    expect(be).toContain("Папярэдні прагляд, яшчэ не апублікавана");
    const pl = await text(await second.browser.get(previewHref("pl")));
    expect(pl).toMatch(/<h1 id="campaign-title">Uwolnijcie piekarzy<\/h1>/);
    expect(pl).toContain("Podgląd, jeszcze niepubliczny");

    // The public page still shows the current texts, in both languages.
    const publicPage = await text(await fetch(`${server.url}/en/campaigns/${live.slug}`));
    expect(publicPage).toContain(live.form["title-en"] as string);
    expect(publicPage).not.toContain("Free the bakers before spring");
    expect(publicPage).not.toContain("Preview, not public yet");
    expect(await text(await fetch(`${server.url}/be/campaigns/${live.slug}`))).not.toContain("Пекараў трымаюць ужо год.");

    // A revision that is not pending (or not this campaign's) has no preview.
    expect((await second.browser.get(`/en/staff/campaigns/${live.id}/preview?revision=nope`)).status).toBe(404);
  });

  it("previews a draft in review from its own content", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const draft = await created(campaigner.browser);
    expect((await campaigner.browser.post(`/en/staff/campaigns/${draft.id}`, { intent: "submit" })).status).toBe(302);

    const review = await text(await moderator.browser.get(`/en/staff/campaigns/${draft.id}`));
    expect(review).toContain('data-testid="draft-preview"');
    expect(review).toContain(`href="/lt/staff/campaigns/${draft.id}/preview"`);
    const preview = await text(await moderator.browser.get(`/en/staff/campaigns/${draft.id}/preview`));
    expect(preview).toContain("This is how the public page will look once the campaign is published.");
    expect(preview).toMatch(new RegExp(`<h1 id="campaign-title">${draft.form["title-en"]}</h1>`));
    // Not public: the public address still does not exist.
    expect((await fetch(`${server.url}/en/campaigns/${draft.slug}`)).status).toBe(404);
  });

  it("gives no preview to a supporter without a staff session, and none is kept for them", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await created(campaigner.browser);
    expect(await text(await campaigner.browser.get(`/en/staff/campaigns/${draft.id}/preview`))).toContain(draft.form["title-en"] as string);
    // Twice: a page cache that kept the staff answer would serve it the second time.
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(`${server.url}/en/staff/campaigns/${draft.id}/preview`, { redirect: "manual" });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/\/en\/staff\/sign-in/);
      expect(await response.text()).not.toContain(draft.form["title-en"] as string);
    }
    const withCookie = await fetch(`${server.url}/en/staff/campaigns/${draft.id}/preview`, { redirect: "manual", headers: { Cookie: "lng=en" } });
    expect(withCookie.status).toBe(302);
  });
});
