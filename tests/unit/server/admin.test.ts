// The admin CLI's argument handling, through its exported main(argv, deps).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROL_TTL_MS, main } from '../../../src/server/admin';
import { hashSecret } from '../../../src/server/api/auth';
import { openStore } from '../../../src/server/store/open-store';
import type { Store } from '../../../src/server/store/store';

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: null });
});
afterAll(() => store?.close());

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let closed = 0;
  const now = new Date('2025-03-01T12:00:00Z');
  const code = main(argv, {
    loadConfig: () => ({ publicOrigin: 'https://relay.example.org', databaseUrl: null, dataDir: '/unused' }),
    // A wrapper whose close() leaves the shared in-memory store open.
    openStore: async () => Object.assign(Object.create(store) as Store, { close: async () => void closed++ }),
    now: () => now,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return code.then((exit) => ({ exit, out: out.join('\n'), err: err.join('\n'), closed, now }));
}

describe('admin CLI', () => {
  it('add-adviser prints a one-time enrolment link with the token in the fragment, and its expiry', async () => {
    const result = await run(['add-adviser', '--name', 'Sam Jones', '--org', 'Cardiff Advice']);
    expect(result.exit).toBe(0);
    expect(result.err).toBe('');
    const link = /https:\/\/relay\.example\.org\/adviser\/enrol#(e_[A-Za-z0-9_-]{43})/.exec(result.out);
    expect(link).not.toBeNull();
    expect(result.out).toContain(new Date(result.now.getTime() + ENROL_TTL_MS).toISOString());
    expect(result.closed).toBe(1);
    // The token enrols that adviser (the store only has its hash).
    const adviser = await store.enrolAdviser({
      enrolTokenHash: hashSecret(link![1]!),
      signingKey: 'BSIGNINGKEY',
      device: { publicKey: 'BPUBLICKEY', signature: 'SIGNATURE' },
      deviceTokenHash: hashSecret('a_device'),
      now: result.now.toISOString(),
    });
    expect(adviser).toMatchObject({ name: 'Sam Jones', org: 'Cardiff Advice' });
  });

  it('accepts --name=value and trims', async () => {
    const result = await run(['add-adviser', '--name=  Ana Lee ', '--org=Swansea CAB']);
    expect(result.exit).toBe(0);
    expect(result.out).toContain('Added Ana Lee (Swansea CAB).');
  });

  it.each([
    [[], /Usage/],
    [['remove-adviser'], /remove-adviser needs one id/],
    [['remove-device', 'nope'], /"nope" is not an id/],
    [['list-advisers', 'x'], /list-advisers takes no arguments/],
    [['rename-adviser'], /Unknown command "rename-adviser"/],
    [['add-adviser'], /--name is required/],
    [['add-adviser', '--name', 'Sam'], /--org is required/],
    [['add-adviser', '--name', '--org', 'X'], /--name needs a value/],
    [['add-adviser', '--name', 'Sam', '--org'], /--org needs a value/],
    [['add-adviser', '--name', '  ', '--org', 'X'], /--name is required/],
    [['add-adviser', '--name', 'x'.repeat(81), '--org', 'X'], /at most 80/],
    [['add-adviser', '--name', 'Sam', '--org', 'X', '--admin', 'yes'], /Unknown option --admin/],
    [['add-adviser', '--name', 'Sam', '--name', 'Jo', '--org', 'X'], /given twice/],
    [['add-adviser', 'Sam', 'X'], /Unexpected argument "Sam"/],
    [['add-adviser', '--name', 'Sam\u0007', '--org', 'X'], /cannot be shown/],
  ])('exits 2 with a clear usage message for %j', async (argv, message) => {
    const result = await run(argv as string[]);
    expect(result.exit).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toContain('npm run admin -- add-adviser --name');
    expect(result.closed).toBe(0);
  });

  it('prints help with exit 0', async () => {
    const result = await run(['--help']);
    expect(result.exit).toBe(0);
    expect(result.out).toContain('Usage');
  });

  it('exits 1 with the reason when the store cannot be opened', async () => {
    const err: string[] = [];
    const exit = await main(['add-adviser', '--name', 'Sam', '--org', 'X'], {
      loadConfig: () => ({ publicOrigin: 'http://127.0.0.1:8080', databaseUrl: null, dataDir: '/unused' }),
      openStore: () => Promise.reject(new Error('database is locked')),
      out: () => {},
      err: (line) => err.push(line),
    });
    expect(exit).toBe(1);
    expect(err.join('\n')).toContain('database is locked');
  });
});
