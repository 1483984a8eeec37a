import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where browser tests save screenshots: docs/screenshots/ when UPDATE_SCREENSHOTS=1 (to refresh
 * the committed pictures on purpose), else a temporary folder, so that `npm test` never changes
 * tracked files.
 */
export function screenshotDir(): string {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? join(import.meta.dirname, '../../docs/screenshots')
      : join(tmpdir(), 'kamagaya-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}
