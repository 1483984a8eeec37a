/**
 * Japanese (kana, kanji, Japanese punctuation, full-width forms) left in an English text once the
 * bracketed terms — 'pickup branch (受取館)', 'Main Library (本館)' — and the given catalog and
 * patron data are taken out; undefined when there is none. Issue 28: English replies carry
 * Japanese only where staff will hear it at the counter, or where it is the library's data.
 */
export function japaneseOutsideBrackets(s: string, data: readonly string[] = []): string | undefined {
  let rest = s;
  for (const d of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(d).join(' ');
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/\([^()]*\)/g, '').replace(/（[^（）]*）/g, '');
  }
  const m = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f]/u.exec(rest);
  return m ? rest.slice(Math.max(0, m.index - 30), m.index + 30) : undefined;
}
