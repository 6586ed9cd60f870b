// Which interface strings go live only after a second person approved them (browser-safe).
//
// A translator's account is enough to rewrite what keeps supporters safe: the advice not to
// sign with a real name, what Listy promises to store, the wording of an email that asks
// someone to click a link. So the texts below are held as proposals
// (interface-proposals.server.ts) until someone with translation:review who neither wrote nor
// edited the proposal approves it; everything else is saved at once, as before.
//
// Whole namespaces: emails (mail), the privacy page (privacy), and the forms that ask for
// personal data, whose hints and promises sit beside the fields (pledges, appeals, letters).
// Elsewhere, by naming convention: a key whose first segment is "mail" (the staff emails in
// staff), or with a segment named safety, safe, privacy or operator (the footer's promise,
// the safety line, the provider warning, who runs the site, the volunteer page's advice). New safety or privacy texts must be named so.
import type { Namespace } from "~/i18n";

export const REVIEWED_NAMESPACES: readonly Namespace[] = ["mail", "privacy", "pledges", "appeals", "letters"];

const REVIEWED_SEGMENT = /(^|-)(safety|safe|privacy|operator)(-|$)/;

/** Whether a change to this key (a plural group by its base) needs a second person's approval. */
export function needsReview(namespace: Namespace, key: string): boolean {
  if (REVIEWED_NAMESPACES.includes(namespace)) return true;
  const segments = key.split(".");
  if (segments[0] === "mail") return true;
  return segments.some((segment) => REVIEWED_SEGMENT.test(segment));
}
