// The one form reader (app/utils/form-fields.ts): bounded, control characters out, never
// throws, the same on a posted body (FormData) and a query string (URLSearchParams).
import { describe, expect, it } from "vitest";

import { formFields, REPEATED_FIELD_LIMIT } from "~/utils/form-fields";

const form = (entries: [string, string | Blob][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("formFields", () => {
  it("cuts every value at its bound", () => {
    const fields = formFields(form([["name", "x".repeat(500)], ["note", "y".repeat(50)]]));
    expect(fields.line("name", 100)).toHaveLength(100);
    expect(fields.text("note", 10)).toBe("y".repeat(10));
    expect(fields.posted("name", 3)).toBe("xxx");
    expect(fields.line("name", 1_000)).toHaveLength(500);
  });

  it("takes control characters out: all of them on one line, all but line breaks and tabs in text", () => {
    const fields = formFields(form([["one", "a\u0000b\u0007c\nd\te\u007f"], ["several", "line 1\r\nline 2\rline 3\n\tend\u0000\u001b"]]));
    expect(fields.line("one", 100)).toBe("abcde");
    expect(fields.text("several", 100)).toBe("line 1\nline 2\nline 3\n\tend");
    // As posted: nothing taken out, for a reader that reports what it removes.
    expect(fields.posted("one", 100)).toBe("a\u0000b\u0007c\nd\te\u007f");
  });

  it("reads a repeated field whole with lines/texts, and its first value with line", () => {
    const fields = formFields(form([["pick", "a"], ["pick", "b\u0000"], ["pick", "c"]]));
    expect(fields.lines("pick", 10)).toEqual(["a", "b", "c"]);
    expect(fields.texts("pick", 10, 2)).toEqual(["a", "b"]);
    expect(fields.postedAll("pick", 10)).toEqual(["a", "b\u0000", "c"]);
    expect(fields.line("pick", 10)).toBe("a");
    const many = formFields(new URLSearchParams(Array.from({ length: REPEATED_FIELD_LIMIT + 5 }, (_, index) => ["id", String(index)])));
    expect(many.lines("id", 10)).toHaveLength(REPEATED_FIELD_LIMIT);
  });

  it("gives a file only when one with content was chosen, and reads a file where text was expected as empty", () => {
    const photo = new File([new Uint8Array([1, 2, 3])], "photo.jpg", { type: "image/jpeg" });
    const fields = formFields(form([["photo", photo], ["empty", new File([], "")], ["name", new File(["x"], "x.txt")], ["text", "not a file"]]));
    expect(fields.file("photo")?.name).toBe("photo.jpg");
    expect(fields.file("photo")?.size).toBe(3);
    expect(fields.file("empty")).toBeNull();
    expect(fields.file("text")).toBeNull();
    expect(fields.file("missing")).toBeNull();
    expect(fields.line("name", 100)).toBe("");
    expect(fields.lines("name", 100)).toEqual([""]);
  });

  it("reads whole numbers in digits within bounds, and nothing else", () => {
    const fields = formFields(new URLSearchParams({ version: " 42 ", negative: "-3", big: "1000", float: "1.5", exp: "1e3", hex: "0x10", empty: "", huge: "9".repeat(16) }));
    expect(fields.integer("version", 0, 100)).toBe(42);
    expect(fields.integer("negative", -10, 10)).toBe(-3);
    expect(fields.integer("negative", 0, 10)).toBeNull();
    expect(fields.integer("big", 0, 999)).toBeNull();
    for (const name of ["float", "exp", "hex", "empty", "huge", "missing"]) expect(fields.integer(name, -1e15, 1e15), name).toBeNull();
  });

  it("reads a missing field as empty, unchecked, unchosen and not sent, and never throws", () => {
    const fields = formFields(new FormData());
    expect(fields.line("x", 10)).toBe("");
    expect(fields.text("x", 10)).toBe("");
    expect(fields.posted("x", 10)).toBe("");
    expect(fields.lines("x", 10)).toEqual([]);
    expect(fields.postedAll("x", 10)).toEqual([]);
    expect(fields.choice("x", ["a", "b"])).toBeNull();
    expect(fields.checked("x")).toBe(false);
    expect(fields.sent("x")).toBe(false);
  });

  it("tells an empty field that was sent from one that was not", () => {
    const fields = formFields(new URLSearchParams("more-rows=&intent=save"));
    expect(fields.sent("more-rows")).toBe(true);
    expect(fields.sent("less-rows")).toBe(false);
  });

  it("chooses only one of the allowed values, exactly, and reads a checkbox's usual values", () => {
    const fields = formFields(new URLSearchParams({ intent: "save", other: "Save", padded: " save", on: "on", yes: "true", one: "1", off: "off" }));
    expect(fields.choice("intent", ["save", "publish"] as const)).toBe("save");
    expect(fields.choice("other", ["save"])).toBeNull();
    expect(fields.choice("padded", ["save"])).toBeNull();
    expect([fields.checked("on"), fields.checked("yes"), fields.checked("one"), fields.checked("off")]).toEqual([true, true, true, false]);
  });
});
