// What a supporter's browser downloads for a public page: the JavaScript and the locale
// files (interface strings), counted by Chromium with JavaScript on, after the page has
// hydrated and gone quiet. Bytes as sent (compressed); the HTML itself is not counted here
// (scripts/bench-scale.ts measures it). Run: npm run build && npx tsx scripts/bench-page-bytes.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { chromium } from "@playwright/test";

import { requireProductionBuild, startListy, waitFor } from "./support/bench-server";

requireProductionBuild();
const port = 4390 + Math.floor(Math.random() * 9);
const dataDir = mkdtempSync(path.join(tmpdir(), "listy-bench-bytes-"));
const server = startListy(port, dataDir);
const origin = `http://127.0.0.1:${port}`;

const pages = ["/pl", "/pl/prisoners", "/be/prisoners/ales-bialiatski", "/uk/campaigns", "/en/birthdays"];

try {
  await waitFor(`${origin}/healthz`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  console.log("page | JavaScript (files, KB) | locale files (files, KB) | namespaces");
  for (const page of pages) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const sizes = { js: { files: 0, bytes: 0 }, locales: { files: 0, bytes: 0 } };
    const namespaces = new Set<string>();
    tab.on("requestfinished", async (request) => {
      const url = new URL(request.url());
      const kind = url.pathname.startsWith("/locales/") ? "locales" : url.pathname.endsWith(".js") ? "js" : null;
      if (!kind) return;
      const sent = (await request.sizes()).responseBodySize;
      sizes[kind].files += 1;
      sizes[kind].bytes += sent;
      if (kind === "locales") namespaces.add(path.basename(url.pathname, ".json"));
    });
    await tab.goto(origin + page, { waitUntil: "networkidle" });
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    console.log(`${page} | ${sizes.js.files}, ${kb(sizes.js.bytes)} | ${sizes.locales.files}, ${kb(sizes.locales.bytes)} | ${[...namespaces].sort().join(" ")}`);
    await context.close();
  }
  await browser.close();
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
