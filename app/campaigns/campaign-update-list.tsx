// Published campaign updates as a list, newest first, each dated; an update not written in
// the page's language is marked with its own (screen readers switch voice) and says which.
// Shared by the campaign page (the newest few) and the page of all updates.
import { useTranslation } from "react-i18next";

import { useLanguageNames } from "~/components/language-name";

export interface UpdateListItem {
  id: string;
  title: string;
  body: string;
  locale: string;
  date: string;
  publishedAt: string;
}

export function CampaignUpdateList({ updates, language, headingLevel = 3 }: { updates: readonly UpdateListItem[]; language: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const languageNames = useLanguageNames();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="campaign-updates">
      {updates.map((update) => {
        const own = update.locale === language ? undefined : update.locale;
        return (
          <li key={update.id} id={`update-${update.id}`} className="campaign-update">
            <article aria-labelledby={`update-title-${update.id}`}>
              <Heading id={`update-title-${update.id}`} className="campaign-update__title" lang={own}>
                {update.title}
              </Heading>
              <p className="campaign-update__date">
                <time dateTime={update.publishedAt}>{update.date}</time>
                {own ? ` · ${t("reach:updates.in-language", { language: languageNames([own]) })}` : null}
              </p>
              <p className="campaign-update__body" lang={own}>
                {update.body}
              </p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
