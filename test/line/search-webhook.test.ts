import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { limitViolations } from '../../src/line/limits.js';
import { testLog } from '../helpers/test-log.js';
import { seedDemoLibrary } from '../../src/seed/demo-library.js';
import {
  fakeLine,
  lineRuntime,
  lineUserId,
  otherEvent,
  postWebhook,
  textEvent,
  webhookBody,
  type FakeLine,
} from '../helpers/line.js';
import { lineApi } from '../setup/msw.js';

/** Catalog search end to end: signed events in, the Flex replies LINE receives out (msw). */
let rt: Awaited<ReturnType<typeof lineRuntime>>;
let line: FakeLine;

beforeAll(async () => {
  rt = await lineRuntime();
  await seedDemoLibrary(rt.db, new Date('2026-11-28T12:00:00+09:00'), testLog);
});
afterAll(async () => rt?.close());
beforeEach(() => {
  line = fakeLine(lineApi);
});

async function send(event: ReturnType<typeof textEvent>): Promise<Record<string, any>[]> {
  expect((await postWebhook(rt.app, webhookBody([event]))).status).toBe(200);
  await rt.worker.kick();
  const call = line.replies().find((c) => c.replyToken === event.replyToken);
  expect(call, 'a reply on the event reply token').toBeDefined();
  const messages = call!.messages as unknown as Record<string, any>[];
  expect(limitViolations(messages)).toEqual([]);
  return messages;
}

const postbackEvent = (user: string, data: string) => otherEvent('postback', user, { postback: { data } });

describe('search through the webhook', () => {
  it('R-SRCH-2: 分類:C answers with a Flex carousel of kamishibai and a 次の10件 quick reply', async () => {
    const user = lineUserId('kamishibai');
    const [header, carousel] = await send(textEvent(user, '分類:C'));
    expect(header).toMatchObject({ type: 'text' });
    expect(header!.text).toMatch(/^「分類:C」の検索結果：20件（1〜10件目）/);
    expect(carousel).toMatchObject({ type: 'flex', contents: { type: 'carousel' } });
    const bubbles = carousel!.contents.contents as unknown[];
    expect(bubbles).toHaveLength(10);
    for (const b of bubbles) expect(JSON.stringify(b)).toContain('［紙芝居］');
    const next = (carousel!.quickReply.items as { action: { label: string; data?: string } }[]).find(
      (i) => i.action.label === '次の10件',
    );
    expect(next?.action.data).toBe('search|next|1|分類:C');
  });

  it('R-SRCH-5: a tap on 詳細を見る answers the copies with their states and 予約申込', async () => {
    const user = lineUserId('detail');
    const [, carousel] = await send(textEvent(user, '吾輩は猫である'));
    const detailData = JSON.stringify(carousel).match(/"data":"(search\|detail\|\d+)"/)![1]!;
    const [detail] = await send(postbackEvent(user, detailData) as ReturnType<typeof textEvent>);
    const json = JSON.stringify(detail);
    expect(detail).toMatchObject({ type: 'flex', contents: { type: 'bubble' } });
    expect(json).toContain('本館');
    expect(json).toMatch(/貸出可|貸出中/);
    expect(json).toMatch(/予約件数：\d+件/);
    expect(json).toMatch(/"data":"reserve\|start\|\d+"/);
    expect(json).toContain('"label":"予約申込"');
  });

  it('no hits are answered in words, with buttons to search again', async () => {
    const [m] = await send(textEvent(lineUserId('nohit'), 'ぜったいにない書名ですよ'));
    expect(m!.text).toContain('見つかりませんでした');
    expect(m!.quickReply.items.length).toBeGreaterThan(0);
  });
});
