// What the emails say. Emails to supporters have neutral subjects and bodies: no prisoner's
// name, no country, nothing that endangers someone whose mailbox is searched. Text and
// HTML parts carry the same words; the HTML is escaped, with no images, styles or tracking.
import type { Language } from "~/i18n";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { singleLine } from "./address";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** One paragraph, or a link on a line of its own. */
export type Block = { text: string } | { link: string };

export function assemble(language: Language, subject: string, blocks: Block[]): RenderedMail {
  const text = blocks.map((block) => ("link" in block ? block.link : block.text)).join("\n\n") + "\n";
  const body = blocks
    .map((block) =>
      "link" in block
        ? `<p><a href="${escapeHtml(block.link)}">${escapeHtml(block.link)}</a></p>`
        : `<p>${escapeHtml(block.text).replace(/\n/g, "<br>\n")}</p>`,
    )
    .join("\n");
  const html =
    `<!DOCTYPE html>\n<html lang="${language}">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n` +
    `<body>\n${body}\n</body>\n</html>\n`;
  return { subject: singleLine(subject), text, html };
}

const dayOf = (date: Date, language: Language) => formatDate(date.toISOString().slice(0, 10), "DAY", language);

/**
 * A sentence that ends with a date: Belarusian, Russian and Ukrainian dates end with an
 * abbreviation ("14 снежня 2026 г."), whose stop is also the sentence's, not "г..".
 */
const endingWithDate = (text: string) => text.replace(/(\p{L})\.\.(?=\s|$)/gu, "$1.");

export async function renderConfirmationMail(
  language: Language,
  { link, expiresAt, reminder }: { link: string; expiresAt: Date; reminder: boolean },
): Promise<RenderedMail> {
  const t = await getFixedT(language, "mail");
  const blocks: Block[] = [
    { text: t("mail:common.greeting") },
    { text: reminder ? t("mail:reminder.intro") : t("mail:confirmation.intro") },
    { text: t("mail:confirmation.action") },
    { link },
    { text: endingWithDate(t("mail:confirmation.expires", { date: dayOf(expiresAt, language) })) },
    { text: t("mail:confirmation.not-you") },
  ];
  if (reminder) blocks.push({ text: t("mail:reminder.last") });
  blocks.push({ text: `${t("mail:common.privacy")}\n${t("mail:common.automatic")}` });
  return assemble(language, reminder ? t("mail:reminder.subject") : t("mail:confirmation.subject"), blocks);
}

export async function renderGaveUpMail(language: Language): Promise<RenderedMail> {
  const t = await getFixedT(language, "mail");
  return assemble(language, t("mail:gave-up.subject"), [
    { text: t("mail:common.greeting") },
    { text: t("mail:gave-up.body") },
    { text: t("mail:gave-up.next") },
    { text: `${t("mail:common.privacy")}\n${t("mail:common.automatic")}` },
  ]);
}

export async function renderFollowUpMail(language: Language, { link }: { link: string }): Promise<RenderedMail> {
  const t = await getFixedT(language, "mail");
  return assemble(language, t("mail:follow-up.subject"), [
    { text: t("mail:common.greeting") },
    { text: t("mail:follow-up.body") },
    { text: t("mail:follow-up.action") },
    { link },
    { text: t("mail:follow-up.once") },
    { text: `${t("mail:common.privacy")}\n${t("mail:common.automatic")}` },
  ]);
}

/**
 * The appeal itself, as the supporter last edited it; paragraphs are kept. The addressee block
 * (office, then name: one line each) comes first, as on the printed letter.
 */
export function renderAppealMail(language: string, subject: string, body: string, addressee: readonly string[] = []): RenderedMail {
  const paragraphs = body.replace(/\r\n?/g, "\n").split(/\n{2,}/).map((text) => ({ text: text.trim() })).filter((block) => block.text);
  const heading = addressee.map((line) => line.trim()).filter(Boolean).join("\n");
  return assemble((/^[a-z]{2,3}$/.test(language) ? language : "en") as Language, subject, heading ? [{ text: heading }, ...paragraphs] : paragraphs);
}

// ---------------------------------------------------------------------------
// Pledges and privacy requests. Links go to pages with a button that POSTs (mail scanners
// open links). Reminders link to the pledge's manage page, not to a prisoner's page: a
// prisoner's address on the site carries their name, and these emails carry no names.

export async function renderPledgeConfirmationMail(language: Language, { link, expiresAt }: { link: string; expiresAt: Date }): Promise<RenderedMail> {
  const t = await getFixedT(language, "mail");
  return assemble(language, t("mail:pledge-confirmation.subject"), [
    { text: t("mail:common.greeting") },
    { text: t("mail:pledge-confirmation.intro") },
    { text: t("mail:pledge-confirmation.action") },
    { link },
    { text: endingWithDate(t("mail:confirmation.expires", { date: dayOf(expiresAt, language) })) },
    { text: t("mail:pledge-confirmation.not-you") },
    { text: `${t("mail:pledge-common.privacy")}\n${t("mail:common.automatic")}` },
  ]);
}

/** To the owner of an address that pledged the same thing again: what the form could not say. */
export async function renderPledgeAlreadyMadeMail(language: Language, { link }: { link: string }): Promise<RenderedMail> {
  const t = await getFixedT(language, "mail");
  return assemble(language, t("mail:pledge-already-made.subject"), [
    { text: t("mail:common.greeting") },
    { text: t("mail:pledge-already-made.intro") },
    { text: t("mail:pledge-already-made.action") },
    { link },
    { text: t("mail:pledge-already-made.not-you") },
    { text: `${t("mail:pledge-common.privacy")}\n${t("mail:common.automatic")}` },
  ]);
}

export async function renderPledgeReminderMail(
  language: Language,
  input: { kind: "monthly"; link: string } | { kind: "birthday"; link: string; birthday: string },
): Promise<RenderedMail> {
  const t = await getFixedT(language, "mail");
  const monthly = input.kind === "monthly";
  return assemble(language, monthly ? t("mail:monthly-reminder.subject") : t("mail:birthday-reminder.subject"), [
    { text: t("mail:common.greeting") },
    {
      text:
        input.kind === "monthly"
          ? t("mail:monthly-reminder.body")
          : t("mail:birthday-reminder.body", { date: formatDate(input.birthday, "DAY", language) }),
    },
    { text: monthly ? t("mail:monthly-reminder.action") : t("mail:birthday-reminder.action") },
    { link: input.link },
    { text: t("mail:pledge-common.stop") },
    { text: `${t("mail:pledge-common.privacy")}\n${t("mail:common.automatic")}` },
  ]);
}

export async function renderPrivacyLinkMail(
  language: Language,
  { kind, link, expiresAt }: { kind: "EXPORT" | "ERASE"; link: string; expiresAt: Date },
): Promise<RenderedMail> {
  const t = await getFixedT(language, "mail");
  const erase = kind === "ERASE";
  return assemble(language, t("mail:privacy-link.subject"), [
    { text: t("mail:common.greeting") },
    { text: erase ? t("mail:privacy-link.intro-erase") : t("mail:privacy-link.intro-export") },
    { text: erase ? t("mail:privacy-link.action-erase") : t("mail:privacy-link.action-export") },
    { link },
    { text: endingWithDate(t("mail:confirmation.expires", { date: dayOf(expiresAt, language) })) },
    { text: t("mail:privacy-link.not-you") },
    { text: t("mail:common.automatic") },
  ]);
}
