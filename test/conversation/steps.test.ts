import { describe, expect, it } from 'vitest';
import type { Facts } from '../../src/conversation/effects.js';
import type { StepContext, StepResult } from '../../src/conversation/flow.js';
import { reserveFlow } from '../../src/conversation/flows/reserve.js';
import { searchFlow } from '../../src/conversation/flows/search.js';
import { decodePostback } from '../../src/conversation/postback.js';
import type { Reply } from '../../src/conversation/reply.js';
import type { Input } from '../../src/conversation/input.js';

/**
 * Steps are pure: a scripted conversation runs them with no database, the stored state going
 * through JSON between turns exactly as the engine stores it.
 */
const now = new Date('2026-12-01T19:00:00+09:00');
const user = { lineUserId: 'U' + '1'.repeat(32), patronId: '7' };

function run(
  step: (c: StepContext) => StepResult,
  input: Input,
  data: unknown,
  version: number,
  facts: Facts = {},
): StepResult {
  const postback = input.kind === 'postback' ? decodePostback(input.data) : undefined;
  const stored = data === undefined ? undefined : (JSON.parse(JSON.stringify(data)) as Record<string, unknown>);
  return step({
    data: stored,
    input,
    postback,
    facts,
    user,
    now,
    version,
    publicBaseUrl: 'https://library.example.jp',
  });
}

function button(replies: readonly Reply[], label: string): string {
  let found = '';
  JSON.stringify(replies, (_k, v: { label?: string; data?: string }) => {
    if (v && typeof v === 'object' && v.label === label && v.data) found = v.data;
    return v;
  });
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

describe('reserve flow, step by step', () => {
  const options: Facts = {
    reservation: {
      ok: true,
      value: {
        bibId: '42',
        title: 'こころ',
        branches: [
          { code: 'tobu', name: '東部分館' },
          { code: 'honkan', name: '本館' },
        ],
        emailConfirmed: false,
        contacts: ['none', 'email', 'line'],
      },
    },
  };

  it('R-RES-5: start asks for the options first, then offers the branches, the last one used first', () => {
    const start = run(reserveFlow.steps.start!, { kind: 'postback', data: 'reserve|start|42' }, undefined, 0);
    // R-WALK-1 (issue 26): whether a copy may be borrowed today is read with the options.
    expect(start.effects).toEqual([
      { kind: 'reservationOptions', bibId: '42' },
      { kind: 'walkIn', bibId: '42' },
    ]);
    const choose = run(
      reserveFlow.steps.chooseBranch!,
      { kind: 'postback', data: 'reserve|start|42' },
      undefined,
      0,
      options,
    );
    const quick = (choose.replies[0] as { quickReplies: { label: string }[] }).quickReplies.map((q) => q.label);
    expect(quick.slice(0, 2)).toEqual(['東部分館', '本館']);
    expect(choose.next?.step).toBe('branch');
  });

  it('R-RES-6: E-mail is offered only with a confirmed address; the 送信 button is good for one state version', () => {
    const choose = run(
      reserveFlow.steps.chooseBranch!,
      { kind: 'postback', data: 'reserve|start|42' },
      undefined,
      3,
      options,
    );
    const branch = run(
      reserveFlow.steps.branch!,
      { kind: 'postback', data: button(choose.replies, '東部分館') },
      choose.next!.data,
      4,
    );
    const contacts = (branch.replies[0] as { quickReplies: { label: string }[] }).quickReplies.map((q) => q.label);
    expect(contacts).toEqual(['連絡不要', 'LINE', 'やめる']);
    const contact = run(
      reserveFlow.steps.contact!,
      { kind: 'postback', data: 'reserve|contact|line' },
      branch.next!.data,
      5,
    );
    expect(contact.effects).toEqual([{ kind: 'reservationPreview', bibId: '42', branch: 'tobu' }]);
    const confirm = run(
      reserveFlow.steps.confirm!,
      { kind: 'postback', data: 'reserve|contact|line' },
      contact.next!.data,
      5,
      {
        preview: {
          ok: true,
          value: { title: 'こころ', branchName: '東部分館', officialDate: '2026-12-02', holdsAhead: 0 },
        },
      },
    );
    const send = button(confirm.replies, '送信');
    expect(send).toBe('reserve|send|42|6');
    // The current state (version 6) accepts it once; an older or newer version does not, and asks
    // only whether the title is reserved already (a double tap is told so).
    const sent = run(reserveFlow.steps.send!, { kind: 'postback', data: send }, confirm.next!.data, 6);
    expect(sent.effects).toEqual([{ kind: 'placeHold', bibId: '42', branch: 'tobu', contact: 'line' }]);
    const asks = [{ kind: 'doneAlready', action: 'reserve', id: '42' }];
    expect(run(reserveFlow.steps.send!, { kind: 'postback', data: send }, confirm.next!.data, 7).effects).toEqual(asks);
    expect(run(reserveFlow.steps.send!, { kind: 'postback', data: send }, undefined, 6).effects).toEqual(asks);
    // A button naming another title, or none, places nothing.
    for (const data of ['reserve|send|43|6', 'reserve|send|6'])
      expect(
        run(reserveFlow.steps.send!, { kind: 'postback', data }, confirm.next!.data, 6).effects ?? [],
      ).not.toContainEqual(expect.objectContaining({ kind: 'placeHold' }));
  });

  it('a branch not offered, or a contact not allowed, ends the conversation politely', () => {
    const choose = run(
      reserveFlow.steps.chooseBranch!,
      { kind: 'postback', data: 'reserve|start|42' },
      undefined,
      0,
      options,
    );
    const wrong = run(
      reserveFlow.steps.branch!,
      { kind: 'postback', data: 'reserve|branch|nowhere' },
      choose.next!.data,
      1,
    );
    expect(JSON.stringify(wrong.replies)).toContain('時間切れ');
    expect(wrong.next).toBeNull();
    const email = run(
      reserveFlow.steps.contact!,
      { kind: 'postback', data: 'reserve|contact|email' },
      { ...choose.next!.data, branch: 'tobu' },
      2,
    );
    expect(email.effects).toBeUndefined();
  });
});

describe('search flow, step by step', () => {
  it('R-SRCH-1: typed words become one search effect; a chosen field prefixes them', () => {
    // A logged-in patron's search also reads whether he may reserve (R-ELIG-2: offers follow it).
    expect(run(searchFlow.steps.query!, { kind: 'text', text: ' 猫 旅 ' }, undefined, 0).effects).toEqual([
      { kind: 'search', text: '猫 旅', page: 0 },
      { kind: 'eligibility' },
    ]);
    expect(run(searchFlow.steps.query!, { kind: 'text', text: '夏目 漱石' }, { field: 'author' }, 1).effects).toEqual([
      { kind: 'search', text: '著者:夏目 著者:漱石', page: 0 },
      { kind: 'eligibility' },
    ]);
  });
});
