/**
 * Records of a CSV (RFC 4180) or TSV file, read line by line as they stream in: a file of any
 * size is read in constant memory. Written here rather than taken from a CSV package because
 * what the import needs is small (quotes, doubled quotes, line breaks inside quotes, a BOM) and
 * node:readline already streams the lines with back-pressure; no dependency to keep up.
 *
 * Lenient where exports are sloppy: a quote inside an unquoted field is kept as a character,
 * text after a closing quote is kept, and a file ending inside quotes ends the field there.
 */
export interface DelimitedRecord {
  /** The line the record starts on, 1-based (the header is line 1). */
  line: number;
  fields: string[];
}

export type Delimiter = ',' | '\t';

export async function* readDelimited(
  lines: AsyncIterable<string>,
  delimiter: Delimiter,
): AsyncGenerator<DelimitedRecord> {
  let lineNo = 0;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let start = 0;
  for await (const raw of lines) {
    lineNo++;
    // A BOM (Excel's UTF-8 CSV) is no part of the first header.
    const text = lineNo === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    if (quoted) field += '\n';
    else {
      start = lineNo;
      if (text.trim() === '') continue;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c !== '"') field += c;
        else if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else if (c === delimiter) {
        fields.push(field);
        field = '';
      } else if (c === '"' && field === '') quoted = true;
      else field += c;
    }
    if (quoted) continue;
    fields.push(field.replace(/\r$/, ''));
    yield { line: start, fields };
    fields = [];
    field = '';
  }
  if (quoted) {
    fields.push(field);
    yield { line: start, fields };
  }
}

/** The delimiter of a file: tab for .tsv/.tab/.txt, or when the header has tabs and no commas. */
export function delimiterFor(path: string, header: string): Delimiter {
  if (/\.(tsv|tab|txt)$/i.test(path)) return '\t';
  if (/\.csv$/i.test(path)) return ',';
  return header.includes('\t') && !header.includes(',') ? '\t' : ',';
}
