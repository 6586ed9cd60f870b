// What waits for a second pair of eyes, counted for the staff overview (each count links to its
// list) and for a periodic, neutral email to moderators: "N items wait for review" and a link,
// never what they are, at most once per REVIEW_NOTICE_PERIOD_MS per moderator, through the
// outbox (and so its hourly cap).
import type { Language } from "~/i18n";
import { isLanguage } from "~/i18n";
import { enqueueMail, randomMessageId } from "~/mail/outbox.server";
import { renderReviewNoticeMail } from "~/staff/accounts/staff-mails.server";
import { can, type Actor, type Permission, type StaffRole } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { localOrigin, parseEnv } from "~/utils/env.server";

export const REVIEW_NOTICE_PERIOD_MS = 24 * 60 * 60_000;

export type ReviewKind = "campaigns" | "campaign-revisions" | "profile-changes" | "interface-proposals" | "content-translations";

/** Who may act on each kind; the overview shows only the kinds the member may review. */
const REVIEWED_WITH: Record<ReviewKind, Permission> = {
  campaigns: "campaign:publish",
  "campaign-revisions": "campaign:publish",
  "profile-changes": "prisoner:approve-change",
  "interface-proposals": "translation:review",
  "content-translations": "translation:review",
};

/** Where each kind is listed (under /:lang/staff). */
const LIST_PATHS: Record<ReviewKind, string> = {
  campaigns: "campaigns",
  "campaign-revisions": "campaigns",
  "profile-changes": "prisoners?filter=pending",
  "interface-proposals": "translations",
  "content-translations": "translations/content",
};

export interface ReviewCount {
  kind: ReviewKind;
  count: number;
  path: string;
}

async function countWaiting(): Promise<Record<ReviewKind, number>> {
  const prisma = getPrisma();
  const [campaigns, revisions, changes, proposals, prisonerTexts, campaignTexts] = await Promise.all([
    prisma.campaign.count({ where: { status: "IN_REVIEW" } }),
    prisma.campaignRevision.count({ where: { state: "PENDING" } }),
    prisma.prisonerChange.count({ where: { state: "PENDING" } }),
    prisma.interfaceProposal.count({ where: { state: "PENDING" } }),
    prisma.prisonerTranslation.count({ where: { review: "NEEDS_REVIEW" } }),
    prisma.campaignTranslation.count({ where: { review: "NEEDS_REVIEW" } }),
  ]);
  return {
    campaigns,
    "campaign-revisions": revisions,
    "profile-changes": changes,
    "interface-proposals": proposals,
    "content-translations": prisonerTexts + campaignTexts,
  };
}

function countsFor(actor: Actor, waiting: Record<ReviewKind, number>, language: Language): ReviewCount[] {
  return (Object.keys(REVIEWED_WITH) as ReviewKind[])
    .filter((kind) => can(actor, REVIEWED_WITH[kind]))
    .map((kind) => ({ kind, count: waiting[kind], path: `/${language}/staff/${LIST_PATHS[kind]}` }));
}

/** The overview's counts for this member: every kind they may review, zeros included (so "nothing waits" is visible). */
export async function reviewQueueFor(actor: Actor, language: Language): Promise<ReviewCount[]> {
  if (!(Object.values(REVIEWED_WITH) as Permission[]).some((permission) => can(actor, permission))) return [];
  return countsFor(actor, await countWaiting(), language);
}

/**
 * The periodic job: for each active moderator with something to review and no notice in the
 * last period, claims the period (compare-and-set on reviewNoticeAt, so two instances never
 * both send) and queues the email in the same transaction. Returns how many were queued.
 */
export async function queueReviewNotices(at: Date): Promise<number> {
  const prisma = getPrisma();
  const due = new Date(at.getTime() - REVIEW_NOTICE_PERIOD_MS);
  // Roles are filtered here, not in SQL: the embedded database's adapter cannot bind an enum
  // array filter (`has`). A team is a few dozen rows.
  const moderators = (
    await prisma.staffMember.findMany({
      where: { active: true, OR: [{ reviewNoticeAt: null }, { reviewNoticeAt: { lte: due } }] },
      select: { id: true, email: true, language: true, roles: true, reviewNoticeAt: true },
    })
  ).filter((member) => member.roles.includes("moderator"));
  if (moderators.length === 0) return 0;
  const waiting = await countWaiting();
  const env = parseEnv();
  const origin = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : localOrigin(env);
  let queued = 0;
  for (const moderator of moderators) {
    const language: Language = isLanguage(moderator.language) ? moderator.language : "en";
    const actor: Actor = { kind: "staff", id: moderator.id, roles: moderator.roles as StaffRole[] };
    const count = countsFor(actor, waiting, language).reduce((sum, item) => sum + item.count, 0);
    if (count === 0) continue;
    const mail = await renderReviewNoticeMail(language, { count, link: `${origin}/${language}/staff` });
    const sent = await prisma.$transaction(async (tx) => {
      const claimed = await tx.staffMember.updateMany({ where: { id: moderator.id, reviewNoticeAt: moderator.reviewNoticeAt }, data: { reviewNoticeAt: at } });
      if (claimed.count !== 1) return false;
      await enqueueMail(tx, { kind: "STAFF", appealId: null, to: moderator.email, subject: mail.subject, text: mail.text, html: mail.html, messageId: randomMessageId(), nextAttemptAt: at, createdAt: at });
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}
