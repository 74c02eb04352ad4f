// The PNG encoder, checked by decoding its output with an independent decoder (sharp/libpng).
import { describe, expect, test } from 'vitest';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { encodePng } from '../../src/draw/cards/png';

const deflate = (d: Uint8Array) => deflateSync(d, { level: 6 });

async function decode(png: Uint8Array): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

function image(width: number, height: number, colour: (x: number, y: number) => [number, number, number]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = colour(x, y);
      rgba.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return rgba;
}

const colourType = (png: Uint8Array) => png[25];

describe('encodePng', () => {
  test('few colours: indexed, decodes to exactly the same pixels', async () => {
    const rgba = image(37, 11, (x, y) => [(x % 8) * 31, (y % 5) * 50, x % 3 === 0 ? 255 : 0]);
    const png = encodePng(rgba, 37, 11, deflate);
    expect(colourType(png)).toBe(3);
    const out = await decode(png);
    expect([out.width, out.height]).toEqual([37, 11]);
    for (let p = 0; p < 37 * 11; p++) expect([...out.data.subarray(p * 3, p * 3 + 3)]).toEqual([...rgba.subarray(p * 4, p * 4 + 3)]);
  });

  test('more than 256 colours, mostly flat: indexed, flat colours exact, blends within 16 levels', async () => {
    // A white field with a dark blue block and a 300-step ramp along one row (edge blends).
    const rgba = image(320, 40, (x, y) => (y === 20 ? [x % 256, 255 - (x % 256), Math.floor(x / 2)] : x > 200 ? [12, 44, 132] : [255, 255, 255]));
    const png = encodePng(rgba, 320, 40, deflate);
    expect(colourType(png)).toBe(3);
    const out = await decode(png);
    for (let p = 0; p < 320 * 40; p++) {
      for (let c = 0; c < 3; c++) {
        const want = rgba[p * 4 + c];
        const got = out.data[p * 3 + c];
        if (Math.floor(p / 320) === 20) expect(Math.abs(got - want)).toBeLessThan(16);
        else expect(got).toBe(want);
      }
    }
  });

  test('a photo-like image with no common colours: RGB, exact', async () => {
    const rgba = image(256, 256, (x, y) => [x, y, (x * y) % 256]);
    const png = encodePng(rgba, 256, 256, deflate);
    expect(colourType(png)).toBe(2);
    const out = await decode(png);
    expect(Buffer.compare(out.data, Buffer.from(image(256, 256, (x, y) => [x, y, (x * y) % 256]).filter((_, i) => i % 4 !== 3)))).toBe(0);
  });

  test('refuses a buffer of the wrong size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2, deflate)).toThrow(/2×2×4/);
  });
});
