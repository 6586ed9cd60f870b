import { Link } from "@remix-run/react";

import { TranslatedText } from "~/components/translated-text";
import type { Language } from "~/i18n";
import { formatPersonName } from "~/utils/format";

import { StatusWithReport } from "./prisoner-status";
import type { PrisonerListItem } from "./prisoner.server";

export function PrisonerCard({ prisoner, language }: { prisoner: PrisonerListItem; language: Language }) {
  return (
    <article className="prisoner-card">
      <h3 className="prisoner-card__name">
        <Link to={`/${language}/prisoners/${prisoner.slug}`}>{formatPersonName(prisoner.names.display)}</Link>
      </h3>
      <StatusWithReport status={prisoner.status} report={prisoner.statusReport} />
      {prisoner.summary ? (
        <p className="prisoner-card__summary">
          <TranslatedText value={prisoner.summary} />
        </p>
      ) : null}
    </article>
  );
}
