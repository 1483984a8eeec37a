import { currentLanguage, pageLanguageQuery } from '../lib/language.js';
import type { DueMail } from '../db/mail-outbox.js';
import { holdServiceMail } from './hold-service-cards.js';
import type { OutgoingMail } from '../mail/transport.js';
import {
  botMessages,
  cardWords,
  formatDate,
  MAIL_SENDER_NOTICE,
  mailText,
  noticeMessages,
  patronChat,
} from '../messages/current.js';

/** What a mail needs besides its notice: where links point, who sends, branch names. */
export interface MailContext {
  publicBaseUrl: string;
  mailFrom: string;
  branchName: (code: unknown) => string;
}

/** The page a confirmation link opens (R-MAIL-2). Built from PUBLIC_BASE_URL, never from a request. */
export const confirmationLink = (publicBaseUrl: string, token: string) =>
  `${publicBaseUrl}/email/confirm?token=${encodeURIComponent(token)}${pageLanguageQuery('&')}`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Plain text and an HTML part from the same paragraphs; a link is its own paragraph, clickable in HTML. */
function compose(
  to: string,
  subject: string,
  blocks: (string | { link: string })[],
  ctx: MailContext,
  messageId: string,
): OutgoingMail {
  const all = [...blocks, MAIL_SENDER_NOTICE(ctx.mailFrom), mailText.signature.join('\n')];
  const text = all.map((b) => (typeof b === 'string' ? b : b.link)).join('\n\n') + '\n';
  const lang = currentLanguage() === 'en' ? 'en' : 'ja';
  const html =
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"></head>` +
    '<body style="font-size:16px;line-height:1.7">' +
    all
      .map((b) =>
        typeof b === 'string'
          ? `<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`
          : `<p><a href="${escapeHtml(b.link)}" style="word-break:break-all">${escapeHtml(b.link)}</a></p>`,
      )
      .join('') +
    '</body></html>';
  return { to, subject, text, html, messageId };
}

/**
 * The mail for one outbox row, or why it cannot be sent. Confirmation mails go to the address being
 * registered (not yet confirmed: that is the point); hold notices go to the confirmed address only.
 */
export function mailForNotice(n: DueMail, ctx: MailContext): { mail: OutgoingMail } | { drop: string } {
  const p = n.payload;
  // Stable across retries: the notice's retry key, at the sender's domain.
  const messageId = `<${n.retryKey}@${ctx.mailFrom.split('@')[1] ?? 'localhost'}>`;
  switch (n.kind) {
    case 'email_confirmation': {
      if (typeof p.email !== 'string' || typeof p.token !== 'string')
        return { drop: 'confirmation without address or token' };
      const expiresAt = new Date(String(p.expiresAt));
      const blocks = [
        mailText.confirmationLines.join('\n'),
        { link: confirmationLink(ctx.publicBaseUrl, p.token) },
        mailText.confirmationAfterLink({ expiresAt }).join('\n'),
      ];
      return { mail: compose(p.email, mailText.confirmationSubject, blocks, ctx, messageId) };
    }
    default: {
      const m = patronMail(n.kind, p, ctx);
      if (!m) return { drop: `no mail for notice kind ${n.kind}` };
      if (!n.confirmedEmail) return { drop: 'no confirmed e-mail address' };
      return { mail: compose(n.confirmedEmail, m.subject, m.blocks, ctx, messageId) };
    }
  }
}

/**
 * The subject and paragraphs of a notice to the patron's confirmed address, by its kind (none for a
 * kind that has no mail). Reminders say what the LINE card says: the heading, the title and dates, the note.
 */
function patronMail(
  kind: string,
  p: Record<string, unknown>,
  ctx: MailContext,
): { subject: string; blocks: string[] } | undefined {
  const branchName = ctx.branchName(p.pickupBranch);
  const title = cardWords.quotedTitle(String(p.title ?? ''));
  const due = cardWords.row(patronChat.dueDateLabel, formatDate(String(p.dueDate ?? '')));
  switch (kind) {
    case 'hold_ready': {
      const text = botMessages.holdReady({
        title: String(p.title ?? ''),
        branchName,
        deadline: String(p.pickupDeadline ?? ''),
      });
      return { subject: mailText.holdReadySubject, blocks: [text] };
    }
    case 'hold_expired':
      return { subject: mailText.holdExpiredSubject, blocks: [botMessages.holdExpired({ branchName })] };
    case 'pickup_reminder': {
      const m = noticeMessages.pickupReminder;
      const deadline = cardWords.row(patronChat.pickupDeadlineLabel, formatDate(String(p.pickupDeadline ?? '')));
      return {
        subject: m.heading,
        blocks: [
          `${m.heading}\n${title}\n${cardWords.row(patronChat.pickupBranchLabel, branchName)}\n${deadline}`,
          m.note,
        ],
      };
    }
    case 'due_reminder': {
      const m = noticeMessages.dueReminder;
      const how = p.renewable === true ? m.renewableByMail : m.returnBy;
      return { subject: m.heading, blocks: [`${m.heading}\n${title}\n${due}`, how] };
    }
    case 'due_date_moved': {
      const m = noticeMessages.dueDateMoved;
      const from = cardWords.row(m.fromLabel, formatDate(String(p.from ?? '')));
      return { subject: m.heading, blocks: [`${m.heading}\n${title}\n${from}\n${due}`, m.note] };
    }
    case 'pickup_deadline_moved': {
      const m = noticeMessages.pickupDeadlineMoved;
      const from = cardWords.row(m.fromLabel, formatDate(String(p.from ?? '')));
      const deadline = cardWords.row(patronChat.pickupDeadlineLabel, formatDate(String(p.pickupDeadline ?? '')));
      return {
        subject: m.heading,
        blocks: [
          `${m.heading}\n${title}\n${cardWords.row(patronChat.pickupBranchLabel, branchName)}\n${from}\n${deadline}`,
          m.note,
        ],
      };
    }
    case 'loan_reserved': {
      const m = noticeMessages.loanReserved;
      return { subject: m.heading, blocks: [`${m.heading}\n${title}\n${due}`, m.note] };
    }
    default:
      return holdServiceMail(kind, p);
  }
}
