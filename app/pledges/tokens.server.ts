// Tokens in pledge emails. The confirmation and manage tokens are derived from the pledge's
// id with the secret key (HMAC), so every email about one pledge carries the same working
// link (a re-sent confirmation, each monthly reminder) while the database keeps only a
// SHA-256 of each token: a copy of the database does not give anyone a working link.
// Privacy links are random and single-purpose.
import { createHash, createHmac, randomBytes } from "node:crypto";

import { getMailSettings } from "~/mail/mail-settings.server";

export type PledgeTokenPurpose = "confirm" | "manage";

export function pledgeToken(pledgeId: string, purpose: PledgeTokenPurpose, key: string = getMailSettings().hashKey): string {
  return createHmac("sha256", key).update(`listy-pledge-${purpose}:${pledgeId}`).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 32 random bytes, base64url: what every link token looks like. */
export function randomToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** Anything else (too long, other characters) is refused before touching the database. */
export const isTokenShaped = (token: unknown): token is string => typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);

export const pledgeConfirmLink = (origin: string, language: string, token: string) => `${origin}/${language}/pledges/confirm/${token}`;
export const pledgeManageLink = (origin: string, language: string, token: string) => `${origin}/${language}/pledges/manage/${token}`;
/** RFC 8058 one-click stop (List-Unsubscribe); the manage token. Its GET leads to the manage page. */
export const pledgeUnsubscribeLink = (origin: string, language: string, token: string) => `${origin}/${language}/pledges/unsubscribe/${token}`;
export const privacyLink = (origin: string, language: string, kind: "EXPORT" | "ERASE", token: string) =>
  `${origin}/${language}/privacy/${kind === "EXPORT" ? "export" : "erase"}/${token}`;
