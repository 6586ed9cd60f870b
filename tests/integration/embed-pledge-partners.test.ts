// Pledges through a partner's embed are counted per partner site, over HTTP against the
// production build: the embed writes the partner (one of the campaign's listed origins, from
// its frame address) into its form; a pledge with it counts for that partner; a forged origin,
// or a Referer, counts for no partner (the pledge itself still counts, as the site's); the
// campaign's staff page shows the figures. Nothing about the person is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { issueFormTicket } from "~/pledges/form-ticket.server";
import { pledgeCounts } from "~/pledges/pledge.server";

import { createCampaign } from "../support/pledge-fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { signedInStaff } from "../support/staff";

const PARTNER_A = "https://a-partner.example";
const PARTNER_B = "https://b-partner.example";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;

describe("pledges through a partner's embed", () => {
  it("count for the listed partner the embed names, for none when forged, and show on the staff page", async () => {
    const id = await createCampaign(prisma());
    const { slug } = await prisma().campaign.update({ where: { id }, data: { embedOrigins: [PARTNER_A, PARTNER_B] }, select: { slug: true } });
    const embed = `/en/campaigns/${slug}/embed`;
    await server.contentRevision.refresh();

    // The embed writes the partner into its form only when the campaign lists it.
    const framed = await (await fetch(`${server.url}${embed}?partner=${encodeURIComponent(PARTNER_A)}`)).text();
    expect(framed).toContain(`<input type="hidden" name="partner" value="${PARTNER_A}"/>`);
    const forgedPage = await (await fetch(`${server.url}${embed}?partner=${encodeURIComponent("https://evil.example")}`)).text();
    expect(forgedPage).not.toContain('name="partner"');

    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${embed}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "Sec-Fetch-Site": "same-origin", ...headers },
        // A fresh form ticket each time: one ticket counts once per target.
        body: new URLSearchParams({ pledge: "CAMPAIGN_PLEDGE", ticket: issueFormTicket(), ...fields }).toString(),
      });
    const partnerCounts = async () =>
      Object.fromEntries((await prisma().embedPledgeCounter.findMany({ where: { campaignId: id } })).map((row) => [row.origin, row.count]));
    const campaignCount = async () => (await pledgeCounts({ campaignId: id })).byKind.CAMPAIGN_PLEDGE ?? 0;

    expect((await post({ partner: PARTNER_A })).status).toBe(303);
    expect((await post({ partner: PARTNER_A })).status).toBe(303);
    expect(await partnerCounts()).toEqual({ [PARTNER_A]: 2 });
    expect(await campaignCount()).toBe(2);

    // A forged origin, and a Referer without the field: counted as the site's, for no partner.
    expect((await post({ partner: "https://evil.example" })).status).toBe(303);
    expect((await post({}, { Referer: `${PARTNER_B}/page` })).status).toBe(303);
    expect(await partnerCounts()).toEqual({ [PARTNER_A]: 2 });
    expect(await campaignCount()).toBe(4);

    // Nothing about the person: the pledges hold no origin at all.
    const columns = await prisma().$queryRawUnsafe<{ column_name: string }[]>(`SELECT column_name::text FROM information_schema.columns WHERE table_name = 'Pledge'`);
    expect(columns.map((column) => column.column_name)).not.toContain("embedOrigin");

    // The campaign's staff page: per partner, with the frame address that counts for it.
    const { browser } = await signedInStaff(server.url, prisma(), ["moderator"]);
    const page = await (await browser.get(`/en/staff/campaigns/${id}`)).text();
    expect(page).toContain("Pledges through partner sites");
    expect(page).toMatch(new RegExp(`<tr data-origin="${PARTNER_A}"><th scope="row">${PARTNER_A}</th><td data-testid="embed-pledge-count">2</td>`));
    expect(page).toMatch(new RegExp(`<tr data-origin="${PARTNER_B}"><th scope="row">${PARTNER_B}</th><td data-testid="embed-pledge-count">0</td>`));
    expect(page).toContain(`${embed}?partner=${encodeURIComponent(PARTNER_A)}`);
  });
});
