import { join } from 'node:path';
import { errorText, type Logger } from '../log.js';
import { fileTransport } from './file.js';
import { smtpTransport } from './smtp.js';
import type { MailTransport } from './transport.js';

/**
 * SMTP when SMTP_URL is set, else .eml files under DATA_DIR/mail. The SMTP server is asked at
 * start, without waiting for it: a server that is down is a warning, never a failed start, since
 * mails wait in the outbox and the deliver-notices job retries them.
 */
export function mailTransportFor(
  config: { smtpUrl: string | undefined; mailFrom: string; dataDir: string },
  log: Logger,
): MailTransport {
  if (!config.smtpUrl) return fileTransport(join(config.dataDir, 'mail'), config.mailFrom, log);
  const transport = smtpTransport(config.smtpUrl, config.mailFrom);
  // Host and port only: SMTP_URL may carry a user name and password.
  const server = hostOf(config.smtpUrl);
  void transport
    .verify()
    .then((answers) =>
      answers
        ? log.info('mail server answers', { server })
        : log.warn('mail server does not answer; mails stay queued and are retried', { server }),
    )
    .catch((err) => log.warn('mail server check failed', { server, error: errorText(err) }));
  return transport;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(unparsable SMTP_URL)';
  }
}
