import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { redirect: "manual", ...init });
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("page cache", () => {
  it("serves a repeat view from memory with a fresh nonce of its own", async () => {
    const first = await get("/en/prisoners/ihar-ilyash");
    expect(first.headers.get("x-cache")).toBe("MISS");
    const firstHtml = await first.text();
    const second = await get("/en/prisoners/ihar-ilyash");
    expect(second.headers.get("x-cache")).toBe("HIT");
    const secondHtml = await second.text();
    const [nonceA, nonceB] = [nonceOf(first)!, nonceOf(second)!];
    expect(nonceA).not.toBe(nonceB);
    expect(secondHtml).toContain(` nonce="${nonceB}"`);
    expect(secondHtml).not.toContain(nonceA);
    // Each view also carries a form ticket of its own (app/pledges/form-ticket.server.ts).
    const tickets = (html: string) => [...html.matchAll(/lpt1\.[\w.-]+/g)].map((match) => match[0]);
    expect(tickets(secondHtml).length).toBeGreaterThan(0);
    expect(tickets(secondHtml).some((ticket) => tickets(firstHtml).includes(ticket))).toBe(false);
    const same = (html: string, nonce: string) => html.replaceAll(nonce, "N").replace(/lpt1\.[\w.-]+/g, "T");
    expect(same(secondHtml, nonceB)).toBe(same(firstHtml, nonceA));
  });

  it("drops pages the moment public content changes", async () => {
    await get("/en/prisoners/ihar-losik");
    expect((await get("/en/prisoners/ihar-losik")).headers.get("x-cache")).toBe("HIT");
    const prisoner = await server.database.prisma.prisoner.findUniqueOrThrow({ where: { slug: "ihar-losik" } });
    await server.database.prisma.prisonerTranslation.update({
      where: { prisonerId_locale: { prisonerId: prisoner.id, locale: "en" } },
      data: { summary: "Blogger (summary edited by the cache test)" },
    });
    const html = await eventually(
      async () => (await get("/en/prisoners/ihar-losik")).text(),
      (text) => text.includes("summary edited by the cache test"),
    );
    expect(html).toContain("summary edited by the cache test");
  });

  it("counts a new action on the next view", async () => {
    const prisoner = await server.database.prisma.prisoner.findUniqueOrThrow({ where: { slug: "maryia-kalesnikava" } });
    expect(await (await get("/en/prisoners/maryia-kalesnikava")).text()).toContain("0 letters were written");
    await server.database.prisma.action.createMany({
      data: [1, 2].map(() => ({ kind: "LETTER_WRITTEN" as const, prisonerId: prisoner.id, language: "en", day: new Date() })),
    });
    const html = await eventually(
      async () => (await get("/en/prisoners/maryia-kalesnikava")).text(),
      (text) => text.includes("2 letters were written"),
    );
    expect(html).toContain("2 letters were written");
  });

  it("keeps out requests that carry other cookies, data requests and state changes", async () => {
    await get("/en/");
    const withSession = await get("/en/", { headers: { Cookie: "lng=ImVuIg%3D%3D; __Host-session=abc" } });
    expect(withSession.headers.get("x-cache")).toBeNull();
    const data = await get("/en.data");
    expect(data.headers.get("x-cache")).toBeNull();
    const post = await get("/en/", { method: "POST", headers: { "Sec-Fetch-Site": "same-origin" } });
    expect(post.headers.get("x-cache")).toBeNull();
  });

  it("keeps no 404s (made-up addresses would fill it) and no searches (they are private)", async () => {
    await get("/pl/prisoners/nobody-here");
    const again = await get("/pl/prisoners/nobody-here");
    expect(again.status).toBe(404);
    expect(again.headers.get("x-cache")).toBe("MISS");
    await get("/pl/prisoners?q=Kalesnikava");
    expect((await get("/pl/prisoners?q=Kalesnikava")).headers.get("x-cache")).toBeNull();
  });

  it("is not blanked by a HEAD request", async () => {
    const head = await get("/en/campaigns", { method: "HEAD" });
    expect(head.status).toBe(200);
    const page = await get("/en/campaigns");
    expect(page.status).toBe(200);
    expect((await page.text()).length).toBeGreaterThan(1_000);
    const again = await get("/en/campaigns");
    expect(again.headers.get("x-cache")).toBe("HIT");
    expect((await again.text()).length).toBeGreaterThan(1_000);
  });

  it("never serves links built from one visitor's Host header to another", async () => {
    // fetch() does not let a caller set Host, so this speaks plain node:http.
    const { request } = await import("node:http");
    const url = new URL(server.url);
    const forged = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: "/en/birthdays", headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example:6666" } },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve(body));
        },
      );
      req.on("error", reject);
      req.end();
    });
    // Absolute links come from PUBLIC_URL or the server's own address, never from Host.
    expect(forged).toContain("<html");
    expect(forged).not.toContain("evil.example");
    const normal = await get("/en/birthdays");
    expect(await normal.text()).not.toContain("evil.example");
  });
});
