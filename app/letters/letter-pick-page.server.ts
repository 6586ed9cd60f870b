// The "write to someone who needs it" page's view-model: the person chosen (letter-pick.server.ts),
// not one of those the visitor skipped, with the reasons formatted for the page's language.
import type { Language } from "~/i18n";
import { formatBirthday } from "~/prisoners/directory.server";
import { formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { BIRTHDAY_SOON_DAYS, pickPrisonerToWrite } from "./letter-pick.server";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+){0,7}$/;
const MAX_SKIPPED = 50;

export async function loadWritePage(language: Language, url: URL) {
  // Malformed entries are dropped: the list only steers the choice, it cannot break it.
  const skip = (url.searchParams.get("skip") ?? "")
    .split(",")
    .filter((slug) => SLUG.test(slug))
    .slice(0, MAX_SKIPPED);
  const [t, pick] = await Promise.all([getFixedT(language, "letters"), pickPrisonerToWrite(language, { skip })]);
  return {
    language,
    birthdaySoonDays: BIRTHDAY_SOON_DAYS,
    pick: pick
      ? {
          slug: pick.slug,
          name: formatPersonName(pick.names.display),
          reasons: pick.reasons.map((reason) =>
            reason.kind === "birthday-soon" ? { ...reason, displayDate: formatBirthday(reason.birthDate, language) } : reason,
          ),
          letterStatus: pick.letterStatus,
          letterStatusReport: pick.letterStatusReport,
          skipNext: [...skip.filter((slug) => slug !== pick.slug), pick.slug].slice(-MAX_SKIPPED).join(","),
        }
      : null,
    meta: { title: t("letters:pick.meta-title"), description: t("letters:pick.meta-description") },
  };
}
