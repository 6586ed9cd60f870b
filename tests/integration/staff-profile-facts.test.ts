// Facts and charges in the profile editor over real HTTP: a source for every fact and charge,
// new sources created only when the change is applied, review for published profiles,
// javascript: links refused, XSS in fact texts shown as text on the public and staff pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffRole } from "~/staff/permissions";

import { startTestServer, type TestServer } from "../support/server";
import { Browser, COOKIE, signedInStaff } from "../support/staff";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;

const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);

async function postForm(browser: Browser, path: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return fetch(`${server.url}${path}`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: `${COOKIE}=${browser.cookie}` }, body });
}

let counter = 0;
async function createDraft(browser: Browser) {
  counter++;
  const family = `Faktavich${"abcdefghij"[counter % 10]}${counter}`;
  const response = await postForm(browser, "/en/staff/prisoners/new", {
    intent: "save",
    "given-LATIN": "Ales",
    "family-LATIN": family,
    status: "IN_CUSTODY",
    statusSource: "ips-2025-10-07",
    letterStatus: "CAN_RECEIVE",
    letterStatusSource: "ips-2025-10-07",
    "summary-en": `Teacher ${counter}.`,
  });
  expect(response.status, (await response.clone().text()).slice(0, 400)).toBe(302);
  const id = /\/en\/staff\/prisoners\/([A-Za-z0-9_-]+)\?done=created$/.exec(response.headers.get("location") ?? "")?.[1];
  const row = await prisma().prisoner.findUniqueOrThrow({ where: { id: id! } });
  return { id: id!, slug: row.slug, family };
}

/** The editor's scalar values as the page would send them back, plus the list rows given. */
async function editFields(id: string, rows: { facts?: number; charges?: number; sources?: number }, overrides: Record<string, string>): Promise<Record<string, string>> {
  const row = await prisma().prisoner.findUniqueOrThrow({ where: { id }, include: { names: true, translations: true, statusSource: true, letterStatusSource: true } });
  const latin = row.names.find((name) => name.script === "LATIN")!;
  const en = row.translations.find((translation) => translation.locale === "en");
  return {
    intent: "save",
    version: String(row.version),
    "given-LATIN": latin.givenName,
    "family-LATIN": latin.familyName,
    status: row.status,
    statusSource: row.statusSource?.key ?? "",
    letterStatus: row.letterStatus,
    letterStatusSource: row.letterStatusSource?.key ?? "",
    "summary-en": en?.summary ?? "",
    "fact-rows": String(rows.facts ?? 2),
    "charge-rows": String(rows.charges ?? 2),
    "source-rows": String(rows.sources ?? 1),
    ...overrides,
  };
}

const rowsOf = () => ({ "fact-rows": "2", "charge-rows": "2", "source-rows": "1" });

const newSource = (overrides: Record<string, string> = {}) => ({
  "source-0-publication": "Nasha Niva",
  "source-0-title": "Teacher detained in Hrodna",
  "source-0-url": "https://nashaniva.example/article?id=1&lang=en",
  "source-0-date": "2026-11-02",
  "source-0-precision": "DAY",
  ...overrides,
});

/** The version a reviewer's page shows (the publish form sends it back). */
const profileVersion = async (id: string) => String((await prisma().prisoner.findUniqueOrThrow({ where: { id }, select: { version: true } })).version);
const publicPage = async (slug: string) => (await fetch(`${server.url}/en/prisoners/${slug}`)).text();

async function publish(id: string) {
  const moderator = await signedIn(["moderator"]);
  expect((await moderator.browser.post(`/en/staff/prisoners/${id}`, { intent: "publish", version: await profileVersion(id) })).status).toBe(302);
  return moderator;
}

async function anExistingSource() {
  return prisma().source.findFirstOrThrow({ orderBy: { key: "asc" } });
}

describe("facts with sources", () => {
  it("adds a fact with a new source to a draft; after publishing the public page shows both, the link safe", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const sourcesBefore = await prisma().source.count();
    const saved = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, {}, {
        ...newSource(),
        "fact-0-kind": "ARREST",
        "fact-0-date": "2026-10-30",
        "fact-0-precision": "DAY",
        "fact-0-source": "new-0",
        "fact-0-text-en": "Detained at the school where he taught.",
        "fact-0-text-be": "Затрыманы ў школе, дзе выкладаў.",
      }),
    );
    expect(saved.status, (await saved.clone().text()).slice(0, 300)).toBe(302);
    expect(saved.headers.get("location")).toContain("done=applied");
    expect(await prisma().source.count()).toBe(sourcesBefore + 1);
    const facts = await prisma().prisonerFact.findMany({ where: { prisonerId: draft.id }, include: { source: true, translations: true } });
    expect(facts).toHaveLength(1);
    expect(facts[0]!.kind).toBe("ARREST");
    expect(facts[0]!.source.publication).toBe("Nasha Niva");
    expect(facts[0]!.source.url).toBe("https://nashaniva.example/article?id=1&lang=en");
    expect(facts[0]!.translations.map((t) => t.locale).sort()).toEqual(["be", "en"]);

    // The editor shows the fact again, its source chosen from the list.
    const editor = await (await campaigner.browser.get(`/en/staff/prisoners/${draft.id}`)).text();
    expect(editor).toContain("Detained at the school where he taught.");
    expect(editor).toMatch(new RegExp(`<option value="${facts[0]!.source.key}" selected="">Nasha Niva, “Teacher detained in Hrodna”, 2026-11-02</option>`));

    // The history says what came: the fact and the new source.
    const history = await (await campaigner.browser.get(`/en/staff/prisoners/${draft.id}/history`)).text();
    expect(history).toContain("Added:");
    expect(history).toContain("Arrest · 2026-10-30 · Nasha Niva, 2026-11-02 · Detained at the school where he taught.");

    await publish(draft.id);
    const html = await publicPage(draft.slug);
    expect(html).toContain("Detained at the school where he taught.");
    expect(html).toContain('href="https://nashaniva.example/article?id=1&amp;lang=en" rel="noopener noreferrer nofollow"');
    expect(html).toContain("Teacher detained in Hrodna");
  });

  it("a new profile may start with a fact and a new source", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const response = await postForm(campaigner.browser, "/en/staff/prisoners/new", {
      intent: "save",
      "given-LATIN": "Nasta",
      "family-LATIN": "Pierwszafaktowa",
      status: "IN_CUSTODY",
      statusSource: "ips-2025-10-07",
      letterStatus: "UNKNOWN",
      ...rowsOf(),
      ...newSource({ "source-0-publication": "Zerkalo first fact" }),
      "fact-0-kind": "ROLE",
      "fact-0-source": "new-0",
      "fact-0-text-en": "Journalist.",
    });
    expect(response.status, (await response.clone().text()).slice(0, 300)).toBe(302);
    const prisoner = await prisma().prisoner.findFirstOrThrow({ where: { slug: "nasta-pierwszafaktowa" }, include: { facts: { include: { source: true } } } });
    expect(prisoner.facts.map((fact) => fact.source.publication)).toEqual(["Zerkalo first fact"]);
    const [created] = await prisma().prisonerChange.findMany({ where: { prisonerId: prisoner.id } });
    expect(Object.keys(created!.after as object)).toEqual(expect.arrayContaining(["facts", "sources"]));
  });

  it("refuses a fact without a source, says so beside it and keeps everything typed", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const sourcesBefore = await prisma().source.count();
    const refused = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, {}, { ...newSource(), "fact-0-kind": "SENTENCE", "fact-0-text-en": "Sentenced to five years, no source yet." }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Every fact and charge needs a source.");
    expect(html).toMatch(/<select[^>]*aria-invalid="true"[^>]*aria-describedby="error-fact-0-source"/);
    expect(html).toContain("Sentenced to five years, no source yet.</textarea>");
    expect(html).toMatch(/<option value="SENTENCE" selected="">/);
    // The new source typed (but not chosen) is kept too, and nothing was written.
    expect(html).toContain('value="Teacher detained in Hrodna"');
    expect(await prisma().prisonerFact.count({ where: { prisonerId: draft.id } })).toBe(0);
    expect(await prisma().source.count()).toBe(sourcesBefore);
  });

  it("refuses a javascript: address for a new source, keeps it, creates nothing", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const sourcesBefore = await prisma().source.count();
    for (const url of ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", "data:text/html,hi", "ftp://example.org/x"]) {
      const refused = await postForm(
        campaigner.browser,
        `/en/staff/prisoners/${draft.id}`,
        await editFields(draft.id, {}, { ...newSource({ "source-0-url": url }), "fact-0-kind": "ARREST", "fact-0-source": "new-0", "fact-0-text-en": "Arrested." }),
      );
      expect(refused.status, url).toBe(400);
      const html = await refused.text();
      expect(html).toContain("Enter a web address starting with http:// or https://.");
      expect(html).not.toContain(`href="${url}`);
    }
    expect(await prisma().source.count()).toBe(sourcesBefore);
    expect(await prisma().prisonerFact.count({ where: { prisonerId: draft.id } })).toBe(0);
  });

  it("a forged source key is refused with a message beside the row, never a 500", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const refused = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, {}, { "fact-0-kind": "ARREST", "fact-0-source": "no-such-source", "fact-0-text-en": "Arrested." }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("This source is no longer in the list.");
    expect(html).toContain('id="error-fact-0-source"');
    expect(html).toContain("Arrested.</textarea>");
  });

  it("a change to a published profile's facts waits for review: no source row, public page unchanged, until applied", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const moderator = await publish(draft.id);
    const sourcesBefore = await prisma().source.count();
    const proposed = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, {}, { ...newSource({ "source-0-publication": "Viasna review test" }), "fact-0-kind": "SENTENCE", "fact-0-date": "2026-11", "fact-0-source": "new-0", "fact-0-text-en": "Sentenced to four years." }),
    );
    // "2026-11" is not a date: refused first, the text kept.
    expect(proposed.status).toBe(400);
    expect(await proposed.text()).toContain("Sentenced to four years.</textarea>");
    const retried = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, {}, { ...newSource({ "source-0-publication": "Viasna review test" }), "fact-0-kind": "SENTENCE", "fact-0-date": "2026-11-01", "fact-0-precision": "MONTH", "fact-0-source": "new-0", "fact-0-text-en": "Sentenced to four years." }),
    );
    expect(retried.status).toBe(302);
    expect(retried.headers.get("location")).toContain("done=proposed");
    expect(await prisma().source.count()).toBe(sourcesBefore);
    expect(await prisma().prisonerFact.count({ where: { prisonerId: draft.id } })).toBe(0);
    const [change] = await prisma().prisonerChange.findMany({ where: { prisonerId: draft.id, state: "PENDING" } });
    const after = change!.after as { facts: unknown[]; sources: { publication: string }[] };
    expect(after.facts).toHaveLength(1);
    expect(after.sources[0]!.publication).toBe("Viasna review test");
    expect(await publicPage(draft.slug)).not.toContain("Sentenced to four years.");

    // The review queue shows the change readably.
    const page = await (await moderator.browser.get(`/en/staff/prisoners/${draft.id}`)).text();
    expect(page).toContain("Facts and their sources");
    expect(page).toContain("Sentence · 2026-11-01 · Viasna review test, 2026-11-02 · Sentenced to four years.");
    expect(page).toContain("Viasna review test");

    expect((await moderator.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "apply", change: change!.id })).status).toBe(302);
    expect(await prisma().source.count()).toBe(sourcesBefore + 1);
    const html = await publicPage(draft.slug);
    expect(html).toContain("Sentenced to four years.");
    expect(html).toContain("Viasna review test");
  });

  it("a form without the fact rows (CSV import, translations, older pages) leaves facts and charges alone", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const source = await anExistingSource();
    const type = await prisma().chargeType.findFirstOrThrow({ orderBy: { slug: "asc" } });
    expect(
      (await postForm(campaigner.browser, `/en/staff/prisoners/${draft.id}`, await editFields(draft.id, {}, { "fact-0-kind": "ROLE", "fact-0-source": source.key, "fact-0-text-en": "A teacher.", "charge-0-type": type.slug, "charge-0-source": source.key }))).status,
    ).toBe(302);
    const fields = await editFields(draft.id, {}, { "summary-en": "New summary." });
    delete fields["fact-rows"];
    delete fields["charge-rows"];
    delete fields["source-rows"];
    expect((await postForm(campaigner.browser, `/en/staff/prisoners/${draft.id}`, fields)).status).toBe(302);
    expect(await prisma().prisonerFact.count({ where: { prisonerId: draft.id } })).toBe(1);
    expect(await prisma().prisonerCharge.count({ where: { prisonerId: draft.id } })).toBe(1);
    const last = await prisma().prisonerChange.findFirstOrThrow({ where: { prisonerId: draft.id }, orderBy: { createdAt: "desc" } });
    expect(Object.keys(last.after as object)).toEqual(["summary.en"]);
  });

  it("escapes HTML in fact texts on the public page, the editor and the history", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const source = await anExistingSource();
    const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    expect((await postForm(campaigner.browser, `/en/staff/prisoners/${draft.id}`, await editFields(draft.id, {}, { "fact-0-kind": "OTHER", "fact-0-source": source.key, "fact-0-text-en": payload }))).status).toBe(302);
    await publish(draft.id);
    for (const html of [await publicPage(draft.slug), await (await campaigner.browser.get(`/en/staff/prisoners/${draft.id}`)).text(), await (await campaigner.browser.get(`/en/staff/prisoners/${draft.id}/history`)).text()]) {
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain('<script>alert("x")');
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    }
  });
});

describe("charges with sources", () => {
  it("adds a charge with an existing source, refuses a duplicate or a missing source, removes one", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const source = await anExistingSource();
    const [first, second] = await prisma().chargeType.findMany({ orderBy: { slug: "asc" }, take: 2, include: { translations: true } });

    const noSource = await postForm(campaigner.browser, `/en/staff/prisoners/${draft.id}`, await editFields(draft.id, {}, { "charge-0-type": first!.slug }));
    expect(noSource.status).toBe(400);
    const noSourceHtml = await noSource.text();
    expect(noSourceHtml).toContain('id="error-charge-0-source"');
    expect(noSourceHtml).toContain("Every fact and charge needs a source.");

    const duplicate = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, {}, { "charge-0-type": first!.slug, "charge-0-source": source.key, "charge-1-type": first!.slug, "charge-1-source": source.key }),
    );
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("This charge is already listed.");

    const added = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, {}, { "charge-0-type": first!.slug, "charge-0-source": source.key, "charge-1-type": second!.slug, "charge-1-source": "new-0", ...newSource({ "source-0-publication": "Charge source" }) }),
    );
    expect(added.status).toBe(302);
    const charges = await prisma().prisonerCharge.findMany({ where: { prisonerId: draft.id }, include: { chargeType: true, source: true } });
    expect(charges.map((charge) => [charge.chargeType.slug, charge.source.publication]).sort()).toEqual(
      [
        [first!.slug, source.publication],
        [second!.slug, "Charge source"],
      ].sort(),
    );
    await publish(draft.id);
    expect(await publicPage(draft.slug)).toContain("Charge source");

    // Removing one on the published profile: a pending change, then applied.
    const rows = await prisma().prisonerCharge.findMany({ where: { prisonerId: draft.id }, include: { chargeType: true, source: true }, orderBy: { chargeType: { slug: "asc" } } });
    const removal = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, { charges: 4 }, {
        "charge-0-type": rows[0]!.chargeType.slug,
        "charge-0-source": rows[0]!.source.key,
        "charge-1-type": rows[1]!.chargeType.slug,
        "charge-1-source": rows[1]!.source.key,
        "charge-1-remove": "1",
      }),
    );
    expect(removal.status).toBe(302);
    expect(await prisma().prisonerCharge.count({ where: { prisonerId: draft.id } })).toBe(2);
    const [change] = await prisma().prisonerChange.findMany({ where: { prisonerId: draft.id, state: "PENDING" } });
    const reviewer = await signedIn(["moderator"]);
    expect((await reviewer.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "apply", change: change!.id })).status).toBe(302);
    const left = await prisma().prisonerCharge.findMany({ where: { prisonerId: draft.id }, include: { chargeType: true } });
    expect(left.map((charge) => charge.chargeType.slug)).toEqual([rows[0]!.chargeType.slug]);
    const history = await (await campaigner.browser.get(`/en/staff/prisoners/${draft.id}/history`)).text();
    expect(history).toContain("Removed:");
  });

  it("the 'more rows' button adds blank rows and keeps what was typed, saving nothing", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const version = (await prisma().prisoner.findUniqueOrThrow({ where: { id: draft.id } })).version;
    const response = await postForm(campaigner.browser, `/en/staff/prisoners/${draft.id}`, await editFields(draft.id, {}, { "more-rows": "1", "fact-1-text-en": "Half-typed fact.", "summary-en": "Changed summary." }));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('name="fact-rows" value="4"');
    expect(html).toContain('name="fact-3-kind"');
    expect(html).toContain("Half-typed fact.</textarea>");
    expect(html).toContain("Changed summary.</textarea>");
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(version);
  });
});

describe("statuses with sources", () => {
  const dayOf = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

  it("refuses a status change without a source: the message beside the select, everything typed kept, nothing proposed", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    await publish(draft.id);
    const before = await prisma().prisoner.findUniqueOrThrow({ where: { id: draft.id } });
    const refused = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, {}, { status: "RELEASED", statusSource: "", letterStatus: "NOT_APPLICABLE", letterStatusSource: "", "summary-en": "Released, says his family." }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("A status needs the report that gives it.");
    expect(html).toMatch(/<select[^>]*aria-invalid="true"[^>]*aria-describedby="status-reports-hint error-statusSource"/);
    expect(html).toContain('id="error-letterStatusSource"');
    expect(html).toMatch(/<option value="RELEASED" selected="">/);
    expect(html).toMatch(/<option value="NOT_APPLICABLE" selected="">/);
    expect(html).toContain("Released, says his family.</textarea>");
    expect(await prisma().prisonerChange.count({ where: { prisonerId: draft.id, state: "PENDING" } })).toBe(0);
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(before.version);
  });

  it("stores a status with its source, dated as the source unless a date is given", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const saved = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, {}, { ...newSource({ "source-0-publication": "Viasna release list" }), status: "RELEASED", statusSource: "new-0", letterStatus: "NOT_APPLICABLE", letterStatusSource: "guardian-2025-09" }),
    );
    expect(saved.status, (await saved.clone().text()).slice(0, 300)).toBe(302);
    const row = await prisma().prisoner.findUniqueOrThrow({ where: { id: draft.id }, include: { statusSource: true, letterStatusSource: true } });
    expect(row.status).toBe("RELEASED");
    expect(row.statusSource?.publication).toBe("Viasna release list");
    expect([dayOf(row.statusReportedOn), row.statusReportedPrecision]).toEqual(["2026-11-02", "DAY"]);
    // The Guardian's report is dated to the month: so is the letter status it gives.
    expect(row.letterStatusSource?.key).toBe("guardian-2025-09");
    expect([dayOf(row.letterStatusReportedOn), row.letterStatusReportedPrecision]).toEqual([dayOf(row.letterStatusSource!.publishedOn), "MONTH"]);

    // The editor shows the source's own date as a blank date; an explicit one is kept as given.
    const page = await (await campaigner.browser.get(`/en/staff/prisoners/${draft.id}`)).text();
    expect(page).toMatch(/<input type="date" id="field-statusReportedOn" name="statusReportedOn"[^>]*value=""/);
    const dated = await postForm(campaigner.browser, `/en/staff/prisoners/${draft.id}`, await editFields(draft.id, {}, { letterStatusReportedOn: "2025-09-18", letterStatusReportedPrecision: "DAY" }));
    expect(dated.status, (await dated.clone().text()).slice(0, 300)).toBe(302);
    const redated = await prisma().prisoner.findUniqueOrThrow({ where: { id: draft.id } });
    expect([dayOf(redated.letterStatusReportedOn), redated.letterStatusReportedPrecision]).toEqual(["2025-09-18", "DAY"]);
  });

  it("re-checking a published status (a newer source, the same status) goes through review and the history", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser);
    const moderator = await publish(draft.id);
    const proposed = await postForm(
      campaigner.browser,
      `/en/staff/prisoners/${draft.id}`,
      await editFields(draft.id, {}, { ...newSource({ "source-0-publication": "Viasna re-check" }), statusSource: "new-0" }),
    );
    expect(proposed.status, (await proposed.clone().text()).slice(0, 300)).toBe(302);
    expect(proposed.headers.get("location")).toContain("done=proposed");
    // Nothing public changes before the review: the old report stays.
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id: draft.id }, include: { statusSource: true } })).statusSource?.key).toBe("ips-2025-10-07");
    const [change] = await prisma().prisonerChange.findMany({ where: { prisonerId: draft.id, state: "PENDING" } });
    expect(Object.keys(change!.after as object).sort()).toEqual(["sources", "statusReportedOn", "statusSource"]);
    const review = await (await moderator.browser.get(`/en/staff/prisoners/${draft.id}`)).text();
    expect(review).toContain("Report that gives the status");
    expect(review).toContain("Viasna re-check, 2026-11-02");
    expect(review).toContain("Inter Press Service, 2025-10-07");
    expect((await moderator.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "apply", change: change!.id })).status).toBe(302);
    const row = await prisma().prisoner.findUniqueOrThrow({ where: { id: draft.id }, include: { statusSource: true } });
    expect(row.statusSource?.publication).toBe("Viasna re-check");
    expect(dayOf(row.statusReportedOn)).toBe("2026-11-02");
    const audit = await prisma().auditLogEntry.findFirstOrThrow({ where: { action: "prisoner.change.propose", subjectId: change!.id } });
    expect((audit.details as { fields: string[] }).fields).toContain("statusSource");
  });
});
