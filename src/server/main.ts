// `npm start`: serve the built app on http://127.0.0.1:8080 (PORT to change).
import { loadConfig } from './config';
import { createAppServer, listen } from './server';

try {
  const config = loadConfig();
  const server = createAppServer(config);
  const url = await listen(server, config.port, config.host);
  console.log(JSON.stringify({ level: 'info', msg: 'listening', url }));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`UC Companion could not start: ${(error as Error).message}`);
  process.exit(1);
}
