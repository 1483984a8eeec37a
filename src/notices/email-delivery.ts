import { languagesOfPatrons } from '../db/line-users.js';
import { inLanguage, isLanguage } from '../lib/language.js';
import type { Kysely } from 'kysely';
import { listBranches } from '../db/branches.js';
import { leaseDueMail, settleMail, type DueMail } from '../db/mail-outbox.js';
import type { DB } from '../db/schema.js';
import type { MailTransport } from '../mail/transport.js';
import { errorText, type Logger } from '../log.js';
import { mailForNotice } from './mail-content.js';

/** Same schedule as LINE pushes (CONTRACT.md): the next attempt within 15 minutes, given up after a day. */
const GIVE_UP_AFTER_MS = 24 * 3_600_000;
export const mailRetryDelay = (attempt: number) => Math.min(15 * 60_000, 60_000 * 2 ** Math.max(0, attempt - 1));
/** Longer than any send can take with the SMTP timeouts (smtp.ts), so a lease never ends mid-send. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;

export interface EmailDeliveryDeps {
  db: Kysely<DB>;
  transport: MailTransport;
  log: Logger;
  publicBaseUrl: string;
  mailFrom: string;
}

/**
 * When trying stops: a day after the notice was written, or, for a confirmation mail, when its link
 * dies (also a day, but counted from the request's own clock, the one the link's expiry uses).
 */
function giveUpAt(n: DueMail): number {
  const linkExpires = n.kind === 'email_confirmation' ? Date.parse(String(n.payload.expiresAt)) : NaN;
  return Number.isFinite(linkExpires) ? linkExpires : n.createdAt.getTime() + GIVE_UP_AFTER_MS;
}

/** Whether another attempt may succeed: only a permanent SMTP rejection (5xx but 503) is final. */
function worthRetrying(err: unknown): boolean {
  return (err as { permanent?: unknown } | null)?.permanent !== true;
}

/**
 * Sends due e-mail notices (channel 'email': address confirmations, hold ready / expired) through
 * the mail transport. E-mail is not held by quiet hours. `onlyId` sends just that notice: the
 * attempt made right after the page's commit, which must not take up the whole backlog.
 * Returns how many mails went out.
 */
export async function deliverEmailNotices(deps: EmailDeliveryDeps, now: Date, onlyId?: string): Promise<number> {
  const branches = await listBranches(deps.db);
  const ctx = {
    publicBaseUrl: deps.publicBaseUrl,
    mailFrom: deps.mailFrom,
    branchName: (code: unknown) => branches.find((b) => b.code === code)?.name ?? String(code ?? ''),
  };
  let sent = 0;
  for (;;) {
    const due = await leaseDueMail(deps.db, now, new Date(now.getTime() + LEASE_MS), BATCH, onlyId);
    // Mail is per card: in the language of the LINE user the card is linked to, else Japanese.
    const languages = await languagesOfPatrons(deps.db, [...new Set(due.map((n) => n.patronId))]);
    for (const n of due) {
      const language = languages.get(n.patronId);
      // A confirmation whose link has died would only send the patron to an error page.
      const linkDead = n.kind === 'email_confirmation' && giveUpAt(n) <= now.getTime();
      const made = linkDead
        ? { drop: 'the link expired before the mail went out' }
        : inLanguage(isLanguage(language) ? language : 'ja', () => mailForNotice(n, ctx));
      if ('drop' in made) {
        deps.log.warn('mail dropped', { noticeId: n.id, kind: n.kind, reason: made.drop });
        await settleMail(deps.db, n.id, { status: 'dropped', error: made.drop });
        continue;
      }
      try {
        await deps.transport.send(made.mail);
        await settleMail(deps.db, n.id, { status: 'sent', at: new Date() });
        deps.log.info('mail sent', { noticeId: n.id, kind: n.kind });
        sent++;
      } catch (err) {
        const retry = worthRetrying(err) && giveUpAt(n) > now.getTime();
        deps.log.warn('mail not delivered', { noticeId: n.id, kind: n.kind, retry, error: errorText(err) });
        if (retry)
          await settleMail(deps.db, n.id, {
            status: 'pending',
            retryAt: new Date(now.getTime() + mailRetryDelay(n.attempts + 1)),
            error: errorText(err),
          });
        else await settleMail(deps.db, n.id, { status: 'failed', error: errorText(err) });
      }
    }
    if (due.length < BATCH || onlyId !== undefined) break;
  }
  return sent;
}
