// The back office's profile list at the scale of a real list (issue 16): paginated, filtered
// by status, letter status and facility, and searched with the public site's any-spelling
// name match, so "Ivanov" finds Іваноў, Иванов and Ivanou alike (drafts included).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../support/server";
import { signedInStaff } from "../support/staff";

let server: TestServer;
const prisma = () => server.database.prisma;

beforeAll(async () => {
  server = await startTestServer();
  const facility = await prisma().facility.create({ data: { slug: "list-test-colony", kind: "PENAL_COLONY" } });
  // 120 drafts, every third with a letter status and in the facility; three spellings of one name.
  for (let i = 0; i < 120; i++) {
    await prisma().prisoner.create({
      data: {
        slug: `list-test-${i}`,
        status: i % 2 ? "IN_CUSTODY" : "RELEASED",
        letterStatus: i % 3 === 0 ? "CAN_RECEIVE" : "UNKNOWN",
        facilityId: i % 3 === 0 ? facility.id : null,
        lastVerifiedOn: new Date(),
        draft: true,
        names: { create: [{ script: "LATIN", givenName: "Test", familyName: `Listperson${i}` }] },
      },
    });
  }
  const spellings = [
    { script: "BE_CYRILLIC" as const, givenName: "Сяргей", familyName: "Іваноў" },
    { script: "RU_CYRILLIC" as const, givenName: "Сергей", familyName: "Иванов" },
    { script: "LATIN" as const, givenName: "Siarhei", familyName: "Ivanou" },
  ];
  for (const [index, name] of spellings.entries()) {
    await prisma().prisoner.create({ data: { slug: `ivanov-spelling-${index}`, status: "IN_CUSTODY", lastVerifiedOn: new Date(), draft: index === 0, names: { create: [name] } } });
  }
});

afterAll(async () => {
  await server?.close();
});

const slugsIn = (html: string) => [...html.matchAll(/data-slug="([^"]+)"/g)].map((match) => match[1]!);

describe("the staff profile list", () => {
  it("finds a name in every script and spelling, drafts included", async () => {
    const { browser } = await signedInStaff(server.url, prisma(), ["campaigner"]);
    for (const q of ["Ivanov", "Иванов", "Іваноў", "ivanou"]) {
      const html = await (await browser.get(`/en/staff/prisoners?q=${encodeURIComponent(q)}`)).text();
      expect(slugsIn(html).sort(), q).toEqual(["ivanov-spelling-0", "ivanov-spelling-1", "ivanov-spelling-2"]);
    }
  });

  it("pages through every profile with links that keep the filters, and filters by letter status and facility", async () => {
    const { browser } = await signedInStaff(server.url, prisma(), ["campaigner"]);
    const total = await prisma().prisoner.count();
    const first = await (await browser.get("/en/staff/prisoners")).text();
    expect(slugsIn(first)).toHaveLength(50);
    expect(first).toContain(`${total} profiles`);
    expect(first).toContain(`Page 1 of ${Math.ceil(total / 50)}`);

    const seen = new Set<string>();
    for (let page = 1; page <= Math.ceil(total / 50); page++) {
      for (const slug of slugsIn(await (await browser.get(`/en/staff/prisoners?page=${page}`)).text())) seen.add(slug);
    }
    expect(seen.size).toBe(total);

    const filtered = await (await browser.get("/en/staff/prisoners?filter=draft&letters=CAN_RECEIVE&facility=list-test-colony")).text();
    expect(slugsIn(filtered)).toHaveLength(40);
    expect(slugsIn(filtered).every((slug) => Number(slug.replace("list-test-", "")) % 3 === 0)).toBe(true);
    const canReceive = await prisma().prisoner.count({ where: { draft: true, letterStatus: "CAN_RECEIVE", facility: { slug: "list-test-colony" } } });
    expect(canReceive).toBe(40);

    const released = await (await browser.get("/en/staff/prisoners?status=RELEASED&facility=list-test-colony&page=1")).text();
    expect(slugsIn(released).every((slug) => Number(slug.replace("list-test-", "")) % 6 === 0)).toBe(true);
    expect(slugsIn(released)).toHaveLength(20);

    const second = await (await browser.get("/en/staff/prisoners?q=Listperson&filter=draft&letters=UNKNOWN&page=2")).text();
    // The next and previous links carry every filter.
    expect(second).toMatch(/href="\/en\/staff\/prisoners\?q=Listperson&amp;filter=draft&amp;letters=UNKNOWN&amp;page=1"/);
    expect(second).toMatch(/rel="prev"/);
  });

  it("shows the whole list for a page or filter value it does not know, instead of an error", async () => {
    const { browser } = await signedInStaff(server.url, prisma(), ["campaigner"]);
    const response = await browser.get("/en/staff/prisoners?page=999&status=NOPE&letters=%3Cscript%3E&facility=nowhere");
    expect(response.status).toBe(200);
    expect(slugsIn(await response.text()).length).toBeGreaterThan(0);
  });
});
