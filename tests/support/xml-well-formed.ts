// A strict well-formedness check for the XML Listy generates (sitemaps): one root, every tag
// closed in order, attributes quoted, no stray "<" or "&" in text. No XML parser is a
// dependency, and these files use nothing beyond elements, attributes and the five entities.
const NAME = "[A-Za-z_][\\w.:-]*";
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}="[^"<]*")*)\\s*(/?)>`);
const ENTITY = /^&(?:lt|gt|amp|apos|quot|#\d+|#x[0-9a-fA-F]+);/;

export function xmlProblems(xml: string): string | null {
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/, "");
  if (rest === xml) return "no XML declaration";
  const open: string[] = [];
  let roots = 0;
  while (rest.length > 0) {
    if (rest.startsWith("<")) {
      const match = TAG.exec(rest);
      if (!match) return `bad tag at: ${rest.slice(0, 60)}`;
      const [whole, closing, name, attributes, selfClosing] = match;
      for (const attribute of attributes!.matchAll(/="([^"]*)"/g)) {
        if (/&(?!(?:lt|gt|amp|apos|quot|#\d+|#x[0-9a-fA-F]+);)/.test(attribute[1]!)) return `bad entity in ${name}`;
      }
      if (closing) {
        if (open.pop() !== name) return `</${name}> closes nothing open`;
      } else if (!selfClosing) {
        if (open.length === 0) roots++;
        open.push(name!);
      } else if (open.length === 0) roots++;
      rest = rest.slice(whole!.length);
      continue;
    }
    const text = /^[^<]*/.exec(rest)![0];
    if (open.length === 0 && text.trim() !== "") return "text outside the root";
    for (let index = text.indexOf("&"); index !== -1; index = text.indexOf("&", index + 1)) {
      if (!ENTITY.test(text.slice(index))) return `bad entity in text: ${text.slice(index, index + 20)}`;
    }
    rest = rest.slice(text.length);
  }
  if (open.length > 0) return `unclosed <${open.at(-1)}>`;
  return roots === 1 ? null : `${roots} root elements`;
}
