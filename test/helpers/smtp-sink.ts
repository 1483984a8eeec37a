import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** Resolves when `n` mails have arrived in all (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<void>;
  stop(): Promise<void>;
}

const SCRIPT = join(import.meta.dirname, '../mail/smtp-sink.mjs');

/** Starts test/mail/smtp-sink.mjs (the smtp-server package) as its own process on 127.0.0.1. */
export async function startSmtpSink(port = 0, env: Record<string, string> = {}): Promise<SmtpSink> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const lines = createInterface({ input: child.stdout! });
  const listening = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`smtp sink exited with ${code}`)));
    lines.on('line', (line) => {
      const m = line.match(/^listening (\d+)$/);
      if (m) return resolve(Number(m[1]));
      received.push(JSON.parse(line) as ReceivedMail);
      for (const w of waiters.splice(0)) w();
    });
  });
  const actual = await listening;
  return {
    port: actual,
    received,
    async waitFor(n, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} mails, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A port nothing listens on right now (for "the server is down", then started there). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
