// The enrolment QR code is read back by a QR decoder (jsQR) from the very path the page draws,
// rasterised here, so a drawing that a phone camera could not read fails this test.
import jsQR from "jsqr";
import { describe, expect, it } from "vitest";

import { qrDrawing } from "~/staff/accounts/totp-qr.server";
import { newTotpSecret, totpUri } from "~/staff/accounts/totp";

const PIXELS_PER_MODULE = 4;

/** Paints the path's unit squares (`M x y h1v1h-1z`) black on white, as a browser would. */
function rasterise({ size, path }: { size: number; path: string }) {
  const width = size * PIXELS_PER_MODULE;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < PIXELS_PER_MODULE; dy++) {
      for (let dx = 0; dx < PIXELS_PER_MODULE; dx++) {
        const offset = ((Number(y) * PIXELS_PER_MODULE + dy) * width + Number(x) * PIXELS_PER_MODULE + dx) * 4;
        pixels.fill(0, offset, offset + 3);
      }
    }
  }
  return { pixels, width };
}

describe("the TOTP enrolment QR code", () => {
  it("decodes back to the otpauth setup link", () => {
    const uri = totpUri({ secret: newTotpSecret(), account: "first.admin@team.example.org" });
    const drawing = qrDrawing(uri);
    // Only unit squares in the path: nothing else for a browser to draw differently.
    expect(drawing.path.replace(/M\d+ \d+h1v1h-1z/g, "")).toBe("");
    const { pixels, width } = rasterise(drawing);
    expect(jsQR(pixels, width, width)?.data).toBe(uri);
  });

  it("keeps a four-module light margin around the code", () => {
    const drawing = qrDrawing(totpUri({ secret: newTotpSecret(), account: "a@b.example" }));
    for (const [, x, y] of drawing.path.matchAll(/M(\d+) (\d+)/g)) {
      expect(Number(x)).toBeGreaterThanOrEqual(4);
      expect(Number(y)).toBeLessThan(drawing.size - 4);
    }
  });
});
