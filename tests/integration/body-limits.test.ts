// Request bodies over HTTP against the real app: a huge chunked body to a public form is
// refused with a translated 413 after at most its limit is read, and memory does not grow; a
// Content-Length that lies cannot smuggle more; normal forms and staff uploads at their
// allowed size still work; a photo with a huge canvas is refused without holding up the
// server (event-loop delay compared with an ordinary refused upload, in the same run).
import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { connect, type Socket } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";

import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { issueFormTicket } from "~/pledges/form-ticket.server";
import { IMPORT_FORM_MAX_BYTES } from "~/staff/imports/prisoner-import";
import { PHOTO_MAX_BYTES, PROFILE_FORM_MAX_BYTES } from "~/staff/profiles/photo-limits";

import { PUBLIC_BODY_LIMIT } from "../../server/body-limit";
import { jpegInfo, jpegWithExif } from "../support/profile-images";
import { startTestServer, type TestServer } from "../support/server";
import { COOKIE, signedInStaff } from "../support/staff";

let server: TestServer;
const opened: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  server.http.on("connection", (socket: Socket) => opened.push(socket));
});

afterAll(async () => {
  await server?.close();
});

const MB = 1024 * 1024;
/** Node reads a socket at most this much at a time: "the limit plus one chunk". */
const READ_CHUNK = 64 * 1024;
/** Request line and headers. */
const HEAD_ROOM = 8 * 1024;

interface Answer {
  status: number;
  text: string;
  /** What the server read from the connection, headers included. */
  serverRead: number;
}

/** Closes when the server side of the connection has closed; then its byte count is final. */
async function serverSideOf(before: number): Promise<Socket> {
  for (let i = 0; i < 100 && opened.length === before; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  const socket = opened[before];
  if (!socket) throw new Error("no connection reached the server");
  return socket;
}

async function closed(socket: Socket) {
  if (!socket.destroyed) await new Promise((resolve) => socket.once("close", resolve));
}

/**
 * POSTs `total` bytes in 64 KB pieces. Without `contentLength` the body is chunked (no length
 * announced); the client stops sending as soon as an answer arrives, as curl and browsers do.
 */
async function post(path: string, total: number, { contentType = "application/x-www-form-urlencoded", contentLength, cookie, fill = "a" }: { contentType?: string; contentLength?: number; cookie?: string; fill?: string } = {}): Promise<Answer> {
  const before = opened.length;
  const { hostname, port } = new URL(server.url);
  const piece = Buffer.alloc(READ_CHUNK, fill);
  const headers: Record<string, string> = { "Content-Type": contentType, Origin: server.url };
  if (contentLength !== undefined) headers["Content-Length"] = String(contentLength);
  if (cookie) headers.Cookie = `${COOKIE}=${cookie}`;
  const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: "POST", headers, agent: false });
    let answered = false;
    req.on("response", (response) => {
      answered = true;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      response.on("error", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    // Once answered, the server may close while we still send: that is the point.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    void (async () => {
      for (let sent = 0; sent < total && !answered && !req.destroyed; sent += piece.length) {
        const ok = req.write(sent + piece.length <= total ? piece : piece.subarray(0, total - sent));
        if (!ok) await new Promise((resolve) => { req.once("drain", resolve); req.once("response", resolve); req.once("close", resolve); });
      }
      if (!answered && !req.destroyed) req.end();
    })();
  });
  const socket = await serverSideOf(before);
  await closed(socket);
  return { ...answer, serverRead: socket.bytesRead };
}

const rssMb = () => process.memoryUsage().rss / MB;

describe("public forms", () => {
  const forms = ["/en/pledge", "/be/privacy/request", "/ru/campaigns/free-them-all/appeal", "/uk/prisoners/ihar-ilyash/write", "/pl/staff/sign-in"];

  it("refuses a 50 MB chunked body with a translated 413 after reading at most the limit, and memory stays put", async () => {
    const rssBefore = rssMb();
    for (const path of forms) {
      const answer = await post(path, 50 * MB);
      expect(answer.status, path).toBe(413);
      const language = path.slice(1, 3);
      expect(answer.text).toContain(`<html lang="${language}">`);
      if (language !== "en") expect(answer.text).not.toContain("Request too large"); // the page is in the URL's language
      expect(answer.serverRead, path).toBeLessThanOrEqual(PUBLIC_BODY_LIMIT + READ_CHUNK + HEAD_ROOM);
    }
    expect(rssMb() - rssBefore).toBeLessThan(64);
    const english = await post("/en/pledge", 2 * MB);
    expect(english.text).toContain("<title>Request too large</title>");
  });

  it("refuses a Content-Length over the limit before reading the body", async () => {
    const answer = await post("/en/pledge", READ_CHUNK, { contentLength: 50 * MB });
    expect(answer.status).toBe(413);
    expect(answer.serverRead).toBeLessThanOrEqual(READ_CHUNK + HEAD_ROOM);
  });

  it("does not let a small Content-Length carry a larger body", async () => {
    const { hostname, port } = new URL(server.url);
    const before = opened.length;
    const client = connect(Number(port), hostname);
    let received = "";
    client.setEncoding("utf8");
    client.on("data", (chunk: string) => (received += chunk));
    client.on("error", () => undefined);
    const gone = new Promise((resolve) => client.once("close", resolve));
    client.write(`POST /en/pledge HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${server.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 40\r\n\r\n`);
    const tail = Buffer.alloc(READ_CHUNK, "a");
    for (let i = 0; i < 80 && !client.destroyed; i++) {
      if (!client.write(tail)) await Promise.race([new Promise((resolve) => client.once("drain", resolve)), gone]);
    }
    const socket = await serverSideOf(before);
    await closed(socket);
    client.destroy();
    // The 40 bytes were the form (refused as a form); the rest is not a request at all.
    expect(received).toMatch(/^HTTP\/1\.1 400 /);
    expect(received).not.toMatch(/HTTP\/1\.1 (2|3)\d\d /);
    expect(socket.bytesRead).toBeLessThan(MB);
  });

  it("still takes an ordinary form, sent in pieces or whole", async () => {
    const form = () => new URLSearchParams({ pledge: "CAMPAIGN_PLEDGE", campaign: "free-them-all", ticket: issueFormTicket() }).toString();
    const whole = await fetch(`${server.url}/en/pledge`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url }, body: form() });
    expect(whole.status).toBe(303);
    const bytes = new TextEncoder().encode(`notes=${"z".repeat(40_000)}&${form()}`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 1000) controller.enqueue(bytes.slice(offset, offset + 1000));
        controller.close();
      },
    });
    const pieces = await fetch(`${server.url}/en/pledge`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url }, body: stream, duplex: "half" } as RequestInit);
    expect(pieces.status).toBe(303);
  });
});

/** A multipart body as a browser sends it, with one file. */
function multipart(fields: Record<string, string>, file: { field: string; name: string; type: string; bytes: Buffer }) {
  const boundary = "----listy-test-boundary";
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

let counter = 0;
const profileFields = () => ({
  intent: "save",
  "given-LATIN": "Zmicier",
  "family-LATIN": `Limitavich${"abcdefghij"[++counter % 10]}`,
  status: "IN_CUSTODY",
  statusSource: "ips-2025-10-07",
  letterStatus: "CAN_RECEIVE",
  letterStatusSource: "ips-2025-10-07",
  note: "Source: Viasna",
});

/** A real JPEG padded with comment segments to `size` bytes: large on the wire, small in pixels. */
function paddedJpeg(size: number) {
  const jpeg = jpegWithExif({ width: 1200, height: 900, orientation: 1 });
  const segments: Buffer[] = [];
  let length = jpeg.length;
  while (length + 4 < size) {
    const payload = Math.min(65_533, size - length - 4);
    const segment = Buffer.alloc(payload + 4, 0x20);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(payload + 2, 2);
    segments.push(segment);
    length += segment.length;
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

describe("staff uploads", () => {
  it("takes a photo at the allowed size and a chunked one within the limit, refuses a chunked body past it", async () => {
    const { browser } = await signedIn();
    const photo = paddedJpeg(PHOTO_MAX_BYTES - 64 * 1024);
    const { body, contentType } = multipart(profileFields(), { field: "photo", name: "portrait.jpg", type: "image/jpeg", bytes: photo });
    const created = await fetch(`${server.url}/en/staff/prisoners/new`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: `${COOKIE}=${browser.cookie}`, "Content-Type": contentType }, body });
    expect(created.status, (await created.clone().text()).slice(0, 300)).toBe(302);
    const id = /\/en\/staff\/prisoners\/([A-Za-z0-9_-]+)\?done=created$/.exec(created.headers.get("location") ?? "")![1]!;
    const stored = await server.database.prisma.prisonerPhoto.findUniqueOrThrow({ where: { prisonerId: id } });
    expect(jpegInfo(Buffer.from(stored.jpeg))).toMatchObject({ width: 800, height: 600, hasApp1: false });

    const tooMuch = await post("/en/staff/prisoners/new", 40 * MB, { contentType, cookie: browser.cookie ?? undefined });
    expect(tooMuch.status).toBe(413);
    expect(tooMuch.serverRead).toBeLessThanOrEqual(PROFILE_FORM_MAX_BYTES + READ_CHUNK + HEAD_ROOM);
  });

  it("gives the larger limits to staff sessions only: anyone else gets the public one", async () => {
    for (const path of ["/en/staff/prisoners/new", "/en/staff/prisoners/import", "/en/staff/translations/lt/home"]) {
      const answer = await post(path, 20 * MB, { contentType: "multipart/form-data; boundary=x" });
      expect(answer.status, path).toBe(413);
      expect(answer.serverRead, path).toBeLessThanOrEqual(PUBLIC_BODY_LIMIT + READ_CHUNK + HEAD_ROOM);
    }
  });

  it("lets the import page explain a declared oversize itself, unread", async () => {
    const { browser } = await signedIn();
    const answer = await post("/en/staff/prisoners/import", READ_CHUNK, { contentType: "multipart/form-data; boundary=x", contentLength: IMPORT_FORM_MAX_BYTES + MB, cookie: browser.cookie ?? undefined });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("5 MB");
    expect(answer.serverRead).toBeLessThan(MB);
  });
});

describe("photos with a huge canvas", () => {
  it("are refused without holding up the server, and memory stays put", async () => {
    const { browser } = await signedIn();
    // 6300 × 6300 pixels (40 megapixels) in about 150 KB.
    const huge = await sharp({ create: { width: 6300, height: 6300, channels: 3, background: "#808080" } }).png().toBuffer();
    expect(huge.length).toBeLessThan(MB);
    // The ordinary refusal: a file as long, which is no image at all.
    const notAPhoto = randomBytes(huge.length).fill(0, 0, 8);
    const RESOLUTION_MS = 10;
    const upload = async (bytes: Buffer, name: string) => {
      const { body, contentType } = multipart(profileFields(), { field: "photo", name, type: "image/png", bytes });
      const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
      delay.enable();
      const response = await fetch(`${server.url}/en/staff/prisoners/new`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: `${COOKIE}=${browser.cookie}`, "Content-Type": contentType }, body });
      const html = await response.text();
      delay.disable();
      return { status: response.status, html, maxDelayMs: delay.max / 1e6 };
    };
    await upload(notAPhoto, "warm-up.png");
    const rssBefore = rssMb();
    const hugeDelays: number[] = [];
    const ordinaryDelays: number[] = [];
    // Interleaved, so that whatever else the machine does falls on both alike.
    for (let round = 0; round < 5; round++) {
      const refused = await upload(huge, "huge.png");
      expect(refused.status).toBe(400);
      expect(refused.html).toContain("The image is too big in pixels");
      hugeDelays.push(refused.maxDelayMs);
      const ordinary = await upload(notAPhoto, "text.png");
      expect(ordinary.status).toBe(400);
      ordinaryDelays.push(ordinary.maxDelayMs);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    console.info(`event-loop delay, max per upload, median of 5: huge canvas ${median(hugeDelays).toFixed(1)} ms, ordinary refusal ${median(ordinaryDelays).toFixed(1)} ms`);
    // A quick refusal can record no delay at all (0 ms): below a few sampling steps nothing is
    // measurable, so the bound never drops under that. Decoding 40 megapixels on the event
    // loop stalls it for hundreds of milliseconds.
    expect(median(hugeDelays)).toBeLessThan(Math.max(3 * median(ordinaryDelays), 3 * RESOLUTION_MS));
    expect(rssMb() - rssBefore).toBeLessThan(64);
  });
});

async function signedIn() {
  return signedInStaff(server.url, server.database.prisma, ["campaigner"]);
}
