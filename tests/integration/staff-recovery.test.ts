// Recovery codes and the admin's second-factor reset, over real HTTP against the real server:
// enrol → codes shown once → sign in with a code → reuse refused → count shown → a new set
// invalidates the old → an admin's reset forces enrolment again; and the brute-force limit.
import { describe, expect, it } from "vitest";

import { normaliseRecoveryCode } from "~/staff/accounts/recovery-codes.server";
import { base32Decode, totpAt, totpStep } from "~/staff/accounts/totp";

import { Browser, createStaffMember, sessionFor, signInWithEmailCode } from "../support/staff";
import { useStaffTestServer } from "../support/staff-server";

// Many sign-ins of one address here; the hourly limit has its own test (staff-sign-in).
const setup = useStaffTestServer("staff-recovery", { codesPerAddressPerHour: 1000 });

const prisma = () => setup.server.database.prisma;
const CODE = /<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/code>/g;
const codesIn = (html: string) => [...html.matchAll(CODE)].map((match) => match[1]!);

/** Email code, then the TOTP page (which the caller fills in). */
async function signInToTotpStep(email: string) {
  const browser = new Browser(setup.server.url);
  const { response } = await signInWithEmailCode(browser, setup.smtp, setup.worker, email);
  expect(response.headers.get("location")).toBe("/en/staff/totp");
  return browser;
}

async function auditActions(staffId: string) {
  return (await prisma().auditLogEntry.findMany({ where: { subjectId: staffId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((entry) => entry.action);
}

describe("recovery codes", () => {
  it("are shown once after enrolment, replace the TOTP code once each, and a new set voids the old", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["moderator"] });
    const browser = await signInToTotpStep(staff.email);
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(await (await browser.get("/en/staff/totp")).text())![1]!;
    // Enrolment: no recovery form yet (a recovery code cannot replace enrolment).
    expect(await (await browser.get("/en/staff/totp")).text()).not.toContain('name="recoveryCode"');
    const enrolled = await browser.post("/en/staff/totp", { code: totpAt(base32Decode(secret), totpStep(new Date())) });
    expect(enrolled.headers.get("location")).toBe("/en/staff/recovery-codes?enrolled=1");

    const before = await browser.get("/en/staff/recovery-codes?enrolled=1");
    expect(before.status).toBe(200);
    expect(before.headers.get("cache-control")).toBe("no-store");
    const beforeHtml = await before.text();
    expect(beforeHtml).toContain("Your second factor is set up");
    expect(codesIn(beforeHtml)).toEqual([]);

    const made = await browser.post("/en/staff/recovery-codes", { intent: "generate" });
    expect(made.status).toBe(200);
    expect(made.headers.get("cache-control")).toBe("no-store");
    const madeHtml = await made.text();
    const codes = codesIn(madeHtml);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(madeHtml).toContain("keep them offline");
    // Stored only as HMACs: neither the code nor its normalised form is in the database.
    const rows = await prisma().staffRecoveryCode.findMany({ where: { staffId: staff.id } });
    expect(rows).toHaveLength(10);
    for (const row of rows) for (const code of codes) expect(row.codeHash).not.toContain(normaliseRecoveryCode(code)!);
    // Never shown again.
    const again = await (await browser.get("/en/staff/recovery-codes")).text();
    expect(codesIn(again)).toEqual([]);
    expect(again).toContain("You have 10 unused recovery codes");

    // A new browser: email code, then a recovery code instead of the app (typed loosely).
    const second = await signInToTotpStep(staff.email);
    const totpPage = await (await second.get("/en/staff/totp")).text();
    expect(totpPage).toContain('name="recoveryCode"');
    const typed = ` ${codes[0]!.toUpperCase().replace(/-/g, " ")} `;
    const used = await second.post("/en/staff/totp", { intent: "recovery", recoveryCode: typed });
    expect(used.status).toBe(302);
    expect(used.headers.get("location")).toBe("/en/staff/recovery-codes?used=1");
    const usedPage = await (await second.get("/en/staff/recovery-codes?used=1")).text();
    expect(usedPage).toContain("You signed in with a recovery code. 9 unused codes are left.");
    expect(usedPage).not.toContain('data-testid="recovery-low"');
    expect((await second.get("/en/staff/audit")).status).toBe(200);

    // The same code again, in a third browser: refused, and it counts as a wrong code.
    const third = await signInToTotpStep(staff.email);
    const reused = await third.post("/en/staff/totp", { intent: "recovery", recoveryCode: codes[0]! });
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain("This recovery code is wrong or has already been used.");
    expect((await third.get("/en/staff")).headers.get("location")).toBe("/en/staff/totp");
    expect((await prisma().staffSession.findMany({ where: { staffId: staff.id, revokedAt: null, secondFactorAttempts: 1 } })).length).toBe(1);

    // Use six more: at three left the warning appears.
    for (const code of codes.slice(1, 7)) {
      const browserN = await signInToTotpStep(staff.email);
      expect((await browserN.post("/en/staff/totp", { intent: "recovery", recoveryCode: code })).status).toBe(302);
    }
    const low = await (await second.get("/en/staff/recovery-codes")).text();
    expect(low).toContain("You have 3 unused recovery codes");
    expect(low).toContain('data-testid="recovery-low"');
    expect(await (await second.get("/en/staff")).text()).toContain("3 unused recovery codes left.");

    // A new set: the old unused codes stop working at once.
    const regenerated = codesIn(await (await second.post("/en/staff/recovery-codes", { intent: "generate" })).text());
    expect(regenerated).toHaveLength(10);
    expect(regenerated.filter((code) => codes.includes(code))).toEqual([]);
    const fourth = await signInToTotpStep(staff.email);
    expect((await fourth.post("/en/staff/totp", { intent: "recovery", recoveryCode: codes[9]! })).status).toBe(400);
    expect((await fourth.post("/en/staff/totp", { intent: "recovery", recoveryCode: regenerated[0]! })).status).toBe(302);

    const actions = (await auditActions(staff.id)).filter((action) => action.startsWith("staff.recovery"));
    expect(actions).toEqual(["staff.recovery-codes.generate", ...Array(7).fill("staff.recovery-code.use"), "staff.recovery-codes.generate", "staff.recovery-code.use"]);
    const regenerate = await prisma().auditLogEntry.findFirstOrThrow({ where: { subjectId: staff.id, action: "staff.recovery-codes.generate" }, orderBy: { createdAt: "desc" } });
    expect(regenerate.details).toEqual({ count: 10, replaced: 10 });
  });

  it("gives one winner when the same code is used twice at once", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["admin"], enrolTotp: true });
    const owner = new Browser(setup.server.url);
    owner.cookie = await sessionFor(prisma(), staff.id);
    const [code] = codesIn(await (await owner.post("/en/staff/recovery-codes", { intent: "generate" })).text());
    const browsers: Browser[] = [];
    for (let i = 0; i < 4; i++) browsers.push(await signInToTotpStep(staff.email));
    const answers = await Promise.all(browsers.map((browser) => browser.post("/en/staff/totp", { intent: "recovery", recoveryCode: code! })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 400, 400, 400]);
    expect(await prisma().staffRecoveryCode.count({ where: { staffId: staff.id, usedAt: { not: null } } })).toBe(1);
    expect(await prisma().auditLogEntry.count({ where: { subjectId: staff.id, action: "staff.recovery-code.use" } })).toBe(1);
  });

  it("count wrong codes towards the TOTP limit: five wrong answers of either kind end the session", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["moderator"], enrolTotp: true });
    const owner = new Browser(setup.server.url);
    owner.cookie = await sessionFor(prisma(), staff.id);
    const [code] = codesIn(await (await owner.post("/en/staff/recovery-codes", { intent: "generate" })).text());
    const browser = await signInToTotpStep(staff.email);
    for (const guess of ["aaaa-bbbb-cccc", "not a code", "99999x"]) {
      const field: Record<string, string> = guess === "99999x" ? { code: guess } : { intent: "recovery", recoveryCode: guess };
      expect((await browser.post("/en/staff/totp", field)).status).toBe(400);
    }
    expect((await browser.post("/en/staff/totp", { intent: "recovery", recoveryCode: "2222-3333-4444" })).status).toBe(400);
    const locked = await browser.post("/en/staff/totp", { intent: "recovery", recoveryCode: "5555-6666-7777" });
    expect(locked.status).toBe(302);
    expect(locked.headers.get("location")).toBe("/en/staff/sign-in?notice=locked");
    expect(browser.cookie).toBeNull();
    // The right code cannot be used in the ended session; the code itself is still unused.
    const after = new Browser(setup.server.url);
    expect((await after.post("/en/staff/totp", { intent: "recovery", recoveryCode: code! })).headers.get("location")).toBe("/en/staff/sign-in");
    expect(await prisma().staffRecoveryCode.count({ where: { staffId: staff.id, usedAt: null } })).toBe(10);
  });

  it("are not offered to staff without a second factor", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["campaigner"] });
    const browser = new Browser(setup.server.url);
    browser.cookie = await sessionFor(prisma(), staff.id);
    expect(await (await browser.get("/en/staff/recovery-codes")).text()).toContain("Your account has no second factor");
    const refused = await browser.post("/en/staff/recovery-codes", { intent: "generate" });
    expect(refused.status).toBe(400);
    expect(await prisma().staffRecoveryCode.count({ where: { staffId: staff.id } })).toBe(0);
    // A foreign origin changes nothing.
    const { staff: moderator } = await createStaffMember(prisma(), { roles: ["moderator"], enrolTotp: true });
    const other = new Browser(setup.server.url);
    other.cookie = await sessionFor(prisma(), moderator.id);
    const forged = await other.post("/en/staff/recovery-codes", { intent: "generate" }, { Origin: "https://evil.example.org" });
    expect(forged.status).toBe(403);
    expect(await prisma().staffRecoveryCode.count({ where: { staffId: moderator.id } })).toBe(0);
  });
});

describe("an admin's reset of a second factor", () => {
  it("forces enrolment at the next sign-in, ends the member's sessions, is audited, and never applies to oneself", async () => {
    const { staff: admin } = await createStaffMember(prisma(), { roles: ["admin"], enrolTotp: true });
    const { staff: member, secret } = await createStaffMember(prisma(), { roles: ["moderator"], enrolTotp: true });
    const memberBrowser = new Browser(setup.server.url);
    memberBrowser.cookie = await sessionFor(prisma(), member.id);
    expect(codesIn(await (await memberBrowser.post("/en/staff/recovery-codes", { intent: "generate" })).text())).toHaveLength(10);

    const adminBrowser = new Browser(setup.server.url);
    adminBrowser.cookie = await sessionFor(prisma(), admin.id);
    const team = await (await adminBrowser.get("/en/staff/team")).text();
    expect(team).toContain(`Reset the second factor of ${member.displayName}`);
    expect(team).not.toContain(`Reset the second factor of ${admin.displayName}`);

    // Not one's own, even with a hand-made form.
    const own = await adminBrowser.post("/en/staff/team", { intent: "reset-totp", staffId: admin.id });
    expect(own.status).toBe(400);
    expect(await own.text()).toContain("You cannot reset your own second factor");
    expect((await prisma().staffMember.findUniqueOrThrow({ where: { id: admin.id } })).totpEnrolledAt).not.toBeNull();
    // Only admins: a moderator posting the same form is refused.
    const moderatorBrowser = new Browser(setup.server.url);
    const { staff: moderator } = await createStaffMember(prisma(), { roles: ["moderator"], enrolTotp: true });
    moderatorBrowser.cookie = await sessionFor(prisma(), moderator.id);
    expect((await moderatorBrowser.post("/en/staff/team", { intent: "reset-totp", staffId: member.id })).status).toBe(403);

    const reset = await adminBrowser.post("/en/staff/team", { intent: "reset-totp", staffId: member.id });
    expect(reset.status).toBe(200);
    expect(await reset.text()).toContain("The second factor has been reset");
    const stored = await prisma().staffMember.findUniqueOrThrow({ where: { id: member.id } });
    expect([stored.totpSecret, stored.totpEnrolledAt, stored.totpLastUsedStep]).toEqual([null, null, null]);
    expect(await prisma().staffRecoveryCode.count({ where: { staffId: member.id } })).toBe(0);
    // Their open session is over.
    expect((await memberBrowser.get("/en/staff")).headers.get("location")).toBe("/en/staff/sign-in");

    // Next sign-in: enrolment again, with a new secret; the old app code no longer works.
    const again = await signInToTotpStep(member.email);
    const page = await (await again.get("/en/staff/totp")).text();
    const newSecret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(page)?.[1];
    expect(newSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newSecret).not.toBe(secret);
    expect((await again.post("/en/staff/totp", { code: totpAt(base32Decode(secret), totpStep(new Date())) })).status).toBe(400);
    expect((await again.post("/en/staff/totp", { code: totpAt(base32Decode(newSecret!), totpStep(new Date())) })).headers.get("location")).toBe("/en/staff/recovery-codes?enrolled=1");

    const entry = await prisma().auditLogEntry.findFirstOrThrow({ where: { action: "staff.totp.reset", subjectId: member.id } });
    expect(entry.staffId).toBe(admin.id);
    expect(entry.details).toEqual({ wasEnrolled: true, recoveryCodesRemoved: 10, sessionsRevoked: 1 });
    expect(await prisma().auditLogEntry.count({ where: { action: "staff.totp.reset", subjectId: admin.id } })).toBe(0);
  });
});
