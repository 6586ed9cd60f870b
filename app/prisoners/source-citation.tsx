import { useTranslation } from "react-i18next";

import type { SourceSummary } from "./source.server";

/** "The Guardian, “Title”, September 2025", linked when the source has a URL. */
export function SourceCitation({ source }: { source: SourceSummary & { displayDate: string } }) {
  const { t } = useTranslation();
  const date = source.displayDate;
  const citation = source.title
    ? t("common:source.with-title", { publication: source.publication, title: source.title, date })
    : t("common:source.without-title", { publication: source.publication, date });
  return (
    <cite className="source">
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer nofollow">
          {citation}
        </a>
      ) : (
        citation
      )}
    </cite>
  );
}
