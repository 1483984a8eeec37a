import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as netServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export async function freePort(): Promise<number> {
  const s = netServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * src/main.ts as a real process (its signal handlers are the thing under test), stdout kept. Node
 * with tsx's loader rather than the `tsx` wrapper: the wrapper relays signals to a grandchild,
 * and the test must signal the process that owns the handlers.
 */
export class ChildServer {
  readonly stdout: string[] = [];
  readonly #child: ChildProcess;
  readonly exited: Promise<number | null>;
  readonly url: string;

  constructor(port: number, env: Record<string, string>) {
    this.url = `http://127.0.0.1:${port}`;
    this.#child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED: 'none',
        CRON: 'off',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let rest = '';
    this.#child.stdout!.on('data', (b: Buffer) => {
      const parts = (rest + b.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      this.stdout.push(...parts.filter((l) => l.trim() !== ''));
    });
    this.exited = new Promise((r) => this.#child.on('exit', (code) => r(code)));
  }

  async ready(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('server did not become healthy');
  }

  signal(sig: NodeJS.Signals): void {
    this.#child.kill(sig);
  }

  /** The parsed JSON log lines. */
  logs(): Record<string, unknown>[] {
    return this.stdout.flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }
}
