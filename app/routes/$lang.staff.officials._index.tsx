// Officials (appeal targets) in the back office: each with the channels that work (approved
// contacts only), whether it is a draft, and how many contacts wait for review.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { officialListPage } from "~/staff/officials/official-page.server";
import { StaffNav } from "~/staff/staff-nav";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["staff", "officials"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "official:edit");
  return json(await officialListPage(state, language), { headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function StaffOfficialsPage() {
  const { nav, language, officials } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article aria-labelledby="officials-title">
      <StaffNav nav={nav} />
      <h1 id="officials-title">{t("officials:list.title")}</h1>
      <p>{t("officials:list.lead")}</p>
      <p>
        <Link to={`/${language}/staff/officials/new`} className="staff-button">
          {t("officials:list.new")}
        </Link>
      </p>
      {officials.length === 0 ? (
        <p>{t("officials:list.none")}</p>
      ) : (
        <table className="staff-table">
          <caption>{t("officials:list.caption", { count: officials.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("officials:list.name")}</th>
              <th scope="col">{t("officials:list.country")}</th>
              <th scope="col">{t("officials:list.state")}</th>
              <th scope="col">{t("officials:list.channels")}</th>
              <th scope="col">{t("officials:list.pending")}</th>
            </tr>
          </thead>
          <tbody>
            {officials.map((official) => {
              const channels = [
                official.channels.email ? t("officials:channel.email") : null,
                official.channels.webForm ? t("officials:channel.web-form") : null,
                official.channels.postal ? t("officials:channel.postal") : null,
              ].filter(Boolean);
              return (
                <tr key={official.id} data-official={official.slug}>
                  <td>
                    <Link to={`/${language}/staff/officials/${official.id}`}>{official.name}</Link>
                    {official.position ? <> · {official.position}</> : null}
                    {official.institution ? <> · {official.institution}</> : null}
                  </td>
                  <td>{official.country}</td>
                  <td>{official.draft ? t("officials:state.draft") : t("officials:state.approved")}</td>
                  <td data-testid="channels">{channels.length > 0 ? channels.join(", ") : <strong>{t("officials:list.no-channel")}</strong>}</td>
                  <td>{official.pending}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
