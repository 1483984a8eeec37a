import { createHash, randomBytes } from 'node:crypto';
import { errorText, type Logger } from '../log.js';
import { newReplyToken, signature, webhookBody, webhookEvent, type PatronAction } from './events.js';
import { Transcript } from './transcript.js';

/** LINE's reply tokens last about a minute; link tokens ten minutes (Messaging API reference). */
const REPLY_TOKEN_TTL_MS = 60_000;
const LINK_TOKEN_TTL_MS = 10 * 60_000;
/** The typing indicator gives up when the bot says nothing for this long. */
const TYPING_TIMEOUT_MS = 20_000;
const MAX_RETRY_KEYS = 10_000;

export interface StandInChannelOptions {
  /** Where the bot's webhook listens (the app itself, over loopback). */
  webhookUrl: string;
  /** The app's clock: the time events carry and the page shows. */
  clock: () => Date;
  log: Logger;
  /** Aliases of the rich menus in richmenus/, and which one LINE shows without a per-user link. */
  menuAliases: readonly string[];
  defaultAlias: string;
}

/**
 * The LINE platform as far as one chat page needs it: a channel secret that signs the events it
 * sends, an access token the bot must present, and what LINE remembers (reply tokens, link tokens,
 * retry keys, per-user rich menus). Token lifetimes run on real time, as LINE's servers do, even
 * when the app's clock is set (tests).
 */
export class StandInChannel {
  /** Random per start: nothing outside this process can sign a webhook body or call the stand-in. */
  readonly channelSecret = randomBytes(16).toString('hex');
  readonly accessToken = randomBytes(32).toString('base64url');
  readonly transcript: Transcript;
  readonly defaultAlias: string;
  readonly #opts: StandInChannelOptions;
  readonly #replyTokens = new Map<string, { user: string; expiresAt: number }>();
  readonly #linkTokens = new Map<string, { user: string; expiresAt: number; used: boolean }>();
  readonly #retryKeys = new Set<string>();
  /** richMenuId → alias; ids look like LINE's (richmenu- and 32 hex digits). */
  readonly #menus = new Map<string, string>();
  readonly #userMenus = new Map<string, string>();
  readonly #typing = new Map<string, NodeJS.Timeout>();

  constructor(opts: StandInChannelOptions) {
    this.#opts = opts;
    this.transcript = new Transcript(opts.clock);
    for (const alias of opts.menuAliases)
      this.#menus.set(`richmenu-${createHash('md5').update(alias).digest('hex')}`, alias);
    this.defaultAlias = opts.menuAliases.includes(opts.defaultAlias)
      ? opts.defaultAlias
      : (opts.menuAliases[0] ?? opts.defaultAlias);
  }

  /**
   * Sends one event for `user` to the bot's webhook, signed, as LINE does; `shown` is what the
   * patron's side of the chat shows (typed text, a button's displayText). False when the webhook
   * refused it (the page is told in a note).
   */
  async send(user: string, action: PatronAction, shown?: string): Promise<boolean> {
    if (shown) this.transcript.add({ kind: 'patron', user, text: shown });
    const replyToken = newReplyToken();
    this.#forgetExpired();
    this.#replyTokens.set(replyToken, { user, expiresAt: Date.now() + REPLY_TOKEN_TTL_MS });
    const body = webhookBody([webhookEvent(user, action, replyToken, this.#opts.clock())]);
    this.typing(user, true);
    try {
      const res = await fetch(this.#opts.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-line-signature': signature(this.channelSecret, body),
        },
        body,
      });
      if (res.ok) return true;
      this.#refused(user, `HTTP ${res.status}`);
    } catch (err) {
      this.#refused(user, errorText(err));
    }
    return false;
  }

  #refused(user: string, why: string): void {
    this.#opts.log.warn('dev chat: webhook refused an event', { why });
    this.typing(user, false);
    this.transcript.add({ kind: 'note', user, text: `Webhook に届きませんでした（${why}）` });
  }

  /** Whose event a reply token belongs to, without using it up. */
  replyTokenUser(token: string): string | undefined {
    return this.#replyTokens.get(token)?.user;
  }

  /** Messages LINE would refuse: the developer sees why in the chat, as a note. */
  refused(user: string, problems: readonly string[]): void {
    this.typing(user, false);
    this.transcript.add({ kind: 'note', user, text: `LINE ならこのメッセージを拒否します：${problems.join('、')}` });
  }

  /** A reply token is good once, for about a minute. */
  takeReplyToken(token: string): string | undefined {
    const t = this.#replyTokens.get(token);
    this.#replyTokens.delete(token);
    return t && t.expiresAt > Date.now() ? t.user : undefined;
  }

  /** Messages the bot sent reach the page; the typing indicator stops. */
  deliver(user: string, messages: unknown[], via: 'reply' | 'push'): void {
    this.typing(user, false);
    this.transcript.add({ kind: 'bot', user, messages, via });
  }

  /** False when LINE has already accepted a request with this X-Line-Retry-Key. */
  acceptRetryKey(key: string): boolean {
    if (this.#retryKeys.has(key)) return false;
    if (this.#retryKeys.size >= MAX_RETRY_KEYS) this.#retryKeys.clear();
    this.#retryKeys.add(key);
    return true;
  }

  issueLinkToken(user: string): string {
    const token = randomBytes(24).toString('base64url');
    this.#linkTokens.set(token, { user, expiresAt: Date.now() + LINK_TOKEN_TTL_MS, used: false });
    return token;
  }

  /** The user a link token was issued for, and whether it is still good (once, for ten minutes). */
  useLinkToken(token: string): { user: string; valid: boolean } | undefined {
    const t = this.#linkTokens.get(token);
    if (!t) return undefined;
    const valid = !t.used && t.expiresAt > Date.now();
    t.used = true;
    return { user: t.user, valid };
  }

  richMenuIdOf(alias: string): string | undefined {
    for (const [id, a] of this.#menus) if (a === alias) return id;
    return undefined;
  }

  /** The per-user menu's id, if the bot linked one. */
  linkedRichMenuId(user: string): string | undefined {
    const alias = this.#userMenus.get(user);
    return alias === undefined ? undefined : this.richMenuIdOf(alias);
  }

  linkRichMenu(user: string, richMenuId: string): boolean {
    const alias = this.#menus.get(richMenuId);
    if (alias === undefined) return false;
    this.#userMenus.set(user, alias);
    this.transcript.add({ kind: 'menu', user, alias });
    return true;
  }

  /** Removes the per-user menu, so the default one shows; false when none was linked. */
  unlinkRichMenu(user: string): boolean {
    if (!this.#userMenus.delete(user)) return false;
    this.transcript.add({ kind: 'menu', user, alias: this.defaultAlias });
    return true;
  }

  /** The typing indicator on the page (LINE's loading animation); it goes off by itself. */
  typing(user: string, on: boolean, ms: number = TYPING_TIMEOUT_MS): void {
    clearTimeout(this.#typing.get(user));
    this.#typing.delete(user);
    if (on) this.#typing.set(user, setTimeout(() => this.typing(user, false), ms).unref());
    this.transcript.signal({ kind: 'typing', user, on });
  }

  #forgetExpired(): void {
    const now = Date.now();
    for (const [token, t] of this.#replyTokens) if (t.expiresAt <= now) this.#replyTokens.delete(token);
    // Expired link tokens are kept a while longer, so the dialog can still answer `failed` for them.
    for (const [token, t] of this.#linkTokens)
      if (t.expiresAt + LINK_TOKEN_TTL_MS <= now) this.#linkTokens.delete(token);
  }
}
