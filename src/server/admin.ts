// Admin CLI: `npm run admin -- add-adviser --name "Sam Jones" --org "Cardiff Advice"`,
// `list-advisers`, `remove-adviser <id>` (someone who left),
// `remove-device <id>` (a lost computer), and `backup <file>` / `restore <file>`
// for the embedded store (admin-backup.ts).
// Creates the adviser with a one-time enrolment token and prints the link. The
// token sits in the URL fragment, which browsers never send, so it cannot end
// up in a server or proxy log. Only its SHA-256 is stored.
import { pathToFileURL } from 'node:url';
import { backup, BACKUP_USAGE, restore } from './admin-backup';
import { hashSecret, newToken } from './api/auth';
import { loadConfig, type Config } from './config';
import { openStore } from './store/open-store';
import type { Store } from './store/store';

export const ENROL_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const USAGE = `Usage:
  npm run admin -- add-adviser --name "Sam Jones" --org "Cardiff Advice"
  npm run admin -- list-advisers
  npm run admin -- remove-adviser <adviser id>
  npm run admin -- remove-device <computer id>
  npm run admin -- backup <file>
  npm run admin -- restore <file>

Commands:
  add-adviser     Add an adviser and print a one-time enrolment link (valid 7 days).
  list-advisers   List advisers with their ids and computers (id, name, added, last used).
  remove-adviser  Remove an adviser who has left: their computers, invites,
                  clients' connections and every item go at once.
  remove-device   Remove one computer (lost or stolen): its credential stops
                  working and clients stop being given its key.
${BACKUP_USAGE}

Options for add-adviser:
  --name   The adviser's name, as clients will see it (1 to 80 characters).
  --org    Their organisation (1 to 80 characters).

With PGlite (no DATABASE_URL), stop the server first: one process at a time
may open the data directory.`;

export interface AdminDeps {
  loadConfig?: () => Pick<Config, 'publicOrigin' | 'databaseUrl' | 'dataDir'>;
  openStore?: (config: Pick<Config, 'databaseUrl' | 'dataDir'>) => Promise<Store>;
  now?: () => Date;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

class UsageError extends Error {}

function parseOptions(args: string[], allowed: string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    let name: string;
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 2) {
      name = arg.slice(2, eq);
      value = arg.slice(eq + 1);
    } else if (arg.startsWith('--')) {
      name = arg.slice(2);
      value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
    } else {
      throw new UsageError(`Unexpected argument "${arg}".`);
    }
    if (!allowed.includes(name)) throw new UsageError(`Unknown option --${name}.`);
    if (Object.hasOwn(options, name)) throw new UsageError(`--${name} was given twice.`);
    options[name] = value;
  }
  return options;
}

function readText(options: Record<string, string>, name: string): string {
  const value = (options[name] ?? '').trim();
  if (value === '') throw new UsageError(`--${name} is required.`);
  if (value.length > 80) throw new UsageError(`--${name} must be at most 80 characters.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new UsageError(`--${name} has characters that cannot be shown.`);
  return value;
}

/** Runs the CLI; resolves to the exit code (0 done, 1 failed, 2 bad arguments). */
export async function main(argv: string[], deps: AdminDeps = {}): Promise<number> {
  const out = deps.out ?? ((line: string) => console.log(line));
  const err = deps.err ?? ((line: string) => console.error(line));
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? err : out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'backup' || command === 'restore') {
    if (rest.length !== 1 || rest[0]!.startsWith('--')) {
      err(`${command} needs one file name.\n\n${USAGE}`);
      return 2;
    }
    try {
      const config = (deps.loadConfig ?? loadConfig)();
      return await (command === 'backup' ? backup : restore)(rest[0]!, config, { out, err });
    } catch (error) {
      err(`Could not ${command}: ${(error as Error).message}`);
      return 1;
    }
  }
  if (command === 'list-advisers' || command === 'remove-adviser' || command === 'remove-device') return manage(command, rest, deps, out, err);
  if (command !== 'add-adviser') {
    err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  let name: string;
  let org: string;
  try {
    const options = parseOptions(rest, ['name', 'org']);
    name = readText(options, 'name');
    org = readText(options, 'org');
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }

  let store: Store | undefined;
  try {
    const config = (deps.loadConfig ?? loadConfig)();
    store = await (deps.openStore ?? openStore)(config);
    const now = (deps.now ?? (() => new Date()))();
    const token = newToken('e_');
    const enrolExpiresAt = new Date(now.getTime() + ENROL_TTL_MS).toISOString();
    await store.createAdviser({ name, org, enrolTokenHash: hashSecret(token), enrolExpiresAt });
    out(`Added ${name} (${org}).`);
    out(`Send them this one-time enrolment link (keep it private; it works once):`);
    out(`  ${config.publicOrigin}/adviser/enrol#${token}`);
    out(`It expires at ${enrolExpiresAt}.`);
    return 0;
  } catch (error) {
    err(`Could not add the adviser: ${(error as Error).message}`);
    return 1;
  } finally {
    await store?.close().catch(() => {});
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** list-advisers, remove-adviser <id>, remove-device <id>. */
async function manage(
  command: 'list-advisers' | 'remove-adviser' | 'remove-device',
  args: string[],
  deps: AdminDeps,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const wanted = command === 'list-advisers' ? 0 : 1;
  if (args.length !== wanted) {
    err(`${command} ${wanted === 0 ? 'takes no arguments' : 'needs one id (see list-advisers)'}.\n\n${USAGE}`);
    return 2;
  }
  const id = args[0] ?? '';
  if (wanted === 1 && !UUID.test(id)) {
    err(`"${id}" is not an id. Copy it from list-advisers.\n\n${USAGE}`);
    return 2;
  }
  let store: Store | undefined;
  try {
    const config = (deps.loadConfig ?? loadConfig)();
    store = await (deps.openStore ?? openStore)(config);
    if (command === 'remove-adviser') {
      if (!(await store.removeAdviser(id))) {
        err(`There is no adviser ${id}.`);
        return 1;
      }
      out(`Removed adviser ${id} with their computers, invites, connections and items.`);
      return 0;
    }
    if (command === 'remove-device') {
      if (!(await store.removeDevice(id))) {
        err(`There is no computer ${id}.`);
        return 1;
      }
      out(`Removed computer ${id}: its credential no longer works and clients are no longer given its key.`);
      return 0;
    }
    const advisers = await store.listAdvisers();
    if (advisers.length === 0) out('No advisers yet. Add one with add-adviser.');
    for (const adviser of advisers) {
      out(`${adviser.id}  ${adviser.name} (${adviser.org})${adviser.enrolled ? '' : ', not set up yet'}, added ${adviser.createdAt.slice(0, 10)}`);
      for (const computer of await store.listComputers(adviser.id)) {
        const seen = computer.lastSeenAt ? `last used ${computer.lastSeenAt.slice(0, 10)}` : 'not used since it was added';
        out(`    computer ${computer.id}  ${computer.name ?? '(no name)'}, added ${computer.createdAt.slice(0, 10)}, ${seen}`);
      }
    }
    return 0;
  } catch (error) {
    err(`Could not ${command.replace('-', ' ')}: ${(error as Error).message}`);
    return 1;
  } finally {
    await store?.close().catch(() => {});
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
