import { describe, expect, it } from "vitest";

import { can, permissions, requirePermission, staffRoles, type Actor, type Permission, type StaffRole } from "~/staff/permissions";

const staff = (id: string, ...roles: StaffRole[]): Actor => ({ kind: "staff", id, roles });
const anonymous: Actor = { kind: "anonymous" };

describe("the permission table", () => {
  it("refuses everything to anonymous visitors and to staff without roles", () => {
    for (const permission of permissions) {
      expect(can(anonymous, permission)).toBe(false);
      expect(can(staff("x"), permission)).toBe(false);
    }
  });

  // Written out by hand so that widening a role is a deliberate change to this test.
  const expected: Record<StaffRole, Permission[]> = {
    translator: ["dashboard:view", "translation:edit"],
    campaigner: ["dashboard:view", "campaign:create", "campaign:edit", "campaign:submit-for-review", "campaign:close", "prisoner:edit", "prisoner:import", "export:actions", "mailroom:work", "official:edit", "reference:edit"],
    moderator: ["dashboard:view", "campaign:edit", "campaign:submit-for-review", "campaign:publish", "campaign:close", "prisoner:edit", "prisoner:approve-change", "export:actions", "export:pledges-with-contact", "mailroom:work", "translation:edit", "translation:review", "audit:view", "official:edit", "official:approve", "reference:edit", "reference:approve"],
    admin: [...permissions],
  };
  it.each(staffRoles)("grants %s exactly its permissions", (role) => {
    const granted = permissions.filter((permission) => can(staff("me", role), permission));
    expect(granted.sort()).toEqual([...expected[role]].sort());
  });

  it("never lets anyone approve their own work", () => {
    for (const role of ["moderator", "admin"] as const) {
      expect(can(staff("m1", role), "campaign:publish", { authorId: "m1" })).toBe(false);
      expect(can(staff("m1", role), "campaign:publish", { authorId: "c1" })).toBe(true);
      expect(can(staff("m1", role), "prisoner:approve-change", { authorId: "m1" })).toBe(false);
      expect(can(staff("m1", role), "translation:review", { authorId: "m1" })).toBe(false);
    }
  });

  it("never lets anyone approve work they wrote any part of", () => {
    for (const permission of ["campaign:publish", "prisoner:approve-change", "translation:review", "official:approve", "reference:approve"] as const) {
      expect(can(staff("m1", "moderator"), permission, { authorId: "c1", contributorIds: ["c1", "m1"] })).toBe(false);
      expect(can(staff("m1", "moderator"), permission, { authorId: null, contributorIds: [null, "m1"] })).toBe(false);
      expect(can(staff("m2", "moderator"), permission, { authorId: "c1", contributorIds: ["c1", "m1"] })).toBe(true);
    }
  });

  it("lets campaigners edit their own campaigns only; moderators any", () => {
    expect(can(staff("c1", "campaigner"), "campaign:edit", { authorId: "c1" })).toBe(true);
    expect(can(staff("c1", "campaigner"), "campaign:edit", { authorId: "c2" })).toBe(false);
    expect(can(staff("m1", "moderator"), "campaign:edit", { authorId: "c2" })).toBe(true);
  });

  it("answers 401 without a session and 403 without the permission", () => {
    const status = (fn: () => void) => {
      try {
        fn();
        return 200;
      } catch (response) {
        return (response as Response).status;
      }
    };
    expect(status(() => requirePermission(anonymous, "dashboard:view"))).toBe(401);
    expect(status(() => requirePermission(staff("t", "translator"), "campaign:create"))).toBe(403);
    expect(status(() => requirePermission(staff("c", "campaigner"), "campaign:create"))).toBe(200);
  });
});
