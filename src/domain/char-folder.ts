/**
 * A function that replaces single characters by others, one code point for one, as fast as a
 * loop can: most text has none of them, and the normaliser runs on every title field at import.
 * A regular expression of a class of the characters costs about twice as much (docs/search.md).
 */
export function charFolder(pairs: Iterable<readonly [string, string]>): (s: string) => string {
  // BMP characters by code unit; a character outside the BMP (𠮷) is looked up by its pair.
  const bmp = new Uint16Array(0x10000);
  const wide = new Map<string, string>();
  let lowest = 0xffff;
  for (const [from, to] of pairs) {
    if (from.length === 1 && to.length === 1) bmp[from.charCodeAt(0)] = to.charCodeAt(0);
    else wide.set(from, to);
    lowest = Math.min(lowest, from.charCodeAt(0));
  }
  return (s) => {
    let out = '';
    let copied = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < lowest) continue;
      if (c >= 0xd800 && c < 0xdc00 && wide.size > 0) {
        const to = wide.get(s.slice(i, i + 2));
        if (to !== undefined) {
          out += s.slice(copied, i) + to;
          copied = i + 2;
        }
        i++;
      } else if (bmp[c] !== 0) {
        out += s.slice(copied, i) + String.fromCharCode(bmp[c]!);
        copied = i + 1;
      }
    }
    return copied === 0 ? s : out + s.slice(copied);
  };
}
