// A profile's share image: the name in the reader's script and in the other one (Latin or
// Cyrillic), the status with its source and date, and the site. Never the photo.
import { createHash } from "node:crypto";

import type { Language } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { formatPersonName } from "~/utils/format";
import { renderShareCard } from "~/utils/share-image.server";

import { loadPrisonerPage } from "./prisoner-page.server";

export interface ShareImage {
  svg: string;
  png: Buffer;
  etag: string;
}

/** Made once per profile, language and content revision; no counters on it. */
export const profileShareImage = cachedUntilContentChanges(readProfileShareImage, { countersShown: false, maxEntries: 200 });

async function readProfileShareImage(slug: string, language: Language, origin: string): Promise<ShareImage> {
  const page = await loadPrisonerPage(slug, language);
  const names = page.prisoner.names;
  // Cyrillic readers see a Cyrillic name (person-name.ts); the card adds the other script.
  const cyrillicShown = language === "be" || language === "ru" || language === "uk";
  const other = cyrillicShown ? names.latin : names.belarusian ?? names.russian;
  const card = renderShareCard({
    heading: formatPersonName(names.display),
    subheading: other ? formatPersonName(other) : null,
    lines: [page.share.description],
    footer: `${page.share.siteName} · ${new URL(origin).host}`,
  });
  return { ...card, etag: `"${createHash("sha256").update(card.png).digest("base64url").slice(0, 27)}"` };
}
