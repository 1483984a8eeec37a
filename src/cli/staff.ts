import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { buildRuntime } from '../runtime.js';
import { isStaffRole } from '../domain/staff-roles.js';
import {
  addStaff,
  changeStaffPassword,
  disableStaff,
  generateStaffPassword,
  listStaff,
} from '../services/staff-accounts.js';

/**
 * `npm run staff -- add NAME --role librarian|admin`, `passwd NAME`, `disable NAME`, `list`:
 * the staff console's accounts (docs/staff-console.md). A password is generated and printed once,
 * or read from standard input with `--password-stdin` (never from the command line: shells keep
 * a history).
 */
const USAGE = `usage: npm run staff -- add NAME --role librarian|admin [--password-stdin]
       npm run staff -- passwd NAME [--password-stdin]
       npm run staff -- disable NAME
       npm run staff -- list`;
const args = process.argv.slice(2);
const [command, name] = args;
const option = (flag: string) => (args.indexOf(flag) >= 0 ? args[args.indexOf(flag) + 1] : undefined);
const fail = (message: string, code = 1): never => {
  console.error(message);
  process.exit(code);
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function passwordToSet(): Promise<{ password: string; generated: boolean }> {
  if (args.includes('--password-stdin')) return { password: await readStdin(), generated: false };
  return { password: generateStaffPassword(), generated: true };
}

if (!command || !['add', 'passwd', 'disable', 'list'].includes(command)) fail(USAGE, 2);
if (command !== 'list' && !name) fail(USAGE, 2);
const role = option('--role');
if (command === 'add' && (!role || !isStaffRole(role))) fail(`--role must be librarian or admin\n${USAGE}`, 2);

const rt = await buildRuntime(loadConfig({ ...process.env, SEED: 'none', CRON: 'off' }), createLogger('warn'));
const db = rt.database.db;
const actor = { kind: 'cli', command: `staff ${command}` } as const;
const now = new Date();
try {
  if (command === 'list') {
    for (const s of await listStaff(db))
      console.log(`${s.name}\t${s.role}\t${s.disabledAt ? `disabled ${s.disabledAt.toISOString()}` : 'active'}`);
  } else if (command === 'disable') {
    const r = await disableStaff(db, name!, actor, now);
    if (!r.ok) fail(r.failure.kind === 'conflict' ? r.failure.message : 'failed');
    else console.log(`${name} is disabled; their sessions have ended`);
  } else {
    const { password, generated } = await passwordToSet();
    const r =
      command === 'add'
        ? await addStaff(db, { name: name!, role: role as 'librarian' | 'admin', password }, actor)
        : await changeStaffPassword(db, name!, password, actor, now);
    if (!r.ok) fail(r.failure.kind === 'conflict' ? r.failure.message : 'failed');
    else {
      console.log(command === 'add' ? `${name} (${r.value.role}) added` : `${name}: new password set`);
      // Printed once, here only: it is stored as an argon2id hash.
      if (generated) console.log(`password: ${password}`);
    }
  }
} finally {
  await rt.close();
}
