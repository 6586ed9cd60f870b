// The "write to someone who needs it" page's view-model: the person chosen (letter-pick.server.ts),
// not one of those the visitor skipped, with the reasons formatted for the page's language.
import type { Language } from "~/i18n";
import { formatBirthday } from "~/prisoners/directory.server";
import { formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { BIRTHDAY_SOON_DAYS, findPickFor, pickPrisonerToWrite } from "./letter-pick.server";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+){0,7}$/;
const MAX_SKIPPED = 50;

function skippedSlugs(url: URL): string[] {
  // Malformed entries are dropped: the list only steers the choice, it cannot break it.
  return (url.searchParams.get("skip") ?? "")
    .split(",")
    .filter((slug) => SLUG.test(slug))
    .slice(0, MAX_SKIPPED);
}

/**
 * /:lang/write chooses (a random tie-break, never cached) and sends the browser to the chosen
 * person's pick page, which is the same for every reader until content changes and so is
 * served from the page cache. Null when there is nobody to suggest.
 */
export async function chooseWritePage(language: Language, url: URL): Promise<string | null> {
  const skip = skippedSlugs(url);
  const pick = await pickPrisonerToWrite(language, { skip });
  if (!pick) return null;
  return `/${language}/write/${pick.slug}${skip.length > 0 ? `?skip=${skip.join(",")}` : ""}`;
}

/** The pick page for `slug` (null when that person is not one the pick chooses from), or the "nobody" page without one. */
export async function loadWritePage(language: Language, url: URL, slug: string | null = null) {
  const skip = skippedSlugs(url);
  const [t, pick] = await Promise.all([getFixedT(language, "letters"), slug ? findPickFor(language, slug) : null]);
  if (slug && !pick) return null;
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
          skipNext: [...skip.filter((skipped) => skipped !== pick.slug), pick.slug].slice(-MAX_SKIPPED).join(","),
        }
      : null,
    meta: { title: t("letters:pick.meta-title"), description: t("letters:pick.meta-description") },
  };
}
