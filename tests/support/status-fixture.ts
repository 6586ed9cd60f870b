// The demo reports are from 2024–2025, so today every demo status is stale. Tests of the
// fresh path report a status themselves: a "test report" source dated `daysAgo` days back.
import type { LetterStatus, PrismaClient, PrisonerStatus } from "@prisma/client";

const DAY_MS = 86_400_000;

export interface StatusReportFixture {
  /** Days before today the report is dated (at DAY precision). */
  daysAgo: number;
  status?: PrisonerStatus;
  letterStatus?: LetterStatus;
  /** Report only the status, or only the letter status; default both. */
  only?: "status" | "letterStatus";
}

export function daysAgo(days: number, now: Date = new Date()): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - days * DAY_MS);
}

/** Reports a prisoner's status (and letter status) as of `daysAgo` days back; returns the source's publication name. */
export async function reportStatus(prisma: PrismaClient, slug: string, fixture: StatusReportFixture): Promise<string> {
  const reportedOn = daysAgo(fixture.daysAgo);
  const key = `test-report-${reportedOn.toISOString().slice(0, 10)}`;
  const publication = `Test Monitor ${reportedOn.toISOString().slice(0, 10)}`;
  const source = await prisma.source.upsert({
    where: { key },
    update: {},
    create: { key, publication, publishedOn: reportedOn, datePrecision: "DAY" },
  });
  const status = fixture.only === "letterStatus" ? {} : {
    ...(fixture.status ? { status: fixture.status } : {}),
    statusSourceId: source.id,
    statusReportedOn: reportedOn,
    statusReportedPrecision: "DAY" as const,
  };
  const letterStatus = fixture.only === "status" ? {} : {
    ...(fixture.letterStatus ? { letterStatus: fixture.letterStatus } : {}),
    letterStatusSourceId: source.id,
    letterStatusReportedOn: reportedOn,
    letterStatusReportedPrecision: "DAY" as const,
  };
  await prisma.prisoner.update({ where: { slug }, data: { ...status, ...letterStatus } });
  return publication;
}
