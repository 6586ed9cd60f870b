// The team (admins only): who has which roles, invitations by email, role changes and
// deactivation. Every change is audited in the model functions.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { languageAutonyms, supportedLanguages } from "~/i18n";
import { resetSecondFactor } from "~/staff/accounts/recovery-codes.server";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { languageOr } from "~/staff/accounts/sign-in.server";
import { changeRoles, cleanRoles, inviteStaff, listOpenInvitations, listStaff, setStaffActive } from "~/staff/accounts/team.server";
import { ROLE_KEYS } from "~/staff/labels";
import { requirePermission } from "~/staff/permissions";
import { staffRoles } from "~/staff/permissions";
import { StaffNav } from "~/staff/staff-nav";
import styles from "~/styles/staff.css";
import { formFields } from "~/utils/form-fields";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { publicOrigin, requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "team:manage");
  const [members, invitations, t] = await Promise.all([listStaff(), listOpenInvitations(), getFixedT(language, ["common", "staff"])]);
  return json(
    {
      nav: staffNavFor(state, language),
      language,
      selfId: state.staff.id,
      members: members.map((member) => ({ ...member, createdAt: member.createdAt.toISOString().slice(0, 10) })),
      invitations: invitations.map((invitation) => ({ ...invitation, expiresAt: invitation.expiresAt.toISOString().slice(0, 10) })),
      meta: { title: t("common:page-title", { page: t("staff:meta.team") }) },
    },
    { headers: noStore },
  );
}

type ActionError = "invalid-email" | "no-roles" | "already-staff" | "own-admin-role" | "own-account" | "own-second-factor" | "not-found";
type ActionResult = { ok: true; done: "invited" | "saved" | "totp-reset"; email?: string } | { ok: false; intent: string; staffId?: string; error: ActionError; email?: string };

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "team:manage");
  const fields = formFields(await request.formData());
  const intent = fields.line("intent", 40);
  const staffId = fields.line("staffId", 40);
  const reply = (result: ActionResult) => json(result, { status: result.ok ? 200 : 400, headers: noStore });

  if (intent === "invite") {
    requirePermission(state.actor, "team:invite");
    const email = fields.line("email", 300);
    const result = await inviteStaff(state.staff, {
      email,
      roles: cleanRoles(fields.lines("roles", 40)),
      language: languageOr(fields.line("language", 10), language),
      origin: publicOrigin(request, context),
    });
    return reply(result.ok ? { ok: true, done: "invited", email } : { ok: false, intent, error: result.error, email });
  }
  if (intent === "roles") {
    const result = await changeRoles(state.staff, staffId, cleanRoles(fields.lines("roles", 40)));
    return reply(result.ok ? { ok: true, done: "saved" } : { ok: false, intent, staffId, error: result.error });
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const result = await setStaffActive(state.staff, staffId, intent === "reactivate");
    return reply(result.ok ? { ok: true, done: "saved" } : { ok: false, intent, staffId, error: result.error });
  }
  if (intent === "reset-totp") {
    // Lost phone and no recovery codes: they enrol again at their next sign-in.
    const result = await resetSecondFactor(state.staff, staffId);
    return reply(result.ok ? { ok: true, done: "totp-reset" } : { ok: false, intent, staffId, error: result.error === "own-account" ? "own-second-factor" : result.error });
  }
  return reply({ ok: false, intent: "", error: "not-found" });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const ERROR_KEYS = {
  "invalid-email": "staff:team.errors.invalid-email",
  "no-roles": "staff:team.errors.no-roles",
  "already-staff": "staff:team.errors.already-staff",
  "own-admin-role": "staff:team.errors.own-admin-role",
  "own-account": "staff:team.errors.own-account",
  "own-second-factor": "staff:team.errors.own-second-factor",
  "not-found": "staff:team.errors.not-found",
} as const satisfies Record<ActionError, string>;

export default function StaffTeamPage() {
  const { nav, language, selfId, members, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const inviteError = result && !result.ok && result.intent === "invite" ? result.error : null;
  return (
    <article aria-labelledby="team-title">
      <StaffNav nav={nav} />
      <h1 id="team-title">{t("staff:team.title")}</h1>
      {result?.ok ? (
        <p role="status" className="staff-ok">
          {result.done === "invited"
            ? t("staff:team.invited", { email: result.email ?? "" })
            : result.done === "totp-reset"
              ? t("staff:team.totp-reset-done")
              : t("staff:team.saved")}
        </p>
      ) : result && result.intent !== "invite" ? (
        <p role="alert" className="staff-error">
          {t(ERROR_KEYS[result.error])}
        </p>
      ) : null}

      <table className="staff-table">
        <caption>{t("staff:team.members")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("staff:team.name")}</th>
            <th scope="col">{t("staff:team.status")}</th>
            <th scope="col">{t("staff:team.roles")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} data-email={member.email}>
              <td>
                {member.displayName}
                {member.id === selfId ? ` ${t("staff:team.you")}` : ""}
                <br />
                {member.email}
              </td>
              <td>
                {member.active ? t("staff:team.active") : t("staff:team.inactive")}
                <br />
                {member.totpEnrolled ? t("staff:team.totp-on") : t("staff:team.totp-off")}
                {member.totpEnrolled && member.id !== selfId ? (
                  <Form method="post">
                    <input type="hidden" name="staffId" value={member.id} />
                    <button type="submit" name="intent" value="reset-totp" className="staff-link-button">
                      {t("staff:team.totp-reset", { name: member.displayName })}
                    </button>
                  </Form>
                ) : null}
                {member.id !== selfId ? (
                  <Form method="post">
                    <input type="hidden" name="staffId" value={member.id} />
                    <button type="submit" name="intent" value={member.active ? "deactivate" : "reactivate"} className="staff-link-button">
                      {member.active ? t("staff:team.deactivate", { name: member.displayName }) : t("staff:team.reactivate", { name: member.displayName })}
                    </button>
                  </Form>
                ) : null}
              </td>
              <td>
                <Form method="post">
                  <input type="hidden" name="staffId" value={member.id} />
                  <fieldset className="staff-roles">
                    <legend>{t("staff:team.roles-of", { name: member.displayName })}</legend>
                    {staffRoles.map((role) => (
                      <div className="staff-check" key={role}>
                        <input type="checkbox" id={`roles-${member.id}-${role}`} name="roles" value={role} defaultChecked={member.roles.includes(role)} />
                        <label htmlFor={`roles-${member.id}-${role}`}>{t(ROLE_KEYS[role])}</label>
                      </div>
                    ))}
                  </fieldset>
                  <button type="submit" name="intent" value="roles" className="staff-button staff-button--secondary">
                    {t("staff:team.save-roles")}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {invitations.length > 0 ? (
        <>
          <h2>{t("staff:team.pending-title")}</h2>
          <ul>
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {t("staff:team.pending-item", {
                  email: invitation.email,
                  roles: invitation.roles.map((role) => t(ROLE_KEYS[role])).join(", "),
                  date: invitation.expiresAt,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 id="invite-title">{t("staff:team.invite-title")}</h2>
      <Form method="post" className="staff-form" aria-labelledby="invite-title" noValidate>
        {inviteError ? (
          <p role="alert" className="staff-error">
            {t(ERROR_KEYS[inviteError])}
          </p>
        ) : null}
        <div className="staff-field">
          <label htmlFor="invite-email">{t("staff:team.invite-email")}</label>
          <input
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            required
            defaultValue={result && !result.ok && result.intent === "invite" ? (result.email ?? "") : ""}
            aria-invalid={inviteError === "invalid-email" || inviteError === "already-staff" || undefined}
          />
        </div>
        <fieldset>
          <legend>{t("staff:team.invite-roles")}</legend>
          {staffRoles.map((role) => (
            <div className="staff-check" key={role}>
              <input type="checkbox" id={`invite-role-${role}`} name="roles" value={role} />
              <label htmlFor={`invite-role-${role}`}>{t(ROLE_KEYS[role])}</label>
            </div>
          ))}
        </fieldset>
        <div className="staff-field">
          <label htmlFor="invite-language">{t("staff:team.invite-language")}</label>
          <select id="invite-language" name="language" defaultValue={language}>
            {supportedLanguages.map((code) => (
              <option key={code} value={code} lang={code}>
                {languageAutonyms[code]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" name="intent" value="invite" className="staff-button">
          {t("staff:team.invite-submit")}
        </button>
      </Form>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
