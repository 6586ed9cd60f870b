// Photos for prisoner profiles: checked by their first bytes (never by name or declared type),
// decoded, turned upright, scaled down and re-encoded as a fresh JPEG. Re-encoding keeps only
// pixels: EXIF (GPS position, camera serial number), comments and colour profiles are gone.
import { createHash } from "node:crypto";

import jpeg from "jpeg-js";
import { PNG } from "pngjs";

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_MAX_SIDE = 800;
/** Larger images are refused before decoding: a small file can declare a huge canvas. */
const MAX_PIXELS = 40_000_000;
const JPEG_QUALITY = 82;

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

/** Walks the JPEG markers: the declared size (from SOFn) and the EXIF orientation (APP1). */
function jpegHeader(bytes: Buffer): { width: number; height: number; orientation: number } {
  let offset = 2;
  let orientation = 1;
  let width = 0;
  let height = 0;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      offset += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    const start = offset + 4;
    if (marker === 0xe1 && bytes.toString("latin1", start, start + 6) === "Exif\0\0") orientation = exifOrientation(bytes.subarray(start + 6, offset + 2 + length));
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && start + 5 <= bytes.length) {
      height = bytes.readUInt16BE(start + 1);
      width = bytes.readUInt16BE(start + 3);
      break;
    }
    if (marker === 0xda) break;
    offset += 2 + length;
  }
  return { width, height, orientation };
}

function exifOrientation(tiff: Buffer): number {
  try {
    const little = tiff.toString("latin1", 0, 2) === "II";
    const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
    const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
    const ifd = u32(4);
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (u16(entry) === 0x0112) {
        const value = u16(entry + 8);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
  } catch {
    // A broken EXIF block only loses the orientation; the pixels are still fine.
  }
  return 1;
}

interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  data: Uint8Array;
}

/** EXIF orientations 2–8: mirror and/or rotate so that the photo stands upright. */
function orient(image: Pixels, orientation: number): Pixels {
  if (orientation <= 1 || orientation > 8) return image;
  const swap = orientation >= 5;
  const width = swap ? image.height : image.width;
  const height = swap ? image.width : image.height;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2: [sx, sy] = [image.width - 1 - x, y]; break;
        case 3: [sx, sy] = [image.width - 1 - x, image.height - 1 - y]; break;
        case 4: [sx, sy] = [x, image.height - 1 - y]; break;
        case 5: [sx, sy] = [y, x]; break;
        case 6: [sx, sy] = [y, image.height - 1 - x]; break;
        case 7: [sx, sy] = [image.width - 1 - y, image.height - 1 - x]; break;
        default: [sx, sy] = [image.width - 1 - y, x]; break;
      }
      const from = (sy * image.width + sx) * 4;
      const to = (y * width + x) * 4;
      data[to] = image.data[from]!;
      data[to + 1] = image.data[from + 1]!;
      data[to + 2] = image.data[from + 2]!;
      data[to + 3] = image.data[from + 3]!;
    }
  }
  return { width, height, data };
}

/** Area averaging: each output pixel is the weighted mean of the source pixels it covers. */
export function downscale(image: Pixels, maxSide: number): Pixels {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  if (scale === 1) return image;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const xRatio = image.width / width;
  const yRatio = image.height / height;
  const out = new Uint8Array(width * height * 4);
  const sums = new Float64Array(4);
  for (let y = 0; y < height; y++) {
    const y0 = y * yRatio;
    const y1 = y0 + yRatio;
    for (let x = 0; x < width; x++) {
      const x0 = x * xRatio;
      const x1 = x0 + xRatio;
      sums.fill(0);
      let total = 0;
      for (let sy = Math.floor(y0); sy < Math.min(image.height, Math.ceil(y1)); sy++) {
        const wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
        for (let sx = Math.floor(x0); sx < Math.min(image.width, Math.ceil(x1)); sx++) {
          const weight = wy * (Math.min(x1, sx + 1) - Math.max(x0, sx));
          const at = (sy * image.width + sx) * 4;
          for (let c = 0; c < 4; c++) sums[c] = sums[c]! + image.data[at + c]! * weight;
          total += weight;
        }
      }
      const to = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) out[to + c] = Math.round(sums[c]! / total);
    }
  }
  return { width, height, data: out };
}

/** Transparent parts of a PNG go on white (JPEG has no transparency). */
function flatten(image: Pixels): Pixels {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < image.data.length; i += 4) {
    const alpha = image.data[i + 3]! / 255;
    for (let c = 0; c < 3; c++) data[i + c] = Math.round(image.data[i + c]! * alpha + 255 * (1 - alpha));
    data[i + 3] = 255;
  }
  return { ...image, data };
}

export function processPhoto(bytes: Buffer): ProcessedPhoto {
  if (bytes.length > PHOTO_MAX_BYTES) throw new PhotoError("too-large");
  let image: Pixels;
  if (isJpeg(bytes)) {
    const header = jpegHeader(bytes);
    if (header.width * header.height > MAX_PIXELS) throw new PhotoError("too-many-pixels");
    try {
      const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1_000_000, maxMemoryUsageInMB: 512 });
      image = orient({ width: decoded.width, height: decoded.height, data: decoded.data }, header.orientation);
    } catch (error) {
      throw new PhotoError(/maxResolutionInMP|maxMemoryUsageInMB/.test(String(error)) ? "too-many-pixels" : "unreadable");
    }
  } else if (isPng(bytes)) {
    // IHDR is always the first chunk: width and height at bytes 16–23.
    if (bytes.readUInt32BE(16) * bytes.readUInt32BE(20) > MAX_PIXELS) throw new PhotoError("too-many-pixels");
    try {
      const decoded = PNG.sync.read(bytes);
      image = flatten({ width: decoded.width, height: decoded.height, data: decoded.data });
    } catch {
      throw new PhotoError("unreadable");
    }
  } else {
    throw new PhotoError("not-an-image");
  }
  if (image.width === 0 || image.height === 0) throw new PhotoError("unreadable");
  const small = downscale(image, PHOTO_MAX_SIDE);
  const encoded = jpeg.encode({ width: small.width, height: small.height, data: Buffer.from(small.data.buffer, small.data.byteOffset, small.data.byteLength) }, JPEG_QUALITY);
  const output = Buffer.from(encoded.data);
  return { jpeg: output, width: small.width, height: small.height, sha256: createHash("sha256").update(output).digest("hex") };
}

export { photoPath } from "~/prisoners/photo-path";
