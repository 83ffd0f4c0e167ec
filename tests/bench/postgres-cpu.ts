// Shared by the relay benchmarks: how much CPU PostgreSQL itself spent.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** CPU seconds (user + system) used so far by a PostgreSQL cluster's server processes (the postmaster's children), from /proc. */
export function postgresCpuSeconds(dataDir: string | undefined): number | null {
  if (!dataDir) return null;
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const tick = 100; // USER_HZ on Linux
    let total = 0;
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      if (pid !== postmaster && ppid !== postmaster) continue;
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    }
    return total;
  } catch {
    return null;
  }
}
