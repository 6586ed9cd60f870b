// A prisoner's write / pledge box for partner sites (/:lang/prisoners/:slug/embed) over real
// HTTP: framed only by the site-wide PRISONER_EMBED_ORIGINS (by nobody when it is empty, and
// never for a draft or unknown profile, which answer a translated 404); no cookie, noindex; the
// name, the status with its report, "Can a letter arrive?" in one line, links that open Listy
// in a new tab; a pledge through it is answered inside the frame and counts on the profile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../support/server";

const PRISONER = "ihar-ilyash";
const PARTNER = "https://partner.example";
const frameAncestors = (response: Response) => /frame-ancestors ([^;]+)/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
const readHtml = async (response: Response) => (await response.text()).replaceAll("\0", "");

describe("a prisoner's box framed by the configured partners", () => {
  let server: TestServer;
  let draftSlug = "";

  beforeAll(async () => {
    server = await startTestServer({ PRISONER_EMBED_ORIGINS: `${PARTNER}, http://localhost:9999` });
    const prisma = server.database.prisma;
    const draft = await prisma.prisoner.findFirstOrThrow({ where: { draft: false, slug: { not: PRISONER } }, select: { slug: true } });
    await prisma.prisoner.update({ where: { slug: draft.slug }, data: { draft: true } });
    draftSlug = draft.slug;
    await server.contentRevision.refresh();
  });

  afterAll(async () => {
    await server?.close();
  });

  it("is framed by those origins only, sets no cookie, is not indexed and says what the profile says", async () => {
    const response = await fetch(`${server.url}/en/prisoners/${PRISONER}/embed`);
    expect(response.status).toBe(200);
    expect(frameAncestors(response)).toBe(`${PARTNER} http://localhost:9999`);
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
    const html = await readHtml(response);
    expect(html).toContain('data-testid="embed-status"');
    expect(html).toMatch(/data-status-report="(fresh|stale|unreported)"/);
    expect(html).toMatch(/data-testid="embed-letter-status"[^>]*><strong>Can a letter arrive\?<\/strong>/);
    expect(html).toContain(`href="/en/prisoners/${PRISONER}/write" target="_blank" rel="noopener"`);
    expect(html).toContain(`href="/en/prisoners/${PRISONER}" target="_blank" rel="noopener"`);
    expect(html).toContain(`action="/en/prisoners/${PRISONER}/embed#result"`);
    // Every other page still may be framed by nobody.
    const profile = await fetch(`${server.url}/en/prisoners/${PRISONER}`);
    expect(frameAncestors(profile)).toBe("'none'");
    await profile.text();
  });

  it("counts a pledge made through it on the profile, answered inside the frame", async () => {
    const prisoner = await server.database.prisma.prisoner.findUniqueOrThrow({ where: { slug: PRISONER }, select: { id: true } });
    const before = await server.database.prisma.pledge.count({ where: { prisonerId: prisoner.id, kind: "WRITE_MONTHLY" } });
    const page = await readHtml(await fetch(`${server.url}/en/prisoners/${PRISONER}/embed`));
    const ticket = /name="ticket" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const done = await fetch(`${server.url}/en/prisoners/${PRISONER}/embed`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "Sec-Fetch-Site": "same-origin" },
      // A form edited to name someone else still pledges for this prisoner.
      body: new URLSearchParams({ pledge: "WRITE_MONTHLY", prisoner: "someone-else", ticket }).toString(),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/en/prisoners/${PRISONER}/embed?result=active`);
    expect(done.headers.get("set-cookie")).toBeNull();
    expect(await server.database.prisma.pledge.count({ where: { prisonerId: prisoner.id, kind: "WRITE_MONTHLY" } })).toBe(before + 1);

    await server.contentRevision.refresh();
    const thanks = await fetch(`${server.url}/en/prisoners/${PRISONER}/embed?result=active`);
    expect(frameAncestors(thanks)).toBe(`${PARTNER} http://localhost:9999`);
    expect(await readHtml(thanks)).not.toMatch(/<form method="post"/);
    const profile = await readHtml(await fetch(`${server.url}/en/prisoners/${PRISONER}`));
    expect(profile).toContain(`${before + 1} ${before + 1 === 1 ? "person" : "people"} will write every month.`);
  });

  it("answers a draft or unknown profile with a translated 404 that nobody may frame", async () => {
    for (const path of [`/be/prisoners/${draftSlug}/embed`, "/be/prisoners/no-such-person/embed"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(frameAncestors(response), path).toBe("'none'");
      expect(response.headers.get("set-cookie"), path).toBeNull();
      expect(await readHtml(response), path).toContain("Старонка не знойдзена");
    }
  });
});

describe("a prisoner's box with no partners configured", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it("works on Listy but may be framed by nobody", async () => {
    const response = await fetch(`${server.url}/en/prisoners/${PRISONER}/embed`);
    expect(response.status).toBe(200);
    expect(frameAncestors(response)).toBe("'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("set-cookie")).toBeNull();
    await response.text();
  });
});
