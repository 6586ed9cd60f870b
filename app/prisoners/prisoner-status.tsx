import type { LetterStatus, PrisonerStatus } from "@prisma/client";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { StatusReportView } from "./status-report";

// Literal keys, so the translator tooling can see every key the code uses.
const STATUS_KEYS = {
  IN_CUSTODY: "prisoners:status.in-custody",
  INCOMMUNICADO: "prisoners:status.incommunicado",
  RELEASED: "prisoners:status.released",
  IN_EXILE: "prisoners:status.in-exile",
  DIED_IN_CUSTODY: "prisoners:status.died-in-custody",
} as const satisfies Record<PrisonerStatus, string>;

const LETTER_STATUS_KEYS = {
  CAN_RECEIVE: { answer: "prisoners:letters.can-receive.answer", explanation: "prisoners:letters.can-receive.explanation" },
  RELATIVES_ONLY: { answer: "prisoners:letters.relatives-only.answer", explanation: "prisoners:letters.relatives-only.explanation" },
  INCOMMUNICADO: { answer: "prisoners:letters.incommunicado.answer", explanation: "prisoners:letters.incommunicado.explanation" },
  UNKNOWN: { answer: "prisoners:letters.unknown.answer", explanation: "prisoners:letters.unknown.explanation" },
  NOT_APPLICABLE: { answer: "prisoners:letters.not-applicable.answer", explanation: "prisoners:letters.not-applicable.explanation" },
} as const satisfies Record<LetterStatus, { answer: string; explanation: string }>;

export function StatusBadge({ status }: { status: PrisonerStatus }) {
  const { t } = useTranslation();
  return <span className={`status status--${status.toLowerCase().replaceAll("_", "-")}`}>{t(STATUS_KEYS[status])}</span>;
}

const REPORT_KEYS = {
  fresh: "prisoners:status-report.as-reported",
  stale: "prisoners:status-report.last-reported",
} as const;

/**
 * Who reported a status and when: "as reported by Viasna, 3 March 2026", or for a report
 * older than STATUS_STALE_AFTER_DAYS "last reported by … ", or "no dated report".
 */
export function StatusReportNote({ view }: { view: StatusReportView }) {
  const { t } = useTranslation();
  if (!view.report) return <span className="status-report__note">{t("prisoners:status-report.unreported")}</span>;
  const source = view.report.source.url ? (
    <a href={view.report.source.url} rel="noreferrer">{view.report.source.publication}</a>
  ) : (
    view.report.source.publication
  );
  const key = view.freshness === "fresh" ? REPORT_KEYS.fresh : REPORT_KEYS.stale;
  // The source is an element (a link), so the sentence is split at its placeholder.
  const [before, after] = t(key, { source: "\u0000", date: view.report.displayDate }).split("\u0000");
  return (
    <span className="status-report__note">
      {before}
      {source}
      {after}
    </span>
  );
}

/**
 * A status with its report. Tests find every stated status by data-status-report.
 * `children` go right after the badge (the profile's "since" date).
 */
export function StatusWithReport({ status, report, children }: { status: PrisonerStatus; report: StatusReportView; children?: ReactNode }) {
  return (
    <span className="status-report" data-status-report={report.freshness}>
      <StatusBadge status={status} />
      {children} <StatusReportNote view={report} />
    </span>
  );
}

/**
 * The report behind a short "can a letter arrive" answer (campaign page, birthdays): shown
 * when the answer is the reported letter status; a stale one is answered "not known" instead,
 * and the profile says what the last report was.
 */
export function LetterAnswerReport({ letterStatus, reported }: { letterStatus: LetterStatus; reported: { letterStatus: LetterStatus; report: StatusReportView } }) {
  if (letterStatus === "UNKNOWN" || reported.letterStatus !== letterStatus) return null;
  return (
    <span className="status-report" data-status-report={reported.report.freshness}>
      <StatusReportNote view={reported.report} />
    </span>
  );
}

/** "Can a letter arrive?" answered in a few words, for lines that quote a letter status. */
export function useLetterAnswer() {
  const { t } = useTranslation();
  return (letterStatus: LetterStatus) => t(LETTER_STATUS_KEYS[letterStatus].answer);
}

export function useStatusLabel() {
  const { t } = useTranslation();
  return (status: PrisonerStatus) => t(STATUS_KEYS[status]);
}

/**
 * Whether a letter can arrive. `letterStatus` is what the site acts on (status-report.ts:
 * UNKNOWN once the report is stale); the reported status and its report are shown beside it.
 */
export function LetterStatusPanel({
  letterStatus,
  reported,
  children,
}: {
  letterStatus: LetterStatus;
  reported?: { letterStatus: LetterStatus; report: StatusReportView };
  /** What supporters reported about letters to the facility, shown last in the box. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const keys = LETTER_STATUS_KEYS[letterStatus];
  const outdated = reported && reported.letterStatus !== letterStatus ? reported : null;
  return (
    <section className={`letter-status letter-status--${letterStatus.toLowerCase().replaceAll("_", "-")}`} aria-labelledby="letter-status-title">
      <h2 id="letter-status-title">{t("prisoners:letters.heading")}</h2>
      <p className="letter-status__answer">{t(keys.answer)}</p>
      {outdated ? (
        <p className="letter-status__outdated" data-status-report={outdated.report.freshness}>
          {/* The quoted answer ends a sentence of its own; the report follows in brackets. */}
          {t("prisoners:letters.outdated", { answer: t(LETTER_STATUS_KEYS[outdated.letterStatus].answer) })} (
          <StatusReportNote view={outdated.report} />){t("prisoners:letters.outdated-end")}
        </p>
      ) : null}
      <p>{outdated ? t("prisoners:letters.check-before-posting") : t(keys.explanation)}</p>
      {!outdated && reported && reported.letterStatus !== "UNKNOWN" ? (
        <p className="letter-status__report" data-status-report={reported.report.freshness}>
          <StatusReportNote view={reported.report} />
        </p>
      ) : null}
      {children}
    </section>
  );
}

/** "Can a letter arrive?" and its acted-on answer in one line (a prisoner's embed). */
export function LetterStatusLine({ letterStatus }: { letterStatus: LetterStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`letter-status__answer letter-status--${letterStatus.toLowerCase().replaceAll("_", "-")}`} data-testid="embed-letter-status">
      <strong>{t("prisoners:letters.heading")}</strong> {t(LETTER_STATUS_KEYS[letterStatus].answer)}
    </p>
  );
}
