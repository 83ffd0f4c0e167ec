import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadConfig } from '../../../src/server/config';

describe('relay config', () => {
  it('has defaults for the store, origin and retention', () => {
    expect(loadConfig({ PORT: '9000' })).toMatchObject({
      dataDir: resolve('data'),
      databaseUrl: null,
      publicOrigin: 'http://127.0.0.1:9000',
      retentionSeenDays: 30,
      retentionMaxDays: 90,
    });
  });
  it('reads the environment', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@db/app', PUBLIC_ORIGIN: 'https://relay.example.org', RETENTION_SEEN_DAYS: '7', RETENTION_MAX_DAYS: '14' });
    expect(config).toMatchObject({ dataDir: '/tmp/x', databaseUrl: 'postgres://u@db/app', publicOrigin: 'https://relay.example.org', retentionSeenDays: 7, retentionMaxDays: 14 });
  });
  it('rejects bad values with clear messages', () => {
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'relay.example.org' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'ftp://relay.example.org' })).toThrow(/http\(s\) origin/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://relay.example.org/app' })).toThrow(/no path/);
    expect(() => loadConfig({ RETENTION_SEEN_DAYS: 'thirty' })).toThrow(/RETENTION_SEEN_DAYS must be a whole number/);
    expect(() => loadConfig({ RETENTION_MAX_DAYS: '0' })).toThrow(/RETENTION_MAX_DAYS/);
    expect(() => loadConfig({ RETENTION_SEEN_DAYS: '60', RETENTION_MAX_DAYS: '30' })).toThrow(/must not be less/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
  });
});
