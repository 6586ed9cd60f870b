// /dev/mail: the development mailbox. Without SMTP_URL, in embedded or development mode,
// every email Listy would send is written as an .eml file; this page lists them so the whole
// appeal flow (confirmation link included) can be tried on one machine. 404 unless DEV_MAILBOX=on
// (`npm run dev`; parseEnv allows it only with NODE_ENV=development).
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { isDevMailboxOn, listDevMail, readDevMail } from "~/mail/dev-mailbox.server";
import styles from "~/styles/appeals.css";

export const handle = { i18n: ["appeals"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  // Off unless asked for: a forgotten NODE_ENV must not open everyone's mail to the world.
  if (!isDevMailboxOn()) throw new Response("Not Found", { status: 404 });
  const name = new URL(request.url).searchParams.get("name");
  if (name !== null) {
    const mail = await readDevMail(name);
    if (!mail) throw new Response("Not Found", { status: 404 });
    return json({ messages: null, mail: { name: mail.name, subject: mail.subject, to: mail.to, writtenAt: mail.writtenAt, text: mail.text ?? mail.raw } });
  }
  const messages = await listDevMail();
  return json({ messages: messages.slice(0, 200), mail: null });
}

export const meta: MetaFunction = () => [{ title: "Listy · /dev/mail" }, { name: "robots", content: "noindex" }];

export default function DevMailPage() {
  const { messages, mail } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (mail) {
    return (
      <article className="dev-mail" aria-labelledby="dev-mail-title">
        <p className="breadcrumb">
          <Link to="/dev/mail">{t("appeals:dev-mail.back")}</Link>
        </p>
        <h1 id="dev-mail-title">{mail.subject ?? t("appeals:dev-mail.no-subject")}</h1>
        <dl className="appeal-summary">
          <div>
            <dt>{t("appeals:dev-mail.to")}</dt>
            <dd>{mail.to}</dd>
          </div>
          <div>
            <dt>{t("appeals:dev-mail.date")}</dt>
            <dd>{mail.writtenAt}</dd>
          </div>
        </dl>
        <pre className="dev-mail__text">{mail.text}</pre>
      </article>
    );
  }
  return (
    <article className="dev-mail" aria-labelledby="dev-mail-title">
      <h1 id="dev-mail-title">{t("appeals:dev-mail.title")}</h1>
      <p>{t("appeals:dev-mail.lead")}</p>
      {messages && messages.length > 0 ? (
        <table className="dev-mail__list">
          <thead>
            <tr>
              <th scope="col">{t("appeals:dev-mail.date")}</th>
              <th scope="col">{t("appeals:dev-mail.to")}</th>
              <th scope="col">{t("appeals:dev-mail.subject")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.name}>
                <td>{message.writtenAt}</td>
                <td>{message.to}</td>
                <td>
                  <Link to={`/dev/mail?name=${encodeURIComponent(message.name)}`}>{message.subject ?? t("appeals:dev-mail.no-subject")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("appeals:dev-mail.empty")}</p>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
