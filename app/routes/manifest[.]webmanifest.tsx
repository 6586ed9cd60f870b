import type { LoaderFunctionArgs } from "@remix-run/node";

import { detectLanguage, getFixedT } from "~/utils/i18next.server";

// Lets people add Listy to a home screen; names in the visitor's language.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await detectLanguage(request);
  const t = await getFixedT(language, "common");
  const manifest = {
    name: t("common:site.name"),
    short_name: t("common:site.name"),
    description: t("common:site.tagline"),
    lang: language,
    start_url: `/${language}/`,
    scope: "/",
    display: "browser",
    background_color: "#ffffff",
    theme_color: "#8a1c1c",
    icons: [{ src: "/favicon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "public, max-age=3600", Vary: "Accept-Language, Cookie" },
  });
}
