import { describe, expect, it } from "vitest";

import { openSecret, sealSecret } from "~/staff/accounts/secret-box.server";
import { derivedKey } from "~/staff/accounts/staff-settings.server";

describe("TOTP secrets at rest", () => {
  const key = derivedKey("totp-secret", "a-session-secret-of-at-least-32-characters");
  it("round-trips, with a fresh nonce each time", () => {
    const first = sealSecret("JBSWY3DPEHPK3PXP", key);
    const second = sealSecret("JBSWY3DPEHPK3PXP", key);
    expect(first).not.toBe(second);
    expect(first).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(first, key)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("cannot be read with another SESSION_SECRET, or after tampering", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", key);
    expect(openSecret(sealed, derivedKey("totp-secret", "another-session-secret-of-32-characters!"))).toBeNull();
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    expect(openSecret([parts[0], parts[1], parts[2], body.toString("base64url")].join("."), key)).toBeNull();
    expect(openSecret("JBSWY3DPEHPK3PXP", key)).toBeNull();
  });

  it("derives different keys for different purposes", () => {
    expect(derivedKey("totp-secret", "s".repeat(32)).equals(derivedKey("sign-in-code", "s".repeat(32)))).toBe(false);
  });
});
