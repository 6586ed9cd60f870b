// The pages the links in pledge emails land on: confirm a pledge (/:lang/pledges/confirm/:token)
// and manage it (/:lang/pledges/manage/:token: stop the reminders, or withdraw). GET only shows
// the page; the buttons POST. What they say never depends on more than the token.
import { formFields, type FormSource } from "~/utils/form-fields";
import { linkToken, privateLinkPage } from "~/utils/private-link.server";
import { requireLanguage } from "~/utils/route.server";

import { pledgeLifecycle, pledgeStates, type PledgeState } from "./pledge-state";
import { confirmPledge, findPledgeByManageToken, PLEDGE_KINDS, stopReminders, withdrawPledge } from "./pledge.server";

export type ManagedPledgeKind = (typeof PLEDGE_KINDS)[number];
export type ManageLinkOutcome = Awaited<ReturnType<typeof stopReminders>> | Awaited<ReturnType<typeof withdrawPledge>>;

/** The confirm page's button. */
export async function answerConfirmLink(token: string | null) {
  const outcome = token === null ? "invalid" : await confirmPledge(token);
  return { outcome, status: outcome === "invalid" ? 404 : 200 };
}

/** The manage page: the pledge as its owner sees it, or a 404 for a link that names none. */
export async function managePage(params: { lang?: string; token?: string }) {
  requireLanguage(params);
  const token = linkToken(params);
  // The title's translations and the token's row are independent: fetch them together.
  const [page, pledge] = await Promise.all([privateLinkPage(params, "pledges:manage.meta-title"), token === null ? null : findPledgeByManageToken(token)]);
  const state = (pledge && (pledgeStates as readonly string[]).includes(pledge.state) ? pledge.state : "ACTIVE") satisfies PledgeState;
  const data = {
    language: page.language,
    pledge: pledge
      ? {
          kind: (PLEDGE_KINDS as readonly string[]).includes(pledge.kind) ? (pledge.kind as ManagedPledgeKind) : "CAMPAIGN_PLEDGE",
          state,
          targetName: pledge.targetName,
          remindersOn: pledge.hasReminders && pledge.remindersOn,
          hasReminders: pledge.hasReminders,
          canWithdraw: pledgeLifecycle.allows("withdraw", state),
        }
      : null,
    meta: page.meta,
  };
  return { data, status: pledge ? 200 : 404 };
}

/** The manage page's buttons: stop the reminders, or withdraw the pledge. */
export async function answerManageLink(token: string | null, form: FormSource): Promise<{ outcome: ManageLinkOutcome | null; status: number }> {
  if (token === null) return { outcome: "invalid", status: 404 };
  const intent = formFields(form).choice("intent", ["stop", "withdraw"] as const);
  if (intent === "stop") return { outcome: await stopReminders(token), status: 200 };
  if (intent === "withdraw") return { outcome: await withdrawPledge(token), status: 200 };
  return { outcome: null, status: 400 };
}
