import { inflateSync } from 'node:zlib';

/**
 * A small reader of NW-7 (Codabar) barcodes in PNG images, for tests: decodes the PNG (8-bit
 * grey, grey+alpha, RGB or RGBA, any filter), takes one pixel row across the middle, measures
 * its bars and spaces and maps each character's seven widths through the Codabar table. It knows
 * nothing of bwip-js: what it reads is what a scanner would.
 */

/** Codabar: per character, bar space bar space bar space bar; 1 = wide. */
const CODABAR: Record<string, string> = {
  '0000011': '0',
  '0000110': '1',
  '0001001': '2',
  '1100000': '3',
  '0010010': '4',
  '1000010': '5',
  '0100001': '6',
  '0100100': '7',
  '0110000': '8',
  '1001000': '9',
  '0001100': '-',
  '0011000': '$',
  '1000101': ':',
  '1010001': '/',
  '1010100': '.',
  '0010101': '+',
  '0011010': 'A',
  '0101001': 'B',
  '0001011': 'C',
  '0001110': 'D',
};

export interface Png {
  width: number;
  height: number;
  /** Luminance 0..255 of each pixel, row by row (transparent counts as white). */
  grey: Uint8Array;
}

export function decodePng(buf: Buffer): Png {
  if (buf.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let off = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = 0;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8]!;
      colour = data[9]!;
      if (data[12] !== 0) throw new Error('interlaced PNG');
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE') throw new Error('palette PNG not supported');
    off += 12 + len;
  }
  if (depth !== 8) throw new Error(`bit depth ${depth} not supported`);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour];
  if (!channels) throw new Error(`colour type ${colour} not supported`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const r = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? px[y * stride + x - channels]! : 0;
      const b = y > 0 ? px[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels]! : 0;
      let v: number;
      if (filter === 0) v = r;
      else if (filter === 1) v = r + a;
      else if (filter === 2) v = r + b;
      else if (filter === 3) v = r + ((a + b) >> 1);
      else {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = r + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      px[y * stride + x] = v & 0xff;
    }
  }
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const p = px.subarray(i * channels, (i + 1) * channels);
    const lum = channels >= 3 ? (p[0]! * 299 + p[1]! * 587 + p[2]! * 114) / 1000 : p[0]!;
    const alpha = channels === 2 ? p[1]! : channels === 4 ? p[3]! : 255;
    grey[i] = Math.round((lum * alpha + 255 * (255 - alpha)) / 255);
  }
  return { width, height, grey };
}

/** Runs of dark and light along one row: [dark?, width][] from the first dark pixel to the last. */
function runs(png: Png, y: number): { dark: boolean; width: number }[] {
  const row = Array.from(png.grey.subarray(y * png.width, (y + 1) * png.width), (g) => g < 128);
  const first = row.indexOf(true);
  const last = row.lastIndexOf(true);
  if (first < 0) return [];
  const out: { dark: boolean; width: number }[] = [];
  for (let x = first; x <= last; x++) {
    const top = out[out.length - 1];
    if (top && top.dark === row[x]) top.width++;
    else out.push({ dark: row[x]!, width: 1 });
  }
  return out;
}

/** What a scanner reads across the middle row, start and stop letters included, plus the quiet zones (pixels). */
export function readCodabar(png: Png): { text: string; quietLeft: number; quietRight: number; narrow: number } {
  const y = Math.floor(png.height / 2);
  const rs = runs(png, y);
  const widths = rs.map((r) => r.width);
  const threshold = (Math.min(...widths) + Math.max(...widths)) / 2;
  let text = '';
  for (let i = 0; i < rs.length; i += 8) {
    const pattern = rs
      .slice(i, i + 7)
      .map((r) => (r.width > threshold ? '1' : '0'))
      .join('');
    const ch = CODABAR[pattern];
    if (!ch) throw new Error(`no Codabar character is ${pattern} (at run ${i})`);
    text += ch;
  }
  const row = Array.from(png.grey.subarray(y * png.width, (y + 1) * png.width), (g) => g < 128);
  return {
    text,
    quietLeft: row.indexOf(true),
    quietRight: png.width - 1 - row.lastIndexOf(true),
    narrow: Math.min(...widths),
  };
}
