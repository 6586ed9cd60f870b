// Sends one email: over SMTP (SMTP_URL) through nodemailer, or, in embedded or development
// mode without SMTP_URL, into an .eml file under MAIL_DIR for the /dev/mail page.
// Every message has exactly one recipient: the envelope is given explicitly and the
// addresses are passed as objects, never as strings nodemailer would parse into lists.
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

import nodemailer from "nodemailer";

import { checkEmailAddress, singleLine } from "./address";
import type { MailTransportSetting } from "./mail-settings.server";

export interface OutgoingMail {
  from: string;
  to: string;
  replyTo?: string | null;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date?: Date;
  /** An http(s) address that stops this kind of mail with one POST (RFC 8058). */
  listUnsubscribe?: string | null;
}

export interface MailTransport {
  readonly kind: "smtp" | "files";
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Why a message was not sent, sorted the way the outbox needs it. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    /** 5xx, or a message that can never be sent: do not retry. */
    readonly permanent: boolean,
    /** The server refused the recipient address itself (5xx to RCPT TO): suppress it. */
    readonly recipientRejected: boolean,
    readonly responseCode: number | null,
  ) {
    super(message);
    this.name = "MailDeliveryError";
  }
}

/** Addresses never go into logs or lastError columns. */
export const redactAddresses = (text: string) => text.replace(/[^\s<>"',;:()]+@[^\s<>"',;:()]+/g, "<address>");

const MESSAGE_ID = /^<[A-Za-z0-9._-]{1,200}@[A-Za-z0-9.-]{1,200}>$/;
// Nothing that could end the header's angle brackets or the line.
const UNSUBSCRIBE_URL = /^https?:\/\/[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]{1,500}$/;

/** RFC 2369 and RFC 8058: the mail client's own "unsubscribe" button, answered with one POST. */
function unsubscribeHeaders(url: string | null | undefined): Record<string, string> {
  if (!url || !UNSUBSCRIBE_URL.test(url)) return {};
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function toNodemailer(mail: OutgoingMail) {
  const to = checkEmailAddress(mail.to);
  // From comes from configuration (MAIL_FROM, or listy@<host>, which may be "localhost" in
  // development), so it is held to "one address, nothing else", not to the supporter rules.
  const from = /^[^\s@,;<>"()\\]+@[^\s@,;<>"()\\]+$/.test(mail.from) ? { ok: true as const, address: mail.from } : { ok: false as const };
  const replyTo = mail.replyTo ? checkEmailAddress(mail.replyTo) : null;
  if (!to.ok || !from.ok || (replyTo && !replyTo.ok) || !MESSAGE_ID.test(mail.messageId)) {
    throw new MailDeliveryError("refused to send: a malformed address or Message-ID", true, false, null);
  }
  return {
    from: { name: "Listy", address: from.address },
    to: { name: "", address: to.address },
    ...(replyTo?.ok ? { replyTo: { name: "", address: replyTo.address } } : {}),
    // The SMTP envelope, stated rather than derived from headers: one RCPT TO, always.
    envelope: { from: from.address, to: [to.address] },
    subject: singleLine(mail.subject),
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date: mail.date ?? new Date(),
    headers: unsubscribeHeaders(mail.listUnsubscribe),
    // Content never pulls anything from disk or the network.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

interface NodemailerError extends Error {
  code?: string;
  responseCode?: number;
  command?: string;
}

function classify(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const failure = error as NodemailerError;
  const code = typeof failure.responseCode === "number" ? failure.responseCode : null;
  const message = redactAddresses(`${failure.code ?? "ERROR"} ${code ?? ""} ${failure.message ?? String(error)}`.replace(/\s+/g, " ").trim());
  if (code !== null && code >= 500) {
    const atRecipient = failure.code === "EENVELOPE" || /^RCPT/i.test(failure.command ?? "");
    return new MailDeliveryError(message, true, atRecipient, code);
  }
  // 4xx, dropped connections, refused connections, timeouts: try again later.
  return new MailDeliveryError(message, false, false, code);
}

export function createMailTransport(setting: MailTransportSetting, { timeoutMs = 30_000 } = {}): MailTransport | null {
  if (setting.kind === "none") return null;
  if (setting.kind === "files") return fileTransport(setting.dir);
  const transporter = nodemailer.createTransport(setting.url, {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  return {
    kind: "smtp",
    async send(mail) {
      const message = toNodemailer(mail);
      let info: { accepted?: unknown[]; rejected?: unknown[]; rejectedErrors?: unknown[] };
      try {
        info = (await transporter.sendMail(message)) as typeof info;
      } catch (error) {
        throw classify(error);
      }
      if ((info.rejected?.length ?? 0) > 0 || (info.accepted?.length ?? 0) !== 1) {
        const first = info.rejectedErrors?.[0];
        throw first ? classify(first) : new MailDeliveryError("recipient rejected", true, true, null);
      }
    },
    close() {
      transporter.close();
    },
  };
}

function fileTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "files",
    async send(mail) {
      const info = (await transporter.sendMail(toNodemailer(mail))) as { message: Buffer };
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
      const temporary = path.join(dir, `.${name}.tmp`);
      // Written aside and renamed, so the mailbox page never shows half a message.
      await writeFile(temporary, info.message, { mode: 0o600 });
      await rename(temporary, path.join(dir, name));
    },
    close() {
      transporter.close();
    },
  };
}
