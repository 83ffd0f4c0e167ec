// The key invite and device codes are hashed with (api/code-hash.ts), kept
// apart from the database: a copy of the database alone (a backup, a leaked
// dump) cannot be used to try all 30^9 codes offline. From CODE_HASH_SECRET,
// or a file next to the data folder, made with mode 0600 on first start.
// Every relay process on one database needs the same key.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from './config';

function readSecretFile(path: string): Buffer {
  const text = readFileSync(path, 'utf8').trim();
  if (text.length < 32)
    throw new Error(`The code hash secret in ${path} is shorter than 32 characters. Delete it to make a new one (open invites then stop working).`);
  return Buffer.from(text, 'utf8');
}

export function loadCodeSecret(source: Config['codeSecret']): Buffer {
  if (source.kind === 'value') return Buffer.from(source.value, 'utf8');
  try {
    return readSecretFile(source.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(source.path), { recursive: true });
  try {
    writeFileSync(source.path, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readSecretFile(source.path);
}
