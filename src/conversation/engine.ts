import type { Tx } from '../db/executor.js';
import { touchLineUser } from '../db/line-users.js';
import type { Input } from '../line/inbound.js';
import { botMessages } from '../messages/ja.js';
import { text, type Reply } from './reply.js';

/**
 * The bot's answer to one event, inside the event's transaction. This is the foundation's
 * dispatcher: follow/unfollow are recorded and greeted; flows (search, login, reserve …) plug in
 * here as they are built.
 */
export async function handleEvent(tx: Tx, event: { lineUserId: string; input: Input }, now: Date): Promise<Reply[]> {
  const { input, lineUserId } = event;
  switch (input.kind) {
    case 'follow':
      await touchLineUser(tx, lineUserId, true, now);
      return [text(botMessages.greeting)];
    case 'unfollow':
      await touchLineUser(tx, lineUserId, false, now);
      return [];
    case 'text':
    case 'postback':
      await touchLineUser(tx, lineUserId, undefined, now);
      return [text(botMessages.notYetAvailable)];
    case 'accountLink':
    case 'ignored':
      return [];
  }
}
