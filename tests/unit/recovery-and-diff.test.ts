// Pure parts of recovery codes and campaign revisions: the code format and its normalisation,
// and the per-field, per-language diff a reviewer sees.
import { describe, expect, it } from "vitest";

import { newRecoveryCode, normaliseRecoveryCode } from "~/staff/accounts/recovery-codes.server";
import { diffCampaignValues } from "~/staff/campaigns/campaign-diff";
import type { CampaignFormValues } from "~/staff/campaigns/campaign-form";

describe("recovery codes", () => {
  it("look like xxxx-xxxx-xxxx from an unambiguous alphabet, and do not repeat", () => {
    const codes = Array.from({ length: 2000 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("accept what people type (case, spaces, dashes) and refuse anything else", () => {
    expect(normaliseRecoveryCode(" AB2C-dE3f - GH4J ")).toBe("ab2cde3fgh4j");
    expect(normaliseRecoveryCode("ab2c de3f gh4j")).toBe("ab2cde3fgh4j");
    expect(normaliseRecoveryCode("ab2c-de3f-gh4")).toBeNull();
    expect(normaliseRecoveryCode("ab2c-de3f-gh4jk")).toBeNull();
    // 0, 1, i, l and o are never in a code.
    expect(normaliseRecoveryCode("ab0c-de3f-gh4j")).toBeNull();
    expect(normaliseRecoveryCode("abic-de3f-gh4j")).toBeNull();
    expect(normaliseRecoveryCode("")).toBeNull();
  });
});

describe("the diff of a proposed campaign revision", () => {
  const base: CampaignFormValues = {
    slug: "free-them",
    goal: "100",
    deadline: "",
    texts: { "title-en": "Free them", "summary-en": "Held.", "title-be": "Вызваліце іх", "template-en-subjects": "Release {prisonerName}\n\n" },
    prisoners: ["p1"],
    targets: ["o1"],
  };
  const labels = { prisoners: new Map([["p1", "Ales"], ["p2", "Maria"]]), officials: new Map([["o1", "The prosecutor"]]) };

  it("lists only changed fields, per language, old and new as text", () => {
    const rows = diffCampaignValues(
      base,
      { ...base, goal: "200", texts: { ...base.texts, "title-be": "Вызваліце іх зараз", "template-en-subjects": "Release {prisonerName}", "ask-lt": "Paleiskite" }, prisoners: ["p1", "p2"] },
      labels,
    );
    expect(rows.map((row) => [row.key, row.field, row.language, row.before, row.after])).toEqual([
      ["goal", "goal", null, "100", "200"],
      ["title-be", "title", "be", "Вызваліце іх", "Вызваліце іх зараз"],
      ["ask-lt", "ask", "lt", "", "Paleiskite"],
      ["prisoners", "prisoners", null, "Ales", "Ales\nMaria"],
    ]);
  });

  it("finds nothing when nothing changes (blank lines and spaces do not count)", () => {
    expect(diffCampaignValues(base, { ...base, texts: { ...base.texts, "summary-en": " Held. " } }, labels)).toEqual([]);
  });
});
