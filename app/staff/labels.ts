// Translation keys for roles and permissions (keys are literals, never built at run time).
import type { Permission, StaffRole } from "./permissions";

export const ROLE_KEYS = {
  translator: "backoffice:roles.translator",
  campaigner: "backoffice:roles.campaigner",
  moderator: "backoffice:roles.moderator",
  admin: "backoffice:roles.admin",
} as const satisfies Record<StaffRole, string>;

export const PERMISSION_KEYS = {
  "dashboard:view": "backoffice:permissions.dashboard-view",
  "campaign:create": "backoffice:permissions.campaign-create",
  "campaign:edit": "backoffice:permissions.campaign-edit",
  "campaign:submit-for-review": "backoffice:permissions.campaign-submit-for-review",
  "campaign:publish": "backoffice:permissions.campaign-publish",
  "campaign:close": "backoffice:permissions.campaign-close",
  "prisoner:edit": "backoffice:permissions.prisoner-edit",
  "prisoner:approve-change": "backoffice:permissions.prisoner-approve-change",
  "prisoner:import": "backoffice:permissions.prisoner-import",
  "export:actions": "backoffice:permissions.export-actions",
  "export:pledges-with-contact": "backoffice:permissions.export-pledges-with-contact",
  "mailroom:work": "backoffice:permissions.mailroom-work",
  "translation:edit": "backoffice:permissions.translation-edit",
  "translation:review": "backoffice:permissions.translation-review",
  "staff:invite": "backoffice:permissions.staff-invite",
  "staff:manage": "backoffice:permissions.staff-manage",
  "audit:view": "backoffice:permissions.audit-view",
  "official:edit": "backoffice:permissions.official-edit",
  "official:approve": "backoffice:permissions.official-approve",
  "reference:edit": "backoffice:permissions.reference-edit",
  "reference:approve": "backoffice:permissions.reference-approve",
} as const satisfies Record<Permission, string>;

