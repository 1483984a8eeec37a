import { describe, expect, it } from 'vitest';
import type { Facts } from '../../src/conversation/effects.js';
import type { Flow, StepContext, StepResult } from '../../src/conversation/flow.js';
import { cancelFlow } from '../../src/conversation/flows/cancel.js';
import { menuActions, stopAction } from '../../src/conversation/flows/common.js';
import { renewFlow } from '../../src/conversation/flows/renew.js';
import type { Input } from '../../src/conversation/input.js';
import { decodePostback } from '../../src/conversation/postback.js';
import { chat, patronChat } from '../../src/messages/ja/index.js';

/**
 * 延長する and 取消する are one shape (confirm → ask → do → done) made by one builder: each keeps its
 * own step names, postback data, words and stored state. The state goes through JSON between
 * turns, as the engine stores it.
 */
const now = new Date('2026-12-01T19:00:00+09:00');

function run(
  flow: Flow,
  step: string,
  input: Input,
  opts: { data?: unknown; version?: number; facts?: Facts; patronId?: string | null } = {},
): StepResult {
  const ctx: StepContext = {
    data: opts.data === undefined ? undefined : JSON.parse(JSON.stringify(opts.data)),
    input,
    postback: input.kind === 'postback' ? decodePostback(input.data) : undefined,
    facts: opts.facts ?? {},
    user: { lineUserId: 'U' + '2'.repeat(32), patronId: opts.patronId === undefined ? '7' : opts.patronId },
    now,
    version: opts.version ?? 0,
    publicBaseUrl: 'https://library.example.jp',
  };
  return flow.steps[step]!(ctx);
}

const tap = (data: string): Input => ({ kind: 'postback', data });
const expired = { kind: 'text', text: chat.expired, quickReplies: menuActions() };
const notFound = { ok: false as const, failure: { kind: 'not_found' as const, what: 'loan' as const, id: 'L9' } };

describe('renew: 延長する → confirmation → 延長する → done', () => {
  const offer: Facts = {
    renewal: {
      ok: true,
      value: { loanId: 'L1', title: 'こころ', dueDate: '2026-12-01', newDueDate: '2026-12-15', shortens: false },
    },
  };

  it('confirm reads the offer for the loan in the button; without a login it offers the login instead', () => {
    expect(run(renewFlow, 'confirm', tap('renew|confirm|L1'))).toEqual({
      replies: [],
      effects: [{ kind: 'renewalOffer', loanId: 'L1' }],
      then: 'ask',
    });
    expect(run(renewFlow, 'confirm', tap('renew|confirm|L1'), { patronId: null })).toMatchObject({
      effects: [{ kind: 'issueLinkToken' }],
      then: 'loginButton',
      next: { flow: 'login', step: 'wait', data: {} },
    });
  });

  it('ask shows the new due date with a button for the next state version, and keeps the loan and title', () => {
    expect(run(renewFlow, 'ask', tap('renew|confirm|L1'), { facts: offer, version: 3 })).toEqual({
      replies: [
        {
          kind: 'buttons',
          altText: '延長する',
          text: patronChat.renewConfirm('こころ', '2026-12-01', '2026-12-15', false),
          actions: [
            { kind: 'postback', label: '延長する', data: 'renew|do|L1|4', displayText: '延長する' },
            stopAction(),
          ],
        },
      ],
      next: { step: 'confirming', data: { loanId: 'L1', title: 'こころ' } },
    });
    expect(run(renewFlow, 'ask', tap('renew|confirm|L9'), { facts: { renewal: notFound } }).replies).toEqual([
      { kind: 'text', text: patronChat.notYours, quickReplies: menuActions() },
    ]);
  });

  it('do renews the kept loan once, for the current state only; done names the title and the new date', () => {
    // A tap on any other state asks whether that loan is renewed already (issue 23, item 2).
    const asks = (loanId: string) => ({
      replies: [],
      effects: [{ kind: 'doneAlready', action: 'renew', id: loanId }],
      then: 'already',
    });
    const data = { loanId: 'L1', title: 'こころ' };
    expect(run(renewFlow, 'do', tap('renew|do|L1|4'), { data, version: 4 })).toEqual({
      replies: [],
      effects: [{ kind: 'renew', loanId: 'L1' }],
      then: 'done',
      next: null,
    });
    for (const [data2, version, button] of [
      [data, 5, 'renew|do|L1|4'],
      [data, 4, 'renew|do|L2|4'],
      [undefined, 4, 'renew|do|L1|4'],
      [{ loanId: 'L1' }, 4, 'renew|do|L1|4'],
    ] as const)
      expect(run(renewFlow, 'do', tap(button), { data: data2, version })).toEqual(asks(button.split('|')[2]!));
    const renewed: Facts = { renewed: { ok: true, value: { dueDate: '2026-12-15' } } };
    const done = run(renewFlow, 'done', tap('renew|do|L1|4'), { data, facts: renewed });
    expect(done.replies).toEqual([
      { kind: 'text', text: patronChat.renewed('こころ', '2026-12-15'), quickReplies: menuActions() },
    ]);
    // What was done is kept, so 延長する typed again is told it is done, not searched.
    expect(done.next).toEqual({ step: 'finished', data: { finished: data } });
    expect(run(renewFlow, 'already', tap('renew|do|L1|4'), { facts: { doneAlready: null } })).toEqual({
      replies: [expired],
      next: null,
    });
    expect(run(renewFlow, 'confirming', tap('renew|confirming')).replies).toEqual([expired]);
  });
});

describe('cancel: 取消する → confirmation → 取消する → done', () => {
  const hold: Facts = { cancellable: { ok: true, value: { holdId: 'H1', title: 'こころ', branchName: '本館' } } };

  it('confirm, ask, do, done: the same shape with the hold, its words and its own state', () => {
    expect(run(cancelFlow, 'confirm', tap('cancel|confirm|H1')).effects).toEqual([
      { kind: 'cancellableHold', holdId: 'H1' },
    ]);
    expect(run(cancelFlow, 'ask', tap('cancel|confirm|H1'), { facts: hold, version: 1 })).toEqual({
      replies: [
        {
          kind: 'buttons',
          altText: '取消する',
          text: patronChat.cancelConfirm('こころ', '本館'),
          actions: [
            { kind: 'postback', label: '取消する', data: 'cancel|do|H1|2', displayText: '取消する' },
            stopAction(),
          ],
        },
      ],
      next: { step: 'confirming', data: { holdId: 'H1' } },
    });
    expect(run(cancelFlow, 'do', tap('cancel|do|H1|2'), { data: { holdId: 'H1' }, version: 2 }).effects).toEqual([
      { kind: 'cancelHold', holdId: 'H1' },
    ]);
    expect(run(cancelFlow, 'do', tap('cancel|do|H1|2'), { data: { holdId: 'H2' }, version: 2 }).effects).toEqual([
      { kind: 'doneAlready', action: 'cancel', id: 'H1' },
    ]);
    const cancelled: Facts = { cancelled: { ok: true, value: { holdId: 'H1' } } };
    expect(run(cancelFlow, 'done', tap('cancel|do|H1|2'), { data: { holdId: 'H1' }, facts: cancelled })).toEqual({
      replies: [{ kind: 'text', text: patronChat.cancelDone, quickReplies: menuActions() }],
      next: { step: 'finished', data: { finished: { holdId: 'H1' } } },
    });
  });

  it('each flow keeps only the state it stores, checked by its schema', () => {
    expect(Object.keys(cancelFlow.states)).toEqual(['confirming', 'finished']);
    expect(cancelFlow.states.finished!.safeParse({ holdId: 'H1' }).success).toBe(false);
    expect(cancelFlow.states.finished!.safeParse({ finished: { holdId: 'H1' } }).success).toBe(true);
    expect(cancelFlow.states.confirming!.safeParse({ holdId: 'H1' }).success).toBe(true);
    expect(cancelFlow.states.confirming!.safeParse({ loanId: 'L1', title: 'x' }).success).toBe(false);
    expect(renewFlow.states.confirming!.safeParse({ loanId: 'L1', title: 'x' }).success).toBe(true);
    expect(renewFlow.states.confirming!.safeParse({ holdId: 'H1' }).success).toBe(false);
    expect(Object.keys(cancelFlow.steps)).toEqual(Object.keys(renewFlow.steps));
    expect(Object.keys(renewFlow.steps)).toEqual([
      'confirm',
      'loginButton',
      'ask',
      'confirming',
      'aside',
      'do',
      'done',
      'finished',
      'already',
    ]);
    // Once done, only the confirming words reach `finished`; other words are searched as usual.
    expect(renewFlow.textOnly?.finished?.('はい')).toBe(true);
    expect(renewFlow.textOnly?.finished?.('延長する')).toBe(true);
    expect(cancelFlow.textOnly?.finished?.('延長する')).toBe(false);
    expect(renewFlow.textOnly?.finished?.('ねこ')).toBe(false);
  });
});
