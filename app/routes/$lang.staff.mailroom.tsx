// The mailroom (campaigners and moderators): the queue of letters volunteers print and post,
// and the letter bank by person. Every move is a POST through the letter state machine, only
// from the state the page showed, and audited; the batch PDF is the resource route
// $lang.staff.mailroom.batch[.]pdf.tsx. Printing changes nothing: the operator marks letters
// printed after checking the paper.
import type { LetterState, LetterStatus } from "@prisma/client";
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { ENVELOPE_FORMATS, REJECT_REASONS, STATE_PARAMS, type MailroomDone, type RejectReason } from "~/staff/mailroom/mailroom-options";
import { loadMailroomPage } from "~/staff/mailroom/mailroom-page.server";
import type { EnvelopeWarning, MailroomLetter } from "~/staff/mailroom/mailroom.server";
import { submitMailroom, type MailroomError, type MailroomResult } from "~/staff/mailroom/submit-mailroom.server";
import { StaffNav } from "~/staff/staff-nav";
import styles from "~/styles/mailroom.css";
import staffStyles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "mailroom"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: staffStyles },
  { rel: "stylesheet", href: styles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "mailroom:work");
  const page = await loadMailroomPage(language, new URL(request.url));
  return json({ nav: staffNavFor(state, language), ...page }, { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const { staff } = await requireStaff(request, "mailroom:work");
  const { status, body } = await submitMailroom(staff, await request.formData(), language);
  return json<MailroomResult>(body, { status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const STATE_KEYS = {
  QUEUED: "mailroom:states.queued",
  PRINTED: "mailroom:states.printed",
  POSTED: "mailroom:states.posted",
  BANKED: "mailroom:states.banked",
  HANDED_OVER: "mailroom:states.handed-over",
  REJECTED: "mailroom:states.rejected",
} as const satisfies Record<LetterState, string>;

const DONE_KEYS = {
  rejected: "mailroom:done.rejected",
  printed: "mailroom:done.printed",
  posted: "mailroom:done.posted",
  "back-to-queue": "mailroom:done.back-to-queue",
  "handed-over": "mailroom:done.handed-over",
  "moved-to-queue": "mailroom:done.moved-to-queue",
} as const satisfies Record<MailroomDone, string>;

const ERROR_KEYS = {
  "nothing-selected": "mailroom:errors.nothing-selected",
  "not-found": "mailroom:errors.not-found",
  "not-allowed": "mailroom:errors.not-allowed",
  conflict: "mailroom:errors.conflict",
  "not-free": "mailroom:errors.not-free",
  "cannot-receive": "mailroom:errors.cannot-receive",
  "status-stale": "mailroom:errors.status-stale",
  unknown: "mailroom:errors.unknown",
  "invalid-reason": "mailroom:errors.invalid-reason",
} as const satisfies Record<MailroomError, string>;

const REASON_KEYS = {
  "endangers-someone": "mailroom:reject.reasons.endangers-someone",
  abusive: "mailroom:reject.reasons.abusive",
  "not-a-letter": "mailroom:reject.reasons.not-a-letter",
  duplicate: "mailroom:reject.reasons.duplicate",
  other: "mailroom:reject.reasons.other",
} as const satisfies Record<RejectReason, string>;

const FORMAT_KEYS = {
  c6: "mailroom:print.formats.c6",
  dl: "mailroom:print.formats.dl",
  label: "mailroom:print.formats.label",
} as const satisfies Record<(typeof ENVELOPE_FORMATS)[number], string>;

const LETTER_STATUS_KEYS = {
  CAN_RECEIVE: "mailroom:letter-statuses.can-receive",
  RELATIVES_ONLY: "mailroom:letter-statuses.relatives-only",
  INCOMMUNICADO: "mailroom:letter-statuses.incommunicado",
  UNKNOWN: "mailroom:letter-statuses.unknown",
  NOT_APPLICABLE: "mailroom:letter-statuses.not-applicable",
} as const satisfies Record<LetterStatus, string>;

const LANGUAGE_KEYS = { ru: "mailroom:letter-languages.ru", be: "mailroom:letter-languages.be" } as const;

// Said before printing: the patronymic and the year of birth tell namesakes apart.
const ENVELOPE_WARNING_KEYS = {
  "patronymic-missing": "mailroom:envelope.patronymic-missing",
  "birth-year-missing": "mailroom:envelope.birth-year-missing",
} as const satisfies Record<EnvelopeWarning, string>;

type ShownLetter = Omit<MailroomLetter, "createdOn"> & { createdOn: string };

export default function StaffMailroomPage() {
  const { nav, language, view, notice, counts, letters, shownCount, bank, withoutAddress, withoutAddressCount, unconfirmed, unconfirmedCount, more } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const here = `/${language}/staff/mailroom?state=${STATE_PARAMS[view]}`;
  const selectable = view === "QUEUED" || view === "PRINTED";

  return (
    <article aria-labelledby="mailroom-title" className="mailroom">
      <StaffNav nav={nav} />
      <h1 id="mailroom-title">{t("mailroom:title")}</h1>
      <p>{t("mailroom:lead")}</p>

      <nav aria-label={t("mailroom:filter-label")}>
        <ul className="mailroom-filter">
          {counts.map((entry) => (
            <li key={entry.state}>
              <Link to={`/${language}/staff/mailroom?state=${entry.param}`} aria-current={entry.state === view ? "page" : undefined}>
                {t("mailroom:state-count", { state: t(STATE_KEYS[entry.state]), number: entry.count })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div aria-live="polite">
        {result?.ok ? (
          <p role="status" className="staff-ok">
            {t(DONE_KEYS[result.done], { number: result.count })}
          </p>
        ) : result ? (
          <p role="alert" className="staff-error">
            {t(ERROR_KEYS[result.error])}
          </p>
        ) : notice === "nothing-to-print" ? (
          <p role="alert" className="staff-error">
            {t("mailroom:print.nothing")}
          </p>
        ) : null}
      </div>

      <h2 id="letters-title">{t(STATE_KEYS[view])}</h2>
      {more ? <p>{t("mailroom:more")}</p> : null}

      {view === "QUEUED" && withoutAddress > 0 ? (
        <section aria-labelledby="no-address-title" className="mailroom-warning">
          <h3 id="no-address-title">{t("mailroom:no-address.title")}</h3>
          <p>{t("mailroom:no-address.lead", { number: withoutAddressCount })}</p>
          <ul>
            {letters
              .filter((letter) => !letter.prisoner.hasAddress)
              .map((letter) => (
                <li key={letter.id}>
                  <a href={`#letter-${letter.id}`}>{t("mailroom:no-address.item", { name: letter.prisoner.name, date: letter.createdOn })}</a>
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      {unconfirmed > 0 ? (
        <section aria-labelledby="unconfirmed-title" className="mailroom-warning">
          <h3 id="unconfirmed-title">{t("mailroom:unconfirmed.title")}</h3>
          <p>{t("mailroom:unconfirmed.lead", { number: unconfirmedCount })}</p>
          <ul>
            {letters
              .filter((letter) => !letter.prisoner.canReceive)
              .map((letter) => (
                <li key={letter.id}>
                  <a href={`#letter-${letter.id}`}>{t("mailroom:no-address.item", { name: letter.prisoner.name, date: letter.createdOn })}</a>
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      {view === "BANKED" ? (
        bank.length === 0 ? (
          <p>{t("mailroom:empty")}</p>
        ) : (
          bank.map((group) => (
            <section key={group.prisoner.id} aria-labelledby={`person-${group.prisoner.id}`} className="mailroom-person">
              <h3 id={`person-${group.prisoner.id}`}>{group.prisoner.name}</h3>
              <p>
                {group.prisoner.isFree
                  ? t("mailroom:bank.free")
                  : group.prisoner.canReceive
                    ? t("mailroom:bank.can-receive")
                    : group.prisoner.canReceiveStale
                      ? t("mailroom:bank.can-receive-stale")
                      : group.prisoner.letterStatus !== "UNKNOWN" && group.prisoner.letterStatusReport.freshness === "fresh"
                        ? t("mailroom:bank.waiting")
                        : t("mailroom:bank.unconfirmed")}
              </p>
              {group.prisoner.isFree && !group.prisoner.freedomConfirmed ? (
                // The hand-over stays the team's decision; the release it rests on is old or undated.
                <p className="mailroom-warning" data-status-report={group.prisoner.statusReport.freshness}>
                  {group.prisoner.statusReport.report
                    ? t("mailroom:bank.free-stale", {
                        source: group.prisoner.statusReport.report.source.publication,
                        date: group.prisoner.statusReport.report.displayDate,
                      })
                    : t("mailroom:bank.free-unreported")}
                </p>
              ) : null}
              {result && !result.ok && result.prisonerId === group.prisoner.id ? (
                <p className="staff-error">
                  {t(ERROR_KEYS[result.error])}
                </p>
              ) : null}
              {group.prisoner.isFree || group.prisoner.canReceive ? (
                <Form method="post" action={here}>
                  <input type="hidden" name="prisonerId" value={group.prisoner.id} />
                  {group.letters.map((letter) => (
                    <input key={letter.id} type="hidden" name="shown" value={letter.id} />
                  ))}
                  {group.prisoner.isFree ? (
                    <button type="submit" name="intent" value="hand-over" className="staff-button">
                      {t("mailroom:bank.hand-over", { name: group.prisoner.name, number: group.count })}
                    </button>
                  ) : (
                    <button type="submit" name="intent" value="bank-to-queue" className="staff-button">
                      {t("mailroom:bank.to-queue", { name: group.prisoner.name, number: group.count })}
                    </button>
                  )}
                </Form>
              ) : null}
              <LetterTable letters={group.letters} caption={t("mailroom:bank.caption", { name: group.prisoner.name })} here={here} selectable={false} result={result} />
            </section>
          ))
        )
      ) : letters.length === 0 ? (
        <p>{t("mailroom:empty")}</p>
      ) : (
        <>
          {selectable ? (
            // A document form (not fetch): one of its buttons downloads the PDF from the resource route.
            <Form method="post" action={here} reloadDocument id="bulk-form" className="mailroom-bulk">
              {letters.map((letter) => (
                <input key={letter.id} type="hidden" name="shown" value={letter.id} />
              ))}
              {view === "QUEUED" ? (
                <>
                  <fieldset>
                    <legend>{t("mailroom:print.legend")}</legend>
                    <p className="staff-hint">{t("mailroom:print.hint")}</p>
                    {withoutAddress > 0 ? <p className="staff-hint">{t("mailroom:print.left-out", { number: withoutAddressCount })}</p> : null}
                    <div className="staff-field">
                      <label htmlFor="format">{t("mailroom:print.format")}</label>
                      <select id="format" name="format" defaultValue="c6">
                        {ENVELOPE_FORMATS.map((format) => (
                          <option key={format} value={format}>
                            {t(FORMAT_KEYS[format])}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="mailroom-buttons">
                      <button type="submit" name="scope" value="selected" formAction={`/${language}/staff/mailroom/batch.pdf`} className="staff-button staff-button--secondary">
                        {t("mailroom:print.selected")}
                      </button>
                      <button type="submit" name="scope" value="all" formAction={`/${language}/staff/mailroom/batch.pdf`} className="staff-button staff-button--secondary">
                        {t("mailroom:print.all")}
                      </button>
                    </div>
                  </fieldset>
                  <div className="mailroom-buttons">
                    <button type="submit" name="intent" value="printed" className="staff-button">
                      {t("mailroom:mark.printed-selected")}
                    </button>
                    <button type="submit" name="intent" value="printed-all" className="staff-button">
                      {t("mailroom:mark.printed-all", { number: shownCount })}
                    </button>
                  </div>
                </>
              ) : (
                <div className="mailroom-buttons">
                  <button type="submit" name="intent" value="posted" className="staff-button">
                    {t("mailroom:mark.posted-selected")}
                  </button>
                  <button type="submit" name="intent" value="posted-all" className="staff-button">
                    {t("mailroom:mark.posted-all", { number: shownCount })}
                  </button>
                  <button type="submit" name="intent" value="back-to-queue" className="staff-button staff-button--secondary">
                    {t("mailroom:mark.back-to-queue")}
                  </button>
                </div>
              )}
            </Form>
          ) : null}
          <LetterTable letters={letters} caption={t(STATE_KEYS[view])} here={here} selectable={selectable} result={result} />
        </>
      )}
    </article>
  );
}

function LetterTable({
  letters,
  caption,
  here,
  selectable,
  result,
}: {
  letters: ShownLetter[];
  caption: string;
  here: string;
  selectable: boolean;
  result: MailroomResult | undefined;
}) {
  const { t } = useTranslation();
  return (
    <table className="staff-table mailroom-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {selectable ? <th scope="col">{t("mailroom:columns.select")}</th> : null}
          <th scope="col">{t("mailroom:columns.prisoner")}</th>
          <th scope="col">{t("mailroom:columns.letter")}</th>
          <th scope="col">{t("mailroom:columns.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {letters.map((letter) => {
          const canReject = letter.state === "QUEUED" || letter.state === "BANKED";
          return (
            <tr key={letter.id} id={`letter-${letter.id}`} data-letter={letter.id}>
              {selectable ? (
                <td>
                  <input type="checkbox" id={`select-${letter.id}`} name="letterId" value={letter.id} form="bulk-form" />
                  <label htmlFor={`select-${letter.id}`} className="mailroom-hidden">
                    {t("mailroom:columns.select-letter", { name: letter.prisoner.name, date: letter.createdOn })}
                  </label>
                </td>
              ) : null}
              <th scope="row">
                {letter.prisoner.name}
                {letter.prisoner.facility ? (
                  <>
                    <br />
                    <span className="mailroom-muted">{letter.prisoner.facility}</span>
                  </>
                ) : null}
                <br />
                <LetterStatusReport prisoner={letter.prisoner} />
                {!letter.prisoner.hasAddress && letter.state === "QUEUED" ? (
                  <>
                    <br />
                    <strong className="staff-error">{t("mailroom:no-address.badge")}</strong>
                  </>
                ) : null}
                {letter.state === "QUEUED"
                  ? letter.prisoner.envelopeWarnings.map((warning) => (
                      <span key={warning} className="mailroom-envelope-warning" data-envelope-warning={warning}>
                        <br />
                        {t(ENVELOPE_WARNING_KEYS[warning])}
                      </span>
                    ))
                  : null}
              </th>
              <td>
                <p className="mailroom-muted">
                  {t("mailroom:letter-meta", { language: t(LANGUAGE_KEYS[letter.language]), date: letter.createdOn })}
                </p>
                {letter.body === null ? (
                  <p>{t("mailroom:erased")}</p>
                ) : (
                  <div lang={letter.language} className="mailroom-text">
                    {letter.body}
                  </div>
                )}
              </td>
              <td>
                {canReject ? (
                  <Form method="post" action={here}>
                    {/* Announced once at the top of the page; repeated here, beside the form. */}
                    {result && !result.ok && result.letterId === letter.id ? (
                      <p className="staff-error">
                        {t(ERROR_KEYS[result.error])}
                      </p>
                    ) : null}
                    <input type="hidden" name="letterId" value={letter.id} />
                    <input type="hidden" name="from" value={letter.state} />
                    <div className="staff-field">
                      <label htmlFor={`reason-${letter.id}`}>{t("mailroom:reject.reason")}</label>
                      <select id={`reason-${letter.id}`} name="reason" defaultValue="">
                        <option value="">{t("mailroom:reject.choose")}</option>
                        {REJECT_REASONS.map((reason) => (
                          <option key={reason} value={reason}>
                            {t(REASON_KEYS[reason])}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="submit" name="intent" value="reject" className="staff-button staff-button--secondary">
                      {t("mailroom:reject.submit")}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Whether letters reach the person, by whom and when it was reported; flagged when too old to act on. */
function LetterStatusReport({ prisoner }: { prisoner: ShownLetter["prisoner"] }) {
  const { t } = useTranslation();
  const { freshness, report } = prisoner.letterStatusReport;
  const flagged = freshness !== "fresh" && prisoner.letterStatus !== "UNKNOWN";
  return (
    <span className="mailroom-report" data-status-report={freshness}>
      {flagged ? (
        <>
          <strong className="mailroom-stale">{t("mailroom:report.stale-flag")}</strong>{" "}
        </>
      ) : null}
      {t("mailroom:report.letters", { status: t(LETTER_STATUS_KEYS[prisoner.letterStatus]) })}{" "}
      <span className="mailroom-muted">
        {report
          ? t(freshness === "fresh" ? "mailroom:report.fresh" : "mailroom:report.stale", { source: report.source.publication, date: report.displayDate })
          : t("mailroom:report.none")}
      </span>
    </span>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
