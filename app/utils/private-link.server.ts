// The pages a private link from an email lands on. Their answers never vary with whether the
// token is known, and a token longer than any Listy makes is not even looked up.
import type { Language, Namespace } from "~/i18n";

import { getFixedT } from "./i18next.server";
import { requireLanguage } from "./route.server";

export const TOKEN_MAX_LENGTH = 100;

/** Not for any browser or proxy cache: the page answers for one person's link. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** The link's token, or null when it is too long to be one of ours (answered as unknown). */
export function linkToken(params: { token?: string }): string | null {
  const token = params.token ?? "";
  return token.length <= TOKEN_MAX_LENGTH ? token : null;
}

/** The language the URL names (or a 404) and the page's translated title. */
export async function privateLinkPage(params: { lang?: string }, titleKey: `${Namespace}:${string}`): Promise<{ language: Language; meta: { title: string } }> {
  const language = requireLanguage(params);
  const t = await getFixedT(language, titleKey.slice(0, titleKey.indexOf(":")));
  return { language, meta: { title: t(titleKey) } };
}
