import { describe, expect, it } from "vitest";

import { templateBoxes } from "~/staff/campaigns/campaign-editor-form";
import { checkTemplateLines, readTemplatePart } from "~/staff/campaigns/campaign-form";
import { CAMPAIGN_TRANSITIONS, contributorsOf, mayEdit, mayTransition, mayView, type WorkflowCampaign } from "~/staff/campaigns/campaign-state";
import type { Actor, StaffRole } from "~/staff/permissions";

const staff = (id: string, ...roles: StaffRole[]): Actor => ({ kind: "staff", id, roles });
const campaign = (status: WorkflowCampaign["status"], createdById = "c1", submittedById: string | null = null, contributorIds: string[] = []): WorkflowCampaign => ({
  status,
  createdById,
  submittedById,
  contributorIds,
});

describe("the campaign workflow", () => {
  it("lists exactly the four moves", () => {
    expect(Object.entries(CAMPAIGN_TRANSITIONS).map(([name, move]) => `${name}: ${move.from} → ${move.to}`)).toEqual([
      "submit: DRAFT → IN_REVIEW",
      "publish: IN_REVIEW → PUBLISHED",
      "return: IN_REVIEW → DRAFT",
      "close: PUBLISHED → CLOSED",
    ]);
  });

  it("lets nobody publish what they wrote or submitted", () => {
    expect(mayTransition(staff("m1", "moderator"), campaign("IN_REVIEW", "c1", "c1"), "publish")).toBe(true);
    expect(mayTransition(staff("m1", "moderator"), campaign("IN_REVIEW", "c1", "m1"), "publish")).toBe(false);
    expect(mayTransition(staff("a1", "admin"), campaign("IN_REVIEW", "a1", "m2"), "publish")).toBe(false);
    expect(mayTransition(staff("c1", "campaigner"), campaign("IN_REVIEW", "c2", "c2"), "publish")).toBe(false);
    // Only from the right state.
    expect(mayTransition(staff("m1", "moderator"), campaign("DRAFT", "c1"), "publish")).toBe(false);
  });

  it("lets nobody publish a campaign they edited or translated before publication", () => {
    // m1 fixed the campaign while it was in review; t1 translated it; m2 did neither.
    const edited = campaign("IN_REVIEW", "c1", "c1", ["c1", "m1", "t1"]);
    expect(mayTransition(staff("m1", "moderator"), edited, "publish")).toBe(false);
    expect(mayTransition(staff("t1", "moderator"), edited, "publish")).toBe(false);
    expect(mayTransition(staff("a1", "admin"), campaign("IN_REVIEW", "c1", "c1", ["a1"]), "publish")).toBe(false);
    expect(mayTransition(staff("m2", "moderator"), edited, "publish")).toBe(true);
    expect(contributorsOf(campaign("IN_REVIEW", "c1", "m3", ["m1", "c1"])).sort()).toEqual(["c1", "m1", "m3"]);
    // Returning it to its author stays open to a contributor (it publishes nothing).
    expect(mayTransition(staff("m1", "moderator"), edited, "return")).toBe(true);
  });

  it("lets campaigners submit and close only their own, and edit only their own drafts", () => {
    const c1 = staff("c1", "campaigner");
    expect(mayTransition(c1, campaign("DRAFT", "c1"), "submit")).toBe(true);
    expect(mayTransition(c1, campaign("DRAFT", "c2"), "submit")).toBe(false);
    expect(mayTransition(c1, campaign("PUBLISHED", "c1"), "close")).toBe(true);
    expect(mayTransition(c1, campaign("PUBLISHED", "c2"), "close")).toBe(false);
    expect(mayTransition(c1, campaign("IN_REVIEW", "c1"), "return")).toBe(false);
    expect(mayEdit(c1, campaign("DRAFT", "c1"))).toBe(true);
    expect(mayEdit(c1, campaign("IN_REVIEW", "c1"))).toBe(false);
    expect(mayEdit(c1, campaign("DRAFT", "c2"))).toBe(false);
    expect(mayEdit(staff("m1", "moderator"), campaign("PUBLISHED", "c2"))).toBe(true);
    expect(mayEdit(staff("m1", "moderator"), campaign("CLOSED", "c2"))).toBe(false);
  });

  it("shows campaigners their own campaigns and public ones, translators none", () => {
    expect(mayView(staff("c1", "campaigner"), campaign("DRAFT", "c2"))).toBe(false);
    expect(mayView(staff("c1", "campaigner"), campaign("PUBLISHED", "c2"))).toBe(true);
    expect(mayView(staff("t1", "translator"), campaign("PUBLISHED", "c2"))).toBe(false);
    expect(mayView({ kind: "anonymous" }, campaign("PUBLISHED", "c2"))).toBe(false);
  });
});

describe("template lines", () => {
  it("keeps non-empty lines and reports an unknown placeholder with its line", () => {
    expect(checkTemplateLines("Dear {officialName},\n\n  Free {prisonerName}.  ")).toEqual({ lines: ["Dear {officialName},", "Free {prisonerName}."], error: null });
    expect(checkTemplateLines("ok\n\nbad {Prisonername}").error).toEqual({ code: "unknown-placeholder", line: 3, placeholder: "{Prisonername}" });
    expect(checkTemplateLines(Array.from({ length: 21 }, (_, index) => `line ${index}`).join("\n")).error).toEqual({ code: "too-many-lines" });
  });

  it("reads one wording per box, keeping a line break inside its box and an empty box in its place", () => {
    const form = new FormData();
    for (const box of ["Dear {officialName},\r\n  I write again.", "", "Dear {officialPosition},", "", ""]) form.append("template-en-openings", box);
    expect(readTemplatePart(form, "template-en-openings")).toBe("Dear {officialName}, I write again.\n\nDear {officialPosition},");
    // One posted value (a script, a stored revision) keeps the older shape: a wording per line.
    const single = new FormData();
    single.set("template-en-openings", "Dear {officialName},\r\nDear {officialPosition},");
    expect(readTemplatePart(single, "template-en-openings")).toBe("Dear {officialName},\nDear {officialPosition},");
    expect(readTemplatePart(new FormData(), "template-en-openings")).toBe("");
  });

  it("shows each wording in its box, then two empty boxes, at most twenty unless more were posted", () => {
    expect(templateBoxes("")).toEqual(["", ""]);
    expect(templateBoxes("a\n\nb\n\n")).toEqual(["a", "", "b", "", ""]);
    expect(templateBoxes(Array.from({ length: 19 }, () => "x").join("\n"))).toHaveLength(20);
    expect(templateBoxes(Array.from({ length: 23 }, () => "x").join("\n"))).toHaveLength(23);
  });
});
