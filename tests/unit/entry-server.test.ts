import { Readable } from "node:stream";
import { text } from "node:stream/consumers";

import { describe, expect, it } from "vitest";

import { withoutPaddingNuls } from "~/entry.server";

describe("withoutPaddingNuls", () => {
  it("removes the NUL padding React 18 leaves at chunk ends and keeps every real character", async () => {
    const chunks = [
      Buffer.concat([Buffer.from("<p>Алесь Бяляц", "utf8"), Buffer.from([0, 0])]),
      Buffer.concat([Buffer.from("кі — «Вясна»", "utf8"), Buffer.from([0])]),
      Buffer.from("</p>", "utf8"),
    ];
    const output = await text(Readable.from(chunks).pipe(withoutPaddingNuls()));
    expect(output).toBe("<p>Алесь Бяляцкі — «Вясна»</p>");
    expect(output).not.toContain("\u0000");
  });

  it("leaves chunks without padding untouched", async () => {
    const output = await text(Readable.from([Buffer.from("abc"), Buffer.from("def")]).pipe(withoutPaddingNuls()));
    expect(output).toBe("abcdef");
  });
});
