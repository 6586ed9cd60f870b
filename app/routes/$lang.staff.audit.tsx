// The audit log: every staff action, newest first, 100 per page. Moderators and admins.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { listAuditEntries, type AuditAction } from "~/staff/audit.server";
import { StaffNav } from "~/staff/staff-nav";
import styles from "~/styles/staff.css";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["staff", "campaign-editor", "dashboards", "mailroom", "translations", "prisoner-import", "profile-editor", "officials"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "audit:view");
  const before = new URL(request.url).searchParams.get("before");
  const { entries, nextBefore } = await listAuditEntries({ before: before && before.length <= 40 ? before : null });
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const t = await getFixedT(language, ["common", "staff"]);
  return json(
    {
      nav: staffNavFor(state, language),
      language,
      entries: entries.map((entry) => ({ ...entry, createdAt: `${when.format(entry.createdAt)} UTC` })),
      nextBefore,
      meta: { title: t("common:page-title", { page: t("staff:meta.audit") }) },
    },
    { headers: noStore },
  );
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const ACTION_KEYS = {
  "staff.created-from-command-line": "staff:audit.actions.created-from-command-line",
  "staff.signed-in": "staff:audit.actions.signed-in",
  "staff.second-factor-enrolled": "staff:audit.actions.second-factor-enrolled",
  "staff.second-factor-verified": "staff:audit.actions.second-factor-verified",
  "staff.second-factor-locked": "staff:audit.actions.second-factor-locked",
  "staff.signed-out": "staff:audit.actions.signed-out",
  "staff.invited": "staff:audit.actions.invited",
  "staff.invitation-accepted": "staff:audit.actions.invitation-accepted",
  "staff.roles-changed": "staff:audit.actions.roles-changed",
  "staff.deactivated": "staff:audit.actions.deactivated",
  "staff.reactivated": "staff:audit.actions.reactivated",
  "staff.recovery-codes.generate": "staff:audit.actions.recovery-codes-generated",
  "staff.recovery-code.use": "staff:audit.actions.recovery-code-used",
  "staff.totp.reset": "staff:audit.actions.totp-reset",
  "campaign.created": "campaign-editor:audit.created",
  "campaign.edited": "campaign-editor:audit.edited",
  "campaign.submitted": "campaign-editor:audit.submitted",
  "campaign.published": "campaign-editor:audit.published",
  "campaign.returned": "campaign-editor:audit.returned",
  "campaign.closed": "campaign-editor:audit.closed",
  "campaign.revision.propose": "campaign-editor:audit.revision-proposed",
  "campaign.revision.apply": "campaign-editor:audit.revision-applied",
  "campaign.revision.reject": "campaign-editor:audit.revision-rejected",
  "campaign.revision.withdraw": "campaign-editor:audit.revision-withdrawn",
  "export.actions": "dashboards:audit.export-actions",
  "export.appeals": "dashboards:audit.export-appeals",
  "export.pledges": "dashboards:audit.export-pledges",
  "export.pledges-with-contact": "dashboards:audit.export-pledges-with-contact",
  "mailroom.letter-rejected": "mailroom:audit.letter-rejected",
  "mailroom.letter-printed": "mailroom:audit.letter-printed",
  "mailroom.letter-posted": "mailroom:audit.letter-posted",
  "mailroom.letter-back-to-queue": "mailroom:audit.letter-back-to-queue",
  "mailroom.letter-handed-over": "mailroom:audit.letter-handed-over",
  "mailroom.letter-moved-to-queue": "mailroom:audit.letter-moved-to-queue",
  "translation.key.save": "translations:audit.key-save",
  "translation.key.propose": "translations:audit.key-propose",
  "translation.key.approve": "translations:audit.key-approve",
  "translation.key.reject": "translations:audit.key-reject",
  "translation.file.upload": "translations:audit.file-upload",
  "translation.content.save": "translations:audit.content-save",
  "translation.content.review": "translations:audit.content-review",
  "prisoner.import.check": "prisoner-import:audit.check",
  "prisoner.import.apply": "prisoner-import:audit.apply",
  "prisoner.import.fail": "prisoner-import:audit.fail",
  "prisoner.create": "profile-editor:audit.create",
  "prisoner.draft.edit": "profile-editor:audit.draft-edit",
  "prisoner.change.propose": "profile-editor:audit.change-propose",
  "prisoner.change.apply": "profile-editor:audit.change-apply",
  "prisoner.change.reject": "profile-editor:audit.change-reject",
  "prisoner.change.withdraw": "profile-editor:audit.change-withdraw",
  "prisoner.publish": "profile-editor:audit.publish",
  "prisoner.return": "profile-editor:audit.return",
  "prisoner.photo.replace": "profile-editor:audit.photo-replace",
  "official.create": "officials:audit.create",
  "official.edit": "officials:audit.edit",
  "official.approve": "officials:audit.approve",
  "official.contact.propose": "officials:audit.contact-propose",
  "official.contact.approve": "officials:audit.contact-approve",
  "official.contact.reject": "officials:audit.contact-reject",
  "reference.propose": "staff:audit.actions.reference-propose",
  "reference.apply": "staff:audit.actions.reference-apply",
  "reference.reject": "staff:audit.actions.reference-reject",
  "reference.import.check": "staff:audit.actions.reference-import-check",
  "reference.import.apply": "staff:audit.actions.reference-import-apply",
  "campaign.embed-origins": "campaign-editor:audit.embed-origins",
  "campaign.update.save": "campaign-editor:audit.update-saved",
  "campaign.update.submit": "campaign-editor:audit.update-submitted",
  "campaign.update.publish": "campaign-editor:audit.update-published",
  "campaign.update.return": "campaign-editor:audit.update-returned",
  "campaign.event.add": "campaign-editor:audit.event-added",
  "campaign.event.edit": "campaign-editor:audit.event-changed",
  "campaign.event.cancel": "campaign-editor:audit.event-cancelled",
} as const satisfies Record<AuditAction, string>;

export default function StaffAuditPage() {
  const { nav, language, entries, nextBefore } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article aria-labelledby="audit-title">
      <StaffNav nav={nav} />
      <h1 id="audit-title">{t("staff:audit.title")}</h1>
      <p>{t("staff:audit.lead")}</p>
      {entries.length === 0 ? (
        <p>{t("staff:audit.empty")}</p>
      ) : (
        <table className="staff-table">
          <caption>{t("staff:audit.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff:audit.when")}</th>
              <th scope="col">{t("staff:audit.who")}</th>
              <th scope="col">{t("staff:audit.action")}</th>
              <th scope="col">{t("staff:audit.subject")}</th>
              <th scope="col">{t("staff:audit.details")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.createdAt}</td>
                <td>{entry.staffName ?? t("staff:audit.nobody")}</td>
                <td data-action={entry.action}>
                  {entry.action in ACTION_KEYS ? t(ACTION_KEYS[entry.action as AuditAction]) : entry.action}
                </td>
                <td className="staff-details">{entry.subjectType ? `${entry.subjectType} ${entry.subjectId ?? ""}` : ""}</td>
                <td className="staff-details">{entry.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore ? (
        <p>
          <Link to={`/${language}/staff/audit?before=${encodeURIComponent(nextBefore)}`}>{t("staff:audit.older")}</Link>
        </p>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
