import { describe, expect, it } from "vitest";

import { canTransition, FINAL_APPEAL_STATES, APPEAL_TRANSITIONS, statesLeadingTo } from "~/appeals/appeal-state";
import { similarity } from "~/appeals/appeal.server";
import { checkEmailAddress, singleLine } from "~/mail/address";
import { retryDelayMs } from "~/mail/outbox.server";
import { redactAddresses } from "~/mail/transport.server";

describe("checkEmailAddress", () => {
  it("accepts one plain address and normalises its domain", () => {
    expect(checkEmailAddress(" Anna.Nowak+listy@Poczta.Example.PL ")).toEqual({ ok: true, address: "Anna.Nowak+listy@poczta.example.pl" });
    expect(checkEmailAddress("a@пример.example")).toEqual({ ok: true, address: "a@xn--e1afmkfd.example" });
  });

  it("refuses lists, display names, comments, control characters and odd forms", () => {
    for (const value of [
      "a@x.org, b@y.org",
      "a@x.org;b@y.org",
      "A <a@x.org>",
      '"a@x.org"@y.org',
      "a@x.org (c)",
      "a@x.org\r\nBcc: b@y.org",
      "a@x.org\u2028",
      "a@@x.org",
      "a@x",
      "a@[127.0.0.1]",
      "a@1.2.3.4",
      "ą@x.org",
      "a..b@x.org",
      ".a@x.org",
      `${"a".repeat(65)}@x.org`,
      "",
      42,
    ]) {
      expect(checkEmailAddress(value), JSON.stringify(value)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(checkEmailAddress("x@mailinator.com")).toEqual({ ok: false, reason: "disposable" });
    expect(checkEmailAddress("x@eu.mailinator.com")).toEqual({ ok: false, reason: "disposable" });
  });

  it("keeps header text on one line", () => {
    expect(singleLine("Hi\r\nBcc: x@y.org\u2028z")).toBe("Hi Bcc: x@y.org z");
  });
});

describe("the appeal state machine", () => {
  it("allows only the written-down moves", () => {
    expect(canTransition("PENDING_CONFIRMATION", "CONFIRMED")).toBe(true);
    expect(canTransition("PENDING_CONFIRMATION", "SENT")).toBe(false);
    expect(canTransition("CONFIRMED", "SENT")).toBe(true);
    expect(canTransition("HELD_DUPLICATE", "SENT")).toBe(false);
    for (const final of FINAL_APPEAL_STATES) expect(APPEAL_TRANSITIONS[final]).toBeUndefined();
    expect(statesLeadingTo("CANCELLED").sort()).toEqual(["CONFIRMED", "HELD_DUPLICATE", "PENDING_CONFIRMATION"]);
  });
});

describe("near-duplicates", () => {
  const letter = "Dear Minister, I ask you to release all political prisoners held in your country and to let their families visit them.";
  it("scores an almost identical letter at 0.9 or more and a different one far lower", () => {
    expect(similarity(letter, letter)).toBe(1);
    expect(similarity(letter, `${letter} Thank you.`)).toBeGreaterThanOrEqual(0.8);
    expect(similarity(letter.toUpperCase(), letter)).toBe(1);
    expect(similarity(letter, "Dear Minister, my neighbour was detained for a donation; please review her case and allow letters.")).toBeLessThan(0.2);
  });
});

describe("retry delays", () => {
  it("grow exponentially with jitter and stop at the cap", () => {
    expect(retryDelayMs(1, 1_000, 3_600_000, () => 1)).toBe(1_000);
    expect(retryDelayMs(4, 1_000, 3_600_000, () => 1)).toBe(8_000);
    expect(retryDelayMs(4, 1_000, 3_600_000, () => 0)).toBe(4_000);
    expect(retryDelayMs(40, 1_000, 3_600_000, () => 1)).toBe(3_600_000);
  });

  it("keep addresses out of error texts", () => {
    expect(redactAddresses("550 5.1.1 <anna@x.org>: no such user")).toBe("550 5.1.1 <<address>>: no such user");
  });
});
