// Emails to staff: the sign-in code and the invitation. Neutral subjects (a mailbox may be
// searched), plain words, no images; strings in the staff namespace.
import type { Language } from "~/i18n";
import { assemble, type RenderedMail } from "~/mail/messages.server";
import { getFixedT } from "~/utils/i18next.server";

export async function renderSignInCodeMail(language: Language, { code, minutes }: { code: string; minutes: number }): Promise<RenderedMail> {
  const t = await getFixedT(language, "backoffice");
  return assemble(language, t("backoffice:mail.code-subject"), [
    { text: t("backoffice:mail.greeting") },
    { text: t("backoffice:mail.code-intro") },
    { text: code },
    { text: t("backoffice:mail.code-expires", { count: minutes }) },
    { text: t("backoffice:mail.code-not-you") },
    { text: t("backoffice:mail.automatic") },
  ]);
}

export async function renderInvitationMail(language: Language, { link, days }: { link: string; days: number }): Promise<RenderedMail> {
  const t = await getFixedT(language, "backoffice");
  return assemble(language, t("backoffice:mail.invitation-subject"), [
    { text: t("backoffice:mail.greeting") },
    { text: t("backoffice:mail.invitation-intro") },
    { link },
    { text: t("backoffice:mail.invitation-expires", { count: days }) },
    { text: t("backoffice:mail.invitation-not-you") },
    { text: t("backoffice:mail.automatic") },
  ]);
}
