import type { MailTransport, OutgoingMail } from '../../src/mail/transport.js';
import { rememberSecret } from './test-log.js';

/** A mail transport that keeps what it was given; `failWith` makes the next sends throw (a server that is down). */
export function recordingMailer(): MailTransport & { sent: OutgoingMail[]; failWith: Error | undefined } {
  const m = {
    sent: [] as OutgoingMail[],
    failWith: undefined as Error | undefined,
    async send(mail: OutgoingMail) {
      if (m.failWith) throw m.failWith;
      m.sent.push(mail);
    },
    async verify() {
      return m.failWith === undefined;
    },
  };
  return m;
}

/** The confirmation link in a mail's text (the first URL with a token). */
export function linkIn(text: string): string | undefined {
  return text.match(/https?:\/\/\S+\/email\/confirm\?token=[A-Za-z0-9_%-]+/)?.[0];
}

/** The token of a confirmation link. */
export const tokenOf = (link: string) => {
  const token = new URL(link).searchParams.get('token')!;
  rememberSecret('an e-mail confirmation token', token);
  return token;
};

export interface ParsedMail {
  headers: Map<string, string>;
  /** Decoded bodies by content type (text/plain, text/html). */
  parts: Map<string, string>;
}

/**
 * Just enough MIME to read what nodemailer sends: unfolded headers, RFC 2047 encoded words, one
 * level of multipart, base64 and quoted-printable bodies. Tests of a real SMTP server use it.
 */
export function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitHeaders(raw);
  const parts = new Map<string, string>();
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = type.match(/boundary="?([^";]+)"?/)?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const part = splitHeaders(chunk.replace(/^\r?\n/, ''));
      const partType = (part.headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim();
      parts.set(partType, decodeBody(part.body, part.headers.get('content-transfer-encoding')));
    }
  } else {
    parts.set(type.split(';')[0]!.trim(), decodeBody(body, headers.get('content-transfer-encoding')));
  }
  return { headers, parts };
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  return { headers, body: raw.slice(at).replace(/^\r?\n\r?\n/, '') };
}

function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
  );
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? '7bit').toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return qp(body.replace(/=\r?\n/g, ''));
  return body;
}

function qp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
