// The relay's log: one JSON line per event. No ids, tokens, IPs or bodies ever reach it.

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  method?: string;
  route?: string;
  status?: number;
  ms?: number;
  error?: string;
}

export type Log = (entry: LogEntry) => void;

export const defaultLog: Log = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') console.error(line);
  else console.log(line);
};

/** The error's name only: messages from drivers can quote data. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
