import type { SendMailOptions } from 'nodemailer';
import type { OutgoingMail } from './transport.js';

/** A mail as nodemailer takes it, from MAIL_FROM: what the SMTP and the file transports both send. */
export function nodemailerMessage(from: string, mail: OutgoingMail): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
  };
}
