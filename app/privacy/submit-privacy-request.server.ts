// /:lang/privacy/request: the form asking for a link to export or erase what Listy holds for
// an address. The answer is the same whether or not anything is held for it, so the page
// cannot be used to find out whether someone pledged or wrote an appeal.
import type { Language } from "~/i18n";
import { EMAIL_MAX_LENGTH } from "~/pledges/pledge-form";
import { formFields, type FormSource } from "~/utils/form-fields";

import { requestPrivacyLink } from "./privacy.server";

const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export type PrivacyRequestProblem = "email-invalid" | "email-too-long";

export interface PrivacyRequestResult {
  sent: boolean;
  email: string;
  kind: "EXPORT" | "ERASE";
  problem: PrivacyRequestProblem | null;
}

export async function submitPrivacyRequest({
  form,
  language,
  publicOrigin,
}: {
  form: FormSource;
  language: Language;
  publicOrigin: string;
}): Promise<{ result: PrivacyRequestResult; status: number }> {
  const fields = formFields(form);
  // Longer than any address may be, so that "too long" can be told apart from "invalid".
  const email = fields.line("email", EMAIL_MAX_LENGTH + 50).trim();
  const kind = fields.choice("kind", ["ERASE"] as const) ?? "EXPORT";
  const reply = (result: Partial<PrivacyRequestResult>, status: number) => ({ result: { sent: false, email, kind, problem: null, ...result } satisfies PrivacyRequestResult, status });
  if (email.length > EMAIL_MAX_LENGTH) return reply({ problem: "email-too-long" }, 400);
  if (!EMAIL_PATTERN.test(email)) return reply({ problem: "email-invalid" }, 400);
  const result = await requestPrivacyLink({ email, kind, language, publicOrigin });
  if (!result.ok && result.reason === "invalid-email") return reply({ problem: "email-invalid" }, 400);
  // The same answer for every well-formed address, known or not, and also when a cap was hit:
  // a cap reached only by addresses that hold data would otherwise tell them apart.
  // The address is not shown back.
  return reply({ sent: true, email: "" }, 200);
}
