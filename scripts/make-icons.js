// Draws the add-in's icons (a green ledger grid with a tick) as PNG files in assets/, with
// nothing but Node's zlib: `node scripts/make-icons.js`. The PNGs are committed; this script
// is how to make them again at another size.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function pixel(size, x, y) {
  const u = x / size;
  const v = y / size;
  const margin = 0.08;
  if (u < margin || u > 1 - margin || v < margin || v > 1 - margin) return [0, 0, 0, 0];
  // A tick in the lower right, white on green.
  const tick = Math.abs(v - (0.95 - 0.9 * Math.max(0, u - 0.55))) < 0.06 && u > 0.45 && u < 0.85 && v > 0.45;
  const tickDown = Math.abs(v - (0.45 + (u - 0.35))) < 0.06 && u > 0.35 && u < 0.58 && v > 0.5;
  if (tick || tickDown) return [255, 255, 255, 255];
  const grid = (Math.abs((u - margin) * 4 % 1) < 0.06 || Math.abs((v - margin) * 5 % 1) < 0.06) && u < 0.9;
  return grid ? [16, 124, 65, 255] : [33, 163, 102, 255];
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) row.push(...pixel(size, x + 0.5, y + 0.5));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), png(size));
}
