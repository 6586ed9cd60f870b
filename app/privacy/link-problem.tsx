// What the erase and export pages say when their link is no good: expired, unknown or (an
// export link, which works once) used already, and where to ask for a new one.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { LinkAnswer } from "~/components/token-page";
import type { Language } from "~/i18n";

const TEXT = {
  expired: { title: "privacy:link.expired-title", lead: "privacy:link.expired-body" },
  invalid: { title: "privacy:link.invalid-title", lead: "privacy:link.invalid-body" },
  used: { title: "privacy:link.used-title", lead: "privacy:link.used-body" },
} as const;

export function LinkProblem({ language, reason, id }: { language: Language; reason: keyof typeof TEXT; id: string }) {
  const { t } = useTranslation();
  return (
    <LinkAnswer look="pledges" id={id} title={t(TEXT[reason].title)} lead={t(TEXT[reason].lead)}>
      <p>
        <Link to={`/${language}/privacy/request`}>{t("privacy:link.new-link")}</Link>
      </p>
    </LinkAnswer>
  );
}
