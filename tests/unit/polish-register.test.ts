// One register in the Polish interface: the informal "ty", written in lower case inside a
// sentence, as Polish interfaces do. A reviewer found capitalised «Twój» beside «tobie».
// The letter phrases (phrases.json) are out of scope: letters use the formal Pan/Pani.
import { readdirSync, readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

const CAPITALISED_MID_SENTENCE = /[^.!?"„»\n] (Twój|Twoja|Twoje|Twojego|Twojej|Twojemu|Twoim|Twoich|Twoimi|Twoją|Ciebie|Tobie|Ty|Cię|Ci|Tobą)\b/u;

function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === "string") out.push([path, value]);
  else if (value && typeof value === "object") for (const [key, child] of Object.entries(value)) strings(child, `${path}.${key}`, out);
  return out;
}

describe("the Polish interface's register", () => {
  it("writes the second person in lower case inside a sentence", () => {
    const offending = readdirSync("locales/pl")
      .filter((file) => file.endsWith(".json") && file !== "phrases.json")
      .flatMap((file) => strings(JSON.parse(readFileSync(`locales/pl/${file}`, "utf8")), file.replace(/\.json$/, "")))
      .filter(([, text]) => CAPITALISED_MID_SENTENCE.test(text))
      .map(([path, text]) => `${path}: ${text}`);
    expect(offending).toEqual([]);
  });
});
