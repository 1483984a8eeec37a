import bwipjs from 'bwip-js';

/**
 * A Codabar (NW-7) barcode as a PNG, drawn by bwip-js: black bars on white (never transparent,
 * so a dark chat background cannot eat the quiet zones), a narrow bar 4 pixels wide, bars 15 mm
 * tall at that scale, and quiet zones of 12 narrow bars on each side, well over Codabar's 10.
 * `text` carries its own start and stop letters (A1234567890A).
 */
export function codabarPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'rationalizedCodabar',
    text,
    scale: 4,
    height: 15,
    paddingwidth: 12,
    paddingheight: 6,
    backgroundcolor: 'FFFFFF',
    includetext: false,
  });
}
