// The team page over real HTTP: an admin invites by email (link read from the received
// message), the invitee accepts and is signed in with only their roles; role changes and
// deactivation, the rules that keep the team from locking itself out, and the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createMailWorker, type MailWorker } from "~/jobs.server";
import { hashToken, rolesRequireTotp } from "~/staff/accounts/session.server";

import { configureTestMail } from "../support/outbox";
import { startTestServer, type TestServer } from "../support/server";
import { startSmtpServer, textOf, type TestSmtpServer } from "../support/smtp";
import { Browser, createStaffMember, lastMailTo, sessionFor } from "../support/staff";

let server: TestServer;
let smtp: TestSmtpServer;
let worker: MailWorker;

beforeAll(async () => {
  server = await startTestServer();
  smtp = await startSmtpServer();
  configureTestMail(smtp);
  worker = createMailWorker({ id: "staff-team", log: () => undefined });
});

afterAll(async () => {
  worker?.close();
  await smtp?.close();
  await server?.close();
});

const prisma = () => server.database.prisma;

async function signedIn(roles: Parameters<typeof createStaffMember>[1]["roles"]) {
  const { staff } = await createStaffMember(prisma(), { roles, enrolTotp: true });
  const browser = new Browser(server.url);
  // As after a real sign-in: the second factor is recorded only for roles that ask for it.
  browser.cookie = await sessionFor(prisma(), staff.id, { secondFactor: rolesRequireTotp(roles) });
  return { staff, browser };
}

describe("inviting staff", () => {
  it("invites a campaigner by email; the invitee accepts, is signed in and sees only their permissions", async () => {
    const { staff: admin, browser } = await signedIn(["admin"]);
    const page = await browser.get("/be/staff/team");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(admin.email);

    const invited = await browser.post("/be/staff/team", { intent: "invite", email: "New.Person@Example.org", roles: ["campaigner"], language: "uk" });
    expect(invited.status).toBe(200);
    expect(await invited.text()).toContain("Запрашэнне адпраўлена на New.Person@Example.org");

    const message = (await lastMailTo(smtp, worker, "new.person@example.org"))!;
    expect(message.subject).toBe("Запрошення");
    // Who invites and for which role, in the invitee's language: a real invitation is told from a lure.
    expect(textOf(message)).toContain(`${admin.displayName} запрошує вас приєднатися до команди.`);
    expect(textOf(message)).toContain("Ваша роль: Організатор кампаній.");
    const link = /(http:\/\/[^\s]+\/uk\/staff\/invitation\/([A-Za-z0-9_-]{43}))/.exec(textOf(message));
    expect(link?.[1]?.startsWith(server.url)).toBe(true);
    const token = link![2]!;
    const path = `/uk/staff/invitation/${token}`;
    // Only the hash is stored.
    expect(await prisma().staffInvitation.findUnique({ where: { tokenHash: hashToken(token) } })).not.toBeNull();

    const invitee = new Browser(server.url);
    const shown = await invitee.get(path);
    expect(shown.status).toBe(200);
    const shownHtml = await shown.text();
    expect(shownHtml).toContain("Організатор кампаній");
    expect(shownHtml).toContain("new.person@example.org");
    // A mail scanner's GET changes nothing.
    expect(await prisma().staffMember.count({ where: { email: "new.person@example.org" } })).toBe(0);

    const noName = await invitee.post(path, { displayName: "   " });
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain("Введіть ім’я");

    const accepted = await invitee.post(path, { displayName: "Nova <b>Persona</b>" });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/uk/staff");
    const dashboard = await invitee.get("/uk/staff");
    expect(dashboard.status).toBe(200);
    const html = await dashboard.text();
    expect(html).toContain("Nova &lt;b&gt;Persona&lt;/b&gt;");
    expect(html).toContain('data-permission="campaign:create"');
    expect(html).not.toContain('data-permission="campaign:publish"');
    expect(html).not.toContain('href="/uk/staff/team"');
    expect((await invitee.get("/uk/staff/team")).status).toBe(403);
    expect((await invitee.get("/uk/staff/audit")).status).toBe(403);

    const member = await prisma().staffMember.findUniqueOrThrow({ where: { email: "new.person@example.org" } });
    expect(member).toMatchObject({ roles: ["campaigner"], language: "uk", invitedById: admin.id, active: true });

    // The link works once.
    expect((await new Browser(server.url).get(path)).status).toBe(410);
    expect((await new Browser(server.url).post(path, { displayName: "Someone else" })).status).toBe(410);
    expect(await prisma().staffMember.count({ where: { email: "new.person@example.org" } })).toBe(1);

    const audit = await prisma().auditLogEntry.findMany({ where: { action: { in: ["staff.invited", "staff.invitation-accepted"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.staffId])).toEqual([
      ["staff.invited", admin.id],
      ["staff.invitation-accepted", member.id],
    ]);
    // No address in the audit log's details.
    expect(JSON.stringify(audit.map((entry) => entry.details))).not.toContain("example.org");
  });

  it("sends a moderator's invitee to TOTP enrolment, and refuses expired or made-up links", async () => {
    const { browser } = await signedIn(["admin"]);
    await browser.post("/en/staff/team", { intent: "invite", email: "mod@example.org", roles: ["moderator", "translator"], language: "en" });
    const invitation = textOf((await lastMailTo(smtp, worker, "mod@example.org"))!);
    expect(invitation).toContain("Your roles: Translator and Moderator.");
    const token = /\/staff\/invitation\/([A-Za-z0-9_-]{43})/.exec(invitation)![1]!;
    const invitee = new Browser(server.url);
    const accepted = await invitee.post(`/en/staff/invitation/${token}`, { displayName: "Mod" });
    expect(accepted.headers.get("location")).toBe("/en/staff/totp");
    expect((await invitee.get("/en/staff")).headers.get("location")).toBe("/en/staff/totp");

    await browser.post("/en/staff/team", { intent: "invite", email: "late@example.org", roles: ["translator"], language: "en" });
    const late = /\/staff\/invitation\/([A-Za-z0-9_-]{43})/.exec(textOf((await lastMailTo(smtp, worker, "late@example.org"))!))![1]!;
    await prisma().staffInvitation.update({ where: { tokenHash: hashToken(late) }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await new Browser(server.url).get(`/en/staff/invitation/${late}`)).status).toBe(410);
    expect((await new Browser(server.url).post(`/en/staff/invitation/${late}`, { displayName: "Late" })).status).toBe(410);
    expect((await new Browser(server.url).get(`/en/staff/invitation/${"x".repeat(43)}`)).status).toBe(404);
  });

  it("explains bad invitations and keeps what was typed", async () => {
    const { staff: admin, browser } = await signedIn(["admin"]);
    const noRoles = await browser.post("/en/staff/team", { intent: "invite", email: "someone@example.org", language: "en" });
    expect(noRoles.status).toBe(400);
    const html = await noRoles.text();
    expect(html).toContain("Choose at least one role.");
    expect(html).toContain('value="someone@example.org"');
    const exists = await browser.post("/en/staff/team", { intent: "invite", email: admin.email.toUpperCase(), roles: ["translator"], language: "en" });
    expect(await exists.text()).toContain("This address already belongs to a staff account.");
    const badRole = await browser.post("/en/staff/team", { intent: "invite", email: "x@example.org", roles: ["superuser"], language: "en" });
    expect(await badRole.text()).toContain("Choose at least one role.");
    expect((await browser.post("/en/staff/team", { intent: "nonsense" })).status).toBe(400);
  });
});

describe("managing the team", () => {
  it("changes roles and deactivates, audited; an admin cannot demote or deactivate themselves", async () => {
    const { staff: admin, browser } = await signedIn(["admin"]);
    // A campaigner: the one role that signs in without a second factor.
    const { staff: other, browser: otherBrowser } = await signedIn(["campaigner"]);

    const changed = await browser.post("/en/staff/team", { intent: "roles", staffId: other.id, roles: ["campaigner", "moderator"] });
    expect(changed.status).toBe(200);
    expect((await prisma().staffMember.findUniqueOrThrow({ where: { id: other.id } })).roles).toEqual(["campaigner", "moderator"]);
    // A new moderator's existing session now needs the second factor before anything else.
    expect((await otherBrowser.get("/en/staff")).headers.get("location")).toBe("/en/staff/totp");

    const selfDemotion = await browser.post("/en/staff/team", { intent: "roles", staffId: admin.id, roles: ["translator"] });
    expect(selfDemotion.status).toBe(400);
    expect(await selfDemotion.text()).toContain("You cannot remove your own administrator role.");
    const selfDeactivation = await browser.post("/en/staff/team", { intent: "deactivate", staffId: admin.id });
    expect(selfDeactivation.status).toBe(400);
    expect((await prisma().staffMember.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);

    const deactivated = await browser.post("/en/staff/team", { intent: "deactivate", staffId: other.id });
    expect(deactivated.status).toBe(200);
    expect(await prisma().staffSession.count({ where: { staffId: other.id, revokedAt: null } })).toBe(0);
    expect((await otherBrowser.get("/en/staff")).headers.get("location")).toBe("/en/staff/sign-in");
    expect((await browser.post("/en/staff/team", { intent: "reactivate", staffId: other.id })).status).toBe(200);
    expect((await browser.post("/en/staff/team", { intent: "roles", staffId: "nobody", roles: ["translator"] })).status).toBe(400);

    const entries = await prisma().auditLogEntry.findMany({ where: { staffId: admin.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual(["staff.roles-changed", "staff.deactivated", "staff.reactivated"]);
    expect(entries[0]).toMatchObject({ subjectType: "StaffMember", subjectId: other.id, details: { from: ["campaigner"], to: ["campaigner", "moderator"] } });

    const audit = await browser.get("/en/staff/audit");
    expect(audit.status).toBe(200);
    const html = await audit.text();
    expect(html).toContain("Changed roles");
    expect(html).toContain("Deactivated an account");
  });

  it("pages through the audit log, newest first", async () => {
    const { staff, browser } = await signedIn(["moderator"]);
    const base = Date.now();
    await prisma().auditLogEntry.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({ staffId: staff.id, action: "staff.signed-in", createdAt: new Date(base + 60_000 + i * 1_000), details: { n: i } })),
    });
    const first = await (await browser.get("/en/staff/audit")).text();
    expect(first).toContain("{&quot;n&quot;:129}");
    expect(first).not.toContain("{&quot;n&quot;:29}");
    const older = /href="(\/en\/staff\/audit\?before=[^"]+)"/.exec(first)?.[1];
    expect(older).toBeDefined();
    const second = await (await browser.get(older!)).text();
    expect(second).toContain("{&quot;n&quot;:29}");
    expect(second).not.toContain("{&quot;n&quot;:30}");
  });
});
