// Issue 17: the emailed date read «14 снежня 2026 г..»: the date's own abbreviation stop and
// the sentence's stop, twice.
import { describe, expect, it } from "vitest";

import { renderConfirmationMail, renderPledgeConfirmationMail } from "~/mail/messages.server";

describe("a sentence ending with a date", () => {
  it.each(["be", "ru", "uk", "pl", "lt", "en"] as const)("%s: ends with one full stop", async (language) => {
    const expiresAt = new Date("2026-12-14T12:00:00.000Z");
    for (const mail of [
      await renderConfirmationMail(language, { link: "https://listy.example.org/x", expiresAt, reminder: false }),
      await renderPledgeConfirmationMail(language, { link: "https://listy.example.org/y", expiresAt }),
    ]) {
      expect(mail.text).not.toMatch(/\p{L}\.\.(\s|$)/u);
      expect(mail.text).toMatch(/2026[^\n]*\./);
    }
  });
});
