import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing (R-PW-4: the library cannot see passwords). argon2id with OWASP's minimum
 * (m = 19 MiB, t = 2, p = 1). Callers check the policy (domain/passwords) before hashing, so a
 * huge input never reaches the hash.
 */
// 2 = Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const MAX_INPUT = 1024;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// A fixed hash to verify against when the card is unknown, so that the answer takes as long as
// for a known card (login enumeration).
let dummyHash: Promise<string> | undefined;

/** Constant-time comparison (inside argon2's verify); a missing hash still costs one hash. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_INPUT) return false;
  if (storedHash === null) {
    dummyHash ??= hashPassword('not-a-password-0');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
