// The letter builder. One form, posted whole: it works without JavaScript (every button is a
// plain submit and the server renders the preview); with JavaScript the preview follows each
// change. What a finished letter becomes depends on whether it can arrive (see ROUTE_FOR_STATUS).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { loadArrivalBox } from "~/arrivals/arrival-box.server";
import { ArrivalReportForm } from "~/arrivals/arrival-form-view";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RESULT_ID, toResult, useFocusResult } from "~/components/result-anchor";
import type { DraftMessage, DraftMessageCode } from "~/letters/letter-draft.server";
import {
  FREE_TEXT_MAX_CHARS,
  INTENTS_FOR_ROUTE,
  RETURN_ADDRESS_MAX_CHARS,
  RETURN_ADDRESS_MAX_LINES,
  SIGNATURE_MAX_CHARS,
} from "~/letters/letter-options";
import { builderPageData, publicRecipient, requireRecipient, reviewPostedDraft, reviewView, type LetterReviewView } from "~/letters/letter-page.server";
import type { EnvelopeWarning } from "~/letters/letter-recipient.server";
import { storeLetter } from "~/letters/letter.server";
import type { PhraseSection } from "~/letters/phrase-bank";
import { PostedItForm } from "~/pledges/pledge-form-view";
import { StatusReportNote, useLetterAnswer } from "~/prisoners/prisoner-status";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/letters.css";
import pledgeStyles from "~/styles/pledges.css";
import { formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireSameOrigin } from "~/utils/security.server";
import { followFormerSlug } from "~/prisoners/former-slugs.server";

export const handle = { i18n: ["letters", "prisoners", "pledges", "arrivals"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: pledgeStyles },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  // A slug corrected before publication still works: 301 to the current one.
  return followFormerSlug(request, async () => {
    const { language, recipient } = await requireRecipient(params);
    const t = await getFixedT(language, "letters");
    const done = new URL(request.url).searchParams.get("done");
    const name = formatPersonName(recipient.names.display);
    const arrivals = await loadArrivalBox(recipient.slug, language);
    return json({
      arrivals,
      language,
      recipient: publicRecipient(recipient),
      ...builderPageData(recipient, language),
      done: done === "bank" || done === "mailroom" ? done : null,
      meta: {
        title: t("letters:write.meta-title", { name }),
        description: t("letters:write.meta-description", { name }),
      },
    });
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const { language, recipient } = await requireRecipient(params);
  const { intent, review, problems } = reviewPostedDraft(await request.formData(), recipient, language);
  if (intent === "preview") return json({ review: reviewView(review), problems, ready: false });
  if (problems.length > 0) return json({ review: reviewView(review), problems, ready: false }, { status: 400 });

  // A page cannot answer with a file: show the checked letter with a button that posts the
  // same draft to the PDF endpoint (pressed for the writer when JavaScript runs).
  if (intent === "download") return json({ review: reviewView(review), problems, ready: true });

  // Kept letters never keep the writer's return address: Listy stores as little as it can.
  await storeLetter({
    prisonerId: recipient.id,
    route: intent === "bank" ? "LETTER_BANK" : "MAILROOM",
    language: review.draft.letterLanguage,
    body: review.composed.letterText,
    interfaceLanguage: language,
  });
  return redirect(`/${language}/prisoners/${recipient.slug}/write?done=${intent}#${RESULT_ID}`, 303);
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

// ── view models (serialisable, no functions) ─────────────────────────────

type ReviewView = LetterReviewView;
type FreeTextSegment = ReviewView["freeTextSegments"][number];

// ── the page ───────────────────────────────────────────────────────────────

const SECTION_KEYS: Record<PhraseSection, string> = {
  greeting: "letters:write.sections.greeting",
  "about-me": "letters:write.sections.about-me",
  "daily-life": "letters:write.sections.daily-life",
  "books-and-culture": "letters:write.sections.books-and-culture",
  "nature-and-seasons": "letters:write.sections.nature-and-seasons",
  wishes: "letters:write.sections.wishes",
  birthday: "letters:write.sections.birthday",
  holidays: "letters:write.sections.holidays",
  closing: "letters:write.sections.closing",
};

const MESSAGE_KEYS: Record<DraftMessageCode, string> = {
  "unknown-phrase": "letters:write.messages.unknown-phrase",
  "duplicate-phrase": "letters:write.messages.duplicate-phrase",
  "too-many-phrases": "letters:write.messages.too-many-phrases",
  "empty-letter": "letters:write.messages.empty-letter",
  "missing-first-name": "letters:write.messages.missing-first-name",
  "name-not-cyrillic": "letters:write.messages.name-not-cyrillic",
  "patronymic-unknown": "letters:write.messages.patronymic-unknown",
  "missing-holiday": "letters:write.messages.missing-holiday",
  "unsupported-letter-language": "letters:write.messages.unsupported-letter-language",
  "free-text-too-long": "letters:write.messages.free-text-too-long",
  "free-text-markup": "letters:write.messages.free-text-markup",
  "free-text-mixed-script": "letters:write.messages.free-text-mixed-script",
  "control-characters-removed": "letters:write.messages.control-characters-removed",
  "input-cut": "letters:write.messages.input-cut",
  "return-address-too-long": "letters:write.messages.return-address-too-long",
  "return-address-too-many-lines": "letters:write.messages.return-address-too-many-lines",
  "signature-too-long": "letters:write.messages.signature-too-long",
  "signature-not-a-name": "letters:write.messages.signature-not-a-name",
  "signature-latin": "letters:write.messages.signature-latin",
  "signature-risky": "letters:write.messages.signature-risky",
  "gender-required": "letters:write.messages.gender-required",
  "risk-not-acknowledged": "letters:write.messages.risk-not-acknowledged",
  "bank-consent-required": "letters:write.messages.bank-consent-required",
  "route-not-available": "letters:write.messages.route-not-available",
};

const LETTER_LANGUAGE_KEYS = { ru: "letters:write.letter-language.ru", be: "letters:write.letter-language.be" } as const;

const ENVELOPE_WARNING_KEYS = {
  "patronymic-missing": "letters:write.print.patronymic-missing",
  "birth-year-missing": "letters:write.print.birth-year-missing",
} as const satisfies Record<EnvelopeWarning, string>;

const FIELD_IDS: Record<string, string> = {
  phrases: "phrases-heading",
  freeText: "free-text",
  signature: "signature",
  returnAddress: "return-address",
  gender: "gender-m",
  acknowledgeRisk: "acknowledge-risk",
  bankConsent: "bank-consent",
  holiday: "holiday",
};

export default function WriteLetterPage() {
  const { language, recipient, chooser, season, maxPhrases, holidays: holidayOptions, done, arrivals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fetcher = useFetcher<typeof action>();
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  // The submitted draft (no-JS round trip) decides the fields' initial state; live previews
  // from the fetcher only refresh the preview, never the fields the writer is typing in.
  const submitted: ReviewView | null = actionData?.review ?? null;
  const review: ReviewView | null = fetcher.data?.review ?? submitted;
  const problems = actionData?.problems ?? [];
  const draft = submitted?.draft;
  const chosen = new Set(draft?.phraseIds ?? []);
  const letterLanguage = review?.draft.letterLanguage ?? recipient.defaultLetterLanguage;
  const allMessages = dedupeMessages([...(submitted?.messages ?? []), ...problems]);
  const errors = allMessages.filter((message) => message.severity === "error");
  const notes = (review?.messages ?? []).filter((message) => message.severity !== "error");
  const messageFor = (field: string) => allMessages.filter((message) => message.field === field && message.severity === "error");
  const intents = INTENTS_FOR_ROUTE[recipient.route];
  const readyFormRef = useRef<HTMLFormElement>(null);
  const ready = actionData?.ready === true && submitted !== null;
  useEffect(() => {
    if (ready) readyFormRef.current?.requestSubmit();
  }, [ready]);

  const schedulePreview = (form: HTMLFormElement) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const data = new FormData(form);
      data.set("intent", "preview");
      fetcher.submit(data, { method: "post" });
    }, 400);
  };
  // The running count in the summary bar: the submitted draft's, then what is ticked now.
  const [phraseCount, setPhraseCount] = useState(draft?.phraseIds.length ?? 0);
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    setPhraseCount(event.currentTarget.querySelectorAll("input[name=phrase]:checked").length);
    schedulePreview(event.currentTarget);
  };

  // Choices made before the page's script was running (a slow connection) are previewed as
  // soon as it runs; the attribute tells tests and styles that the preview is now live.
  const [livePreview, setLivePreview] = useState(false);
  useEffect(() => {
    setLivePreview(true);
    const form = formRef.current;
    if (form) setPhraseCount(form.querySelectorAll("input[name=phrase]:checked").length);
    if (form && !submitted && (form.querySelector("input[name=phrase]:checked") || (form.elements.namedItem("freeText") as HTMLTextAreaElement | null)?.value)) {
      schedulePreview(form);
    }
    // Only once, on hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Where the page answers a submitted form (see result-anchor.ts): the errors, the ready
  // letter, the checked preview, or the note that a letter was kept.
  const answer = errors.length > 0 ? "errors" : ready ? "ready" : submitted ? "preview" : done ? "done" : null;
  const answerId = (part: typeof answer) => (answer === part ? RESULT_ID : undefined);
  useFocusResult(answer !== null);

  const openSection = (section: PhraseSection, phrases: { id: string }[]) =>
    section === "greeting" ||
    phrases.some((phrase) => chosen.has(phrase.id)) ||
    (section === "holidays" && (Boolean(draft?.holiday) || messageFor("holiday").length > 0));

  const message = (item: DraftMessage) => t(MESSAGE_KEYS[item.code], { ...item.values, count: Number(item.values?.count ?? item.values?.limit ?? 0) });

  return (
    <article className="letter-builder" aria-labelledby="write-title">
      <p className="breadcrumb">
        <Link to={`/${language}/prisoners/${recipient.slug}`}>{t("letters:write.back", { name: recipient.name })}</Link>
      </p>
      <h1 id="write-title">{t("letters:write.title", { name: recipient.name })}</h1>

      {done ? (
        <div className="notice notice--success" role="status" id={answerId("done")} tabIndex={-1}>
          <p>{done === "bank" ? t("letters:write.done.bank", { name: recipient.name }) : t("letters:write.done.mailroom", { name: recipient.name })}</p>
          <p>
            <Link to={`/${language}/write`}>{t("letters:write.done.another")}</Link>
          </p>
        </div>
      ) : null}

      {ready && submitted ? (
        <form method="post" action={`/${language}/prisoners/${recipient.slug}/letter.pdf`} ref={readyFormRef} className="notice notice--success" role="status" id={answerId("ready")} tabIndex={-1}>
          <p>{t("letters:write.ready.text")}</p>
          <DraftFields draft={submitted.draft} />
          <button type="submit" className="button">
            {t("letters:write.ready.button")}
          </button>
        </form>
      ) : null}
      {/* Once it is printed and posted, the writer can say so: it counts, and nothing is stored about them. */}
      {ready ? <PostedItForm language={language} prisoner={recipient.slug} /> : null}
      {/* After a printed or mailroom letter: the writer can come back and say whether it arrived. */}
      {arrivals.open && (ready || done === "mailroom") ? (
        <ArrivalReportForm language={language} prisoner={recipient.slug} months={arrivals.months} ticket={arrivals.ticket} />
      ) : null}

      <RouteExplanation recipient={recipient} language={language} />

      {recipient.route === "none" ? null : (
        <Form method="post" action={toResult(`/${language}/prisoners/${recipient.slug}/write`)} reloadDocument ref={formRef} onChange={onChange} className="letter-form" noValidate data-live-preview={livePreview ? "on" : undefined}>
          {errors.length > 0 ? (
            <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id={answerId("errors")}>
              <h2 id="error-summary-title">{t("letters:write.error-summary", { count: errors.length })}</h2>
              <ul>
                {errors.map((item) => (
                  <li key={`${item.code}-${item.field ?? ""}`}>
                    <a href={`#${FIELD_IDS[item.field ?? "phrases"] ?? "phrases-heading"}`}>{message(item)}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          <p className="hint">{t("letters:write.intro")}</p>

          <fieldset className="choice-row">
            <legend>{t("letters:write.letter-language.legend")}</legend>
            {(["ru", "be"] as const).map((code) => (
              <label key={code}>
                <input type="radio" name="letterLanguage" value={code} defaultChecked={(draft?.letterLanguage ?? recipient.defaultLetterLanguage) === code} />{" "}
                {t(LETTER_LANGUAGE_KEYS[code])}
              </label>
            ))}
            <p className="hint">{t("letters:write.letter-language.hint")}</p>
          </fieldset>

          {recipient.gender === null ? (
            <fieldset className="choice-row" aria-describedby="gender-hint">
              <legend>{t("letters:write.gender.legend")}</legend>
              <p id="gender-hint" className="hint">
                {t("letters:write.gender.hint")}
              </p>
              <FieldErrors items={messageFor("gender")} format={message} />
              <label>
                <input id="gender-m" type="radio" name="gender" value="m" defaultChecked={draft?.gender === "m"} /> {t("letters:write.gender.m")}
              </label>
              <label>
                <input type="radio" name="gender" value="f" defaultChecked={draft?.gender === "f"} /> {t("letters:write.gender.f")}
              </label>
            </fieldset>
          ) : null}

          <h2 id="phrases-heading">{t("letters:write.phrases-heading")}</h2>
          <p className="hint">{t("letters:write.phrases-hint", { count: maxPhrases, season })}</p>
          <FieldErrors items={messageFor("phrases")} format={message} />
          {/* Sections fold away (no script needed): the greeting and any section with a chosen
              phrase start open, so a phone shows a short list instead of a hundred boxes. */}
          {chooser.map(({ section, phrases }) => (
            <details key={section} className="phrase-group" open={openSection(section, phrases) || undefined}>
              <summary>{t(SECTION_KEYS[section])}</summary>
              <fieldset className="phrase-section">
                <legend className="visually-hidden">{t(SECTION_KEYS[section])}</legend>
                {section === "holidays" ? (
                  <p className="field">
                    <label htmlFor="holiday">{t("letters:write.holiday-label")}</label>
                    <select id="holiday" name="holiday" defaultValue={draft?.holiday ?? ""}>
                      <option value="">{t("letters:write.holiday-none")}</option>
                      {holidayOptions.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </p>
                ) : null}
                {phrases.map((phrase) => (
                  <label key={phrase.id} className="phrase">
                    <input type="checkbox" name="phrase" value={phrase.id} defaultChecked={chosen.has(phrase.id)} /> <span>{phrase.text}</span>
                  </label>
                ))}
              </fieldset>
            </details>
          ))}

          <h2>{t("letters:write.free-text.heading")}</h2>
          <p className="field">
            <label htmlFor="free-text">{t("letters:write.free-text.label")}</label>
            <span id="free-text-hint" className="hint">
              {t("letters:write.free-text.hint", { limit: FREE_TEXT_MAX_CHARS })}
            </span>
            <FieldErrors items={messageFor("freeText")} format={message} />
            <textarea
              id="free-text"
              name="freeText"
              rows={6}
              lang={letterLanguage}
              defaultValue={draft?.freeText ?? ""}
              aria-describedby="free-text-hint"
              aria-invalid={messageFor("freeText").length > 0 || undefined}
            />
          </p>

          <p className="field">
            <label htmlFor="signature">{t("letters:write.signature.label")}</label>
            <span id="signature-hint" className="hint">
              {t("letters:write.signature.hint", { limit: SIGNATURE_MAX_CHARS })}
            </span>
            <FieldErrors items={messageFor("signature")} format={message} />
            <input
              id="signature"
              name="signature"
              type="text"
              autoComplete="off"
              lang={letterLanguage}
              defaultValue={draft?.signature ?? ""}
              aria-describedby="signature-hint"
              aria-invalid={messageFor("signature").length > 0 || undefined}
            />
          </p>

          <p>
            <button type="submit" name="intent" value="preview" className="button button--secondary">
              {t("letters:write.preview-button")}
            </button>
          </p>

          {/* Stays at the bottom of the screen while choosing; a plain link, so it works without script. */}
          <p className="letter-summary">
            <a href="#preview-heading">{t("letters:write.running-summary", { count: phraseCount })}</a>
          </p>

          <Preview review={review} letterLanguage={letterLanguage} readerLanguage={language} notes={notes} format={message} id={answerId("preview")} />

          {review && review.flags.length > 0 ? (
            <p className="field field--check">
              <FieldErrors items={messageFor("acknowledgeRisk")} format={message} />
              <label>
                <input id="acknowledge-risk" type="checkbox" name="acknowledgeRisk" defaultChecked={draft?.acknowledgeRisk ?? false} />{" "}
                {t("letters:write.acknowledge-risk")}
              </label>
            </p>
          ) : null}

          {intents.includes("download") ? (
            <section aria-labelledby="print-heading" className="finish">
              <h2 id="print-heading">{t("letters:write.print.heading")}</h2>
              {recipient.addressKnown ? (
                <p>{t("letters:write.print.address-known", { facility: recipient.facilityName ?? "" })}</p>
              ) : (
                <div className="notice" id="address-unknown">
                  <p>{t("letters:write.print.address-unknown")}</p>
                  {recipient.addressLookupUrl ? (
                    <p>
                      <a href={recipient.addressLookupUrl} rel="noreferrer noopener" referrerPolicy="no-referrer">
                        {t("letters:write.print.address-lookup")}
                      </a>{" "}
                      <strong>{t("letters:write.print.address-lookup-risk")}</strong>
                    </p>
                  ) : null}
                </div>
              )}
              {recipient.envelopeWarnings.length > 0 ? (
                <div className="notice" id="envelope-names">
                  <h3>{t("letters:write.print.names-heading")}</h3>
                  <p>{t("letters:write.print.names-lead")}</p>
                  <ul>
                    {recipient.envelopeWarnings.map((warning) => (
                      <li key={warning} data-envelope-warning={warning}>
                        {t(ENVELOPE_WARNING_KEYS[warning])}
                      </li>
                    ))}
                  </ul>
                  <p>{t("letters:write.print.names-by-hand")}</p>
                </div>
              ) : null}
              <fieldset className="choice-row">
                <legend>{t("letters:write.print.envelope-legend")}</legend>
                {(["c6", "dl", "label"] as const).map((format) => (
                  <label key={format}>
                    <input type="radio" name="envelope" value={format} defaultChecked={(draft?.envelope ?? "c6") === format} />{" "}
                    {format === "c6" ? t("letters:write.print.envelope-c6") : format === "dl" ? t("letters:write.print.envelope-dl") : t("letters:write.print.envelope-label")}
                  </label>
                ))}
              </fieldset>
              {/* Read before typing: the advice sits above the field it is about. */}
              <div id="return-address-safety" className="safety">
                <h3>{t("letters:write.print.safety-heading")}</h3>
                <ul>
                  <li>{t("letters:write.print.safety-inside")}</li>
                  <li>{t("letters:write.print.sender-abroad")}</li>
                  <li>{t("letters:write.print.safety-reply")}</li>
                  <li>{t("letters:write.print.safety-stored")}</li>
                </ul>
              </div>
              <p className="field">
                <label htmlFor="return-address">{t("letters:write.print.return-address-label")}</label>
                <span id="return-address-hint" className="hint">
                  {t("letters:write.print.return-address-hint", { limit: RETURN_ADDRESS_MAX_CHARS, lines: RETURN_ADDRESS_MAX_LINES })}
                </span>
                <FieldErrors items={messageFor("returnAddress")} format={message} />
                <textarea
                  id="return-address"
                  name="returnAddress"
                  rows={4}
                  defaultValue={draft?.returnAddress ?? ""}
                  aria-describedby="return-address-hint return-address-safety"
                  aria-invalid={messageFor("returnAddress").length > 0 || undefined}
                />
              </p>
              <p className="button-row">
                <button type="submit" name="intent" value="download" className="button">
                  {t("letters:write.print.download-button")}
                </button>
                {intents.includes("mailroom") ? (
                  <button type="submit" name="intent" value="mailroom" className="button button--secondary">
                    {t("letters:write.print.mailroom-button")}
                  </button>
                ) : null}
              </p>
              <p>{t("letters:write.print.registered-mail")}</p>
              <p className="hint">{t("letters:write.print.print-hint")}</p>
            </section>
          ) : null}

          {intents.includes("bank") ? (
            <section aria-labelledby="bank-heading" className="finish">
              <h2 id="bank-heading">{t("letters:write.bank.heading")}</h2>
              <p>{t("letters:write.bank.explanation", { name: recipient.name })}</p>
              <p className="field field--check">
                <FieldErrors items={messageFor("bankConsent")} format={message} />
                <label>
                  <input id="bank-consent" type="checkbox" name="bankConsent" defaultChecked={draft?.bankConsent ?? false} /> {t("letters:write.bank.consent")}
                </label>
              </p>
              <p>
                <button type="submit" name="intent" value="bank" className="button">
                  {t("letters:write.bank.button")}
                </button>
              </p>
            </section>
          ) : null}
        </Form>
      )}

      {review && review.letterText ? (
        <section className="letter-print" lang={letterLanguage} aria-hidden="true">
          {review.letterText.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      ) : null}
    </article>
  );
}

/** The checked draft, carried to the PDF endpoint in hidden fields. */
function DraftFields({ draft }: { draft: ReviewView["draft"] }) {
  return (
    <>
      {draft.phraseIds.map((id, index) => (
        <input key={`${id}-${index}`} type="hidden" name="phrase" value={id} />
      ))}
      <input type="hidden" name="letterLanguage" value={draft.letterLanguage} />
      {draft.gender ? <input type="hidden" name="gender" value={draft.gender} /> : null}
      {draft.holiday ? <input type="hidden" name="holiday" value={draft.holiday} /> : null}
      <input type="hidden" name="freeText" value={draft.freeText} />
      <input type="hidden" name="signature" value={draft.signature} />
      <input type="hidden" name="returnAddress" value={draft.returnAddress} />
      <input type="hidden" name="envelope" value={draft.envelope} />
      {draft.acknowledgeRisk ? <input type="hidden" name="acknowledgeRisk" value="on" /> : null}
    </>
  );
}

type PageRecipient = ReturnType<typeof useLoaderData<typeof loader>>["recipient"];

function RouteExplanation({ recipient, language }: { recipient: PageRecipient; language: string }) {
  const { t } = useTranslation();
  const letterAnswer = useLetterAnswer();
  const { route, name, letterStatusReport: report } = recipient;
  // The reported letter status is too old (or undated) to act on: say what it was, by whom
  // and when, and that the writer should check before posting.
  const outdated = recipient.letterStatus !== recipient.letterStatusToActOn;
  return (
    <section className={`letter-route letter-route--${route}`} aria-labelledby="route-heading">
      <h2 id="route-heading">{t("letters:write.route.heading")}</h2>
      {route === "print" ? <p>{t("letters:write.route.print", { name })}</p> : null}
      {route === "print-uncertain" ? <p>{t("letters:write.route.print-uncertain", { name })}</p> : null}
      {route === "letter-bank" ? <p>{t("letters:write.route.letter-bank", { name })}</p> : null}
      {route === "none" ? <p>{t("letters:write.route.none", { name })}</p> : null}
      {outdated ? (
        <>
          <p className="letter-route__report" data-status-report={report.freshness}>
            {t("prisoners:letters.outdated", { answer: letterAnswer(recipient.letterStatus) })} <StatusReportNote view={report} />
            {t("prisoners:letters.outdated-end")}
          </p>
          <p className="letter-route__check">
            <strong>{t("letters:write.route.check-before-posting")}</strong>
          </p>
        </>
      ) : recipient.letterStatus !== "UNKNOWN" ? (
        <p className="letter-route__report" data-status-report={report.freshness}>
          <StatusReportNote view={report} />
        </p>
      ) : null}
      {route === "none" ? (
        <ul>
          <li>
            <Link to={`/${language}/write`}>{t("letters:write.route.none-write-someone")}</Link>
          </li>
          <li>
            <Link to={`/${language}/campaigns`}>{t("letters:write.route.none-campaigns")}</Link>
          </li>
        </ul>
      ) : null}
    </section>
  );
}

function Preview({
  review,
  letterLanguage,
  readerLanguage,
  notes,
  format,
  id,
}: {
  id?: string;
  review: ReviewView | null;
  letterLanguage: string;
  readerLanguage: string;
  notes: DraftMessage[];
  format: (message: DraftMessage) => string;
}) {
  const { t } = useTranslation();
  // A reader of the letter's own language needs no second column saying the same thing.
  const sameLanguage = readerLanguage === letterLanguage;
  return (
    <section aria-labelledby="preview-heading" className="preview" aria-live="polite" id={id}>
      <h2 id="preview-heading" tabIndex={-1}>
        {t("letters:write.preview.heading")}
      </h2>
      {!review || review.paragraphs.length === 0 ? (
        <p className="hint">{t("letters:write.preview.empty")}</p>
      ) : (
        <table className="side-by-side">
          <caption className="visually-hidden">{t("letters:write.preview.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t(LETTER_LANGUAGE_KEYS[letterLanguage === "be" ? "be" : "ru"])}</th>
              {sameLanguage ? null : <th scope="col">{t("letters:write.preview.reading")}</th>}
            </tr>
          </thead>
          <tbody>
            {review.paragraphs.map((paragraph, index) => (
              <tr key={index}>
                <td lang={letterLanguage} className="side-by-side__letter" data-label={t(LETTER_LANGUAGE_KEYS[letterLanguage === "be" ? "be" : "ru"])}>
                  {paragraph.kind === "free-text" ? <FreeText segments={review.freeTextSegments} /> : paragraph.letterText}
                </td>
                {sameLanguage ? null : (
                  <td lang={paragraph.kind === "free-text" ? undefined : readerLanguage} className="side-by-side__reading" data-label={t("letters:write.preview.reader-column")}>
                    {paragraph.kind === "free-text" ? <em>{t("letters:write.preview.own-words")}</em> : paragraph.readerText}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notes.length > 0 ? (
        <ul className="notes">
          {notes.map((note) => (
            <li key={`${note.code}-${note.field ?? ""}`}>{format(note)}</li>
          ))}
        </ul>
      ) : null}
      {review && review.flags.length > 0 ? (
        <div className="censor-flags" role="region" aria-labelledby="censor-heading">
          <h3 id="censor-heading">{t("letters:censor.summary", { count: review.flags.length })}</h3>
          <p>
            <strong>{t("letters:censor.warning")}</strong>
          </p>
          <ul>
            {review.flags.map((flag, index) => (
              <li key={index}>
                <p>
                  <mark lang={review.checkedAs}>{flag.match}</mark>
                </p>
                <p>{t(flag.why)}</p>
                <p>
                  <span className="censor-flags__label">{t("letters:write.preview.instead")}</span> {t(flag.instead)}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function FreeText({ segments }: { segments: FreeTextSegment[] }) {
  return (
    <span className="free-text">
      {segments.map((segment, index) => (segment.flagged ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </span>
  );
}

function FieldErrors({ items, format }: { items: DraftMessage[]; format: (message: DraftMessage) => string }) {
  if (items.length === 0) return null;
  return (
    <span className="field-error">
      {items.map((item) => (
        <span key={item.code}>{format(item)} </span>
      ))}
    </span>
  );
}

function dedupeMessages(messages: DraftMessage[]): DraftMessage[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    const key = `${message.code}:${message.field ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
