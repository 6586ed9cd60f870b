// Addresses a profile had before its slug was corrected (only ever while a draft; decision
// 0017). A public profile page that finds nobody at its slug asks here before answering 404:
// a former slug of a published profile answers 301 to the same page at the current slug.
// Asked only on the way to a 404, so a page that exists costs no extra query.
import { redirect } from "@remix-run/node";

import { getPrisma } from "~/utils/database.server";
import { SLUG_PATTERN } from "~/utils/slug";

/** `/<lang>/prisoners/<slug>[/…]`: the pages that name a profile by its slug. */
const PROFILE_PATH = /^(\/[a-z]{2}\/prisoners\/)([^/]+)(\/.*)?$/;

/** The current slug of a published profile that once had this one; null otherwise. */
export async function currentSlugFor(formerSlug: string): Promise<string | null> {
  if (formerSlug.length > 120 || !SLUG_PATTERN.test(formerSlug)) return null;
  const row = await getPrisma().formerPrisonerSlug.findUnique({ where: { slug: formerSlug }, select: { prisoner: { select: { slug: true, draft: true } } } });
  return row && !row.prisoner.draft ? row.prisoner.slug : null;
}

/**
 * Runs a profile page's loader; when it answers 404 for a slug the profile had before, throws
 * a permanent redirect to the same address (sub-page and query kept) at the current slug.
 */
export async function followFormerSlug<T>(request: Request, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof Response) || error.status !== 404 || (request.method !== "GET" && request.method !== "HEAD")) throw error;
    const url = new URL(request.url);
    const match = PROFILE_PATH.exec(url.pathname);
    const current = match ? await currentSlugFor(match[2]!) : null;
    if (!match || !current) throw error;
    throw redirect(`${match[1]}${current}${match[3] ?? ""}${url.search}`, 301);
  }
}
