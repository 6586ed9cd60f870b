// The page of the "did your letter arrive?" form on its own: where the form lands when a choice
// is missing (without JavaScript) and where it says thank you.
import type { Language } from "~/i18n";
import { getFixedT } from "~/utils/i18next.server";

import { loadArrivalBox } from "./arrival-box.server";

export type ArrivalSent = "counted" | "again" | null;

export async function loadArrivalPage(prisonerSlug: string, language: Language, url: URL) {
  const box = await loadArrivalBox(prisonerSlug, language);
  // A profile without a known facility has no form: there is nothing a report would count for.
  if (!box.open) throw new Response("Not Found", { status: 404 });
  const raw = url.searchParams.get("sent");
  const sent: ArrivalSent = raw === "counted" || raw === "again" ? raw : null;
  const t = await getFixedT(language, "arrivals");
  return { language, prisoner: prisonerSlug, box, sent, meta: { title: t("arrivals:page.meta-title") } };
}
