// The current locale file as the app serves it, for translators to edit offline or send upstream.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireStaff } from "~/staff/accounts/session.server";
import { readLocaleFile } from "~/staff/translations/interface-translations.server";
import { requireTranslationFile } from "~/staff/translations/translation-file-page.server";
import { requireLanguage } from "~/utils/route.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  requireLanguage(params);
  await requireStaff(request, "translation:edit");
  const { locale, ns } = requireTranslationFile(params);
  const text = (await readLocaleFile(locale, ns)) ?? "{}\n";
  return new Response(text, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${locale}-${ns}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
