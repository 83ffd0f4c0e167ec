// This module is in the first download: think before adding to it.
/** The claimant's own database (saved notices and more): Home asks whether it exists before loading any storage code. */
export const NOTICES_DB_NAME = 'uc-companion';
