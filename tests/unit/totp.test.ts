import { describe, expect, it } from "vitest";

import { base32Decode, base32Encode, newTotpSecret, totpAt, totpStep, totpUri, verifyTotp } from "~/staff/accounts/totp";

// RFC 6238 appendix B: the SHA-1 secret is the ASCII "12345678901234567890"; 8-digit codes.
const RFC_SECRET = new TextEncoder().encode("12345678901234567890");
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP", () => {
  it.each(RFC_VECTORS)("matches the RFC 6238 test vector at %i s", (seconds, code) => {
    expect(totpAt(RFC_SECRET, Math.floor(seconds / 30), 8)).toBe(code);
  });

  it("round-trips base32 the way authenticator apps write it", () => {
    expect(base32Encode(RFC_SECRET)).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect([...base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")]).toEqual([...RFC_SECRET]);
    expect(() => base32Decode("not base32!")).toThrow();
  });

  it("accepts the current code and one step of drift, refuses replays and other codes", () => {
    const secret = newTotpSecret();
    const now = new Date("2026-11-23T12:00:10Z");
    const step = totpStep(now);
    const current = totpAt(base32Decode(secret), step);
    expect(verifyTotp(secret, current, { now })).toBe(step);
    expect(verifyTotp(secret, current.slice(0, 3) + " " + current.slice(3), { now })).toBe(step);
    expect(verifyTotp(secret, totpAt(base32Decode(secret), step - 1), { now })).toBe(step - 1);
    expect(verifyTotp(secret, totpAt(base32Decode(secret), step - 2), { now })).toBeNull();
    // The same code twice: the second time it is a replay.
    expect(verifyTotp(secret, current, { now, lastUsedStep: step })).toBeNull();
    expect(verifyTotp(secret, "12345", { now })).toBeNull();
    expect(verifyTotp(secret, "abcdef", { now })).toBeNull();
    expect(verifyTotp("***", current, { now })).toBeNull();
  });

  it("writes an otpauth URI with the issuer and account escaped", () => {
    expect(totpUri({ secret: "ABC", account: "anna@example.org" })).toBe(
      "otpauth://totp/Listy%3Aanna%40example.org?secret=ABC&issuer=Listy&algorithm=SHA1&digits=6&period=30",
    );
  });
});
