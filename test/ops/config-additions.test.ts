import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('LOG_LEVEL and METRICS_TOKEN (additions to CONTRACT.md)', () => {
  it('LOG_LEVEL defaults to info, accepts the four levels, and refuses anything else naming the variable', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: '' }).logLevel).toBe('info');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it('METRICS_TOKEN falls back to ADMIN_TOKEN; neither set means /metrics is off', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ ADMIN_TOKEN: 'a' }).metricsToken).toBe('a');
    expect(loadConfig({ ADMIN_TOKEN: 'a', METRICS_TOKEN: 'm' }).metricsToken).toBe('m');
  });
});
