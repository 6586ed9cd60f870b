// The editor's fact, charge and new-source rows, read from a form without a database.
import { describe, expect, it } from "vitest";

import type { ProfileFields } from "~/staff/profiles/prisoner-fields";
import { formValuesOf, readProfileForm, rowErrorsFor, safeUrl, withMoreRows } from "~/staff/profiles/profile-form";

const base = { "given-LATIN": "Ales", "family-LATIN": "Bialiacki", status: "IN_CUSTODY", statusSource: "viasna-1", letterStatus: "CAN_RECEIVE", letterStatusSource: "viasna-1" };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries({ ...base, ...fields })) data.append(key, value);
  return data;
}
const rows = (facts = 2, charges = 2, sources = 1) => ({ "fact-rows": String(facts), "charge-rows": String(charges), "source-rows": String(sources) });
const key = () => "editor-test-key";

describe("reading facts", () => {
  it("skips blank rows and removed rows, keeps order, sorts texts by locale", () => {
    const read = readProfileForm(
      form({
        ...rows(3),
        "fact-0-kind": "ARREST",
        "fact-0-date": "2021-07-14",
        "fact-0-precision": "DAY",
        "fact-0-source": "viasna-1",
        "fact-0-text-en": "Arrested.",
        "fact-0-text-be": "Затрыманы.",
        "fact-1-kind": "RELEASE",
        "fact-1-source": "viasna-1",
        "fact-1-text-en": "Released.",
        "fact-1-remove": "1",
        "fact-2-kind": "SENTENCE",
        "fact-2-source": "viasna-2",
        "fact-2-text-ru": "Приговор.",
      }),
      { sourceKey: key },
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.fields.facts).toEqual([
      { kind: "ARREST", occurredOn: "2021-07-14", datePrecision: "DAY", source: "viasna-1", text: { be: "Затрыманы.", en: "Arrested." } },
      { kind: "SENTENCE", occurredOn: null, datePrecision: null, source: "viasna-2", text: { ru: "Приговор." } },
    ]);
    expect(Object.keys(read.fields.facts![0]!.text)).toEqual(["be", "en"]);
    expect(read.fields.sources).toBeUndefined();
  });

  it("refuses a fact without a source or text, an unknown kind and a bad date, keeping every value", () => {
    const read = readProfileForm(
      form({ ...rows(3), "fact-0-kind": "ARREST", "fact-0-text-en": "No source.", "fact-1-kind": "TORTURE", "fact-1-source": "s", "fact-1-date": "2021-02-30", "fact-1-text-en": "y", "fact-2-kind": "OTHER", "fact-2-source": "s" }),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual({ "fact-0-source": "source-required", "fact-1-kind": "choice-invalid", "fact-1-date": "date-invalid", "fact-2-text": "text-required" });
    expect(read.values["fact-0-text-en"]).toBe("No source.");
    expect(read.values["fact-1-kind"]).toBe("TORTURE");
  });

  it("leaves the lists out of the change when the form did not send the row counts", () => {
    const read = readProfileForm(form({ "fact-0-kind": "ARREST", "fact-0-source": "s", "fact-0-text-en": "x" }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect("facts" in read.fields).toBe(false);
    expect("charges" in read.fields).toBe(false);
  });

  it("an empty list replaces the facts when the rows were sent but all removed", () => {
    const read = readProfileForm(form({ ...rows(1), "fact-0-kind": "ARREST", "fact-0-source": "s", "fact-0-text-en": "x", "fact-0-remove": "1" }));
    expect(read.ok && read.fields.facts).toEqual([]);
  });

  it("caps the number of rows a forged form may ask for", () => {
    const read = readProfileForm(form({ "fact-rows": "100000", "charge-rows": "-3", "source-rows": "x" }));
    expect(read.ok).toBe(true);
    expect(read.values["fact-rows"]).toBe("100000");
    expect(Object.keys(read.values).filter((name) => name.endsWith("-kind")).length).toBe(50);
  });
});

describe("new sources", () => {
  const source = { "source-0-publication": "Nasha Niva", "source-0-title": "", "source-0-url": "https://nn.example/a", "source-0-date": "2026-11-02", "source-0-precision": "MONTH" };

  it("are created only when a fact or a charge names them", () => {
    const unused = readProfileForm(form({ ...rows(), ...source }), { sourceKey: key });
    expect(unused.ok && unused.fields.sources).toBeUndefined();
    const used = readProfileForm(form({ ...rows(), ...source, "fact-0-kind": "ARREST", "fact-0-source": "new-0", "fact-0-text-en": "x", "charge-0-type": "art-342", "charge-0-source": "new-0" }), { sourceKey: key });
    expect(used.ok).toBe(true);
    if (!used.ok) return;
    expect(used.fields.sources).toEqual([{ key: "editor-test-key", publication: "Nasha Niva", title: null, url: "https://nn.example/a", publishedOn: "2026-11-02", datePrecision: "MONTH" }]);
    expect(used.fields.facts![0]!.source).toBe("editor-test-key");
    expect(used.fields.charges).toEqual([{ chargeType: "art-342", source: "editor-test-key" }]);
  });

  it("need a publication and a date; a bad address is refused beside its field", () => {
    const read = readProfileForm(form({ ...rows(), "source-0-url": "javascript:alert(1)", "fact-0-kind": "ARREST", "fact-0-source": "new-0", "fact-0-text-en": "x" }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toMatchObject({ "source-0-publication": "required", "source-0-date": "required", "source-0-url": "url-invalid", "fact-0-source": "source-required" });
    expect(read.values["source-0-url"]).toBe("javascript:alert(1)");
  });

  it("a reference to a row that does not exist is refused", () => {
    const read = readProfileForm(form({ ...rows(), "fact-0-kind": "ARREST", "fact-0-source": "new-7", "fact-0-text-en": "x" }));
    expect(!read.ok && read.errors["fact-0-source"]).toBe("choice-invalid");
  });
});

describe("addresses", () => {
  it("accepts only http(s) with a host", () => {
    expect(safeUrl("https://example.org/a?b=1")).toBe("https://example.org/a?b=1");
    expect(safeUrl("http://example.org")).toBe("http://example.org/");
    for (const bad of ["javascript:alert(1)", " javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "ftp://example.org", "https://", "//example.org", "https://exa mple.org", "example.org"]) {
      expect(safeUrl(bad), bad).toBeNull();
    }
  });
});

describe("charges", () => {
  it("refuses the same charge twice and sorts the list as the database does", () => {
    const twice = readProfileForm(form({ ...rows(), "charge-0-type": "b", "charge-0-source": "s", "charge-1-type": "b", "charge-1-source": "s" }));
    expect(!twice.ok && twice.errors["charge-1-type"]).toBe("duplicate");
    const sorted = readProfileForm(form({ ...rows(), "charge-0-type": "z", "charge-0-source": "s", "charge-1-type": "a", "charge-1-source": "t" }));
    expect(sorted.ok && sorted.fields.charges).toEqual([
      { chargeType: "a", source: "t" },
      { chargeType: "z", source: "s" },
    ]);
  });
});

describe("reading the status reports", () => {
  const without = (...keys: string[]) => {
    const data = form({});
    for (const key of keys) data.delete(key);
    return data;
  };

  it("needs a source for the status and for a letter status other than unknown, keeping every value", () => {
    const read = readProfileForm(without("statusSource", "letterStatusSource"));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual({ statusSource: "source-required", letterStatusSource: "source-required" });
    expect(read.values).toMatchObject({ status: "IN_CUSTODY", letterStatus: "CAN_RECEIVE", "family-LATIN": "Bialiacki" });
  });

  it("takes an unknown letter status without a report, and clears its old one", () => {
    const data = without("letterStatusSource");
    data.set("letterStatus", "UNKNOWN");
    const read = readProfileForm(data);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.fields).toMatchObject({ letterStatus: "UNKNOWN", letterStatusSource: null, letterStatusReportedOn: null, letterStatusReportedPrecision: null });
  });

  it("leaves a blank date to the source (null) and keeps an explicit date with its precision", () => {
    const data = form({ letterStatusReportedOn: "2026-11", letterStatusReportedPrecision: "MONTH" });
    expect(readProfileForm(data)).toMatchObject({ ok: false, errors: { letterStatusReportedOn: "date-invalid" } });
    data.set("letterStatusReportedOn", "2026-11-01");
    const read = readProfileForm(data);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.fields).toMatchObject({
      statusSource: "viasna-1",
      statusReportedOn: null,
      statusReportedPrecision: null,
      letterStatusSource: "viasna-1",
      letterStatusReportedOn: "2026-11-01",
      letterStatusReportedPrecision: "MONTH",
    });
  });

  it("may name a new source described in the same form", () => {
    const read = readProfileForm(
      form({ ...rows(), statusSource: "new-0", "source-0-publication": "Viasna", "source-0-date": "2026-12-01", "source-0-precision": "DAY" }),
      { sourceKey: key },
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.fields.statusSource).toBe("editor-test-key");
    expect(read.fields.sources).toEqual([expect.objectContaining({ key: "editor-test-key", publication: "Viasna", publishedOn: "2026-12-01" })]);
  });

  it("puts an unknown status source's refusal beside its select", () => {
    const values = { "fact-rows": "0", "charge-rows": "0", "source-rows": "0", statusSource: "gone", letterStatusSource: "ok" };
    expect(rowErrorsFor(values, { "source:gone": "source-unknown" })).toEqual({ statusSource: "source-unknown" });
  });
});

describe("the form round trip", () => {
  it("sends back exactly what it was given: an untouched form is no change", () => {
    const fields: ProfileFields = {
      facts: [
        { kind: "ARREST", occurredOn: "2021-07-14", datePrecision: "DAY", source: "viasna-1", text: { be: "Б", en: "E", lt: "L", pl: "P", ru: "Р", uk: "У" } },
        { kind: "ROLE", occurredOn: null, datePrecision: null, source: "viasna-2", text: { en: "Teacher" } },
      ],
      charges: [
        { chargeType: "art-130", source: "s1" },
        { chargeType: "art-342", source: "s2" },
      ],
    };
    const values = formValuesOf(fields);
    expect(values["fact-rows"]).toBe("4");
    const data = new FormData();
    for (const [name, value] of Object.entries({ ...values, ...base })) if (value !== "") data.append(name, value);
    const read = readProfileForm(data);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(JSON.stringify(read.fields.facts)).toBe(JSON.stringify(fields.facts));
    expect(read.fields.charges).toEqual(fields.charges);
  });

  it("'more rows' adds blank rows and keeps the values", () => {
    const more = withMoreRows({ "fact-rows": "3", "charge-rows": "2", "source-rows": "1", "fact-0-text-en": "kept" });
    expect(more).toMatchObject({ "fact-rows": "5", "charge-rows": "4", "source-rows": "2", "fact-0-text-en": "kept" });
  });

  it("puts the database's refusals beside the rows that named them", () => {
    const values = { "fact-rows": "2", "charge-rows": "1", "source-rows": "1", "fact-0-source": "gone", "fact-1-source": "ok", "charge-0-type": "art-x", "charge-0-source": "gone" };
    expect(rowErrorsFor(values, { "source:gone": "source-unknown", "charge-type:art-x": "charge-type-unknown" })).toEqual({
      "fact-0-source": "source-unknown",
      "charge-0-source": "source-unknown",
      "charge-0-type": "charge-type-unknown",
    });
  });
});
