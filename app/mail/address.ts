// One email address, checked strictly. Supporters type their address into a form; whatever
// they type must end up as exactly one recipient or be refused. nodemailer would happily
// turn "a@x, b@y; c@z" or '"a@x" <b@y>' into other or several recipients, so anything but a
// bare addr-spec is refused here, and the result is handed on as an address object.
import { domainToASCII } from "node:url";

/** Domains of throwaway mailboxes: a confirmation sent there proves nothing about a person. */
const DISPOSABLE_DOMAINS = new Set([
  "mailinator.com",
  "guerrillamail.com",
  "guerrillamail.net",
  "sharklasers.com",
  "10minutemail.com",
  "temp-mail.org",
  "tempmail.com",
  "yopmail.com",
  "trashmail.com",
  "getnada.com",
  "dispostable.com",
  "maildrop.cc",
  "throwawaymail.com",
  "fakeinbox.com",
  "mailnesia.com",
]);

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type AddressCheck =
  | { ok: true; address: string }
  | { ok: false; reason: "invalid" | "disposable" };

/**
 * Returns the address normalised (domain lower-cased and in ASCII) or why it is refused.
 * Refused: control characters, spaces, commas, semicolons, angle brackets, quotes,
 * comments, several @, IP-literal domains, non-ASCII local parts, and throwaway domains.
 */
export function checkEmailAddress(raw: unknown): AddressCheck {
  if (typeof raw !== "string") return { ok: false, reason: "invalid" };
  // Only plain spaces around it are forgiven; a line break or tab anywhere is refused.
  const value = raw.replace(/^ +| +$/g, "");
  // Control characters anywhere (CR, LF, NUL, tabs, Unicode line separators) are an attack, not a typo.
  if (value.length === 0 || value.length > 254 || /[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]/u.test(value)) {
    return { ok: false, reason: "invalid" };
  }
  const at = value.lastIndexOf("@");
  if (at <= 0 || value.indexOf("@") !== at) return { ok: false, reason: "invalid" };
  const local = value.slice(0, at);
  const domainInput = value.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return { ok: false, reason: "invalid" };
  if (domainInput.startsWith("[") || /[^\p{L}\p{M}\p{N}.-]/u.test(domainInput)) return { ok: false, reason: "invalid" };
  const domain = domainToASCII(domainInput.toLowerCase());
  if (!domain || domain.length > 253) return { ok: false, reason: "invalid" };
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return { ok: false, reason: "invalid" };
  if (/^\d+$/.test(labels.at(-1) ?? "")) return { ok: false, reason: "invalid" };
  if (DISPOSABLE_DOMAINS.has(domain) || DISPOSABLE_DOMAINS.has(labels.slice(-2).join("."))) {
    return { ok: false, reason: "disposable" };
  }
  return { ok: true, address: `${local}@${domain}` };
}

/** Header text on one line: control characters and line breaks become spaces. */
export function singleLine(value: string, maxLength = 250): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu, " ")
    .replace(/\s{2,}/g, " ")
    .trim()
    .slice(0, maxLength);
}
