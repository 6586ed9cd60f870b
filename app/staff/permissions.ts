// Who may do what in the back office, in one table. Every loader and action asks `can()`;
// anything not listed is refused (fail closed), and the authorisation-matrix test walks
// every route × role × own/others' object through this table.

export const staffRoles = ["translator", "campaigner", "moderator", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];
/** Who is asking: no session, a supporter (no account: only token links), or staff. */
export type Actor = { kind: "anonymous" } | { kind: "staff"; id: string; roles: readonly StaffRole[] };

export const permissions = [
  "dashboard:view",
  "campaign:create",
  "campaign:edit", // own drafts; moderators and admins any
  "campaign:submit-for-review",
  "campaign:publish", // a moderator other than the author
  "campaign:close",
  "prisoner:edit", // changes to a published profile go to review
  "prisoner:approve-change",
  "prisoner:import",
  "export:actions", // counts and actions, no personal data
  "export:pledges-with-contact", // only what retention still holds
  "mailroom:work",
  "translation:edit",
  "translation:review",
  "team:invite",
  "team:manage",
  "audit:view",
  "official:edit", // officials and their contacts: a new official and a changed contact wait for review
  "official:approve", // a second person, never the author
  // Facilities and charge types (app/staff/reference/): proposed by one, approved by another.
  "reference:edit",
  "reference:approve",
] as const;
export type Permission = (typeof permissions)[number];

const GRANTS: Record<StaffRole, readonly Permission[]> = {
  translator: ["dashboard:view", "translation:edit"],
  campaigner: [
    "dashboard:view",
    "campaign:create",
    "campaign:edit",
    "campaign:submit-for-review",
    "campaign:close",
    "prisoner:edit",
    "prisoner:import",
    "export:actions",
    "mailroom:work",
    "official:edit",
    "reference:edit",
  ],
  moderator: [
    "dashboard:view",
    "campaign:edit",
    // A moderator may send a draft on for review (another moderator then approves it).
    "campaign:submit-for-review",
    "campaign:publish",
    "campaign:close",
    "prisoner:edit",
    "prisoner:approve-change",
    "export:actions",
    "export:pledges-with-contact",
    "mailroom:work",
    "translation:edit",
    "translation:review",
    "audit:view",
    "official:edit",
    "official:approve",
    "reference:edit",
    "reference:approve",
  ],
  admin: [...permissions],
};

/**
 * Roles whose holders must have a second factor before anything else: those who can change
 * what the public reads (translators write interface text directly, and a stolen mailbox alone
 * must not be enough to do so).
 */
export const ROLES_REQUIRING_TOTP: readonly StaffRole[] = ["translator", "moderator", "admin"];

export interface PermissionContext {
  /** The staff member who created or last submitted the object, when the permission is about one. */
  authorId?: string | null;
  /** Everyone else who wrote to it since it was last submitted or reviewed (four eyes: none of them approves it). */
  contributorIds?: readonly (string | null)[];
}

export function can(actor: Actor, permission: Permission, context: PermissionContext = {}): boolean {
  if (actor.kind !== "staff") return false;
  const granted = actor.roles.some((role) => GRANTS[role]?.includes(permission));
  if (!granted) return false;
  const isModerator = actor.roles.includes("moderator") || actor.roles.includes("admin");
  switch (permission) {
    // Four eyes: nobody approves work they wrote any part of, whatever their roles.
    case "campaign:publish":
    case "prisoner:approve-change":
    case "translation:review":
    case "official:approve":
    case "reference:approve":
      return (context.authorId ?? null) !== actor.id && !(context.contributorIds ?? []).includes(actor.id);
    // Campaigners edit their own drafts; moderators and admins edit any.
    case "campaign:edit":
      return isModerator || context.authorId === undefined || context.authorId === actor.id;
    default:
      return true;
  }
}

/** Throws a 403 Response (for loaders and actions) unless the actor may do it. */
export function requirePermission(actor: Actor, permission: Permission, context: PermissionContext = {}): void {
  if (actor.kind !== "staff") throw new Response("Unauthorized", { status: 401 });
  if (!can(actor, permission, context)) throw new Response("Forbidden", { status: 403 });
}
