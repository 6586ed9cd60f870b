// Emails to staff: the sign-in code and the invitation. Neutral subjects (a mailbox may be
// searched), plain words, no images; strings in the staff namespace.
import type { Language } from "~/i18n";
import { assemble, type RenderedMail } from "~/mail/messages.server";
import { ROLE_KEYS } from "~/staff/labels";
import type { StaffRole } from "~/staff/permissions";
import { getFixedT } from "~/utils/i18next.server";

export async function renderSignInCodeMail(language: Language, { code, minutes }: { code: string; minutes: number }): Promise<RenderedMail> {
  const t = await getFixedT(language, "staff");
  return assemble(language, t("staff:mail.code-subject"), [
    { text: t("staff:mail.greeting") },
    { text: t("staff:mail.code-intro") },
    { text: code },
    { text: t("staff:mail.code-expires", { count: minutes }) },
    { text: t("staff:mail.code-not-you") },
    { text: t("staff:mail.automatic") },
  ]);
}

/** Names who invites and for which roles, so the invitee can tell a real invitation from a lure. */
export async function renderInvitationMail(
  language: Language,
  { link, days, inviter, roles }: { link: string; days: number; inviter: string; roles: readonly StaffRole[] },
): Promise<RenderedMail> {
  const t = await getFixedT(language, "staff");
  const roleNames = new Intl.ListFormat(language, { type: "conjunction" }).format(roles.map((role) => t(ROLE_KEYS[role])));
  return assemble(language, t("staff:mail.invitation-subject"), [
    { text: t("staff:mail.greeting") },
    { text: t("staff:mail.invitation-intro", { inviter }) },
    { text: t("staff:mail.invitation-roles", { count: roles.length, roles: roleNames }) },
    { link },
    { text: t("staff:mail.invitation-expires", { count: days }) },
    { text: t("staff:mail.invitation-not-you") },
    { text: t("staff:mail.automatic") },
  ]);
}

/** Only how many and where: the email says nothing of what waits (a mailbox may be read by others). */
export async function renderReviewNoticeMail(language: Language, { count, link }: { count: number; link: string }): Promise<RenderedMail> {
  const t = await getFixedT(language, "staff");
  return assemble(language, t("staff:mail.review-subject"), [
    { text: t("staff:mail.greeting") },
    { text: t("staff:mail.review-intro", { count }) },
    { link },
    { text: t("staff:mail.review-period") },
    { text: t("staff:mail.automatic") },
  ]);
}
