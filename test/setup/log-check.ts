import { afterAll, expect } from 'vitest';
import { capturedLogLines, secretsIn } from '../helpers/test-log.js';

// Runs after every test file: the file's log (test/helpers/test-log.ts) may hold no password,
// token, nonce or full card number the file handled. A failure here names the line.
afterAll(() => {
  expect(secretsIn(capturedLogLines), "secrets in this test file's logs").toEqual([]);
});
