import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

/** The error loadConfig throws for `env`, or a failure when it throws nothing. */
function configErrorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('starts with the documented defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('./data');
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
    expect(c.line).toEqual({
      channelSecret: undefined,
      channelAccessToken: undefined,
      apiBaseUrl: 'https://api.line.me',
      dataApiBaseUrl: 'https://api-data.line.me',
      accessBaseUrl: 'https://access.line.me',
    });
    expect(c.smtpUrl).toBeUndefined();
    expect(c.mailFrom).toBe('yoyaku@library-kamagaya-chiba.jp');
    expect(c.adminToken).toBeUndefined();
    expect(c.cron).toBe(true);
  });

  it('links sent to patrons default to localhost on the configured port', () => {
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
  });

  it('treats an empty variable as unset', () => {
    const c = loadConfig({ PORT: '', ADMIN_TOKEN: '', DATABASE_URL: ' ', CRON: '' });
    expect(c.port).toBe(3000);
    expect(c.adminToken).toBeUndefined();
    expect(c.databaseUrl).toBeUndefined();
    expect(c.cron).toBe(true);
  });

  it('takes every variable an operator sets', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://lib@db:5432/library',
      DATA_DIR: '/var/lib/library',
      LINE_CHANNEL_SECRET: 'secret',
      LINE_CHANNEL_ACCESS_TOKEN: 'token',
      LINE_API_BASE_URL: 'http://localhost:9000/',
      LINE_DATA_API_BASE_URL: 'http://localhost:9001',
      LINE_ACCESS_BASE_URL: 'http://localhost:9002',
      PUBLIC_BASE_URL: 'https://line.library.example/',
      SMTP_URL: 'smtp://mail:25',
      MAIL_FROM: 'test@library.example',
      ADMIN_TOKEN: 'staff-token',
      CRON: 'off',
    });
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.databaseUrl).toBe('postgres://lib@db:5432/library');
    expect(c.dataDir).toBe('/var/lib/library');
    expect(c.line).toEqual({
      channelSecret: 'secret',
      channelAccessToken: 'token',
      apiBaseUrl: 'http://localhost:9000',
      dataApiBaseUrl: 'http://localhost:9001',
      accessBaseUrl: 'http://localhost:9002',
    });
    expect(c.publicBaseUrl).toBe('https://line.library.example');
    expect(c.smtpUrl).toBe('smtp://mail:25');
    expect(c.mailFrom).toBe('test@library.example');
    expect(c.adminToken).toBe('staff-token');
    expect(c.cron).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['LINE_API_BASE_URL', 'not-a-url'],
    ['LINE_DATA_API_BASE_URL', 'ftp://blob.example'],
    ['PUBLIC_BASE_URL', 'localhost:3000'],
    ['SMTP_URL', 'http://x'],
    ['CRON', 'maybe'],
  ])('refuses %s=%s with one line naming the variable', (name, value) => {
    const err = configErrorOf({ [name]: value });
    expect(err.message).toContain(name);
    expect(err.message).not.toMatch(/[\r\n]/);
    expect(err.message.length).toBeGreaterThan(name.length);
  });
});

describe('npm start', () => {
  it('refuses to start with a malformed PORT: exit code 1 and one line on stderr naming PORT', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'library-start-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: 'abc', DATA_DIR: dataDir, CRON: 'off', SEED: 'none' };
      delete env.DATABASE_URL;
      const r = spawnSync('node_modules/.bin/tsx', ['src/main.ts'], { env, encoding: 'utf8', timeout: 30_000 });
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(1);
      const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('PORT');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
