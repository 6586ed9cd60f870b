// An official that appeals can reach: an approved email address with its source, as a
// second staff member would have left it (app/staff/officials/). For tests that publish
// campaigns, which a target without a working channel would stop.
import type { PrismaClient } from "@prisma/client";

let counter = 0;

export async function createReachableOfficial(prisma: PrismaClient, { language = "en", name = "Reachable Official" }: { language?: string; name?: string } = {}): Promise<string> {
  const n = `${Date.now().toString(36)}-${++counter}`;
  const source = await prisma.source.create({ data: { key: `test-official-source-${n}`, publication: "Ministry website", url: "https://gov.example.org/contacts", publishedOn: new Date("2026-11-02T00:00:00.000Z") } });
  const email = `office.${n}@gov.example.org`;
  const official = await prisma.official.create({
    data: {
      slug: `reachable-official-${n}`,
      country: "PL",
      language,
      email,
      translations: { create: [{ locale: "en", name: `${name} ${counter}`, position: "Minister" }] },
      contacts: { create: { channel: "EMAIL", value: email, sourceId: source.id, reportedOn: new Date("2026-11-02T00:00:00.000Z"), state: "APPROVED" } },
    },
  });
  return official.id;
}

/**
 * The demo official with the email and postal address an approved contact would leave. No seed
 * report gives either, so the demo data has none, and an appeal could then only be read, not
 * printed or sent; browser tests that print, download or send use this.
 */
export async function giveDemoOfficialTestContacts(prisma: PrismaClient, email = "kancelaria@official.example.org"): Promise<void> {
  await prisma.official.update({ where: { slug: "alyaksandr-lukashenka" }, data: { email, postalAddress: "Test Street 1\n00-000 Test Town" } });
}
