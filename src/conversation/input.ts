/**
 * What the conversation acts on: the few facts of an incoming event, in the conversation's own
 * terms. The channel adapter (line/inbound.ts) makes one from its events; anything the bot does
 * not understand becomes `ignored`, never an error.
 */
export type Input =
  | { kind: 'text'; text: string }
  | { kind: 'postback'; data: string }
  | { kind: 'follow' }
  | { kind: 'unfollow' }
  | { kind: 'accountLink'; result: 'ok' | 'failed'; nonce: string }
  | { kind: 'ignored'; reason: string };

/** Who is talking: the LINE user and, once logged in, the patron's card. */
export interface UserFacts {
  lineUserId: string;
  patronId: string | null;
  /**
   * Every card the LINE user has linked (docs/family-cards.md), oldest first; patronId is the
   * active one. Absent or one card: the chat speaks as it always has, naming no holder.
   */
  family?: readonly { patronId: string; name: string }[];
}
