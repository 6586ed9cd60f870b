// Staff sign-in over real HTTP with a real SMTP server: the emailed code (read from the
// received message), the same answer for unknown addresses, wrong and expired codes, the
// limits, TOTP enrolment and replay, session rotation, timeouts, sign-out, cross-site POSTs.
import { describe, expect, it } from "vitest";

import { findStaffSession, hashToken } from "~/staff/accounts/session.server";
import { configureStaff } from "~/staff/accounts/staff-settings.server";
import { base32Decode, totpAt, totpStep } from "~/staff/accounts/totp";

import { textOf } from "../support/smtp";
import { Browser, codeIn, COOKIE, createStaffMember, lastMailTo, sessionFor, signInWithEmailCode } from "../support/staff";
import { useStaffTestServer } from "../support/staff-server";

const setup = useStaffTestServer("staff-sign-in");

const prisma = () => setup.server.database.prisma;

describe("signing in with an emailed code", () => {
  it("signs a campaigner in, rotating the cookie, with a neutral email in their language", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["campaigner"], language: "pl" });
    const browser = new Browser(setup.server.url);

    const closed = await browser.get("/en/staff");
    expect(closed.status).toBe(302);
    expect(closed.headers.get("location")).toBe("/en/staff/sign-in");

    const form = await browser.get("/en/staff/sign-in");
    expect(form.status).toBe(200);
    expect(form.headers.get("cache-control")).toBe("no-store");
    expect(await form.text()).toContain('name="email"');

    const asked = await browser.post("/en/staff/sign-in", { email: `  ${staff.email.toUpperCase()} ` });
    expect(asked.status).toBe(302);
    expect(asked.headers.get("location")).toBe("/en/staff/code");
    const setCookie = asked.headers.getSetCookie().find((line) => line.startsWith(`${COOKIE}=`))!;
    expect(setCookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
    const before = browser.cookie!;
    expect(before).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const message = (await lastMailTo(setup.smtp, setup.worker, staff.email))!;
    expect(message.subject).toBe("Twój kod jednorazowy");
    expect(message.raw).not.toMatch(/<img|src=/i);
    const code = codeIn(textOf(message));
    // The code exists only in the email: the database holds a keyed hash of it.
    const row = await prisma().signInCode.findFirstOrThrow({ where: { staffId: staff.id } });
    expect(row.codeHash).not.toContain(code);
    expect(row.attemptHash).toBe(hashToken(before));

    const codePage = await browser.get("/en/staff/code");
    expect(codePage.status).toBe(200);
    const signedIn = await browser.post("/en/staff/code", { code });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe("/en/staff");
    const after = browser.cookie!;
    expect(after).not.toBe(before);
    // The session row is keyed by the hash of the cookie, never the cookie itself.
    expect(await prisma().staffSession.findUnique({ where: { id: after } })).toBeNull();
    expect(await prisma().staffSession.findUnique({ where: { id: hashToken(after) } })).not.toBeNull();

    const dashboard = await browser.get("/en/staff");
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers.get("cache-control")).toBe("no-store");
    const html = await dashboard.text();
    expect(html).toContain('data-permission="campaign:create"');
    expect(html).not.toContain('data-permission="team:manage"');

    // The code worked once; the pre-sign-in value opens nothing.
    expect((await new Browser(setup.server.url).post("/en/staff/code", { code }, { Cookie: `${COOKIE}=${before}` })).status).toBe(400);
    const stale = new Browser(setup.server.url);
    stale.cookie = before;
    expect((await stale.get("/en/staff")).status).toBe(302);
    expect(await prisma().auditLogEntry.count({ where: { staffId: staff.id, action: "staff.signed-in" } })).toBe(1);
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const sent = setup.smtp.messages.length;
    const browser = new Browser(setup.server.url);
    const asked = await browser.post("/en/staff/sign-in", { email: "nobody@nowhere.example.org" });
    expect(asked.status).toBe(302);
    expect(asked.headers.get("location")).toBe("/en/staff/code");
    expect(browser.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await lastMailTo(setup.smtp, setup.worker, "nobody@nowhere.example.org")).toBeNull();
    expect(setup.smtp.messages.length).toBe(sent);
    expect((await browser.get("/en/staff/code")).status).toBe(200);
    const guess = await browser.post("/en/staff/code", { code: "123456" });
    expect(guess.status).toBe(400);
    expect(await guess.text()).toContain("This code is wrong or no longer valid");
  });

  it("keeps what was typed and explains a malformed address", async () => {
    const response = await new Browser(setup.server.url).post("/be/staff/sign-in", { email: "not an address" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="not an address"');
    expect(html).toContain("Увядзіце адрас электроннай пошты");
  });

  it("kills a code after five wrong tries, and refuses an expired one", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["translator"] });
    const browser = new Browser(setup.server.url);
    await browser.post("/en/staff/sign-in", { email: staff.email });
    const code = codeIn(textOf((await lastMailTo(setup.smtp, setup.worker, staff.email))!));
    const wrong = code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 5; i++) expect((await browser.post("/en/staff/code", { code: wrong })).status).toBe(400);
    expect((await browser.post("/en/staff/code", { code })).status).toBe(400);
    expect(await prisma().signInCode.findFirstOrThrow({ where: { staffId: staff.id } })).toMatchObject({ attempts: 5, usedAt: null });

    const again = new Browser(setup.server.url);
    await again.post("/en/staff/sign-in", { email: staff.email });
    const second = codeIn(textOf((await lastMailTo(setup.smtp, setup.worker, staff.email))!));
    await prisma().signInCode.update({ where: { attemptHash: hashToken(again.cookie!) }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await again.post("/en/staff/code", { code: second })).status).toBe(400);
    expect(await prisma().staffSession.count({ where: { staffId: staff.id } })).toBe(0);
  });

  it("sends at most five codes an hour to one address, and has a global brake", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["translator"] });
    const before = setup.smtp.messages.length;
    for (let i = 0; i < 7; i++) {
      const response = await new Browser(setup.server.url).post("/en/staff/sign-in", { email: staff.email });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/en/staff/code");
    }
    await lastMailTo(setup.smtp, setup.worker, staff.email);
    expect(setup.smtp.messages.slice(before).filter((message) => message.rcptTo.includes(staff.email))).toHaveLength(5);

    // Overall: with the brake at (codes already sent this hour + 1), only one more goes out.
    const sentThisHour = await prisma().signInCode.count({ where: { createdAt: { gt: new Date(Date.now() - 3_600_000) } } });
    configureStaff({ codesPerHour: sentThisHour + 1 });
    const others = await Promise.all([0, 1, 2].map(() => createStaffMember(prisma(), { roles: ["translator"] })));
    for (const other of others) expect((await new Browser(setup.server.url).post("/en/staff/sign-in", { email: other.staff.email })).status).toBe(302);
    await lastMailTo(setup.smtp, setup.worker, others[0]!.staff.email);
    const reached = others.filter((other) => setup.smtp.messages.some((message) => message.rcptTo.includes(other.staff.email)));
    expect(reached).toHaveLength(1);
  });
});

describe("the second factor", () => {
  it("enrols an admin on first sign-in, refuses a replayed code, rotates the cookie again", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["admin"] });
    const browser = new Browser(setup.server.url);
    const { response } = await signInWithEmailCode(browser, setup.smtp, setup.worker, staff.email);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/en/staff/totp");
    const afterCode = browser.cookie!;

    // Nothing else opens before the second factor.
    const blocked = await browser.get("/en/staff/team");
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("location")).toBe("/en/staff/totp");

    const page = await browser.get("/en/staff/totp");
    expect(page.status).toBe(200);
    const html = await page.text();
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(html)?.[1];
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(html).toContain(`otpauth://totp/Listy%3A${encodeURIComponent(staff.email)}?secret=${secret}`);
    // Stored sealed, not in the clear.
    const stored = await prisma().staffMember.findUniqueOrThrow({ where: { id: staff.id } });
    expect(stored.totpSecret).not.toContain(secret!);
    // Reloading shows the same proposed secret.
    expect(await (await browser.get("/en/staff/totp")).text()).toContain(secret!);

    expect((await browser.post("/en/staff/totp", { code: "000000" === totpAt(base32Decode(secret!), totpStep(new Date())) ? "111111" : "000000" })).status).toBe(400);
    const code = totpAt(base32Decode(secret!), totpStep(new Date()));
    const enrolled = await browser.post("/en/staff/totp", { code });
    expect(enrolled.status).toBe(302);
    // Straight on to making the recovery codes (tests/integration/staff-recovery.test.ts).
    expect(enrolled.headers.get("location")).toBe("/en/staff/recovery-codes?enrolled=1");
    expect(browser.cookie).not.toBe(afterCode);
    expect((await browser.get("/en/staff/team")).status).toBe(200);
    const old = new Browser(setup.server.url);
    old.cookie = afterCode;
    expect((await old.get("/en/staff")).status).toBe(302);

    // Next sign-in: the secret is never shown again, and the same code cannot be used twice.
    const second = new Browser(setup.server.url);
    await signInWithEmailCode(second, setup.smtp, setup.worker, staff.email);
    const verify = await (await second.get("/en/staff/totp")).text();
    expect(verify).not.toContain(secret!);
    expect(verify).not.toContain("otpauth://");
    expect((await second.post("/en/staff/totp", { code })).status).toBe(400);
    const next = totpAt(base32Decode(secret!), totpStep(new Date()) + 1);
    expect((await second.post("/en/staff/totp", { code: next })).status).toBe(302);
    expect((await second.get("/en/staff/audit")).status).toBe(200);
    const actions = (await prisma().auditLogEntry.findMany({ where: { staffId: staff.id }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["staff.signed-in", "staff.second-factor-enrolled", "staff.signed-in", "staff.second-factor-verified"]);
  });

  it("ends the session after five wrong TOTP codes", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["moderator"], enrolTotp: true });
    const browser = new Browser(setup.server.url);
    await signInWithEmailCode(browser, setup.smtp, setup.worker, staff.email);
    for (let i = 0; i < 4; i++) expect((await browser.post("/en/staff/totp", { code: "99999x" })).status).toBe(400);
    const locked = await browser.post("/en/staff/totp", { code: "99999x" });
    expect(locked.status).toBe(302);
    expect(locked.headers.get("location")).toBe("/en/staff/sign-in?notice=locked");
    expect(browser.cookie).toBeNull();
    expect(await prisma().staffSession.count({ where: { staffId: staff.id, revokedAt: null } })).toBe(0);
  });
});

describe("sessions", () => {
  it("signs out with a POST that revokes the session in the database", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["campaigner"] });
    const browser = new Browser(setup.server.url);
    browser.cookie = await sessionFor(prisma(), staff.id);
    const token = browser.cookie;
    expect((await browser.get("/en/staff/sign-out")).status).toBe(200);
    const out = await browser.post("/en/staff/sign-out");
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/en/staff/sign-in?notice=signed-out");
    expect(out.headers.getSetCookie().join("\n")).toMatch(new RegExp(`${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`));
    expect((await prisma().staffSession.findUniqueOrThrow({ where: { id: hashToken(token) } })).revokedAt).not.toBeNull();
    // Replaying the old cookie does not bring the session back.
    const replay = new Browser(setup.server.url);
    replay.cookie = token;
    expect((await replay.get("/en/staff")).status).toBe(302);
    expect(await prisma().auditLogEntry.count({ where: { staffId: staff.id, action: "staff.signed-out" } })).toBe(1);
  });

  it("ends sessions after 30 idle minutes and 12 hours in all (injected clock)", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["translator"] });
    const start = new Date();
    const token = await sessionFor(prisma(), staff.id);
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    expect(await findStaffSession(token, minutes(29))).not.toBeNull();
    // Activity at minute 29 moved the idle window: minute 58 is still fine…
    expect(await findStaffSession(token, minutes(58))).not.toBeNull();
    // …but 30 minutes of silence is not.
    expect(await findStaffSession(token, minutes(88))).toBeNull();

    const busy = await sessionFor(prisma(), staff.id);
    let at = 0;
    for (; at < 12 * 60 - 20; at += 20) expect(await findStaffSession(busy, minutes(at))).not.toBeNull();
    expect(await findStaffSession(busy, minutes(12 * 60 + 1))).toBeNull();
  });

  it("sends an idle or expired session back to sign-in over HTTP, and a deactivated member too", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["translator"] });
    const browser = new Browser(setup.server.url);
    browser.cookie = await sessionFor(prisma(), staff.id);
    expect((await browser.get("/en/staff")).status).toBe(200);
    await prisma().staffSession.update({ where: { id: hashToken(browser.cookie) }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    const idle = await browser.get("/en/staff");
    expect(idle.status).toBe(302);
    expect(idle.headers.get("location")).toBe("/en/staff/sign-in");
    expect(browser.cookie).toBeNull();

    browser.cookie = await sessionFor(prisma(), staff.id);
    await prisma().staffSession.update({ where: { id: hashToken(browser.cookie) }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await browser.get("/en/staff")).status).toBe(302);

    browser.cookie = await sessionFor(prisma(), staff.id);
    await prisma().staffMember.update({ where: { id: staff.id }, data: { active: false } });
    expect((await browser.get("/en/staff")).status).toBe(302);
    // A deactivated member gets no code either.
    const sent = setup.smtp.messages.length;
    await new Browser(setup.server.url).post("/en/staff/sign-in", { email: staff.email });
    await lastMailTo(setup.smtp, setup.worker, staff.email);
    expect(setup.smtp.messages.length).toBe(sent);
  });

  it("refuses cross-site POSTs, even with a valid session", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["admin"], enrolTotp: true });
    const browser = new Browser(setup.server.url);
    browser.cookie = await sessionFor(prisma(), staff.id);
    const invitations = await prisma().staffInvitation.count();
    const crossSite = await browser.post("/en/staff/team", { intent: "invite", email: "x@example.org", roles: "admin" }, { "Sec-Fetch-Site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await browser.post("/en/staff/team", { intent: "invite", email: "x@example.org", roles: "admin" }, { Origin: "https://evil.example.com" });
    expect(foreignOrigin.status).toBe(403);
    expect(await prisma().staffInvitation.count()).toBe(invitations);
    expect((await new Browser(setup.server.url).post("/en/staff/sign-in", { email: staff.email }, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    const signOut = await browser.post("/en/staff/sign-out", {}, { "Sec-Fetch-Site": "same-site" });
    expect(signOut.status).toBe(403);
    expect((await browser.get("/en/staff")).status).toBe(200);
  });

  it("never serves staff pages from the page cache", async () => {
    const first = await fetch(`${setup.server.url}/uk/staff/sign-in`);
    const second = await fetch(`${setup.server.url}/uk/staff/sign-in`);
    expect(first.status).toBe(200);
    expect(second.headers.get("x-cache")).toBe("MISS");
    expect(second.headers.get("cache-control")).toBe("no-store");
    expect(await second.text()).toContain("Вхід до робочого кабінету");
  });
});
