// What the erase and export pages say when their link is no good: expired or unknown, and
// where to ask for a new one.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { LinkAnswer } from "~/components/token-page";
import type { Language } from "~/i18n";

export function LinkProblem({ language, reason, id }: { language: Language; reason: "expired" | "invalid"; id: string }) {
  const { t } = useTranslation();
  return (
    <LinkAnswer
      look="pledges"
      id={id}
      title={reason === "expired" ? t("privacy:link.expired-title") : t("privacy:link.invalid-title")}
      lead={reason === "expired" ? t("privacy:link.expired-body") : t("privacy:link.invalid-body")}
    >
      <p>
        <Link to={`/${language}/privacy/request`}>{t("privacy:link.new-link")}</Link>
      </p>
    </LinkAnswer>
  );
}
