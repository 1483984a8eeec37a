import type { Kysely } from 'kysely';
import { conversationHandler } from '../../src/conversation/engine.js';
import type { Reply } from '../../src/conversation/reply.js';
import type { DB } from '../../src/db/schema.js';
import type { LineAccount } from '../../src/conversation/ports.js';
import type { Input } from '../../src/conversation/input.js';
import { limitViolations } from '../../src/line/limits.js';
import { toLineMessages } from '../../src/line/outbound.js';
import { rememberSecret, rememberSecretFields, testLog } from './test-log.js';
import { seedDemoLibrary } from '../../src/seed/demo-library.js';
import { loginForAccountLink } from '../../src/services/account-link.js';
import { testDatabase } from './database.js';

/** Every text a reply shows, flattened, so tests can look for the words a patron reads. */
export function wordsOf(replies: readonly Reply[]): string {
  return JSON.stringify(replies);
}

/** Postback data of the button (or quick reply) with this label, from the replies. */
export function buttonData(replies: readonly Reply[], label: string): string | undefined {
  let found: string | undefined;
  JSON.stringify(replies, (_k, v: unknown) => {
    const a = v as { kind?: string; label?: string; data?: string; uri?: string };
    if (!found && a && typeof a === 'object' && a.label === label) found = a.data ?? a.uri;
    return v;
  });
  return found;
}

export interface ChatHarness {
  db: Kysely<DB>;
  now: Date;
  menus: { user: string; which: string; language: string }[];
  user(n: number): string;
  send(user: string, input: Input): Promise<Reply[]>;
  say(user: string, text: string): Promise<Reply[]>;
  tap(user: string, data: string): Promise<Reply[]>;
  /** Logs the LINE user in as the card, the way the login page and LINE's accountLink event do. */
  login(user: string, cardNumber: string, password: string, loginUrl?: string): Promise<Reply[]>;
  close(): Promise<void>;
}

/**
 * The conversation engine over the demo library in a fresh database, one transaction per event as
 * the inbox worker runs it. Every reply is also turned into LINE messages and checked against
 * LINE's limits, so every scripted conversation proves them.
 */
export async function chatHarness(
  now = new Date('2026-12-01T19:00:00+09:00'),
  opts: { profileLanguage?: (lineUserId: string) => Promise<string | undefined> } = {},
): Promise<ChatHarness> {
  const database = await testDatabase();
  await seedDemoLibrary(database.db, new Date('2026-11-28T12:00:00+09:00'), testLog);
  const menus: { user: string; which: string; language: string }[] = [];
  let tokens = 0;
  const line: LineAccount = {
    async profileLanguage(user) {
      return opts.profileLanguage?.(user);
    },
    async issueLinkToken() {
      return `linktoken${++tokens}`;
    },
    async showRichMenu(user, which, language) {
      menus.push({ user, which, language });
    },
  };
  const handler = conversationHandler({ line, publicBaseUrl: 'https://library.example.jp', log: testLog });
  const h: ChatHarness = {
    db: database.db,
    now,
    menus,
    user: (n) => 'U' + n.toString(16).padStart(32, '0'),
    async send(user, input) {
      const { replies } = await database.db
        .transaction()
        .execute((tx) => handler.inTransaction(tx, { lineUserId: user, input }, h.now));
      const problems = limitViolations(toLineMessages(replies));
      if (problems.length > 0) throw new Error(`LINE limits broken: ${problems.join('; ')}`);
      if (replies.length > 5) throw new Error('more than 5 messages in one reply');
      return replies;
    },
    say: (user, text) => h.send(user, { kind: 'text', text }),
    tap: (user, data) => h.send(user, { kind: 'postback', data }),
    async login(user, cardNumber, password, loginUrl) {
      const url = loginUrl ?? buttonData(await h.say(user, 'ログイン'), 'ログイン');
      const linkToken = new URL(url!).searchParams.get('linkToken')!;
      rememberSecretFields({ linkToken, cardNumber, password });
      const r = await loginForAccountLink(database.db, { linkToken, cardNumber, password }, h.now);
      if (!r.ok) throw new Error(`login refused: ${JSON.stringify(r.failure)}`);
      rememberSecret('an account-link nonce', r.value.nonce);
      return h.send(user, { kind: 'accountLink', result: 'ok', nonce: r.value.nonce });
    },
    close: () => database.close(),
  };
  return h;
}
