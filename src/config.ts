import { z } from 'zod';
import { bundledProfilePath, loadProfileFile, ProfileError } from './profile/load.js';
import type { LibraryProfile } from './profile/schema.js';

/**
 * The environment of CONTRACT.md, read once at start and passed down.
 * Invariant: nothing else in the code reads process.env.
 */
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(emptyAsUndefined, z.string().optional());
const origin = (fallback?: string) => {
  const url = z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .transform((u) => u.replace(/\/+$/, ''));
  return fallback === undefined
    ? z.preprocess(emptyAsUndefined, url.optional())
    : z.preprocess(emptyAsUndefined, url.default(fallback));
};

export const envSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('0.0.0.0')),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  LINE_CHANNEL_SECRET: optionalText,
  LINE_CHANNEL_ACCESS_TOKEN: optionalText,
  LINE_API_BASE_URL: origin('https://api.line.me'),
  LINE_DATA_API_BASE_URL: origin('https://api-data.line.me'),
  LINE_ACCESS_BASE_URL: origin('https://access.line.me'),
  PUBLIC_BASE_URL: origin(),
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
  ),
  // Unset: the profile's mail sender, hour of promotion and loan period.
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().min(3).optional()),
  ADMIN_TOKEN: optionalText,
  // Additions to CONTRACT.md (docs/operating.md): log verbosity and a scrape-only token.
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['debug', 'info', 'warn', 'error']).default('info')),
  METRICS_TOKEN: optionalText,
  CRON: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  DEV_CHAT: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('off')),
  SEED: z.preprocess(emptyAsUndefined, z.enum(['demo', 'none']).default('demo')),
  PROMOTE_HOLDS_HOUR: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(23).optional()),
  LOAN_PERIOD_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(90).optional()),
  LIBRARY_PROFILE: optionalText,
  // The staff console (docs/staff-console.md): its cookie's Secure flag, and its idle expiry.
  STAFF_COOKIE_SECURE: z.preprocess(emptyAsUndefined, z.enum(['auto', 'on', 'off']).default('auto')),
  STAFF_IDLE_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(720).default(30)),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  line: {
    channelSecret: string | undefined;
    channelAccessToken: string | undefined;
    apiBaseUrl: string;
    dataApiBaseUrl: string;
    accessBaseUrl: string;
  };
  publicBaseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  adminToken: string | undefined;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Bearer token for GET /metrics; falls back to adminToken. */
  metricsToken?: string | undefined;
  cron: boolean;
  /** DEV_CHAT=on: the local chat page stands in for LINE even when a channel is configured. */
  devChat: boolean;
  seed: 'demo' | 'none';
  promoteHoldsHour: number;
  loanPeriodDays: number;
  /** The library's profile (LIBRARY_PROFILE, default the bundled Kamagaya one), validated. */
  profile: LibraryProfile;
  /** The staff console: Secure cookies (auto: when PUBLIC_BASE_URL is https), idle expiry. */
  staffConsole: { secureCookie: boolean; idleMinutes: number };
}

export class ConfigError extends Error {}

/** Parses the environment; the error message is one line naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Configuration error: ${name} ${issue.message}`);
  }
  const e = parsed.data;
  let profile: LibraryProfile;
  try {
    profile = loadProfileFile(e.LIBRARY_PROFILE ?? bundledProfilePath());
  } catch (err) {
    if (err instanceof ProfileError) throw new ConfigError(err.message);
    throw err;
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    line: {
      channelSecret: e.LINE_CHANNEL_SECRET,
      channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl: e.LINE_API_BASE_URL as string,
      dataApiBaseUrl: e.LINE_DATA_API_BASE_URL as string,
      accessBaseUrl: e.LINE_ACCESS_BASE_URL as string,
    },
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? profile.mail.sender,
    adminToken: e.ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN ?? e.ADMIN_TOKEN,
    cron: e.CRON === 'on',
    devChat: e.DEV_CHAT === 'on',
    seed: e.SEED,
    // CONTRACT.md: an environment value, where still accepted, overrides the profile.
    promoteHoldsHour: e.PROMOTE_HOLDS_HOUR ?? profile.holds.promotion.hour,
    loanPeriodDays: e.LOAN_PERIOD_DAYS ?? profile.loans.periodDays,
    profile,
    staffConsole: {
      secureCookie:
        e.STAFF_COOKIE_SECURE === 'auto'
          ? (e.PUBLIC_BASE_URL ?? '').startsWith('https://')
          : e.STAFF_COOKIE_SECURE === 'on',
      idleMinutes: e.STAFF_IDLE_MINUTES,
    },
  };
}
