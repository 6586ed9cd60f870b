import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// DejaVu ships with full Cyrillic (Russian, Belarusian ў і, Ukrainian ї є ґ) plus
// Latin with Polish and Lithuanian diacritics, so a supporter's return address in
// any interface language renders too. The TTFs come from the npm package
// "dejavu-fonts-ttf" (installed with the app, never fetched at run time).
export type LetterFontName = "serif" | "serif-bold" | "sans" | "sans-bold";

const FONT_FILES: Record<LetterFontName, string> = {
  serif: "DejaVuSerif.ttf",
  "serif-bold": "DejaVuSerif-Bold.ttf",
  sans: "DejaVuSans.ttf",
  "sans-bold": "DejaVuSans-Bold.ttf",
};

let fontDirectory: string | null = null;
const fontCache = new Map<LetterFontName, Buffer>();

function resolveFontDirectory(): string {
  if (fontDirectory === null) {
    // The package has no "exports" map, so its package.json is resolvable and the
    // ttf/ folder sits beside it. Resolving (not a fixed path) survives hoisting.
    const require = createRequire(import.meta.url);
    fontDirectory = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  }
  return fontDirectory;
}

/** The font file's bytes, read once per process and then served from memory. */
export function letterFont(name: LetterFontName): Buffer {
  let bytes = fontCache.get(name);
  if (bytes === undefined) {
    bytes = readFileSync(join(resolveFontDirectory(), FONT_FILES[name]));
    fontCache.set(name, bytes);
  }
  return bytes;
}

export const LETTER_FONT_NAMES = Object.keys(FONT_FILES) as LetterFontName[];
