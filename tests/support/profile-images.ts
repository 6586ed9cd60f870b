// Test images built in the test, byte by byte: a JPEG carrying EXIF (camera make, a GPS
// marker string, an orientation), a PNG, and files that only pretend to be images.
import jpeg from "jpeg-js";
import { PNG } from "pngjs";

/** A gradient, so that scaling has something to average. */
function pixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      data[at] = (x * 255) / width;
      data[at + 1] = (y * 255) / height;
      data[at + 2] = 128;
      data[at + 3] = 255;
    }
  return data;
}

/** Big-endian TIFF with Orientation, Make and an ImageDescription holding a GPS-like secret. */
function exifSegment(orientation: number, secret: string): Buffer {
  const text = Buffer.from(`${secret}\0`, "latin1");
  const entries = 3;
  const ifdSize = 2 + entries * 12 + 4;
  const textOffset = 8 + ifdSize;
  const tiff = Buffer.alloc(textOffset + text.length);
  tiff.write("MM", 0, "latin1");
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(entries, 8);
  let entry = 10;
  // ImageDescription (0x010E), ASCII, stored after the IFD.
  tiff.writeUInt16BE(0x010e, entry);
  tiff.writeUInt16BE(2, entry + 2);
  tiff.writeUInt32BE(text.length, entry + 4);
  tiff.writeUInt32BE(textOffset, entry + 8);
  entry += 12;
  // Make (0x010F), ASCII, 4 bytes inline.
  tiff.writeUInt16BE(0x010f, entry);
  tiff.writeUInt16BE(2, entry + 2);
  tiff.writeUInt32BE(4, entry + 4);
  tiff.write("Cam\0", entry + 8, "latin1");
  entry += 12;
  // Orientation (0x0112), SHORT.
  tiff.writeUInt16BE(0x0112, entry);
  tiff.writeUInt16BE(3, entry + 2);
  tiff.writeUInt32BE(1, entry + 4);
  tiff.writeUInt16BE(orientation, entry + 8);
  text.copy(tiff, textOffset);
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

export function jpegWithExif({ width = 1200, height = 900, orientation = 6, secret = "GPS 53.9006N 27.5590E SERIAL-XK42" } = {}): Buffer {
  const encoded = Buffer.from(jpeg.encode({ width, height, data: pixels(width, height) }, 90).data);
  // Splice the APP1 segment in right after SOI (FF D8).
  return Buffer.concat([encoded.subarray(0, 2), exifSegment(orientation, secret), encoded.subarray(2)]);
}

export function png({ width = 400, height = 300 } = {}): Buffer {
  const image = new PNG({ width, height });
  pixels(width, height).copy(image.data);
  return PNG.sync.write(image);
}

/** A PNG signature and an IHDR chunk that declares 100 000 × 100 000 pixels (10 gigapixels). */
export function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(4 + 4 + 13 + 4);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write("IHDR", 4, "latin1");
  ihdr.writeUInt32BE(100_000, 8);
  ihdr.writeUInt32BE(100_000, 12);
  ihdr[16] = 8;
  ihdr[17] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(64)]);
}

/** The JPEG's size from its first SOF marker, and whether it carries an APP1 (EXIF) segment. */
export function jpegInfo(bytes: Buffer): { width: number; height: number; hasApp1: boolean } {
  let hasApp1 = false;
  for (let offset = 2; offset + 4 < bytes.length; ) {
    const marker = bytes[offset + 1]!;
    const length = bytes.readUInt16BE(offset + 2);
    if (marker === 0xe1) hasApp1 = true;
    if (marker >= 0xc0 && marker <= 0xc2) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7), hasApp1 };
    offset += 2 + length;
  }
  return { width: 0, height: 0, hasApp1 };
}
