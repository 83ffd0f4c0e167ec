// Where the service worker keeps what another app shared with us, for the
// Send screen to pick up (src/client/services/shared-file.ts). Shared by both sides.
export const SHARE_TARGET_PATH = '/share-target';
export const SHARED_CACHE = 'shared-with-app';
export const SHARED_FILE_URL = '/shared/file';
export const SHARED_TEXT_URL = '/shared/text';
