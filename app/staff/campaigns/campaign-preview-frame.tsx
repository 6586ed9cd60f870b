// The frame around a staff preview of a public campaign page: what it is (not public yet),
// the language to see it in, and the way back to the review.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { languageAutonyms, type Language } from "~/i18n";

export interface PreviewFrame {
  kind: "revision" | "draft";
  review: string;
  languages: { code: Language; href: string; current: boolean }[];
}

export function CampaignPreviewFrame({ preview }: { preview: PreviewFrame }) {
  const { t } = useTranslation();
  return (
    <div className="campaign-preview__frame" role="note" aria-labelledby="preview-frame-title" data-testid="preview-frame">
      <p id="preview-frame-title" className="campaign-preview__title">
        {t("campaign-editor:preview.title")}
      </p>
      <p>{preview.kind === "revision" ? t("campaign-editor:preview.lead-revision") : t("campaign-editor:preview.lead-draft")}</p>
      <PreviewLanguages languages={preview.languages} label={t("campaign-editor:preview.languages")} landmark />
      <p>
        <Link to={preview.review}>{t("campaign-editor:preview.back")}</Link>
      </p>
    </div>
  );
}

/**
 * Links to the preview in each language (plain links: no JavaScript needed). On the preview
 * itself they are the page's language switch (a nav); on the review page, a list under the diff.
 */
export function PreviewLanguages({ languages, label, landmark = false }: { languages: PreviewFrame["languages"]; label: string; landmark?: boolean }) {
  const list = (
    <ul>
      {languages.map((language) => (
        <li key={language.code}>
          <a href={language.href} lang={language.code} hrefLang={language.code} aria-current={language.current ? "page" : undefined}>
            {languageAutonyms[language.code]}
          </a>
        </li>
      ))}
    </ul>
  );
  if (!landmark) {
    return (
      <div className="campaign-preview__languages">
        <p>{label}</p>
        {list}
      </div>
    );
  }
  return (
    <nav aria-label={label} className="campaign-preview__languages">
      <span aria-hidden="true">{label}: </span>
      {list}
    </nav>
  );
}
