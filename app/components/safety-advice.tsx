import { Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Who runs this copy of Listy (OPERATOR_NAME, OPERATOR_CONTACT), as the root loader hands it down. */
interface Operator {
  name: string | null;
  contact: string | null;
}

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
      <SafetyAdviceItems language={language} />
    </section>
  );
}

/** The advice itself (needs the "pledges" namespace), also the body of the privacy page's safety section. */
export function SafetyAdviceItems({ language }: { language: string }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** Where the full advice is: the safety section of the privacy page. */
export const safetyAdvicePath = (language: string) => `/${language}/privacy#safety`;

/**
 * The one line at the top of every public page: short, calm, and a link to the full advice,
 * so a reader in Belarus meets it before acting, not only inside a form.
 */
export function SafetyLine({ language }: { language: string }) {
  const { t } = useTranslation();
  return (
    <p className="site-safety" data-testid="safety-line">
      <Link to={safetyAdvicePath(language)}>{t("common:safety-line")}</Link>
    </p>
  );
}

/** The operator, as the root loader hands it down (null outside the app's routes, e.g. in tests of a component). */
function useOperator(): Operator {
  const data = useRouteLoaderData("root") as { operator?: Operator } | undefined;
  return data?.operator ?? { name: null, contact: null };
}

function ContactLink({ contact }: { contact: string }) {
  if (/^[^\s@]+@[^\s@]+$/.test(contact)) return <a href={`mailto:${contact}`}>{contact}</a>;
  if (/^https?:\/\//.test(contact)) return <a href={contact}>{contact}</a>;
  return <>{contact}</>;
}

/** "This site is run by …, contact …", or a plain warning when the operator has not said who they are. */
export function OperatorLine() {
  const { t } = useTranslation();
  const { name, contact } = useOperator();
  if (!name) return <>{t("common:operator.unknown")}</>;
  return (
    <>
      {t("common:operator.run-by", { name })}
      {contact ? (
        <>
          {" "}
          {t("common:operator.contact")} <ContactLink contact={contact} />
        </>
      ) : null}
    </>
  );
}

/**
 * Next to every field that asks for an email address: providers that can be made to hand the
 * address over, and who will hold it.
 */
export function EmailSafetyNote({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <div className="email-safety" id={id} data-testid="email-safety">
      <p>{t("common:email-safety.providers")}</p>
      <p data-testid="operator">
        <OperatorLine />
      </p>
    </div>
  );
}
