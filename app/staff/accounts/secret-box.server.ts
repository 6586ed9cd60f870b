// Encryption at rest for TOTP secrets (AES-256-GCM): a copy of the database alone does not
// let anyone compute a staff member's codes. Changing SESSION_SECRET makes stored secrets
// unreadable, so staff must enrol again (docs/operators.md).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import { derivedKey } from "./staff-settings.server";

const VERSION = "v1";

export function sealSecret(plain: string, key: Buffer = derivedKey("totp-secret")): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plain secret, or null if it was sealed with another key or tampered with. */
export function openSecret(sealed: string, key: Buffer = derivedKey("totp-secret")): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
