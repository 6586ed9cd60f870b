// The second-factor page's POST: a code from the authenticator app, or one of the recovery
// codes instead. Says where to go next and with which session token; the route sets the cookie.
import type { Language } from "~/i18n";
import { formFields, type FormSource } from "~/utils/form-fields";

import { redeemRecoveryCode } from "./recovery-codes.server";
import { verifySecondFactor } from "./sign-in.server";

export type SecondFactorAnswer =
  | { go: string; sessionToken: string | null }
  | { error: "wrong" | "wrong-recovery" };

export async function submitSecondFactor(
  state: { sessionId: string; staff: { totpEnrolledAt: Date | null } },
  form: FormSource,
  language: Language,
): Promise<SecondFactorAnswer> {
  // Too many wrong codes: the attempt is over, back to the start with the cookie cleared.
  const locked = { go: `/${language}/staff/sign-in?notice=locked`, sessionToken: null };
  const fields = formFields(form);
  if (fields.choice("intent", ["recovery"] as const)) {
    const result = await redeemRecoveryCode({ sessionId: state.sessionId, code: fields.line("recoveryCode", 40) });
    // On to the page that says how many codes are left (and warns when few are).
    if (result.ok) return { go: `/${language}/staff/recovery-codes?used=1`, sessionToken: result.sessionToken };
    return result.locked ? locked : { error: "wrong-recovery" };
  }
  const enrolling = state.staff.totpEnrolledAt === null;
  const result = await verifySecondFactor({ sessionId: state.sessionId, code: fields.line("code", 20) });
  // Right after enrolment: straight on to making the recovery codes.
  if (result.ok) return { go: enrolling ? `/${language}/staff/recovery-codes?enrolled=1` : `/${language}/staff`, sessionToken: result.sessionToken };
  return result.locked ? locked : { error: "wrong" };
}
