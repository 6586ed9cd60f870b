import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * What a supporter inside Belarus, or with family there, should not do: shown before every
 * field that asks for an email address (people were jailed there for a donation).
 */
export function SafetyAdvice({ language, id = "safety-advice", level = 3 }: { language: string; id?: string; level?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  // The heading follows the page's outline (axe: heading-order).
  const Heading = `h${level}` as const;
  return (
    <section className="safety-advice" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="safety-advice__title">
        {t("pledges:safety.heading")}
      </Heading>
      <ul>
        <li>{t("pledges:safety.anonymous")}</li>
        <li>{t("pledges:safety.email")}</li>
        <li>{t("pledges:safety.name")}</li>
        <li>{t("pledges:safety.tor")}</li>
        <li>{t("pledges:safety.mailbox")}</li>
        <li>
          {t("pledges:safety.stored")} <Link to={`/${language}/privacy`}>{t("pledges:safety.privacy-link")}</Link>
        </li>
      </ul>
    </section>
  );
}
