import type { LetterStatus, PrisonerStatus } from "@prisma/client";
import { useTranslation } from "react-i18next";

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

export function useStatusLabel() {
  const { t } = useTranslation();
  return (status: PrisonerStatus) => t(STATUS_KEYS[status]);
}

export function LetterStatusPanel({ letterStatus }: { letterStatus: LetterStatus }) {
  const { t } = useTranslation();
  const keys = LETTER_STATUS_KEYS[letterStatus];
  return (
    <section className={`letter-status letter-status--${letterStatus.toLowerCase().replaceAll("_", "-")}`} aria-labelledby="letter-status-title">
      <h2 id="letter-status-title">{t("prisoners:letters.heading")}</h2>
      <p className="letter-status__answer">{t(keys.answer)}</p>
      <p>{t(keys.explanation)}</p>
    </section>
  );
}
