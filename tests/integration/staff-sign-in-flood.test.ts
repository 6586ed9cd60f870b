// Attacks on the first sign-in step, over real HTTP with a real SMTP server: a flood of code
// requests for one member's address and for the whole team must not stop that member from
// signing in in their own browser; and an address's answer must not tell whether it belongs
// to staff, neither in its bytes nor in its time.
import { Worker } from "node:worker_threads";

import { describe, expect, it } from "vitest";

import { signInRequestsSettled } from "~/staff/accounts/sign-in.server";
import { configureStaff } from "~/staff/accounts/staff-settings.server";

import { Browser, COOKIE, createStaffMember, lastMailTo, signInWithEmailCode } from "../support/staff";
import { useStaffTestServer } from "../support/staff-server";

const setup = useStaffTestServer("staff-sign-in-flood");

const prisma = () => setup.server.database.prisma;
const mailsTo = (address: string) => setup.smtp.messages.filter((message) => message.rcptTo.includes(address)).length;

describe("a flood of code requests", () => {
  it("spends the shared budgets but not the owner's: their own browser still gets a working code", async () => {
    const { staff: owner } = await createStaffMember(prisma(), { roles: ["campaigner"] });
    const team = await Promise.all([0, 1, 2].map(() => createStaffMember(prisma(), { roles: ["translator"] })));
    // The owner signed in in this browser before (and signed out since).
    const ownerBrowser = new Browser(setup.server.url);
    expect((await signInWithEmailCode(ownerBrowser, setup.smtp, setup.worker, owner.email)).response.headers.get("location")).toBe("/en/staff");
    expect((await ownerBrowser.post("/en/staff/sign-out")).status).toBe(302);

    // A small overall brake, so that this flood reaches it as a bigger one would reach 200.
    const hourAgo = new Date(Date.now() - 3_600_000);
    const anonymousThisHour = await prisma().signInCode.count({ where: { browserHash: null, createdAt: { gt: hourAgo } } });
    configureStaff({ codesPerHour: anonymousThisHour + 8 });
    const before = setup.smtp.messages.length;
    // The attacker keeps no cookies (or fresh ones each time): 20 requests per address.
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all([owner, ...team.map((member) => member.staff)].map((member) => new Browser(setup.server.url).post("/en/staff/sign-in", { email: member.email })));
      for (const answer of answers) expect(answer.headers.get("location")).toBe("/en/staff/code");
    }
    await lastMailTo(setup.smtp, setup.worker, owner.email);
    // The flood got at most the shared budgets: 5 per address, and the overall brake.
    expect(mailsTo(owner.email) - 1).toBeLessThanOrEqual(5);
    expect(setup.smtp.messages.length - before).toBeLessThanOrEqual(8);
    // A browser the owner never used is refused like the attacker: the shared budget is spent.
    const sent = setup.smtp.messages.length;
    await new Browser(setup.server.url).post("/en/staff/sign-in", { email: owner.email });
    await lastMailTo(setup.smtp, setup.worker, owner.email);
    expect(setup.smtp.messages.length).toBe(sent);

    // The owner's own browser: a code arrives, and it works.
    const { response } = await signInWithEmailCode(ownerBrowser, setup.smtp, setup.worker, owner.email);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/en/staff");
    expect((await ownerBrowser.get("/en/staff")).status).toBe(200);
    // The mark holds no address and opens nothing by itself.
    expect(ownerBrowser.trustedBrowser).not.toContain(owner.email);
    const markOnly = new Browser(setup.server.url);
    markOnly.trustedBrowser = ownerBrowser.trustedBrowser;
    expect((await markOnly.get("/en/staff")).headers.get("location")).toBe("/en/staff/sign-in");
    // Nor does it help another address: a teammate's request from the owner's browser spends the shared budget (spent).
    const teammate = team[0]!.staff.email;
    const teammateMails = mailsTo(teammate);
    await markOnly.post("/en/staff/sign-in", { email: teammate });
    await lastMailTo(setup.smtp, setup.worker, teammate);
    expect(mailsTo(teammate)).toBe(teammateMails);
  });
});

/** An answer with the per-request nonces (the attempt cookie's value, the CSP nonce) and the date taken out. */
async function comparable(response: Response) {
  const headers = [...response.headers.entries()]
    .filter(([name]) => name !== "date")
    .map(([name, value]) => [name, value.replace(new RegExp(`^${COOKIE}=[A-Za-z0-9_-]{43}`), `${COOKIE}=…`).replace(/'nonce-[A-Za-z0-9+/=_-]+'/g, "'nonce-…'")]);
  return { status: response.status, headers, body: await response.text() };
}

/** Posts the address it is given and answers with the milliseconds until the whole answer was read. */
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
const { performance } = require("node:perf_hooks");
parentPort.on("message", async (email) => {
  const started = performance.now();
  const response = await fetch(workerData.url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: workerData.origin },
    body: new URLSearchParams({ email }).toString(),
  });
  await response.arrayBuffer();
  parentPort.postMessage(performance.now() - started);
});
`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("known and unknown addresses", () => {
  it("get byte-identical answers, in the same time", { timeout: 180_000 }, async () => {
    // Every probe of the known address does all the work a first probe of an address does.
    configureStaff({ codesPerAddressPerHour: 1_000_000, codesPerHour: 1_000_000 });
    const { staff } = await createStaffMember(prisma(), { roles: ["moderator"], language: "be" });
    const unknown = "nobody.at.all@team.example.org";
    const ask = (email: string) => fetch(`${setup.server.url}/en/staff/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: setup.server.url },
      body: new URLSearchParams({ email }).toString(),
    });

    const [known, other] = [await comparable(await ask(staff.email)), await comparable(await ask(unknown))];
    expect(other).toEqual(known);
    expect(known.status).toBe(302);

    // Interleaved in one run, in alternating order, each request on its own after the
    // previous one's work behind its answer is done; medians of many rounds. The client runs
    // in a thread of its own, as a remote one would: the server's work after an answer was
    // sent does not hold up the client's reading of it.
    const client = new Worker(CLIENT, { eval: true, workerData: { url: `${setup.server.url}/en/staff/sign-in`, origin: setup.server.url } });
    const timed = (email: string) =>
      new Promise<number>((resolve) => {
        client.once("message", resolve);
        client.postMessage(email);
      });
    const times = { known: [] as number[], unknown: [] as number[] };
    const rounds = 100;
    try {
      for (let round = 0; round < rounds + 10; round++) {
        const order = round % 2 === 0 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
        for (const which of order) {
          const took = await timed(which === "known" ? staff.email : unknown);
          await signInRequestsSettled();
          if (round >= 10) times[which].push(took);
        }
      }
    } finally {
      await client.terminate();
    }
    const [knownMedian, unknownMedian] = [median(times.known), median(times.unknown)];
    const ratio = Math.max(knownMedian, unknownMedian) / Math.min(knownMedian, unknownMedian);
    console.info(`sign-in answer, median of ${rounds}: known ${knownMedian.toFixed(2)} ms, unknown ${unknownMedian.toFixed(2)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeLessThan(1.5);
    // The known address did get its codes, behind the answers.
    expect(await prisma().signInCode.count({ where: { staffId: staff.id } })).toBe(rounds + 11);
  });
});
