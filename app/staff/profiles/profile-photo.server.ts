// Photos for prisoner profiles: checked by their first bytes (never by name or declared type),
// then decoded, turned upright, scaled down and re-encoded as a fresh JPEG by sharp (libvips).
// sharp does that work in libuv's thread pool, so a large photo never holds up other requests,
// and it refuses a canvas over the pixel limit from the header, before decoding anything.
// Re-encoding keeps only pixels: EXIF (GPS position, camera serial number), XMP, comments and
// colour profiles are gone (sharp writes no metadata unless asked to).
import { createHash } from "node:crypto";

import sharp, { type OutputInfo } from "sharp";

import { PHOTO_MAX_BYTES } from "./photo-limits";

export { PHOTO_MAX_BYTES } from "./photo-limits";

export const PHOTO_MAX_SIDE = 800;
/**
 * 25 megapixels: every common camera and phone photo passes (12 MP phones, 24 MP cameras at
 * 6000 × 4000), and a profile needs 800 px. A PNG cannot be decoded at a reduced size, so this
 * also bounds what decoding one may take (about 100 MB of pixels, off the main thread).
 */
export const PHOTO_MAX_PIXELS = 25_000_000;
const JPEG_QUALITY = 82;

// Decoded images are personal data and large: libvips keeps none of them between calls.
sharp.cache(false);

export type PhotoErrorCode = "too-large" | "not-an-image" | "too-many-pixels" | "unreadable";
export class PhotoError extends Error {
  constructor(readonly code: PhotoErrorCode) {
    super(code);
  }
}

export interface ProcessedPhoto {
  jpeg: Buffer;
  width: number;
  height: number;
  sha256: string;
}

const isJpeg = (bytes: Buffer) => bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const isPng = (bytes: Buffer) => bytes.length > 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE);

export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  if (bytes.length > PHOTO_MAX_BYTES) throw new PhotoError("too-large");
  // Only the two formats a profile needs reach libvips: its other loaders (SVG, TIFF, HEIF…)
  // are more code an upload could aim at.
  if (!isJpeg(bytes) && !isPng(bytes)) throw new PhotoError("not-an-image");
  // A PNG's IHDR chunk comes first (width and height at bytes 16–23): a canvas declared too
  // large is named as such, even when the rest of the file is too broken for libvips to say so.
  if (isPng(bytes) && bytes.readUInt32BE(16) * bytes.readUInt32BE(20) > PHOTO_MAX_PIXELS) throw new PhotoError("too-many-pixels");
  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: "error", sequentialRead: true })
      .rotate() // upright by the EXIF orientation, before the EXIF is dropped
      .flatten({ background: "#ffffff" }) // JPEG has no transparency
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new PhotoError(/pixel limit/i.test(String(error)) ? "too-many-pixels" : "unreadable");
  }
  const { data, info } = output;
  return { jpeg: data, width: info.width, height: info.height, sha256: createHash("sha256").update(data).digest("hex") };
}

export { photoPath } from "~/prisoners/photo-path";
