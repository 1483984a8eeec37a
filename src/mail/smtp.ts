import nodemailer from 'nodemailer';
import { nodemailerMessage } from './nodemailer-message.js';
import type { MailTransport, OutgoingMail } from './transport.js';

/**
 * Short waits: a mail is sent right after the page's commit and by the every-minute job, and a
 * server that does not answer must not hold either for nodemailer's default two minutes. The
 * notice stays in the outbox and is tried again, so giving up early loses nothing.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 };

/** Mail over SMTP (SMTP_URL: smtp://user:pass@host:port, or smtps:// for implicit TLS), from MAIL_FROM. */
export function smtpTransport(url: string, from: string): MailTransport {
  // One connection per mail (no pool): mails are few, and a pooled connection that the server
  // dropped would fail the next send for nothing.
  const transporter = nodemailer.createTransport({ url, ...TIMEOUTS });
  return {
    async send(mail: OutgoingMail) {
      await transporter.sendMail(nodemailerMessage(from, mail));
    },
    async verify() {
      try {
        return await transporter.verify();
      } catch {
        return false;
      }
    },
    async close() {
      transporter.close();
    },
  };
}
