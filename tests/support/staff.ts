// Helpers for the back-office tests over real HTTP: a browser-like cookie jar, staff members
// written straight into the database, and the whole emailed-code sign-in.
import type { PrismaClient } from "@prisma/client";

import type { MailWorker } from "~/jobs.server";
import { sealSecret } from "~/staff/accounts/secret-box.server";
import { createStaffSession, rolesRequireTotp } from "~/staff/accounts/session.server";
import { signInRequestsSettled } from "~/staff/accounts/sign-in.server";
import { newTotpSecret } from "~/staff/accounts/totp";
import type { StaffRole } from "~/staff/permissions";

import { textOf, type TestSmtpServer } from "./smtp";

export const COOKIE = "listy_staff";
/** The mark a browser keeps after a sign-in: its own budget of sign-in codes. */
export const TRUSTED_BROWSER_COOKIE = "listy_staff_browser";

/** A browser without JavaScript: keeps the staff cookie, sends same-origin form POSTs. */
export class Browser {
  cookie: string | null = null;
  trustedBrowser: string | null = null;
  constructor(readonly origin: string, readonly extraCookies: string[] = []) {}

  private cookieHeader(): Record<string, string> {
    const all = [...this.extraCookies, ...(this.cookie ? [`${COOKIE}=${this.cookie}`] : []), ...(this.trustedBrowser ? [`${TRUSTED_BROWSER_COOKIE}=${this.trustedBrowser}`] : [])];
    return all.length ? { Cookie: all.join("; ") } : {};
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const [name, value = ""] = pair.split("=");
      if (name === TRUSTED_BROWSER_COOKIE) this.trustedBrowser = value || null;
      if (name !== COOKIE) continue;
      this.cookie = attributes.some((attribute) => attribute.toLowerCase() === "max-age=0") || value === "" ? null : value;
    }
    return response;
  }

  async get(path: string, headers: Record<string, string> = {}) {
    return this.remember(await fetch(`${this.origin}${path}`, { redirect: "manual", headers: { ...this.cookieHeader(), ...headers } }));
  }

  async post(path: string, fields: Record<string, string | string[]> = {}, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    return this.remember(
      await fetch(`${this.origin}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: this.origin, ...this.cookieHeader(), ...headers },
        body: body.toString(),
      }),
    );
  }
}

let counter = 0;

export async function createStaffMember(
  prisma: PrismaClient,
  { roles, email, enrolTotp = false, language = "en" }: { roles: StaffRole[]; email?: string; enrolTotp?: boolean; language?: string },
) {
  counter++;
  const secret = newTotpSecret();
  const staff = await prisma.staffMember.create({
    data: {
      email: email ?? `staff${counter}.${roles.join("-") || "none"}@team.example.org`,
      displayName: `${roles.join(" ") || "nobody"} ${counter}`,
      roles,
      language,
      ...(enrolTotp ? { totpSecret: sealSecret(secret), totpEnrolledAt: new Date() } : {}),
    },
  });
  return { staff, secret };
}

/** A live session for a staff member, as if signed in (second factor done when the role needs it). */
export async function sessionFor(prisma: PrismaClient, staffId: string, { secondFactor = true }: { secondFactor?: boolean } = {}) {
  const now = new Date();
  return createStaffSession(prisma, staffId, { now, secondFactorAt: secondFactor ? now : null });
}

/**
 * A new staff member with these roles (TOTP enrolled) and a browser holding their session,
 * past the second factor where the roles need one: the usual start of a back-office test.
 */
export async function signedInStaff(baseUrl: string, prisma: PrismaClient, roles: StaffRole[]) {
  const { staff } = await createStaffMember(prisma, { roles, enrolTotp: true });
  const browser = new Browser(baseUrl);
  browser.cookie = await sessionFor(prisma, staff.id, { secondFactor: rolesRequireTotp(roles) });
  return { staff, browser };
}

/** Runs the worker until nothing is due, then returns the newest message to `address`. */
export async function lastMailTo(smtp: TestSmtpServer, worker: MailWorker, address: string) {
  // Sign-in codes are prepared behind the answer: wait for those first.
  await signInRequestsSettled();
  for (let i = 0; i < 20 && (await worker.runOnce()) > 0; i++);
  const messages = smtp.messages.filter((message) => message.rcptTo.includes(address.toLowerCase()));
  return messages.at(-1) ?? null;
}

export function codeIn(text: string): string {
  const match = /^(\d{6})$/m.exec(text);
  if (!match?.[1]) throw new Error("no six-digit code in the message");
  return match[1];
}

/** Email address → code → (TOTP page for roles that need it). Returns the code's email. */
export async function signInWithEmailCode(browser: Browser, smtp: TestSmtpServer, worker: MailWorker, email: string, language = "en") {
  const asked = await browser.post(`/${language}/staff/sign-in`, { email });
  if (asked.status !== 302) throw new Error(`sign-in answered ${asked.status}`);
  const message = await lastMailTo(smtp, worker, email);
  if (!message) throw new Error(`no email reached ${email}`);
  const response = await browser.post(`/${language}/staff/code`, { code: codeIn(textOf(message)) });
  return { message, response };
}
