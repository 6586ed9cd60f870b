// Racing the second-factor limit over real HTTP: many wrong codes and the right one sent at
// once at the TOTP step (and recovery codes, and the emailed code). Every attempt must be
// counted before it is checked, so no more than the limit are evaluated; once the last wrong
// one locked the session, the right code gives nothing; and one pending session gives at
// most one upgraded session, however many right codes arrive together.
import { request as httpRequest } from "node:http";

import { describe, expect, it } from "vitest";

import { hashToken } from "~/staff/accounts/session.server";
import { base32Decode, totpAt, totpStep } from "~/staff/accounts/totp";

import { textOf } from "../support/smtp";
import { Browser, codeIn, COOKIE, createStaffMember, lastMailTo, sessionFor, signInWithEmailCode } from "../support/staff";
import { useStaffTestServer } from "../support/staff-server";

const setup = useStaffTestServer("staff-second-factor-race", { codesPerAddressPerHour: 1000 });

const prisma = () => setup.server.database.prisma;
const LIMIT = 5;
const WRONG_GUESSES = 30;

/** A moderator with an enrolled authenticator, signed in with the emailed code: at the TOTP step. */
async function atTotpStep() {
  const { staff, secret } = await createStaffMember(prisma(), { roles: ["moderator"], enrolTotp: true });
  const browser = new Browser(setup.server.url);
  const { response } = await signInWithEmailCode(browser, setup.smtp, setup.worker, staff.email);
  expect(response.headers.get("location")).toBe("/en/staff/totp");
  return { staff, secret, pending: browser.cookie! };
}

interface Answer {
  status: number;
  location: string | null;
  setCookie: string[];
}

/**
 * The same cookie, posted from many connections at once, as an attacker holding it would:
 * every request's headers go first and its body only when all are in, so each request has
 * passed the session check before any of them is evaluated.
 */
async function fire(path: string, cookie: string, forms: Record<string, string>[]): Promise<Answer[]> {
  const pending = forms.map((form) => {
    const body = new URLSearchParams(form).toString();
    const request = httpRequest(`${setup.server.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Origin: setup.server.url, Cookie: `${COOKIE}=${cookie}` },
    });
    const answer = new Promise<Answer>((resolve, reject) => {
      request.on("response", (response) => {
        response.resume();
        const setCookie = response.headers["set-cookie"] ?? [];
        response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, setCookie }));
      });
      request.on("error", reject);
    });
    request.flushHeaders();
    return { request, body, answer };
  });
  // Not a timing assertion: only lets every request reach the point where it waits for its body.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  for (const { request, body } of pending) request.end(body);
  return Promise.all(pending.map(({ answer }) => answer));
}

const fireTotp = (pending: string, forms: Record<string, string>[]) => fire("/en/staff/totp", pending, forms);

async function outcome(staffId: string, pending: string) {
  const session = await prisma().staffSession.findUniqueOrThrow({ where: { id: hashToken(pending) } });
  return {
    attempts: session.secondFactorAttempts,
    locked: await prisma().auditLogEntry.count({ where: { subjectId: staffId, action: "staff.second-factor-locked" } }),
    upgraded: await prisma().staffSession.count({ where: { staffId, secondFactorAt: { not: null } } }),
  };
}

/** Does any answer carry a cookie that opens the back office? */
async function anyOpens(answers: Answer[]) {
  let opened = 0;
  for (const answer of answers) {
    const value = answer.setCookie.find((line) => line.startsWith(`${COOKIE}=`))?.split(";")[0]?.slice(COOKIE.length + 1);
    if (!value) continue;
    const browser = new Browser(setup.server.url);
    browser.cookie = value;
    if ((await browser.get("/en/staff")).status === 200) opened++;
  }
  return opened;
}

describe("the TOTP limit under parallel guesses", () => {
  it("evaluates at most the limit, and the right code among 30 wrong ones never outlives the lockout", async () => {
    const { staff, secret, pending } = await atTotpStep();
    const right = totpAt(base32Decode(secret), totpStep(new Date()));
    const wrong = right === "000000" ? "000001" : "000000";
    const forms = Array.from({ length: WRONG_GUESSES }, () => ({ code: wrong }));
    forms.splice(WRONG_GUESSES / 2, 0, { code: right });
    const answers = await fireTotp(pending, forms);

    const result = await outcome(staff.id, pending);
    expect(result.attempts).toBeLessThanOrEqual(LIMIT);
    // Wrong codes evaluated without locking answer 400: at most limit − 1 of them.
    expect(answers.filter((answer) => answer.status === 400).length).toBeLessThanOrEqual(LIMIT - 1);
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
    // Either the right code came within the limit and won (then nothing was locked), or the
    // lockout came first and the right code gave nothing: never both.
    expect(result.locked + result.upgraded).toBe(1);
    expect(await anyOpens(answers)).toBe(result.upgraded);
  });

  it("refuses the right code once the last allowed attempt was used, even sent together with it", async () => {
    const { staff, secret, pending } = await atTotpStep();
    const right = totpAt(base32Decode(secret), totpStep(new Date()));
    const wrong = right === "000000" ? "000001" : "000000";
    // Four wrong codes first: one attempt left, and 30 wrong ones race the right one for it.
    for (let i = 0; i < LIMIT - 1; i++) expect((await new Browser(setup.server.url).post("/en/staff/totp", { code: wrong }, { Cookie: `${COOKIE}=${pending}` })).status).toBe(400);
    const forms = [...Array.from({ length: WRONG_GUESSES }, () => ({ code: wrong })), { code: right }];
    const answers = await fireTotp(pending, forms);

    const result = await outcome(staff.id, pending);
    expect(result.attempts).toBe(LIMIT);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(0);
    expect(result.locked + result.upgraded).toBe(1);
    expect(await anyOpens(answers)).toBe(result.upgraded);
    // After the lockout nothing more is evaluated, the right code included.
    if (result.locked) {
      const late = await fireTotp(pending, [{ code: totpAt(base32Decode(secret), totpStep(new Date()) + 1) }]);
      expect(late[0]!.location).toMatch(/^\/en\/staff\/sign-in/);
      expect((await outcome(staff.id, pending)).upgraded).toBe(0);
    }
  });

  it("gives one upgraded session for two right codes sent at once", async () => {
    const { staff, secret, pending } = await atTotpStep();
    const step = totpStep(new Date());
    // Two different codes both inside the accepted window, and the same one twice.
    const forms = [{ code: totpAt(base32Decode(secret), step) }, { code: totpAt(base32Decode(secret), step + 1) }, { code: totpAt(base32Decode(secret), step) }];
    const answers = await fireTotp(pending, forms);
    expect((await outcome(staff.id, pending)).upgraded).toBe(1);
    expect(await anyOpens(answers)).toBe(1);
    expect(await prisma().auditLogEntry.count({ where: { subjectId: staff.id, action: "staff.second-factor-verified" } })).toBe(1);
  });
});

describe("recovery codes under parallel guesses", () => {
  it("evaluates at most the limit, and two right codes at once give one upgraded session", async () => {
    const { staff, pending } = await atTotpStep();
    const owner = new Browser(setup.server.url);
    owner.cookie = await sessionFor(prisma(), staff.id);
    const codes = [...(await (await owner.post("/en/staff/recovery-codes", { intent: "generate" })).text()).matchAll(/<code>([a-z2-9-]{14})<\/code>/g)].map((match) => match[1]!);
    expect(codes).toHaveLength(10);
    const upgradedBefore = (await outcome(staff.id, pending)).upgraded;

    const forms = Array.from({ length: WRONG_GUESSES }, (_, index) => ({ intent: "recovery", recoveryCode: `2222-3333-${String(4000 + index).replace(/[01]/g, "2")}` }));
    forms.splice(WRONG_GUESSES / 2, 0, { intent: "recovery", recoveryCode: codes[0]! }, { intent: "recovery", recoveryCode: codes[1]! });
    const answers = await fireTotp(pending, forms);
    const result = await outcome(staff.id, pending);
    expect(result.attempts).toBeLessThanOrEqual(LIMIT);
    const upgraded = result.upgraded - upgradedBefore;
    expect(upgraded).toBeLessThanOrEqual(1);
    expect(result.locked + upgraded).toBe(1);
    expect(await anyOpens(answers)).toBe(upgraded);
    expect(await prisma().staffRecoveryCode.count({ where: { staffId: staff.id, usedAt: { not: null } } })).toBe(upgraded);
  });
});

describe("the emailed code under parallel guesses", () => {
  it("evaluates at most five, and two right codes at once give one session", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["translator"] });
    const browser = new Browser(setup.server.url);
    await browser.post("/en/staff/sign-in", { email: staff.email });
    const code = codeIn(textOf((await lastMailTo(setup.smtp, setup.worker, staff.email))!));
    const attempt = browser.cookie!;
    const wrong = code === "000000" ? "000001" : "000000";
    const answers = await fire("/en/staff/code", attempt, [...Array.from({ length: WRONG_GUESSES }, () => ({ code: wrong })), { code }, { code }]);
    const row = await prisma().signInCode.findUniqueOrThrow({ where: { attemptHash: hashToken(attempt) } });
    expect(row.attempts).toBeLessThanOrEqual(LIMIT);
    const sessions = await prisma().staffSession.count({ where: { staffId: staff.id } });
    expect(sessions).toBeLessThanOrEqual(1);
    expect(await anyOpens(answers)).toBe(sessions);
  });
});
