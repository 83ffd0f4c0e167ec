// The browser tests rely on what the shipped model makes of their samples.
import { describe, expect, it } from 'vitest';
import { explainNotice } from '../../../src/shared/notices';
import { SAMPLE_UNSURE } from '../../browser/explain-samples';

describe('browser test samples', () => {
  it('SAMPLE_UNSURE leaves both questions open (else pick another sample for tests/browser/explain.test.ts)', () => {
    const result = explainNotice(SAMPLE_UNSURE, { today: '2026-11-22' });
    expect(result.confidence).not.toBe('high');
    expect(result.kindCandidates.length).toBeGreaterThanOrEqual(2);
    expect(result.challenge.sure).toBe(false);
    expect(result.challenge.possible).toEqual(expect.arrayContaining(['decision', 'neither']));
    expect(result.challenge.possible).not.toContain('mrn');
    expect(result.deadlines.find((d) => d.id === 'mandatory-reconsideration')?.date).toBe('2026-12-09');
    // Saved, it is explained again with the kind it was saved with: the decision question must stay open there too.
    const saved = explainNotice(SAMPLE_UNSURE, { today: '2026-11-22', kind: result.kind });
    expect(saved.challenge.sure).toBe(false);
    expect(saved.challenge.possible).toEqual(expect.arrayContaining(['decision', 'neither']));
  });
});
