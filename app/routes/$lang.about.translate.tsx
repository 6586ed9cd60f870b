import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { loader as rootLoader } from "~/root";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

// Where the "not yet translated" notes point: how to help, and how to stay safe doing it.
export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await getFixedT(language, "common");
  return { meta: { title: t("common:page-title", { page: t("common:translate-page.title") }), description: t("common:translate-page.intro") } };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

export default function TranslatePage() {
  const { t } = useTranslation();
  return (
    <article aria-labelledby="translate-title">
      <h1 id="translate-title">{t("common:translate-page.title")}</h1>
      <p>{t("common:translate-page.intro")}</p>
      <p>{t("common:translate-page.what")}</p>
      <p>{t("common:translate-page.how")}</p>
      <p className="notice">{t("common:translate-page.safety")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
