import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../log.js';
import { nodemailerMessage } from './nodemailer-message.js';
import type { MailTransport, OutgoingMail } from './transport.js';

/**
 * Development mail (SMTP_URL unset): each mail is written, exactly as SMTP would carry it, to an
 * .eml file under `dir` (DATA_DIR/mail), and the file's path is logged so a developer can open the
 * link in it. The log line holds the path only: the mail's body holds a live token.
 */
export function fileTransport(dir: string, from: string, log: Logger): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail: OutgoingMail) {
      const info = await composer.sendMail(nodemailerMessage(from, mail));
      await mkdir(dir, { recursive: true });
      // Sortable by time, unique without a lock; never derived from the address or the token.
      const path = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
      await writeFile(path, info.message as Buffer, { mode: 0o600 });
      log.info('mail written', { path });
    },
    // Nothing to ask: the directory is made at the first mail (a start creates no empty folder).
    async verify() {
      return true;
    },
  };
}
