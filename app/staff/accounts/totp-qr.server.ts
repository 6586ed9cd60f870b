// The setup link as a QR code for authenticator apps, drawn here as SVG path data so the
// enrolment page needs no image from anywhere (a third-party QR service would see the secret).
import { encode } from "uqr";

/** Modules of light margin around the code; the QR standard asks for four. */
const QUIET_ZONE = 4;

export interface QrDrawing {
  /** Width and height in modules, quiet zone included: the SVG's viewBox is 0 0 size size. */
  size: number;
  /** One unit square per dark module, for a single <path>. */
  path: string;
}

export function qrDrawing(text: string): QrDrawing {
  // Medium error correction: a phone camera reads it off a screen with glare or a smudge.
  const { data } = encode(text, { ecc: "M", border: QUIET_ZONE });
  let path = "";
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size: data.length, path };
}
