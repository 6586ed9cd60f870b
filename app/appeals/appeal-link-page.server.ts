// The pages the links in appeal emails land on: confirm or cancel an appeal
// (/:lang/appeals/confirm/:token) and the follow-up question (/:lang/appeals/follow-up/:token).
// GET only shows the page; the buttons POST. What they say never depends on more than the token.
import { formFields, type FormSource } from "~/utils/form-fields";
import { linkToken, privateLinkPage } from "~/utils/private-link.server";
import { requireLanguage } from "~/utils/route.server";

import { cancelAppeal, confirmAppeal, findAppealByToken, recordFollowUp } from "./appeal.server";

/** What the confirm page shows: the appeal awaiting a decision, or what has become of it. */
export type ConfirmPageView = "pending" | "confirmed" | "sent" | "failed" | "expired" | "cancelled" | "invalid";

export type ConfirmLinkOutcome = Awaited<ReturnType<typeof confirmAppeal>> | Awaited<ReturnType<typeof cancelAppeal>>;

export async function confirmPage(params: { lang?: string; token?: string }) {
  requireLanguage(params);
  const token = linkToken(params);
  // The title's translations and the token's row are independent: fetch them together.
  const [page, appeal] = await Promise.all([privateLinkPage(params, "appeals:confirm.meta-title"), token === null ? null : findAppealByToken(token)]);
  let view: ConfirmPageView = "invalid";
  if (appeal) {
    if (appeal.expired) view = "expired";
    else if (appeal.state === "PENDING_CONFIRMATION") view = "pending";
    else if (appeal.state === "CONFIRMED") view = "confirmed";
    else if (appeal.state === "SENT") view = "sent";
    else if (appeal.state === "FAILED") view = "failed";
    else if (appeal.state === "CANCELLED") view = "cancelled";
    else if (appeal.state === "EXPIRED") view = "expired";
  }
  const data = {
    language: page.language,
    view,
    // The text is shown only while there is still a decision to make.
    appeal:
      appeal && view === "pending"
        ? { officialName: appeal.officialName, addressee: appeal.addressee, subject: appeal.subject, body: appeal.body, language: appeal.language, campaignSlug: appeal.campaignSlug }
        : null,
    campaignSlug: appeal?.campaignSlug ?? null,
    meta: page.meta,
  };
  return { data, status: view === "invalid" ? 404 : 200 };
}

/** The confirm page's buttons: confirm, or cancel. */
export async function answerConfirmLink(token: string | null, form: FormSource): Promise<{ outcome: ConfirmLinkOutcome | null; status: number }> {
  if (token === null) return { outcome: "invalid", status: 404 };
  const intent = formFields(form).choice("intent", ["cancel", "confirm"] as const);
  if (intent === "cancel") return { outcome: await cancelAppeal(token), status: 200 };
  if (intent === "confirm") return { outcome: await confirmAppeal(token), status: 200 };
  return { outcome: null, status: 400 };
}

/** The follow-up page's buttons: a reply came, or none did. */
export async function answerFollowUpLink(
  token: string | null,
  form: FormSource,
): Promise<{ outcome: "missing" | Awaited<ReturnType<typeof recordFollowUp>>; status: number }> {
  const answer = formFields(form).choice("answer", ["replied", "no-reply"] as const);
  if (answer === null) return { outcome: "missing", status: 400 };
  const outcome = token === null ? "invalid" : await recordFollowUp(token, answer);
  return { outcome, status: outcome === "invalid" ? 404 : 200 };
}
