// The pages the links in privacy emails land on: "erase me" (/:lang/privacy/erase/:token) and
// "send me my data" (/:lang/privacy/export/:token and its …/download). GET only shows a button;
// the POST acts. What they say never depends on more than the token.
import type { Language } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { linkToken, privateLinkPage, TOKEN_MAX_LENGTH } from "~/utils/private-link.server";

import { eraseMe, exportPersonalData } from "./privacy.server";

type LinkProblem = { ok: false; reason: "expired" | "invalid" };
type Erased = { pledges: number; appeals: number; outbox: number };
export type EraseLinkOutcome = { ok: true; erased: Erased; text: { pledges: string; appeals: string; outbox: string } } | LinkProblem;

const UNKNOWN_LINK = { ok: false, reason: "invalid" } as const;
/** Why the export page may be sent back to (`?failed=`); "used": an export link works once. */
const LINK_PROBLEMS = ["expired", "invalid", "used"] as const;

/** The erase page's button: what was erased (with the numbers as the page writes them), or why nothing was. */
export async function answerEraseLink(token: string | null, language: Language): Promise<{ outcome: EraseLinkOutcome; status: number }> {
  const result = token === null ? UNKNOWN_LINK : await eraseMe(token);
  if (!result.ok) return { outcome: result, status: result.reason === "invalid" ? 404 : 410 };
  const { pledges, appeals, outbox } = result.erased;
  return {
    outcome: {
      ok: true,
      erased: { pledges, appeals, outbox },
      text: { pledges: formatNumber(pledges, language), appeals: formatNumber(appeals, language), outbox: formatNumber(outbox, language) },
    },
    status: 200,
  };
}

/** The export page: its button posts the token to …/download, which sends a link that is no good back here with `failed`. */
export async function exportPage(params: { lang?: string; token?: string }, query: URLSearchParams) {
  const page = await privateLinkPage(params, "privacy:export.meta-title");
  const failed = query.get("failed");
  return {
    language: page.language,
    token: (params.token ?? "").slice(0, TOKEN_MAX_LENGTH),
    failed: LINK_PROBLEMS.find((reason) => reason === failed) ?? null,
    meta: page.meta,
  };
}

/** The exported data as a JSON file, or the export page's address saying why there is none. */
export async function exportDownload(language: Language, params: { token?: string }): Promise<{ json: string } | { backTo: string }> {
  const token = linkToken(params);
  const result = token === null ? UNKNOWN_LINK : await exportPersonalData(token);
  const page = `/${language}/privacy/export/${encodeURIComponent((params.token ?? "").slice(0, TOKEN_MAX_LENGTH))}`;
  if (!result.ok) return { backTo: `${page}?failed=${result.reason}` };
  return { json: JSON.stringify(result.data, null, 2) };
}
