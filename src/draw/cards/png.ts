// PNG encoding of an opaque RGBA image. A share card is flat fills with anti-aliased edges: a few
// hundred to a few thousand colours, nearly all of them edge blends. It is written as an indexed
// PNG (a quarter of the bytes to compress, and under the 60 KB budget), exact when it has ≤ 256
// colours, else with edge blends rounded to their nearest common colour (see paletteOf); 8-bit RGB
// only when that fails. Pure: the caller passes deflate.

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// A pixel's colour key is its RGBA word read at once, alpha dropped: R in the low byte on a
// little-endian machine, in the high byte otherwise (see channels()).
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

function words(rgba: Uint8Array): Uint32Array {
  return rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4) : new Uint32Array(rgba.slice().buffer);
}

const keyOf = (word: number) => (LITTLE_ENDIAN ? word & 0xffffff : word >>> 8);

function channels(key: number): [number, number, number] {
  return LITTLE_ENDIAN ? [key & 0xff, (key >> 8) & 0xff, key >>> 16] : [key >>> 16, (key >> 8) & 0xff, key & 0xff];
}

// Colour tables indexed by the 24-bit colour itself: a typed-array look-up per pixel instead of a
// Map's. Allocated once (48 MB) and cleared after each image through the list of colours it used.
let countTable: Uint32Array | undefined;
let slotTable: Uint8Array | undefined;

/** How often each colour occurs, as [colour, count] in order of first appearance. */
function colourCounts(pixels: Uint32Array, counts: Uint32Array): Map<number, number> {
  const seen: number[] = [];
  let lastWord = -1;
  let key = 0;
  for (let p = 0; p < pixels.length; p++) {
    const word = pixels[p];
    if (word !== lastWord) {
      lastWord = word;
      key = keyOf(word);
      if (counts[key] === 0) seen.push(key);
    }
    counts[key]++;
  }
  const out = new Map<number, number>();
  for (const k of seen) {
    out.set(k, counts[k]);
    counts[k] = 0;
  }
  return out;
}

/**
 * Each colour's palette slot: exact when there are ≤ 256 colours; otherwise colours that agree in
 * their high bits share the slot of the commonest of them (the flat fill, not an edge pixel's
 * blend), with as few low bits dropped as gets the count to 256. Null when even 4 bits do not.
 */
function paletteOf(counts: Map<number, number>): { slot: Map<number, number>; palette: number[] } | null {
  for (let drop = 0; drop <= 4; drop++) {
    const mask = ((0xff << drop) & 0xff) * 0x010101;
    const best = new Map<number, number>(); // bucket → commonest colour in it
    for (const [colour, n] of counts) {
      const bucket = colour & mask;
      const current = best.get(bucket);
      if (current === undefined || n > counts.get(current)! || (n === counts.get(current)! && colour < current)) best.set(bucket, colour);
    }
    if (best.size > 256) continue;
    const buckets = [...best.keys()];
    const bucketSlot = new Map(buckets.map((b, i) => [b, i]));
    const slot = new Map<number, number>();
    for (const colour of counts.keys()) slot.set(colour, bucketSlot.get(colour & mask)!);
    return { slot, palette: buckets.map((b) => best.get(b)!) };
  }
  return null;
}

/** Palette index per pixel (each row led by filter byte 0) and the palette, or null. */
function indexed(rgba: Uint8Array, width: number, height: number): { rows: Uint8Array; palette: Uint8Array } | null {
  const pixels = words(rgba);
  countTable ??= new Uint32Array(1 << 24);
  slotTable ??= new Uint8Array(1 << 24);
  const slots = slotTable;
  const pal = paletteOf(colourCounts(pixels, countTable));
  if (!pal) return null;
  for (const [colour, slot] of pal.slot) slots[colour] = slot;
  const rows = new Uint8Array(height * (width + 1));
  let o = 0;
  let p = 0;
  for (let y = 0; y < height; y++) {
    rows[o++] = 0;
    for (let x = 0; x < width; x++, p++) rows[o++] = slots[keyOf(pixels[p])];
  }
  const palette = new Uint8Array(pal.palette.length * 3);
  pal.palette.forEach((colour, i) => palette.set(channels(colour), i * 3));
  return { rows, palette };
}

function rgbRows(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const rows = new Uint8Array(height * (width * 3 + 1));
  let o = 0;
  let p = 0;
  for (let y = 0; y < height; y++) {
    rows[o++] = 0;
    for (let x = 0; x < width; x++, p += 4) {
      rows[o++] = rgba[p];
      rows[o++] = rgba[p + 1];
      rows[o++] = rgba[p + 2];
    }
  }
  return rows;
}

/**
 * Encodes `rgba` (width × height × 4 bytes, alpha ignored: the card is opaque) as a PNG.
 * `deflate` is zlib's deflate (node:zlib deflateSync in the build).
 */
export function encodePng(rgba: Uint8Array, width: number, height: number, deflate: (data: Uint8Array) => Uint8Array): Uint8Array {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes is not ${width}×${height}×4`);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  const pal = indexed(rgba, width, height);
  header[9] = pal ? 3 : 2; // indexed colour, or truecolour
  const parts = [SIGNATURE, chunk('IHDR', header)];
  if (pal) parts.push(chunk('PLTE', pal.palette));
  parts.push(chunk('IDAT', deflate(pal ? pal.rows : rgbRows(rgba, width, height))), chunk('IEND', new Uint8Array(0)));
  return concat(parts);
}
