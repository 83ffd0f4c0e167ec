import { describe, expect, it } from 'vitest';
import { explainKind, explainNotice, NOTICE_KINDS } from '../../../src/shared/notices';
import { looksLikeSecret } from '../../../src/shared/notices/secrets';

const MRN = `Date of this notice: 9 November 2026
Mandatory reconsideration notice. We have not changed the decision. You can appeal to a tribunal.`;

describe('explainNotice options', () => {
  it('counts from a date the claimant corrects, and says so', () => {
    const result = explainNotice(MRN, { today: '2026-11-22', noticeDate: '2026-11-26' });
    expect(result.countFrom).toBe('2026-11-26');
    expect(result.countFromSource).toBe('user');
    expect(result.noticeDate).toBe('2026-11-09');
    expect(result.deadlines.find((d) => d.id === 'appeal')).toMatchObject({
      date: '2026-12-29',
      movedFrom: '2026-12-26',
      rule: 'appeal-next-working-day',
      time: '17:00',
    });
  });

  it('ignores a corrected date that is not a real date', () => {
    expect(explainNotice(MRN, { today: '2026-11-22', noticeDate: '2026-02-30' }).countFromSource).toBe('text');
  });

  it('counts from today when the text has no date', () => {
    const result = explainNotice('your claim has been closed', { today: '2026-11-22' });
    expect(result).toMatchObject({ countFrom: '2026-11-22', countFromSource: 'today', noticeDate: null });
  });

  it('uses the kind the claimant chose', () => {
    const result = explainNotice(MRN, { today: '2026-11-22', kind: 'payment-statement' });
    expect(result.kind).toBe('payment-statement');
    expect(result.deadlines.map((d) => d.id)).toEqual(['mandatory-reconsideration', 'late-limit']);
  });

  it('gives a safer target 5 days before the last day', () => {
    const appeal = explainNotice(MRN, { today: '2026-11-22' }).deadlines[0]!;
    expect(appeal).toMatchObject({ id: 'appeal', date: '2026-12-09', target: '2026-12-04' });
  });

  it('lists deadlines soonest first, and an MRN never gets an MR deadline', () => {
    const ids = explainNotice(MRN, { today: '2026-11-22' }).deadlines.map((d) => d.id);
    expect(ids).toEqual(['appeal', 'late-limit']);
  });

  it('finds letter codes', () => {
    expect(explainNotice('UCD 157 hardship payment. Form SSCS1 and a UC50.', { today: '2026-11-22' }).codes).toEqual(['UCD157', 'SSCS1', 'UC50']);
  });

  it('never picks a date after today as the notice date', () => {
    const result = explainNotice('30 November 2026\nYour claim has been closed.', { today: '2026-11-22' });
    expect(result.noticeDate).toBeNull();
  });

  it('explains every kind from the picker with no text', () => {
    for (const kind of NOTICE_KINDS) {
      const result = explainKind(kind, { today: '2026-11-22' });
      expect(result.kind).toBe(kind);
      expect(result.text.title).toBe(`kinds.${kind}.title`);
      for (const deadline of result.deadlines) expect(deadline.date >= '2026-11-22').toBe(true);
    }
  });

  it('survives empty, huge and strange input', () => {
    expect(explainNotice('', { today: '2026-11-22' }).kind).toBe('unknown');
    expect(explainNotice('💷'.repeat(5000), { today: '2026-11-22' }).kind).toBe('unknown');
    expect(() => explainNotice('99/99/9999 32 Foo 2026 0/0/0', { today: '2026-11-22' })).not.toThrow();
  });
});

describe('passwords in pasted text', () => {
  it.each(['password: Sunflower2024', 'My password is bluecar77', 'memorable word - daisy', 'Security answer: Smith', 'username jo.bloggs password = Hunter2!'])(
    'warns about "%s"',
    (text) => {
      expect(looksLikeSecret(text)).toBe(true);
      expect(explainNotice(text, { today: '2026-11-22' }).secretWarning).toBe(true);
    },
  );

  it.each([
    'Never share your password or memorable word with anyone.',
    'Your password is not needed for this.',
    'If you forgot your password, reset it on GOV.UK.',
    'Your claim has been closed.',
  ])('does not warn about "%s"', (text) => {
    expect(looksLikeSecret(text)).toBe(false);
  });
});
