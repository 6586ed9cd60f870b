// /:lang/write/<slug>: the pick page of the person /:lang/write chose, with the reasons. The
// same for every reader until content changes, so the page cache keeps it; the "someone else"
// link carries the people already shown (?skip=) back to /:lang/write.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LetterPickView } from "~/letters/letter-pick";
import { loadWritePage } from "~/letters/letter-pick-page.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/letters.css";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["letters", "prisoners"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const page = await loadWritePage(language, new URL(request.url), params.slug ?? "");
  // Someone the pick no longer suggests (released, a new report): choose again.
  if (!page) throw redirect(`/${language}/write`, { headers: { "Cache-Control": "no-store" } });
  return page;
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  // One page for search engines: the chooser, not each person's pick page.
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: `/${data.language}/write` });
};

export default function WriteToSomeoneChosenPage() {
  return <LetterPickView {...useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
