// Which interface strings need a second person before they go live (security review, finding 11).
import { describe, expect, it } from "vitest";

import { needsReview } from "~/staff/translations/reviewed-keys";

describe("reviewed interface keys", () => {
  it("covers emails, privacy promises and safety advice wherever they live", () => {
    for (const [namespace, key] of [
      ["mail", "pledge-confirmation.subject"],
      ["privacy", "safety.text"],
      ["pledges", "safety.email"],
      ["pledges", "form.anonymous-counts"],
      ["appeals", "form.email-hint"],
      ["letters", "write.print.safety-inside"],
      ["staff", "mail.code-intro"],
      ["staff", "mail.code-expires"],
      ["common", "footer.privacy"],
      ["common", "footer.privacy-link"],
      ["common", "translate-page.safety"],
      ["common", "safety-note.text"],
      ["common", "safety-line"],
      ["common", "email-safety.providers"],
      ["common", "operator.run-by"],
      ["birthdays", "card.safe"],
    ] as const) {
      expect(needsReview(namespace, key), `${namespace}:${key}`).toBe(true);
    }
  });

  it("leaves the rest to be saved at once", () => {
    for (const [namespace, key] of [
      ["home", "hero.title"],
      ["common", "site.tagline"],
      ["staff", "sign-in.lead"],
      ["directory", "lead"],
      ["translations", "review.note"],
    ] as const) {
      expect(needsReview(namespace, key), `${namespace}:${key}`).toBe(false);
    }
  });
});
