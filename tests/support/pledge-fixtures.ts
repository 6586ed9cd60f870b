// Prisoners, campaigns and events for the pledge tests, and a helper to pull link tokens
// out of the emails the in-process SMTP server received.
import type { PrismaClient, PrisonerStatus } from "@prisma/client";

import { textOf, type ReceivedMessage } from "./smtp";

let n = 0;

export async function createPrisoner(
  prisma: PrismaClient,
  { status = "IN_CUSTODY", birthDate = null }: { status?: PrisonerStatus; birthDate?: string | null } = {},
): Promise<string> {
  const id = ++n;
  const prisoner = await prisma.prisoner.create({
    data: {
      slug: `pledge-test-prisoner-${id}-${Date.now()}`,
      status,
      lastVerifiedOn: new Date("2026-11-01"),
      birthDate: birthDate ? new Date(`${birthDate}T00:00:00Z`) : null,
      names: {
        create: [
          { script: "LATIN", givenName: "Testa", familyName: `Prisonerka${id}` },
          { script: "BE_CYRILLIC", givenName: "Тэста", familyName: `Вязніца${id}` },
        ],
      },
    },
  });
  return prisoner.id;
}

export async function createCampaign(prisma: PrismaClient, { status = "PUBLISHED" as "PUBLISHED" | "CLOSED" | "DRAFT" } = {}): Promise<string> {
  const id = ++n;
  const campaign = await prisma.campaign.create({
    data: {
      slug: `pledge-test-campaign-${id}-${Date.now()}`,
      status,
      goal: 100,
      translations: { create: { locale: "en", title: `Pledge campaign ${id}`, summary: "For tests", ask: "Free them" } },
    },
  });
  return campaign.id;
}

export async function createEvent(prisma: PrismaClient, campaignId: string, startsAt: Date): Promise<string> {
  const event = await prisma.campaignEvent.create({
    data: {
      campaignId,
      startsAt,
      translations: { create: [{ locale: "en", title: "Vigil", place: "Warsaw, Castle Square" }] },
    },
  });
  return event.id;
}

/** The token of a pledge link (confirm or manage) or a privacy link in an email. */
export function linkToken(message: ReceivedMessage, path: "pledges/confirm" | "pledges/manage" | "privacy/export" | "privacy/erase"): string {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]{43})`).exec(textOf(message));
  if (!match?.[1]) throw new Error(`no ${path} link in the message`);
  return match[1];
}
