// Validates an Atom document against RFC 4287's RELAX NG schema (tests/support/atom.rng, the
// RFC's Appendix B in XML syntax) with libxml2 compiled to WebAssembly (xmllint-wasm), plus
// the RFC's rules the schema leaves to Schematron. Returns the problems, [] when valid.
import { readFileSync } from "node:fs";
import path from "node:path";

import { validateXML } from "xmllint-wasm";

const schema = readFileSync(path.resolve(__dirname, "atom.rng"), "utf8");

export async function atomProblems(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "feed.atom", contents: xml }],
    schema: [{ fileName: "atom.rng", contents: schema }],
    extension: "relaxng",
  });
  const problems = result.errors.map((error) => error.rawMessage);
  if (!result.valid && problems.length === 0) problems.push("invalid");
  // RFC 4287 §4.1.1: a feed without an author needs one in every entry; §4.1.2: an entry
  // without content needs an alternate link. (Checked on the text: the schema has passed.)
  const feedHead = xml.split("<entry>")[0]!;
  const entries = xml.split("<entry>").slice(1).map((entry) => entry.split("</entry>")[0]!);
  if (!feedHead.includes("<author>") && entries.some((entry) => !entry.includes("<author>"))) problems.push("an entry has no author and the feed has none");
  for (const entry of entries) {
    if (!entry.includes("<content") && !/<link rel="alternate"/.test(entry)) problems.push("an entry has neither content nor an alternate link");
  }
  if ((feedHead.match(/<link rel="alternate" type="text\/html"/g) ?? []).length > 1) problems.push("two alternate links of one type");
  return problems;
}
