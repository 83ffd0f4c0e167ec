// Notices the browser tests paste, kept apart from the harness so the unit
// tests can check what the shipped model makes of them
// (tests/unit/notices/browser-samples.test.ts): a retrained model that
// became sure about SAMPLE_UNSURE fails there first, with the reason.

/** Neither question has a sure answer: the kind is unclear and it may or may not be a decision. */
export const SAMPLE_UNSURE = `9 November 2026
Your rent has been looked at following the information you provided.`;
