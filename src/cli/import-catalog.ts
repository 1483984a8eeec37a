import { createReadStream, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { installProfile } from '../profile/active.js';
import { applyProfileToDatabase } from '../services/library-profile.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { refreshSearchColumns } from '../db/search-columns.js';
import { refreshCatalogKeys } from '../db/catalog-keys.js';
import { importCatalogLines, type ImportProgress } from '../services/catalog-import.js';

/**
 * `npm run import -- FILE [--tsv|--csv] [--encoding shift_jis] [--rejects FILE]`: a catalog
 * export into DATABASE_URL, or into the embedded database (docs/catalog-import.md).
 * Exit status: 0 when the file was read to its end (rejected rows are listed), 1 on an error
 * that stopped it (run it again: it continues), 2 on a wrong command line.
 */
const USAGE = 'usage: npm run import -- FILE [--tsv | --csv] [--encoding utf-8|shift_jis] [--rejects FILE]';
const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        tsv: { type: 'boolean' },
        csv: { type: 'boolean' },
        encoding: { type: 'string', default: 'utf-8' },
        rejects: { type: 'string' },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
const file = positionals[0];
if (!file || positionals.length > 1 || (values.tsv && values.csv)) {
  console.error(USAGE);
  process.exit(2);
}
let encoding: string;
try {
  // The name as the WHATWG Encoding standard knows it (sjis, Shift-JIS … are shift_jis).
  encoding = new TextDecoder(values.encoding).encoding;
} catch {
  console.error(`unknown encoding ${values.encoding}\n${USAGE}`);
  process.exit(2);
}

const size = statSync(file).size;
const stream = createReadStream(file);

const config = loadConfig(process.env);
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
const started = performance.now();
let lastDraw = 0;
const draw = (p: ImportProgress, final = false) => {
  const now = performance.now();
  if (!final && now - lastDraw < 250) return;
  lastDraw = now;
  const share = size === 0 ? 1 : Math.min(1, stream.bytesRead / size);
  const width = 24;
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
  const rate = Math.round(p.rows / Math.max(0.001, (now - started) / 1000));
  process.stderr.write(
    `\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  rows ${p.rows}  titles +${p.titles}  copies +${p.copies}  ` +
      `present ${p.present}  rejected ${p.rejected}  ${rate} rows/s `,
  );
  if (final) process.stderr.write('\n');
};

let code = 0;
try {
  await migrateToLatest(database.db);
  await refreshSearchColumns(database.db);
  // The copies' branches are the profile's, also when the catalog is loaded before the first start.
  installProfile(config.profile);
  await applyProfileToDatabase(database.db, config.profile);
  await refreshCatalogKeys(database.db);
  // Made only now: readline starts reading at once, and lines read before the import listens are lost.
  // UTF-8 by readline itself; another encoding (Shift_JIS exports) through a decoder stream.
  const input =
    encoding === 'utf-8'
      ? stream
      : Readable.fromWeb(Readable.toWeb(stream).pipeThrough(new TextDecoderStream(encoding)) as never);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const outcome = await importCatalogLines(database.db, lines, {
    path: file,
    ...(values.tsv ? { delimiter: '\t' as const } : values.csv ? { delimiter: ',' as const } : {}),
    onProgress: (p) => draw(p),
  });
  if (!outcome.ok) {
    console.error(`${file}: ${outcome.error}`);
    code = 1;
  } else {
    const s = outcome.summary;
    draw(s, true);
    console.log(
      `${file}: ${s.rows} rows read in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `added ${s.titles} titles and ${s.copies} copies; ${s.present} copies were in the catalog already; ` +
        `${s.rejected} rows rejected`,
    );
    if (s.ignoredColumns.length > 0) console.log(`columns not imported: ${s.ignoredColumns.join(', ')}`);
    for (const r of s.rejections.slice(0, 100)) console.log(`  line ${r.line}: ${r.reason}`);
    if (s.rejections.length > 100)
      console.log(
        `  … and ${s.rejections.length - 100} more${values.rejects ? '' : ' (--rejects FILE lists them all)'}`,
      );
    if (values.rejects)
      await writeFile(
        values.rejects,
        ['line\treason', ...s.rejections.map((r) => `${r.line}\t${r.reason}`)].join('\n') + '\n',
      );
  }
} catch (err) {
  console.error(
    `\nimport stopped: ${(err as Error).message}\n` +
      'what was written before stays; run the same command again to continue',
  );
  code = 1;
} finally {
  await database.close();
}
process.exit(code);
