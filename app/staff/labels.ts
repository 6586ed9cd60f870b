// Translation keys for roles and permissions (keys are literals, never built at run time).
import type { Permission, StaffRole } from "./permissions";

export const ROLE_KEYS = {
  translator: "staff:roles.translator",
  campaigner: "staff:roles.campaigner",
  moderator: "staff:roles.moderator",
  admin: "staff:roles.admin",
} as const satisfies Record<StaffRole, string>;

export const PERMISSION_KEYS = {
  "dashboard:view": "staff:permissions.dashboard-view",
  "campaign:create": "staff:permissions.campaign-create",
  "campaign:edit": "staff:permissions.campaign-edit",
  "campaign:submit-for-review": "staff:permissions.campaign-submit-for-review",
  "campaign:publish": "staff:permissions.campaign-publish",
  "campaign:close": "staff:permissions.campaign-close",
  "prisoner:edit": "staff:permissions.prisoner-edit",
  "prisoner:approve-change": "staff:permissions.prisoner-approve-change",
  "prisoner:import": "staff:permissions.prisoner-import",
  "export:actions": "staff:permissions.export-actions",
  "export:pledges-with-contact": "staff:permissions.export-pledges-with-contact",
  "mailroom:work": "staff:permissions.mailroom-work",
  "translation:edit": "staff:permissions.translation-edit",
  "translation:review": "staff:permissions.translation-review",
  "team:invite": "staff:permissions.team-invite",
  "team:manage": "staff:permissions.team-manage",
  "audit:view": "staff:permissions.audit-view",
  "official:edit": "staff:permissions.official-edit",
  "official:approve": "staff:permissions.official-approve",
  "reference:edit": "staff:permissions.reference-edit",
  "reference:approve": "staff:permissions.reference-approve",
} as const satisfies Record<Permission, string>;

