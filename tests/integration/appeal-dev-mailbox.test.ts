// The development mailbox: without SMTP_URL, messages become .eml files that /dev/mail lists.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { listDevMail, readDevMail } from "~/mail/dev-mailbox.server";
import { createMailTransport } from "~/mail/transport.server";

const dir = mkdtempSync(path.join(tmpdir(), "listy-devmail-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the .eml mailbox", () => {
  it("writes one file per message, lists it and reads it back, with a localhost sender", async () => {
    const transport = createMailTransport({ kind: "files", dir })!;
    await transport.send({ from: "listy@localhost", to: "a@x.example.org", subject: "Пацвердзіце паведамленне", text: "Добры дзень!\n\nhttps://listy.example.org/be/appeals/confirm/x", html: "<p>x</p>", messageId: "<m1@localhost>" });
    await expect(
      transport.send({ from: "listy@localhost", to: "a@x.example.org, b@y.example.org", subject: "x", text: "x", html: "x", messageId: "<m2@localhost>" }),
    ).rejects.toMatchObject({ permanent: true });
    const list = await listDevMail(dir);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ subject: "Пацвердзіце паведамленне", to: "a@x.example.org" });
    const mail = await readDevMail(list[0]!.name, dir);
    expect(mail?.text).toContain("Добры дзень!");
    expect(mail?.raw).toContain("Message-ID: <m1@localhost>");
  });

  it("reads nothing outside its directory", async () => {
    writeFileSync(path.join(dir, "..", "listy-outside.eml"), "secret");
    for (const name of ["../listy-outside.eml", "/etc/passwd", "..", "a/../../b.eml", "%2e%2e/x.eml", ".hidden.eml", "x.eml\u0000"]) {
      expect(await readDevMail(name, dir)).toBeNull();
    }
    rmSync(path.join(dir, "..", "listy-outside.eml"));
    expect(await listDevMail(path.join(dir, "missing"))).toEqual([]);
  });
});
