import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

import { detectLanguage } from "~/utils/i18next.server";

// "/" has no content of its own: it sends each visitor to their language, chosen from
// the cookie left by an earlier visit, then the browser's Accept-Language.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await detectLanguage(request);
  return redirect(`/${language}/`, {
    status: 302,
    headers: { Vary: "Accept-Language, Cookie", "Cache-Control": "private, no-cache" },
  });
}
