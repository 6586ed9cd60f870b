// The profile change workflow and the editor's form, without a database.
import sharp from "sharp";
import { describe, expect, it } from "vitest";

import type { Actor } from "~/staff/permissions";
import { isStale, mayDecide, mayPublish, mayReturn, profileLifecycle, profileStateOf } from "~/staff/profiles/profile-change-state";
import { readProfileForm } from "~/staff/profiles/profile-form";
import { PHOTO_MAX_SIDE, processPhoto } from "~/staff/profiles/profile-photo.server";

const campaigner: Actor = { kind: "staff", id: "c1", roles: ["campaigner"] };
const moderator: Actor = { kind: "staff", id: "m1", roles: ["moderator"] };
const translator: Actor = { kind: "staff", id: "t1", roles: ["translator"] };

describe("who may decide on a change", () => {
  const byCampaigner = { state: "PENDING" as const, authorId: "c1", baseVersion: 3 };
  it("lets a moderator apply or reject someone else's change, never their own", () => {
    expect(mayDecide(moderator, byCampaigner, "apply", 3)).toBe(true);
    expect(mayDecide(moderator, byCampaigner, "reject", 3)).toBe(true);
    expect(mayDecide(moderator, { ...byCampaigner, authorId: "m1" }, "apply", 3)).toBe(false);
    expect(mayDecide(moderator, { ...byCampaigner, authorId: "m1" }, "reject", 3)).toBe(false);
  });
  it("never lets a campaigner approve, but lets the author withdraw", () => {
    expect(mayDecide(campaigner, byCampaigner, "apply", 3)).toBe(false);
    expect(mayDecide(campaigner, byCampaigner, "withdraw", 3)).toBe(true);
    expect(mayDecide(moderator, byCampaigner, "withdraw", 3)).toBe(false);
    expect(mayDecide(translator, { ...byCampaigner, authorId: "t1" }, "withdraw", 3)).toBe(false);
  });
  it("refuses to apply a stale change and anything no longer pending", () => {
    expect(isStale(byCampaigner, 4)).toBe(true);
    expect(mayDecide(moderator, byCampaigner, "apply", 4)).toBe(false);
    expect(mayDecide(moderator, byCampaigner, "reject", 4)).toBe(true);
    expect(mayDecide(moderator, { ...byCampaigner, state: "APPLIED" }, "reject", 3)).toBe(false);
  });
  it("publishes a draft only by a moderator who did not create it", () => {
    expect(mayPublish(moderator, { draft: true, creatorId: "c1", contributorIds: ["c1"] })).toBe(true);
    expect(mayPublish(moderator, { draft: true, creatorId: "m1", contributorIds: ["m1"] })).toBe(false);
    expect(mayPublish(moderator, { draft: false, creatorId: "c1", contributorIds: ["c1"] })).toBe(false);
    expect(mayPublish(campaigner, { draft: true, creatorId: "x", contributorIds: ["x"] })).toBe(false);
  });
  it("publishes a draft only by a moderator who did not edit or translate it either", () => {
    expect(mayPublish(moderator, { draft: true, creatorId: "c1", contributorIds: ["c1", "m1"] })).toBe(false);
    expect(mayPublish(moderator, { draft: true, creatorId: "c1", contributorIds: ["c1", "t1"] })).toBe(true);
  });
});

describe("returned drafts", () => {
  const returned = { draft: true, returnedAt: new Date(0), creatorId: "c1", contributorIds: ["c1"] };
  it("a draft is returned by a reviewer who wrote none of it, and comes back to review when edited", () => {
    expect(profileStateOf(returned)).toBe("RETURNED");
    expect(mayReturn(moderator, { ...returned, returnedAt: null })).toBe(true);
    expect(mayReturn(moderator, { ...returned, returnedAt: null, contributorIds: ["c1", "m1"] })).toBe(false);
    expect(profileLifecycle.can("RETURNED", "DRAFT")).toBe(true);
  });
  it("refuses to publish or return a returned draft again, or to return a published profile", () => {
    expect(mayPublish(moderator, returned)).toBe(false);
    expect(mayReturn(moderator, returned)).toBe(false);
    expect(mayReturn(moderator, { ...returned, draft: false, returnedAt: null })).toBe(false);
    expect(() => profileLifecycle.assert("RETURNED", "PUBLISHED")).toThrow();
  });
});

describe("the editor's form", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return data;
  };
  it("reads names, texts and dates into profile fields", () => {
    const read = readProfileForm(form({ "given-LATIN": " Ales ", "family-LATIN": "Bialiatski", status: "IN_CUSTODY", statusSource: "viasna-2024", letterStatus: "UNKNOWN", birthDate: "1962-09-25", "biography-be": "Праваабаронца.", sentenceMonths: "120" }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.fields["name.LATIN"]).toEqual({ givenName: "Ales", patronymic: null, familyName: "Bialiatski" });
    expect(read.fields["name.RU_CYRILLIC"]).toBeNull();
    expect(read.fields.birthDate).toBe("1962-09-25");
    expect(read.fields).toMatchObject({ statusSource: "viasna-2024", statusReportedOn: null, letterStatusSource: null });
    expect(read.fields.sentenceMonths).toBe(120);
    expect(read.fields["biography.be"]).toBe("Праваабаронца.");
    expect(read.fields["summary.en"]).toBeNull();
    expect("lastVerifiedOn" in read.fields).toBe(false);
  });
  it("reports each problem and keeps the values", () => {
    const read = readProfileForm(form({ "given-LATIN": "Ales", status: "JAILED", letterStatus: "UNKNOWN", arrestedOn: "2021-02-29" }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    // An invalid status has its own error; "unknown" letters need no source.
    expect(read.errors).toEqual({ "family-LATIN": "required", status: "choice-invalid", arrestedOn: "date-invalid" });
    expect(read.values.arrestedOn).toBe("2021-02-29");
  });
  it("refuses a status without the report that gives it, keeping what was typed", () => {
    const read = readProfileForm(form({ "given-LATIN": "Ales", "family-LATIN": "Bialiatski", status: "RELEASED", letterStatus: "NOT_APPLICABLE", "biography-en": "Typed." }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual({ statusSource: "source-required", letterStatusSource: "source-required" });
    expect(read.values).toMatchObject({ status: "RELEASED", letterStatus: "NOT_APPLICABLE", "biography-en": "Typed." });
  });
});

describe("photo processing", () => {
  it("scales inside 800 px and puts transparent parts on white", async () => {
    const transparent = await sharp({ create: { width: 1600, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const photo = await processPhoto(transparent);
    expect([photo.width, photo.height]).toEqual([PHOTO_MAX_SIDE, 200]);
    const { data } = await sharp(photo.jpeg).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data.subarray(0, 300))).toBeGreaterThan(250);
  });
});
