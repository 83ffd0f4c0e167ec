// Where tests keep what is slow to make and the same from run to run: this
// checkout's node_modules/.cache (outside git, not a folder other users share).
import { fileURLToPath } from 'node:url';

export const TEST_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/uc-companion-tests/', import.meta.url));
