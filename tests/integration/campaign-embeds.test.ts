// Partner embeds over HTTP (issue 18), against the production build, the real Express app with
// its page cache, and a real database: the embed's framing policy follows the campaign's own
// list of partner origins (and every other page stays unframeable), the embed sets no cookie,
// loads nothing from elsewhere and is not indexed, a pledge through it is counted and answered
// inside it, and staff edit the list with translated errors that keep what was typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { pledgeCounts } from "~/pledges/pledge.server";

import { createCampaign } from "../support/pledge-fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { signedInStaff } from "../support/staff";

const CAMPAIGN = "free-them-all";
const EMBED = `/en/campaigns/${CAMPAIGN}/embed`;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;
const campaignId = async (slug = CAMPAIGN) => (await prisma().campaign.findUniqueOrThrow({ where: { slug } })).id;
const frameAncestors = (response: Response) => /frame-ancestors ([^;]+)/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

async function moderator() {
  return (await signedInStaff(server.url, prisma(), ["moderator"])).browser;
}

describe("the embed's framing policy", () => {
  it("lets only the campaign's partner origins frame its embed, at once after a change, cached or not", async () => {
    const staff = await moderator();
    const id = await campaignId();
    const saved = await staff.post(`/en/staff/campaigns/${id}`, { intent: "embed-origins", origins: " https://Partner.example/ \nhttp://localhost:4781\nhttps://partner.example" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/en/staff/campaigns/${id}?done=embed-saved`);
    expect((await prisma().campaign.findUniqueOrThrow({ where: { id } })).embedOrigins).toEqual(["https://partner.example", "http://localhost:4781"]);
    expect(await prisma().auditLogEntry.count({ where: { action: "campaign.embed-origins", subjectId: id } })).toBe(1);

    for (const round of ["first", "second"]) {
      await server.contentRevision.refresh();
      const response = await fetch(`${server.url}${EMBED}`);
      expect(response.status, round).toBe(200);
      expect(frameAncestors(response), round).toBe("https://partner.example http://localhost:4781");
      expect(response.headers.get("x-frame-options"), round).toBeNull();
      expect(response.headers.get("x-robots-tag"), round).toBe("noindex");
      expect(response.headers.get("set-cookie"), round).toBeNull();
      if (round === "second") expect(response.headers.get("x-cache")).toBe("HIT");
      await response.text();
    }

    // Emptied: the stored page is served again, now refused to every frame.
    expect((await staff.post(`/en/staff/campaigns/${id}`, { intent: "embed-origins", origins: "" })).status).toBe(302);
    const closed = await fetch(`${server.url}${EMBED}`);
    expect(frameAncestors(closed)).toBe("'none'");
    expect(closed.headers.get("x-frame-options")).toBe("DENY");
    await closed.text();
  });

  it("keeps another campaign's embed and every other page unframeable", async () => {
    const id = await campaignId();
    await prisma().campaign.update({ where: { id }, data: { embedOrigins: ["https://partner.example"] } });
    const other = await prisma().campaign.findUniqueOrThrow({ where: { id: await createCampaign(prisma()) } });
    const draft = await prisma().campaign.findUniqueOrThrow({ where: { id: await createCampaign(prisma(), { status: "DRAFT" }) } });
    await prisma().campaign.update({ where: { id: draft.id }, data: { embedOrigins: ["https://partner.example"] } });
    await server.contentRevision.refresh();

    for (const path of [`/en/campaigns/${other.slug}/embed`, `/be/campaigns/${draft.slug}/embed`, `/en/campaigns/${CAMPAIGN}`, "/en", "/en/prisoners", `/en/campaigns/${CAMPAIGN}/embed.data`, "/en/campaigns/no-such-campaign/embed"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(frameAncestors(response), path).toBe("'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      await response.text();
    }
    const framed = await fetch(`${server.url}/be${EMBED.slice(3)}`);
    expect(frameAncestors(framed)).toBe("https://partner.example");
    await framed.text();
  });
});

describe("the embed page", () => {
  it("is small: no site chrome, no cookie, nothing from elsewhere, no application script, and noindex", async () => {
    // The campaign page remembers the language; the embed, in a stranger's page, does not.
    expect((await fetch(`${server.url}/uk/campaigns/${CAMPAIGN}`)).headers.get("set-cookie")).toMatch(/^lng=/);
    const response = await fetch(`${server.url}/uk/campaigns/${CAMPAIGN}/embed`);
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).not.toContain('class="site-header');
    expect(html).not.toMatch(/<script[^>]+src=/);
    // Every address in it is Listy's own (relative); links to Listy open a new tab.
    for (const [, url] of html.matchAll(/(?:src|href|action)="([^"]+)"/g)) expect(url, url).toMatch(/^\/(?!\/)/);
    for (const link of html.matchAll(/<a [^>]*target="_blank"[^>]*>/g)) expect(link[0]).toContain('rel="noopener"');
    expect(html).toMatch(/<form method="post" action="\/uk\/campaigns\/free-them-all\/embed#result"/);
    expect(html).toContain(`href="/uk/campaigns/${CAMPAIGN}/appeal" target="_blank" rel="noopener"`);
    // The only script is the page's own, with this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const scripts = [...html.matchAll(/<script([^>]*)>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toContain(`nonce="${nonce}"`);
  });

  it("counts a pledge posted from the frame and answers inside it; a mistake comes back with what was typed", async () => {
    const id = await campaignId();
    const before = (await pledgeCounts({ campaignId: id })).byKind.CAMPAIGN_PLEDGE ?? 0;
    await server.contentRevision.refresh();
    const page = await (await fetch(`${server.url}${EMBED}`)).text();
    const ticket = /name="ticket" value="([^"]+)"/.exec(page)?.[1] ?? "";
    // A form in a frame posts with its own document's origin: Listy's (the browser says same-origin).
    const post = (fields: Record<string, string>) =>
      fetch(`${server.url}${EMBED}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "Sec-Fetch-Site": "same-origin" },
        body: new URLSearchParams(fields).toString(),
      });

    const wrong = await post({ pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, ticket, email: "not an address" });
    expect(wrong.status).toBe(400);
    expect(frameAncestors(wrong)).toBe("https://partner.example");
    // It holds what was typed (an email address): never stored by a browser or a proxy.
    expect(wrong.headers.get("cache-control")).toBe("no-store");
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('value="not an address"');
    expect(wrongHtml).toContain("Your pledge was not saved yet");

    // The target fields are the embed's own: a form edited to name another target still pledges here.
    const done = await post({ pledge: "CAMPAIGN_PLEDGE", campaign: "someone-else", ticket });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${EMBED}?result=active`);
    expect(done.headers.get("set-cookie")).toBeNull();
    expect((await pledgeCounts({ campaignId: id })).byKind.CAMPAIGN_PLEDGE ?? 0).toBe(before + 1);

    await server.contentRevision.refresh();
    const thanks = await fetch(`${server.url}${done.headers.get("location")}`);
    expect(frameAncestors(thanks)).toBe("https://partner.example");
    const thanksHtml = await thanks.text();
    expect(thanksHtml).toContain("Thank you: your pledge is counted");
    expect(thanksHtml).not.toMatch(/<form method="post"/);

    // A post from the partner's own page (not from the embed) is refused, as anywhere on Listy.
    const foreign = await fetch(`${server.url}${EMBED}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://partner.example", "Sec-Fetch-Site": "cross-site" },
      body: new URLSearchParams({ pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, ticket }).toString(),
    });
    expect(foreign.status).toBe(403);
    await foreign.text();
  });
});

describe("staff editing the partner origins", () => {
  it("refuses what is not an https origin with a translated error that keeps the text", async () => {
    const staff = await moderator();
    const id = await campaignId();
    const saved = (await prisma().campaign.findUniqueOrThrow({ where: { id } })).embedOrigins;
    const cases = [
      { typed: "https://ok.example\nhttps://partner.example/campaigns", language: "en", message: "“https://partner.example/campaigns” is not a site address" },
      { typed: "http://partner.example", language: "pl", message: "„http://partner.example” nie używa https" },
      { typed: "partner.example", language: "be", message: "«partner.example» — не адрас сайта" },
      { typed: "javascript:alert(1)", language: "ru", message: "«javascript:alert(1)» — не адрес сайта" },
    ];
    for (const { typed, language, message } of cases) {
      const response = await staff.post(`/${language}/staff/campaigns/${id}`, { intent: "embed-origins", origins: typed });
      expect(response.status, typed).toBe(400);
      const html = await response.text();
      expect(html, typed).toContain(message);
      // The textarea holds what was typed.
      expect(html, typed).toContain(`>${typed}</textarea>`);
    }
    expect((await prisma().campaign.findUniqueOrThrow({ where: { id } })).embedOrigins).toEqual(saved);
  });

  it("lets a campaigner set them on a draft but not on a published campaign", async () => {
    const { staff, browser } = await signedInStaff(server.url, prisma(), ["campaigner"]);
    const draft = await createCampaign(prisma(), { status: "DRAFT" });
    await prisma().campaign.update({ where: { id: draft }, data: { createdById: staff.id } });
    expect((await browser.post(`/en/staff/campaigns/${draft}`, { intent: "embed-origins", origins: "https://partner.example" })).status).toBe(302);
    expect((await prisma().campaign.findUniqueOrThrow({ where: { id: draft } })).embedOrigins).toEqual(["https://partner.example"]);

    const published = await createCampaign(prisma());
    await prisma().campaign.update({ where: { id: published }, data: { createdById: staff.id } });
    const refused = await browser.post(`/en/staff/campaigns/${published}`, { intent: "embed-origins", origins: "https://partner.example" });
    expect(refused.status).toBe(403);
    await refused.text();
    expect((await prisma().campaign.findUniqueOrThrow({ where: { id: published } })).embedOrigins).toEqual([]);
    // Its page shows the list and the code to copy, without the form.
    const page = await (await browser.get(`/en/staff/campaigns/${published}`)).text();
    expect(page).toContain("No partner site may show the embed.");
    expect(page).toContain(`&lt;iframe src=&quot;${server.url}/en/campaigns/`);
    expect(page).toContain(`event.origin !== &quot;${server.url}&quot;`);
    expect(page).not.toContain('name="origins"');
  });
});
