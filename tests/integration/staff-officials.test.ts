// Officials as reviewed reference data, over real HTTP with signed-in staff: a new official
// and its sourced contacts wait for a second person (never the author); a campaign whose
// target nothing can reach is not published, with a message naming it; the appeal page
// offers only the channels that work for its addressee.
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

let counter = 0;
function officialFields(overrides: Record<string, string> = {}) {
  counter++;
  return {
    intent: "save",
    country: "PL",
    language: "pl",
    institution: "Ministerstwo Spraw Zagranicznych",
    "name-en": `Jan Kowalski ${counter}`,
    "position-en": "Minister of Foreign Affairs",
    "name-pl": `Jan Kowalski ${counter}`,
    "position-pl": "Minister Spraw Zagranicznych",
    "addressee-pl": "Pan Minister Spraw Zagranicznych",
    email: `minister${counter}@gov.example.org`,
    "email-source": "new",
    "email-reported-on": "2026-11-20",
    "source-publication": "Ministry contact page",
    "source-url": "https://gov.example.org/contact",
    "source-date": "2026-11-20",
    ...overrides,
  };
}

async function createOfficial(browser: Browser, overrides: Record<string, string> = {}) {
  const response = await browser.post("/en/staff/officials/new", officialFields(overrides));
  expect(response.status).toBe(302);
  const id = /\/en\/staff\/officials\/([^?]+)\?done=created/.exec(response.headers.get("location") ?? "")?.[1];
  expect(id).toBeTruthy();
  return id!;
}

describe("officials in the back office", () => {
  it("keeps a new official and its sourced email unused until a second person approves; the author cannot", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const id = await createOfficial(campaigner.browser);

    const draft = await prisma().official.findUniqueOrThrow({ where: { id }, include: { contacts: { include: { source: true } }, translations: true } });
    expect(draft.draft).toBe(true);
    expect(draft.email).toBeNull();
    expect(draft.contacts).toHaveLength(1);
    expect(draft.contacts[0]).toMatchObject({ channel: "EMAIL", state: "PENDING", authorId: campaigner.staff.id });
    expect(draft.contacts[0]!.source?.publication).toBe("Ministry contact page");
    expect(draft.translations.find((row) => row.locale === "pl")?.addressee).toBe("Pan Minister Spraw Zagranicznych");

    // The list names it as a draft that no appeal can reach yet.
    const list = await (await campaigner.browser.get("/en/staff/officials")).text();
    expect(list).toContain(draft.translations[0]!.name);
    expect(list).toContain("none: appeals cannot reach them");

    // The author (even with a moderator's rights) cannot approve their own official or contact.
    const authorModerator = await signedIn(["moderator"]);
    const own = await createOfficial(authorModerator.browser);
    const ownPage = await (await authorModerator.browser.get(`/en/staff/officials/${own}`)).text();
    expect(ownPage).not.toContain('value="approve"');
    expect(ownPage).toContain("a second staff member has to approve it");
    expect((await authorModerator.browser.post(`/en/staff/officials/${own}`, { intent: "approve" })).status).toBe(403);
    const ownContact = await prisma().officialContact.findFirstOrThrow({ where: { officialId: own } });
    expect((await authorModerator.browser.post(`/en/staff/officials/${own}`, { intent: "approve-contact", contact: ownContact.id })).status).toBe(403);
    expect((await prisma().official.findUniqueOrThrow({ where: { id: own } })).draft).toBe(true);
    // A campaigner may not approve at all.
    expect((await campaigner.browser.post(`/en/staff/officials/${id}`, { intent: "approve" })).status).toBe(403);

    // A second person approves: the official and its email are now in use, and audited.
    const page = await (await moderator.browser.get(`/en/staff/officials/${id}`)).text();
    expect(page).toContain('value="approve"');
    const approved = await moderator.browser.post(`/en/staff/officials/${id}`, { intent: "approve" });
    expect(approved.status).toBe(302);
    const row = await prisma().official.findUniqueOrThrow({ where: { id }, include: { contacts: true } });
    expect(row).toMatchObject({ draft: false, approvedById: moderator.staff.id, email: draft.contacts[0]!.value });
    expect(row.contacts[0]).toMatchObject({ state: "APPROVED", reviewerId: moderator.staff.id });
    const actions = (await prisma().auditLogEntry.findMany({ where: { OR: [{ subjectId: id }, { subjectId: row.contacts[0]!.id }] } })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["official.create", "official.contact.propose", "official.approve", "official.contact.approve"]));
    // Approving twice: someone already decided.
    expect((await moderator.browser.post(`/en/staff/officials/${id}`, { intent: "approve" })).status).toBe(409);
  });

  it("holds a changed contact of an approved official for review, keeping the approved one in use meanwhile", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const fields = officialFields();
    const id = await createOfficial(campaigner.browser, fields);
    expect((await moderator.browser.post(`/en/staff/officials/${id}`, { intent: "approve" })).status).toBe(302);
    const source = (await prisma().officialContact.findFirstOrThrow({ where: { officialId: id }, include: { source: true } })).source!;

    const changed = await campaigner.browser.post(`/en/staff/officials/${id}`, { ...fields, email: "press@gov.example.org", "email-source": source.key, postal: "al. J. Ch. Szucha 23\n00-580 Warszawa", "postal-source": source.key, "postal-reported-on": "2026-11-21" });
    expect(changed.status).toBe(302);
    expect((await prisma().official.findUniqueOrThrow({ where: { id } })).email).toBe(fields.email);
    const pending = await prisma().officialContact.findMany({ where: { officialId: id, state: "PENDING" }, orderBy: { channel: "asc" } });
    expect(pending.map((contact) => contact.channel)).toEqual(["EMAIL", "POSTAL"]);

    // Bad input comes back with a translated message and everything typed.
    const bad = await campaigner.browser.post(`/en/staff/officials/${id}`, { ...fields, email: "not an address", "web-form": "javascript:alert(1)", "web-form-source": "", "web-form-reported-on": "" });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain("This does not look right; check it.");
    expect(badPage).toContain('value="not an address"');

    expect((await moderator.browser.post(`/en/staff/officials/${id}`, { intent: "approve-contact", contact: pending[0]!.id })).status).toBe(302);
    expect((await moderator.browser.post(`/en/staff/officials/${id}`, { intent: "reject-contact", contact: pending[1]!.id })).status).toBe(302);
    const row = await prisma().official.findUniqueOrThrow({ where: { id }, include: { contacts: { orderBy: { createdAt: "asc" } } } });
    expect(row.email).toBe("press@gov.example.org");
    expect(row.postalAddress).toBeNull();
    expect(row.contacts.map((contact) => `${contact.channel}:${contact.state}`)).toEqual(["EMAIL:REPLACED", "EMAIL:APPROVED", "POSTAL:REJECTED"]);
  });
});

describe("a campaign and its targets", () => {
  async function draftCampaignFor(officialId: string, campaigner: { browser: Browser }) {
    counter++;
    const slug = `reach-test-${counter}-${Date.now().toString(36)}`;
    const created = await campaigner.browser.post("/en/staff/campaigns/new", {
      intent: "save",
      slug,
      goal: "",
      deadline: "",
      "title-en": "Reach test",
      "summary-en": "A test campaign.",
      "ask-en": "Release them.",
      "template-en-subjects": "Release them",
      "template-en-openings": "Dear {officialName},",
      "template-en-arguments": "This is unjust.",
      "template-en-closings": "Please act.",
      targets: officialId,
    });
    expect(created.status).toBe(302);
    const id = /\/en\/staff\/campaigns\/([^?]+)/.exec(created.headers.get("location") ?? "")![1]!;
    expect((await campaigner.browser.post(`/en/staff/campaigns/${id}`, { intent: "submit" })).status).toBe(302);
    return { id, slug };
  }
  const shownVersion = async (browser: Browser, pathname: string) => /name="version" value="([^"]+)"/.exec(await (await browser.get(pathname)).text())?.[1] ?? "";

  it("is not published while a target has no working channel, with a message naming it; it is once the contact is approved", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const officialId = await createOfficial(campaigner.browser, { email: "", "email-source": "", "email-reported-on": "", "name-en": "Unreachable Minister" });
    const { id, slug } = await draftCampaignFor(officialId, campaigner);
    const page = `/en/staff/campaigns/${id}`;

    // The editor warns: the target reads Polish and the campaign has only English.
    const editor = await (await moderator.browser.get(page)).text();
    expect(editor).toContain("Unreachable Minister reads Polish, but this campaign has no appeal text in it");

    const refused = await moderator.browser.post(page, { intent: "publish", version: await shownVersion(moderator.browser, page) });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("This campaign cannot be published yet: no appeal could reach Unreachable Minister.");
    expect((await prisma().campaign.findUniqueOrThrow({ where: { id } })).status).toBe("IN_REVIEW");

    // A sourced email, approved by someone other than its author: now it publishes.
    const source = await prisma().source.findFirstOrThrow({ select: { key: true } });
    const fields = officialFields({ "name-en": "Unreachable Minister", email: "reachable@gov.example.org", "email-source": source.key });
    expect((await campaigner.browser.post(`/en/staff/officials/${officialId}`, fields)).status).toBe(302);
    expect((await moderator.browser.post(`/en/staff/officials/${officialId}`, { intent: "approve" })).status).toBe(302);
    const published = await moderator.browser.post(page, { intent: "publish", version: await shownVersion(moderator.browser, page) });
    expect(published.status).toBe(302);
    expect((await prisma().campaign.findUniqueOrThrow({ where: { id } })).status).toBe("PUBLISHED");
    expect(slug).toBeTruthy();
  });

  it("offers on the appeal page only the channels that work, and claims the addressee's language only when it is the letter's", async () => {
    const campaign = await prisma().campaign.create({
      data: {
        slug: `channels-test-${Date.now().toString(36)}`,
        status: "PUBLISHED",
        translations: { create: { locale: "en", title: "Channels", summary: "Test", ask: "Release them" } },
        appealTemplates: { create: { locale: "en", subjects: ["Release them"], openings: ["Dear {officialName},"], arguments: ["This is unjust."], closings: ["Please act."] } },
      },
    });
    const postalOnly = await prisma().official.create({
      data: { slug: `postal-only-${campaign.id}`, country: "PL", language: "pl", postalAddress: "ul. Wiejska 4\n00-902 Warszawa", translations: { create: { locale: "en", name: "Postal Only", position: "Speaker" } } },
    });
    // A draft official's contact was copied by an early approval, but a draft reaches nobody.
    const draft = await prisma().official.create({
      data: { slug: `draft-${campaign.id}`, country: "PL", language: "en", draft: true, email: "draft@gov.example.org", translations: { create: { locale: "en", name: "Draft Person", position: "Minister" } } },
    });
    await prisma().campaignTarget.createMany({ data: [{ campaignId: campaign.id, officialId: postalOnly.id }, { campaignId: campaign.id, officialId: draft.id }] });
    const base = `${server.url}/en/campaigns/${campaign.slug}/appeal`;

    const postalPage = await (await fetch(`${base}?target=${postalOnly.slug}&seed=7`)).text();
    expect(postalPage).toContain('value="print"');
    expect(postalPage).not.toContain('value="send"');
    expect(postalPage).not.toContain('value="mailto"');
    expect(postalPage).toContain("The addressee reads Polish, but this campaign has no text in that language yet.");
    expect(postalPage).not.toContain("the language the addressee reads");

    const draftPage = await (await fetch(`${base}?target=${draft.slug}&seed=7`)).text();
    expect(draftPage).not.toContain('value="print"');
    expect(draftPage).not.toContain('value="send"');
    expect(draftPage).not.toContain('value="mailto"');
    expect(draftPage).toContain("No way to reach this addressee is known yet");
    expect(draftPage).toContain("the language the addressee reads");

    // Posting what the page does not offer is refused with the form kept.
    const form = { target: draft.slug, prisoner: "", seed: "7", subject: "Release them", body: "Dear Draft Person, this is unjust.", signature: "campaign", email: "supporter@example.org" };
    const send = await fetch(`${base}?target=${draft.slug}&seed=7`, { method: "POST", redirect: "manual", headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ ...form, intent: "send" }) });
    expect(send.status).toBe(400);
    expect(await prisma().appeal.count({ where: { campaignId: campaign.id } })).toBe(0);
    const print = await fetch(`${base}?target=${draft.slug}&seed=7`, { method: "POST", redirect: "manual", headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ ...form, intent: "print" }) });
    expect(print.status).toBe(400);
    expect(await print.text()).toContain("A printed letter needs a postal address");
  });
});
