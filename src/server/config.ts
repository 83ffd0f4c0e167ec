// One validated config: every setting has a type, a default and an
// environment variable. Bad values stop the server with a clear message.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  staticDir: string;
}

function readPort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: readPort(env.PORT, 8080),
    host: env.HOST || '127.0.0.1',
    staticDir: resolve(env.STATIC_DIR || 'dist'),
  };
}
