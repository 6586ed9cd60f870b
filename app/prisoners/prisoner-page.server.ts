// A prisoner's public profile, as the page shows it: every date, source and age formatted for
// the page's language, the photo's alt text and credit. (The pledge box beside it comes from
// app/pledges/pledge-box.server.ts.)
import type { PrisonerStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { ageOn, formatDate, formatPersonName, withDisplayDate, type Precision } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { requireFound } from "~/utils/route.server";

import { todayInMinsk } from "./birthdays.server";
import { findPrisonerProfile } from "./prisoner.server";

// Literal keys, so the translator tooling sees them (as in prisoner-status.tsx).
const STATUS_KEYS = {
  IN_CUSTODY: "prisoners:status.in-custody",
  INCOMMUNICADO: "prisoners:status.incommunicado",
  RELEASED: "prisoners:status.released",
  IN_EXILE: "prisoners:status.in-exile",
  DIED_IN_CUSTODY: "prisoners:status.died-in-custody",
} as const satisfies Record<PrisonerStatus, string>;

export async function loadPrisonerPage(slug: string, language: Language) {
  const [t, tPhoto, prisoner] = await Promise.all([
    getFixedT(language, ["prisoners", "common"]),
    getFixedT(language, "profile-editor"),
    findPrisonerProfile(slug, language).then(requireFound),
  ]);
  const name = formatPersonName(prisoner.names.display);
  const date = (iso: string | null, precision: Precision | null) => (iso ? formatDate(iso, precision, language) : null);
  return {
    language,
    prisoner: {
      ...prisoner,
      charges: prisoner.charges.map((charge) => ({ ...charge, source: withDisplayDate(charge.source, language) })),
      facts: prisoner.facts.map((fact) => ({
        ...fact,
        displayDate: date(fact.occurredOn, fact.datePrecision),
        source: withDisplayDate(fact.source, language),
      })),
      photo: prisoner.photo
        ? {
            ...prisoner.photo,
            alt: tPhoto("profile-editor:public.photo-alt", { name }),
            creditText: prisoner.photo.credit ? tPhoto("profile-editor:public.photo-credit", { credit: prisoner.photo.credit }) : null,
          }
        : null,
    },
    // Age as people in Belarus count it today; none for someone who has died.
    age: prisoner.birthDate && prisoner.status !== "DIED_IN_CUSTODY" ? ageOn(prisoner.birthDate, todayInMinsk()) : null,
    dates: {
      statusSince: date(prisoner.statusSince, prisoner.statusSincePrecision),
      arrestedOn: date(prisoner.arrestedOn, prisoner.arrestedOnPrecision),
      birthDate: date(prisoner.birthDate, "DAY"),
      lastVerified: date(prisoner.lastVerified.date, prisoner.lastVerified.precision),
    },
    meta: {
      title: t("prisoners:profile.meta-title", { name }),
      description: prisoner.summary?.text ?? t("prisoners:profile.meta-description", { name }),
    },
    // A link preview states the status only with its report: "Released (as reported by …, date)".
    share: { title: name, description: shareDescription(), siteName: t("common:site.name") },
  };

  function shareDescription(): string {
    const report = prisoner.statusReport.report;
    const reported = report
      ? t(prisoner.statusReport.freshness === "fresh" ? "prisoners:status-report.as-reported" : "prisoners:status-report.last-reported", {
          source: report.source.publication,
          date: report.displayDate,
        })
      : t("prisoners:status-report.unreported");
    const status = `${t(STATUS_KEYS[prisoner.status])} (${reported}).`;
    return prisoner.summary?.text ? `${status} ${prisoner.summary.text}` : status;
  }
}

