// The mailroom page's view-model: the counts by state, the letters of the state shown (the
// letter bank grouped by person), with figures and dates formatted for the page's language.
import type { LetterState } from "@prisma/client";

import type { Language } from "~/i18n";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { LETTER_STATES, STATE_PARAMS } from "./mailroom-options";
import { countLettersByState, groupByPrisoner, listLetters } from "./mailroom.server";

const NOTICES = ["nothing-to-print"] as const;

function stateFrom(url: URL): LetterState {
  const param = url.searchParams.get("state");
  return LETTER_STATES.find((state) => STATE_PARAMS[state] === param) ?? "QUEUED";
}

export async function loadMailroomPage(language: Language, url: URL) {
  const view = stateFrom(url);
  const [counts, { letters, more }, t] = await Promise.all([countLettersByState(), listLetters(view, language), getFixedT(language, ["common", "mailroom"])]);
  const notice = NOTICES.find((value) => value === url.searchParams.get("notice")) ?? null;
  const shown = letters.map((letter) => ({ ...letter, createdOn: formatDate(letter.createdOn, "DAY", language) }));
  return {
    language,
    view,
    notice,
    counts: LETTER_STATES.map((letterState) => ({ state: letterState, param: STATE_PARAMS[letterState], count: formatNumber(counts[letterState], language) })),
    letters: view === "BANKED" ? [] : shown,
    shownCount: formatNumber(shown.length, language),
    bank: view === "BANKED" ? groupByPrisoner(shown).map((group) => ({ ...group, count: formatNumber(group.letters.length, language) })) : [],
    withoutAddress: view === "QUEUED" ? shown.filter((letter) => !letter.prisoner.hasAddress).length : 0,
    withoutAddressCount: formatNumber(shown.filter((letter) => !letter.prisoner.hasAddress).length, language),
    // Letters on their way to a prison whose "can receive" is no longer confirmed by a fresh report.
    unconfirmed: view === "QUEUED" || view === "PRINTED" ? shown.filter((letter) => !letter.prisoner.canReceive).length : 0,
    unconfirmedCount: formatNumber(shown.filter((letter) => !letter.prisoner.canReceive).length, language),
    more,
    meta: { title: t("common:page-title", { page: t("mailroom:title") }) },
  };
}
