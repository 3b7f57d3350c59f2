// Draws the add-in's icons (a green ledger sheet with a tick badge) as PNG files in assets/ with
// nothing but Node's zlib: `node scripts/make-icons.js`. The PNGs are committed; this script is
// how to make them again, or at another size.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const GREEN = [16, 124, 65]; // Excel's brand green
const LIGHT = [33, 163, 102];
const WHITE = [255, 255, 255];
/** Samples per pixel side: edges are anti-aliased by averaging SAMPLES² points. */
const SAMPLES = 4;

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

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

function insideRoundedSquare(x, y, from, to, radius) {
  const cx = Math.min(Math.max(x, from + radius), to - radius);
  const cy = Math.min(Math.max(y, from + radius), to - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/**
 * Colour at (u, v) in the unit square, or null where the icon is transparent. Small icons get
 * thicker strokes and fewer rows, so the 16 px one stays legible.
 */
function colourAt(u, v, small) {
  const badge = { x: 0.7, y: 0.7, r: 0.27 };
  const toBadge = Math.hypot(u - badge.x, v - badge.y);
  if (toBadge <= badge.r) {
    const tick = [[0.575, 0.705], [0.665, 0.795], [0.83, 0.615]];
    const halfWidth = small ? 0.07 : 0.045;
    const onTick = segmentDistance(u, v, tick[0], tick[1]) < halfWidth || segmentDistance(u, v, tick[1], tick[2]) < halfWidth;
    return onTick ? GREEN : WHITE;
  }
  if (toBadge <= badge.r + 0.06) return insideRoundedSquare(u, v, 0.04, 0.96, 0.12) ? GREEN : null;
  if (!insideRoundedSquare(u, v, 0.04, 0.96, 0.12)) return null;
  // The ledger: a header band, then ruled rows split by one column line.
  const line = small ? 0.045 : 0.035;
  const rows = small ? [0.58, 0.84] : [0.5, 0.67, 0.84];
  const inTable = u > 0.16 - line && u < 0.84 + line && v > 0.16 && v < 0.84 + line;
  if (!inTable) return GREEN;
  if (v < 0.32) return WHITE;
  const ruled = rows.some((row) => Math.abs(v - row) < line) || [0.16, 0.4, 0.84].some((column) => Math.abs(u - column) < line);
  return ruled ? WHITE : LIGHT;
}

function pixel(size, x, y) {
  let red = 0;
  let green = 0;
  let blue = 0;
  let covered = 0;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      const colour = colourAt((x + (i + 0.5) / SAMPLES) / size, (y + (j + 0.5) / SAMPLES) / size, size < 24);
      if (!colour) continue;
      red += colour[0];
      green += colour[1];
      blue += colour[2];
      covered++;
    }
  }
  if (covered === 0) return [0, 0, 0, 0];
  return [Math.round(red / covered), Math.round(green / covered), Math.round(blue / covered), Math.round((255 * covered) / (SAMPLES * SAMPLES))];
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0]; // filter: none
    for (let x = 0; x < size; x++) row.push(...pixel(size, x, y));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : SIZES;
for (const size of sizes) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), png(size));
}
