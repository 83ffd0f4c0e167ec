import { describe, expect, it } from 'vitest';
import { explainNotice, NOTICE_KINDS } from '../../../src/shared/notices';
import { CLEAN_FIXTURES } from './fixtures-clean';
import { MESSY_FIXTURES } from './fixtures-messy';

const ALL = [...CLEAN_FIXTURES, ...MESSY_FIXTURES];

describe('explainNotice on realistic journal messages', () => {
  it('has at least 60 fixtures covering every kind', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(ALL.map((fixture) => fixture.kind));
    for (const kind of NOTICE_KINDS) expect(kinds, kind).toContain(kind);
  });

  describe.each(ALL.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const result = explainNotice(fixture.text, { today: fixture.today });

    it('recognises the kind', () => {
      expect(result.kind).toBe(fixture.kind);
    });

    it("finds the notice's own date", () => {
      expect(result.noticeDate).toBe(fixture.noticeDate);
      expect(result.countFrom).toBe(fixture.noticeDate ?? fixture.today);
    });

    if (fixture.deadlines) {
      it('works out every deadline', () => {
        const found = Object.fromEntries(result.deadlines.map((deadline) => [deadline.id, deadline.date]));
        expect(found).toEqual(fixture.deadlines);
      });
    }
  });
});
