// Several instances as production runs them, end to end: on one PostgreSQL (TEST_DATABASE_URL),
// two app instances (`node build/server/index.js`, MAIL_WORKER=off) and one outbox worker
// (`node build/server/worker.js`), behind Debian's nginx with round-robin and no sticky sessions
// (deploy/nginx/ci-two-instances.conf), mail to the in-process SMTP server. Everything goes
// through the proxy, so consecutive requests land on alternate instances: a staff edit reaches
// both page caches, the CSV import's progress reads the same on both, and pledges and appeals
// sent while one instance is restarted are all stored and each confirmation email leaves once;
// a string a translator saves is served by both at once, and the operator's export of it passes
// `npm run i18n:check`.
// Needs `npm run build`. Without nginx it skips with a warning, except in CI (CI or
// LISTY_REQUIRE_NGINX=1, which .ci/run sets), where a missing nginx fails.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { issueFormTicket } from "~/pledges/form-ticket.server";
import { rolesRequireTotp } from "~/staff/accounts/session.server";
import { configureStaff, staffSettingsFromEnv } from "~/staff/accounts/staff-settings.server";
import type { StaffRole } from "~/staff/permissions";
import { parseEnv } from "~/utils/env.server";

import { seedDemoData } from "../../prisma/seed";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../../scripts/support/scratch-database";
import { findNginx, startNginx, type RunningProxy } from "../support/nginx";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { freePort, waitForHealth } from "../support/spawn-listy";
import { Browser, COOKIE, createStaffMember, sessionFor } from "../support/staff";

const nginx = findNginx();
const proxyRequired = Boolean(process.env.CI) || process.env.LISTY_REQUIRE_NGINX === "1";
if (usingPostgres && !nginx && !proxyRequired) {
  console.warn("\n!!! tests/integration/two-instances.test.ts SKIPPED: nginx is not installed (apt-get install -y nginx). CI installs it and fails without it.\n");
}

const SECRET = randomBytes(32).toString("hex");
const CAMPAIGN = "free-them-all";
const UPSTREAM = "x-listy-upstream";

/** A Listy process run as an operator runs it: plain node, the compiled file, its own environment. */
interface ListyProcess {
  name: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM (the graceful stop), then waits for the exit; its exit code. */
  stop(): Promise<number | null>;
}

function runListy(name: string, file: "index.js" | "worker.js", env: Record<string, string>, port = 0): ListyProcess {
  const child = spawn(process.execPath, [path.join("build", "server", file)], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    name,
    port,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const code = await Promise.race([exited, new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 15_000))]);
      if (code !== "hung") return code;
      child.kill("SIGKILL");
      return exited;
    },
  };
}

let database: TestDatabase;
let smtp: TestSmtpServer;
let proxy: RunningProxy;
let instances: ListyProcess[] = [];
let worker: ListyProcess | undefined;
let appEnv: Record<string, string>;

async function startInstance(name: string, port: number): Promise<ListyProcess> {
  const instance = runListy(name, "index.js", { ...appEnv, PORT: String(port) }, port);
  await waitForHealth(`http://127.0.0.1:${port}`, instance.child, instance.output);
  return instance;
}

beforeAll(async () => {
  if (!usingPostgres || !nginx) return;
  smtp = await startSmtpServer();
  database = await createTestDatabase();
  if (database.target.kind !== "postgres") throw new Error("PostgreSQL expected");
  await seedDemoData(database.prisma);
  // The demo data invents no contact details: the appeal's addressee gets an email address.
  await database.prisma.official.update({ where: { slug: "alyaksandr-lukashenka" }, data: { email: "office@official.example.org", postalAddress: "Test Street 1\n00-000 Test Town" } });
  // Staff sessions written here are read by the instances: the same keys.
  configureStaff(staffSettingsFromEnv(parseEnv({ NODE_ENV: "test", SESSION_SECRET: SECRET })));

  const [proxyPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
  appEnv = {
    HOST: "127.0.0.1",
    DATABASE_URL: database.target.url,
    SESSION_SECRET: SECRET,
    PUBLIC_URL: `http://127.0.0.1:${proxyPort}`,
    SMTP_URL: smtp.url,
    MAIL_FROM: "listy@listy.example.org",
    MAIL_WORKER: "off",
  };
  instances = await Promise.all([startInstance("a", portA), startInstance("b", portB)]);
  worker = runListy("worker", "worker.js", {
    ...appEnv,
    MAIL_WORKER: "on",
    MAIL_WORKER_POLL_MS: "100",
    MAIL_RETRY_BASE_SECONDS: "0.1",
    MAIL_MAX_PER_HOUR: "100000",
  });
  proxy = await startNginx({ nginx, port: proxyPort, upstreams: [portA, portB] });
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  await Promise.all([...instances, ...(worker ? [worker] : [])].map((child) => child.stop()));
  await smtp?.close();
  await database?.destroy();
}, 60_000);

/** A command under plain node, as an operator runs it; its exit code and output. */
function run(file: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const portOf = (response: Response) => Number(response.headers.get(UPSTREAM)?.split(":").at(-1));
const decode = (html: string) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

async function signedIn(roles: StaffRole[]) {
  const { staff } = await createStaffMember(database.prisma, { roles, enrolTotp: true });
  const browser = new Browser(proxy.url);
  browser.cookie = await sessionFor(database.prisma, staff.id, { secondFactor: rolesRequireTotp(roles) });
  return browser;
}

/** A multipart POST as the staff forms send it without JavaScript. */
function postMultipart(browser: Browser, pathname: string, fields: Record<string, string>, file?: { field: string; name: string; bytes: Uint8Array }) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  if (file) body.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: "text/csv" }), file.name);
  return fetch(`${proxy.url}${pathname}`, { method: "POST", redirect: "manual", headers: { Origin: proxy.url, Cookie: `${COOKIE}=${browser.cookie}` }, body });
}

/** An anonymous public form POST from one of Listy's own pages. */
function postForm(pathname: string, fields: Record<string, string>) {
  return fetch(`${proxy.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: proxy.url },
    body: new URLSearchParams(fields).toString(),
  });
}

describe.runIf(usingPostgres && !nginx && proxyRequired)("the several-instance scenario in CI", () => {
  it("has nginx to run behind", () => {
    expect.fail("nginx is not installed (apt-get install -y nginx): CI runs tests/integration/two-instances.test.ts behind it");
  });
});

describe.runIf(usingPostgres && nginx)("two instances and a worker on one PostgreSQL behind nginx", () => {

  it("serves through both instances, round-robin", async () => {
    const ports = new Set<number>();
    for (let i = 0; i < 4; i++) ports.add(portOf(await fetch(`${proxy.url}/healthz`)));
    expect([...ports].sort()).toEqual(instances.map((instance) => instance.port).sort());
  });

  it("shows a profile edit by signed-in staff on both instances at once (both page caches dropped)", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const fields = {
      intent: "save",
      "given-LATIN": "Zmicier",
      "family-LATIN": "Prakseyeu",
      "given-BE_CYRILLIC": "Зміцер",
      "family-BE_CYRILLIC": "Праксееў",
      status: "IN_CUSTODY",
      statusSource: "ips-2025-10-07",
      letterStatus: "CAN_RECEIVE",
      letterStatusSource: "ips-2025-10-07",
      grammaticalGender: "MASCULINE",
      birthDate: "1985-04-12",
      "summary-en": "Printer held for leaflets.",
      "biography-en": "The first biography.",
      note: "Source: Viasna, 2026-11-01",
    };
    const created = await postMultipart(campaigner, "/en/staff/prisoners/new", fields);
    expect(created.status, (await created.clone().text()).slice(0, 400)).toBe(302);
    const id = /\/en\/staff\/prisoners\/([A-Za-z0-9_-]+)\?done=created$/.exec(created.headers.get("location") ?? "")![1]!;
    const version = async () => String((await database.prisma.prisoner.findUniqueOrThrow({ where: { id } })).version);
    expect((await moderator.post(`/en/staff/prisoners/${id}`, { intent: "publish", version: await version() })).status).toBe(302);
    const { slug } = await database.prisma.prisoner.findUniqueOrThrow({ where: { id } });

    /** Anonymous reads (the cached kind) until each instance has answered: which of them show `text`. */
    const showing = async (text: string) => {
      const pages = new Map<string, string>();
      for (let i = 0; i < 20 && pages.size < 2; i++) {
        const response = await fetch(`${proxy.url}/en/prisoners/${slug}`);
        expect(response.status).toBe(200);
        pages.set(instances.find((instance) => instance.port === portOf(response))!.name, await response.text());
      }
      return [...pages].map(([name, html]) => `${name}: ${html.includes(text) ? "shows it" : "does not"}`).sort();
    };
    const both = ["a: shows it", "b: shows it"];
    // Both caches hold the published page (the first read renders it, the second is a hit).
    for (let i = 0; i < 2; i++) expect(await showing("The first biography.")).toEqual(both);

    // The change goes through review, as every change to a published profile does.
    const proposed = await postMultipart(campaigner, `/en/staff/prisoners/${id}`, { ...fields, version: await version(), "biography-en": "A corrected biography, read on every instance." });
    expect(proposed.headers.get("location")).toContain("done=proposed");
    const change = await database.prisma.prisonerChange.findFirstOrThrow({ where: { prisonerId: id, state: "PENDING" } });
    expect((await moderator.post(`/en/staff/prisoners/${id}`, { intent: "apply", change: change.id })).status).toBe(302);

    // The other instance hears of it by NOTIFY within milliseconds; without it, it would serve
    // its cached page until its 30-second safety re-read.
    const corrected = "A corrected biography, read on every instance.";
    const deadline = Date.now() + 5_000;
    let seen = await showing(corrected);
    while (seen.join() !== both.join() && Date.now() < deadline) {
      await sleep(100);
      seen = await showing(corrected);
    }
    expect(seen).toEqual(both);
  }, 60_000);

  it("serves a string a translator saves through the proxy on both instances at once, in the page and in its browser bundle", async () => {
    const translator = await signedIn(["translator"]);
    const title = `Listy do więźniów politycznych ${randomBytes(3).toString("hex")}`;
    // Both instances have the Polish home page cached with the committed title first.
    for (const instance of instances) for (let i = 0; i < 2; i++) await fetch(`http://127.0.0.1:${instance.port}/pl`);
    const editor = "/en/staff/translations/pl/home";
    const saved = await translator.post(editor, { key: "hero.title", value: title });
    expect(saved.status, (await saved.clone().text()).slice(0, 400)).toBe(302);
    const savedAt = Date.now();

    /** What one instance serves now: its page, and the bundle that page names. */
    const servedBy = async (port: number) => {
      const html = await (await fetch(`http://127.0.0.1:${port}/pl`)).text();
      const version = /data-locales-version="([^"]+)"/.exec(html)?.[1] ?? "";
      const bundle = await fetch(`http://127.0.0.1:${port}/locales/pl/home.json?v=${version}`);
      const strings = (await bundle.json()) as { hero?: { title?: string } };
      return { page: decode(html).includes(title), bundle: strings.hero?.title === title, cacheControl: bundle.headers.get("cache-control") ?? "" };
    };
    // "At once": the saving instance before its answer left; the other by notification, a few
    // milliseconds later, so each gets at most half a second.
    for (const instance of instances) {
      let served = await servedBy(instance.port);
      while (!(served.page && served.bundle) && Date.now() - savedAt < 500) served = await servedBy(instance.port);
      expect(served, `instance ${instance.name}`).toMatchObject({ page: true, bundle: true });
      expect(served.cacheControl).toContain("immutable");
    }
    // The same page names the same bundle on both: a browser sent to either gets matching strings.
    const versions = await Promise.all(instances.map(async (instance) => /data-locales-version="([^"]+)"/.exec(await (await fetch(`http://127.0.0.1:${instance.port}/pl`)).text())?.[1]));
    expect(versions[0]).toBe(versions[1]);
    // Stored in the database, not in a file of one instance.
    expect(await database.prisma.interfaceString.findUnique({ where: { locale_namespace_key: { locale: "pl", namespace: "home", key: "hero.title" } } })).toMatchObject({ value: title });

    // The operator's export writes every file as served, ready to commit: the check passes on it.
    const exported = mkdtempSync(path.join(tmpdir(), "listy-export-"));
    try {
      const exportRun = await run(path.join("build", "server", "i18n-export.js"), [exported], appEnv);
      expect(exportRun.code, exportRun.output).toBe(0);
      expect((JSON.parse(readFileSync(path.join(exported, "pl", "home.json"), "utf8")) as { hero: { title: string } }).hero.title).toBe(title);
      const check = await run(path.resolve("node_modules/tsx/dist/cli.mjs"), ["scripts/i18n-check.ts", "--locales", exported], { NO_COLOR: "1" });
      expect(check.code, check.output).toBe(0);
    } finally {
      rmSync(exported, { recursive: true, force: true });
    }
  });

  it("reports the CSV import's progress the same whichever instance answers", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const ROWS = 3_000;
    const letters = "абвгдежзиклмнопрстуфхцчшщэюя";
    const names = Array.from({ length: ROWS }, (_, i) => `Прогресс${letters[i % 28]}${letters[Math.floor(i / 28) % 28]}${letters[Math.floor(i / 784)]} Инстанс`);
    const uploaded = await postMultipart(campaigner, "/en/staff/prisoners/import", { sourceTitle: "", sourceUrl: "" }, { field: "file", name: "progress.csv", bytes: new TextEncoder().encode(["ФИО", ...names].join("\n")) });
    expect(uploaded.status, (await uploaded.clone().text()).slice(0, 400)).toBe(303);
    const location = uploaded.headers.get("location")!;
    expect((await campaigner.post(location, {})).status).toBe(303);

    // The import page refreshes itself every 2 s; read it as often as the proxy answers.
    const readings: { port: number; processed: number }[] = [];
    let finalPage = "";
    const progressPattern = new RegExp(`<progress id="import-progress" max="${ROWS}" value="(\\d+)">`);
    for (let i = 0; i < 3_000; i++) {
      const response = await campaigner.get(location);
      const html = await response.text();
      const value = progressPattern.exec(html);
      if (!value) {
        finalPage = html;
        break;
      }
      readings.push({ port: portOf(response), processed: Number(value[1]) });
    }
    expect(decode(finalPage)).toContain(`Done. New drafts: ${ROWS}.`);
    // Every instance showed rows done while the other one did the work, and the count never
    // went back whichever instance answered next.
    for (const instance of instances) {
      const seen = readings.filter((reading) => reading.port === instance.port).map((reading) => reading.processed);
      expect(seen.some((processed) => processed > 0 && processed < ROWS), `instance ${instance.name} saw ${seen.join(", ")}`).toBe(true);
    }
    const values = readings.map((reading) => reading.processed);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    console.info(`two instances: ${readings.length} import pages read while ${ROWS} rows were applied, ${new Set(values).size} distinct counts`);
  }, 90_000);

  it("loses no pledge or appeal while one instance restarts, and sends each confirmation email once", async () => {
    // The appeal form as a supporter gets it (addressee, person, wording seed).
    const opened = await fetch(`${proxy.url}/en/campaigns/${CAMPAIGN}/appeal`, { redirect: "manual" });
    expect(opened.status).toBe(302);
    const appealPath = opened.headers.get("location")!.split("?")[0]!;
    const form = new URL(opened.headers.get("location")!, proxy.url).searchParams;
    const subject = decode(/<input[^>]*name="subject"[^>]*value="([^"]*)"/.exec(await (await fetch(`${proxy.url}${opened.headers.get("location")}`)).text())?.[1] ?? "");
    expect(subject.length).toBeGreaterThan(5);
    const words = "свобода письмо правда надежда суд колония друг семья весна город книга дорога солнце память голос небо хлеб река мост окно".split(" ");
    /** A body of its own (random words), so no appeal is held as a near-duplicate of another. */
    const ownBody = (n: number) =>
      `Уважаемый министр,\n\n${Array.from({ length: 40 }, () => words[Math.floor(Math.random() * words.length)]).join(" ")} ${n}.\n\nС уважением`;

    const stamp = Date.now().toString(36);
    const sent = { pledges: [] as string[], appeals: [] as string[] };
    const answers: { kind: string; status: number; port: number }[] = [];
    let stopFlow = false;
    let counter = 0;
    const client = async () => {
      while (!stopFlow) {
        const n = ++counter;
        if (n % 2 === 0) {
          const email = `pledger-${stamp}-${n}@mail.example.net`;
          const response = await postForm("/en/pledge", { pledge: "CAMPAIGN_PLEDGE", campaign: CAMPAIGN, email, country: "PL", ticket: issueFormTicket(new Date(), SECRET) });
          answers.push({ kind: "pledge", status: response.status, port: portOf(response) });
          if (response.status === 303) sent.pledges.push(email);
        } else {
          const email = `appealer-${stamp}-${n}@mail.example.net`;
          const response = await postForm(appealPath, {
            target: form.get("target") ?? "",
            prisoner: form.get("prisoner") ?? "",
            seed: form.get("seed") ?? "",
            subject,
            body: ownBody(n),
            intent: "send",
            email,
          });
          answers.push({ kind: "appeal", status: response.status, port: portOf(response) });
          if (response.status === 303) sent.appeals.push(email);
        }
      }
    };
    const clients = Array.from({ length: 4 }, () => client());

    // The rolling restart: instance A stops gracefully while requests keep coming, starts again,
    // and takes requests once more.
    await sleep(1_000);
    const [a] = instances;
    expect(await a!.stop(), a!.output()).toBe(0);
    const firstRunOfA = a!.output();
    const stoppedAt = answers.length;
    instances[0] = await startInstance("a", a!.port);
    const restartedAt = answers.length;
    const backDeadline = Date.now() + 10_000;
    while (!answers.slice(restartedAt).some((answer) => answer.port === a!.port) && Date.now() < backDeadline) await sleep(100);
    await sleep(500);
    stopFlow = true;
    await Promise.all(clients);

    // Every request was answered as a supporter expects, during the restart too.
    expect(answers.filter((answer) => answer.status !== 303), JSON.stringify(answers.filter((answer) => answer.status !== 303).slice(0, 5))).toEqual([]);
    expect(restartedAt).toBeGreaterThan(stoppedAt);
    expect(answers.slice(restartedAt).some((answer) => answer.port === a!.port)).toBe(true);
    expect(sent.pledges.length).toBeGreaterThan(5);
    expect(sent.appeals.length).toBeGreaterThan(5);

    // Nothing lost: a row for each. An email pledge is decided a moment after its answer
    // (app/pledges/email-pledge.server.ts): first every kept form is decided.
    const flowEnded = Date.now();
    const intakeDeadline = flowEnded + 15_000;
    while ((await database.prisma.pledgeIntake.count()) > 0 && Date.now() < intakeDeadline) await sleep(100);
    const undecided = await database.prisma.pledgeIntake.findMany({ select: { createdAt: true, claimedAt: true } });
    expect(undecided, `undecided email pledges; instance A before its restart:\n${firstRunOfA}\nnow:\n${instances.map((instance) => instance.output()).join("\n")}`).toEqual([]);
    const decidedAfterMs = Date.now() - flowEnded;
    expect(await database.prisma.pledge.count({ where: { email: { in: sent.pledges } } })).toBe(sent.pledges.length);
    expect(await database.prisma.appeal.count({ where: { senderEmail: { in: sent.appeals }, state: "PENDING_CONFIRMATION" } })).toBe(sent.appeals.length);

    // Each confirmation leaves once: every address gets exactly one message, and nothing waits.
    const addresses = [...sent.pledges, ...sent.appeals];
    const received = () => smtp.messages.filter((message) => message.rcptTo.some((to) => addresses.includes(to)));
    await smtp.waitFor(() => received().length >= addresses.length, 30_000);
    await sleep(1_000); // a second send, if any, would arrive meanwhile
    const perAddress = new Map<string, number>();
    for (const message of received()) for (const to of message.rcptTo) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(addresses.filter((address) => perAddress.get(address) !== 1)).toEqual([]);
    expect(received()).toHaveLength(addresses.length);
    expect(await database.prisma.outboxMessage.count({ where: { state: { not: "SENT" }, kind: { in: ["CONFIRMATION", "PLEDGE_CONFIRMATION"] } } })).toBe(0);
    console.info(
      `two instances: ${answers.length} form posts (${sent.pledges.length} pledges, ${sent.appeals.length} appeals), ${restartedAt - stoppedAt} answered while instance A was down, ${addresses.length} confirmation emails, each once; email pledges all decided ${decidedAfterMs} ms after the last answer`,
    );
  }, 120_000);
});
