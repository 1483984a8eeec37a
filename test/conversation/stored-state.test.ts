import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/reply.js';
import { unlinkAccount } from '../../src/services/account-link.js';
import { buttonData, chatHarness, wordsOf, type ChatHarness } from '../helpers/chat.js';
import { here } from '../helpers/profiles.js';

// The engine checks a stored conversation against its flow's schema when it loads it. A state that
// fails (written by an older version, or altered in the database) must get the very answer an
// expired one gets, leave the conversation as an expired one does, and change no hold or loan;
// the same state unaltered still works, so it is the schema that turned it away.
let h: ChatHarness;
const taro = () => h.user(30);
const guest = () => h.user(31);
const MINUTE = 60_000;

interface Kept {
  flow: string;
  step: string;
  version: number;
  data: unknown;
}

async function kept(user: string): Promise<Kept | undefined> {
  return h.db
    .selectFrom('conversation_states')
    .select(['flow', 'step', 'version', 'data'])
    .where('line_user_id', '=', user)
    .executeTakeFirst();
}

async function keep(user: string, state: Kept, expired: boolean): Promise<void> {
  await h.db.deleteFrom('conversation_states').where('line_user_id', '=', user).execute();
  await h.db
    .insertInto('conversation_states')
    .values({
      line_user_id: user,
      flow: state.flow,
      step: state.step,
      version: state.version,
      data: JSON.stringify(state.data),
      updated_at: h.now,
      expires_at: new Date(h.now.getTime() + (expired ? -MINUTE : 5 * MINUTE)),
    })
    .execute();
}

/** Holds, loans and their renewals, for every patron. */
async function circulation(): Promise<string> {
  const { rows } = await sql<{ h: string; l: string }>`
    SELECT (SELECT string_agg(id || ':' || patron_id || ':' || status, ',' ORDER BY id) FROM holds) AS h,
           (SELECT string_agg(id || ':' || patron_id || ':' || renewals || ':' || due_date, ',' ORDER BY id)
              FROM loans) AS l`.execute(h.db);
  return JSON.stringify(rows[0]);
}

interface Answer {
  replies: Reply[];
  changed: boolean;
  after: Kept | undefined;
}

/** The answer to an event with `state` kept (`prepare` runs first: it may need events of its own). */
async function answer(
  user: string,
  state: Kept,
  expired: boolean,
  send: () => Promise<Reply[]>,
  prepare?: () => Promise<void>,
): Promise<Answer> {
  await prepare?.();
  await keep(user, state, expired);
  const before = await circulation();
  const replies = await send();
  return { replies, changed: (await circulation()) !== before, after: await kept(user) };
}

/** Each altered copy of `state` is answered as `state` expired is; `state` itself, live, is answered by `works`. */
async function turnedAway(
  user: string,
  state: Kept,
  altered: unknown[],
  send: () => Promise<Reply[]>,
  works: (live: Answer) => void,
  prepare?: () => Promise<void>,
): Promise<void> {
  for (const data of altered) {
    const bad = await answer(user, { ...state, data }, false, send, prepare);
    const expired = await answer(user, state, true, send, prepare);
    expect(bad.replies, JSON.stringify(data)).toEqual(expired.replies);
    expect(bad.after, JSON.stringify(data)).toEqual(expired.after);
    expect(bad.changed, JSON.stringify(data)).toBe(false);
  }
  works(await answer(user, state, false, send, prepare));
}

beforeAll(async () => {
  h = await chatHarness();
  await h.login(taro(), '2000000001', 'k7Tm2qX9');
}, 60_000);
afterAll(() => h.close());

describe('a stored conversation its flow would not have written', () => {
  it('reserve: a pickup branch tapped against altered branches is answered as expired', async () => {
    const found = await h.say(taro(), '吾輩は猫である');
    await h.tap(taro(), buttonData(found, '予約申込')!);
    const state = (await kept(taro()))!;
    expect(state).toMatchObject({ flow: 'reserve', step: 'branch' });
    const data = state.data as Record<string, unknown>;
    await turnedAway(
      taro(),
      state,
      [
        { ...data, branches: here.pickup(1).code },
        { ...data, branches: [{ code: here.pickup(1).code }] },
        { ...data, emailConfirmed: 'no' },
      ],
      () => h.tap(taro(), `reserve|branch|${here.pickup(1).code}`),
      (live) => expect(wordsOf(live.replies)).toContain('連絡不要'),
    );
  });

  it('reserve: 送信 with an altered confirmation places nothing and is answered as expired', async () => {
    // The reservation the test before left open is stopped first: typed words while it waits
    // are not a search (issue 23: the reservation would be dropped without a word).
    await h.say(taro(), 'やめる');
    const found = await h.say(taro(), '吾輩は猫である');
    const branches = await h.tap(taro(), buttonData(found, '予約申込')!);
    const contact = await h.tap(taro(), buttonData(branches, here.pickup(1).name)!);
    const confirm = await h.tap(taro(), buttonData(contact, here.contact.label)!);
    const send = buttonData(confirm, '送信')!;
    const state = (await kept(taro()))!;
    expect(state).toMatchObject({ flow: 'reserve', step: 'confirming' });
    const { branch: _, ...withoutBranch } = state.data as Record<string, unknown>;
    const data = state.data as Record<string, unknown>;
    // A pickup branch tapped again: the branch step would read past the contact, the load does not.
    await turnedAway(
      taro(),
      state,
      [{ ...data, contact: 'fax' }],
      () => h.tap(taro(), `reserve|branch|${here.pickup(1).code}`),
      (live) => expect(wordsOf(live.replies)).toContain('連絡不要'),
    );
    await turnedAway(
      taro(),
      state,
      [{ ...data, bibId: Number(data.bibId) }, { ...data, contact: 'fax' }, withoutBranch, null, [], 'reserve'],
      () => h.tap(taro(), send),
      (live) => {
        expect(wordsOf(live.replies)).toContain('予約受付');
        expect(live.changed).toBe(true);
      },
    );
  });

  it('renew: 延長する with an altered or older-shaped state renews nothing', async () => {
    const ask = await h.tap(taro(), buttonData(await h.say(taro(), 'ご利用状況'), '延長する')!);
    const renew = buttonData(ask, '延長する')!;
    const state = (await kept(taro()))!;
    expect(state).toMatchObject({ flow: 'renew', step: 'confirming' });
    const { loanId, title } = state.data as { loanId: string; title: string };
    await turnedAway(
      taro(),
      state,
      [{ loanId: Number(loanId), title }, { loanId }, { loanId, title: null }],
      () => h.tap(taro(), renew),
      (live) => {
        expect(wordsOf(live.replies)).toContain('延長しました');
        expect(live.changed).toBe(true);
      },
    );
  });

  it('cancel: 取消する with an altered state cancels nothing', async () => {
    const ask = await h.tap(taro(), buttonData(await h.say(taro(), 'ご利用状況'), '取消する')!);
    const cancel = buttonData(ask, '取消する')!;
    const state = (await kept(taro()))!;
    expect(state).toMatchObject({ flow: 'cancel', step: 'confirming' });
    const { holdId } = state.data as { holdId: string };
    await turnedAway(
      taro(),
      state,
      [{ holdId: Number(holdId) }, { holdId: [holdId] }, {}],
      () => h.tap(taro(), cancel),
      (live) => {
        expect(wordsOf(live.replies)).toContain('予約の取消が完了しました');
        expect(live.changed).toBe(true);
      },
    );
  });

  it('search: words typed while an altered field waits are an ordinary search', async () => {
    await h.tap(guest(), 'search|askField|author');
    const state = (await kept(guest()))!;
    expect(state).toEqual({ flow: 'search', step: 'query', version: state.version, data: { field: 'author' } });
    await turnedAway(
      guest(),
      state,
      [{ field: 7 }, { field: ['author'] }],
      () => h.say(guest(), '夏目 漱石'),
      (live) => expect(wordsOf(live.replies)).toContain('「著者:夏目 漱石」の検索結果'),
    );
  });

  it('login: an altered pending reservation is not offered again after the login', async () => {
    const found = await h.say(guest(), '吾輩は猫である');
    const reserve = buttonData(found, '予約申込')!;
    await h.tap(guest(), reserve);
    const state = (await kept(guest()))!;
    expect(state).toMatchObject({ flow: 'login', step: 'wait', data: { pending: { flow: 'reserve' } } });
    const pending = (state.data as { pending: Record<string, unknown> }).pending;
    let loginUrl = '';
    await turnedAway(
      guest(),
      state,
      [{ pending: { ...pending, args: [Number(reserve.split('|')[2])] } }, { pending: { ...pending, flow: 1 } }],
      // A card that may reserve (R-ELIG-2): a non-resident is not offered the reservation again.
      () => h.login(guest(), '2000000006', 'Sy6d2Hq8', loginUrl),
      (live) => expect(buttonData(live.replies, '予約申込')).toBe(reserve),
      async () => {
        // Every run logs in from the start: logged out, with a login button of its own.
        await unlinkAccount(h.db, guest(), h.now);
        loginUrl = buttonData(await h.say(guest(), 'ログイン'), 'ログイン')!;
      },
    );
  });

  it('login: a search typed beside an altered pending reservation drops it, as an expired one is dropped', async () => {
    await unlinkAccount(h.db, guest(), h.now);
    await h.tap(guest(), buttonData(await h.say(guest(), '吾輩は猫である'), '予約申込')!);
    const state = (await kept(guest()))!;
    expect(state).toMatchObject({ flow: 'login', step: 'wait', data: { pending: { flow: 'reserve' } } });
    const pending = (state.data as { pending: Record<string, unknown> }).pending;
    await turnedAway(
      guest(),
      state,
      [{ pending: { ...pending, step: null } }, { pending: 'reserve' }],
      () => h.say(guest(), '猫'),
      (live) => expect(live.after).toMatchObject({ flow: 'login', step: 'wait', data: state.data }),
    );
  });

  it('logout: ログアウト with a state that is not an object is answered as expired', async () => {
    const ask = await h.say(taro(), 'ログアウト');
    const logout = buttonData(ask, 'ログアウト')!;
    const state = (await kept(taro()))!;
    expect(state).toMatchObject({ flow: 'logout', step: 'confirming', data: {} });
    await turnedAway(
      taro(),
      state,
      [null, [], 'confirming', 1],
      () => h.tap(taro(), logout),
      (live) => expect(wordsOf(live.replies)).toContain('ログアウトしました'),
    );
    expect(wordsOf(await h.say(taro(), 'ご利用状況'))).toContain('ログインが必要です');
  });
});
