// The English shadow of Welsh messages.
import { describe, expect, it } from 'vitest';
import { modelText } from '../../../src/shared/notices/features';
import { noticeFeatures } from '../../../src/shared/notices/recognise';
import { explainNotice } from '../../../src/shared/notices/explain';
import { englishShadow } from '../../../src/shared/notices/welsh';
import { MODEL } from '../../../src/shared/notices/model.generated';

const words = (text: string) => modelText(text).split(' ');
const shadow = (text: string) => englishShadow(words(text))?.join(' ') ?? null;

describe('englishShadow', () => {
  it('turns Welsh phrases into the English DWP uses, in English word order', () => {
    expect(shadow('Nid ydym wedi cymeradwyo eich costau tai.')).toContain('your housing costs');
    expect(shadow('Mae eich nodyn ffitrwydd wedi dod i ben.')).toContain('your fit note');
    expect(shadow('Rydym wedi cau eich hawliad Credyd Cynhwysol')).toBe('we have closed your claim universal credit');
    expect(shadow('Rydym wedi gwneud taliad caledi o £174.32 i chi.')).toContain('hardship payment');
  });

  it('takes the longest phrase, and mutated forms', () => {
    expect(shadow('Gofynnoch i ni ailystyried ein penderfyniad am eich costau gofal plant.')).toContain('your childcare costs');
    expect(shadow('yng Nghanolfan Waith Caernarfon gyda eich anogwr gwaith')).toContain('jobcentre');
    expect(shadow('Mae gennych gyfalaf. Nid oes gennych hawl i Gredyd Cynhwysol.')).toContain('you are not entitled');
  });

  it("knows a to-do's everyday words, so a short Welsh message still gets its shadow", () => {
    // One known phrase is not enough to call a text Welsh; "llenwch", "anfon", "yn ôl" and "erbyn" are the others here.
    expect(shadow("Llenwch yr holiadur gallu i weithio (UC50) a'i anfon yn ôl erbyn 20 Rhagfyr.")).toContain('capability for work questionnaire');
    expect(shadow("Mae angen i chi wirio pwy ydych chi. Dewch â'ch pasbort neu drwydded yrru.")).toContain('verify your identity');
    expect(shadow("Mae angen i chi wirio pwy ydych chi. Dewch â'ch pasbort neu drwydded yrru.")).toContain('passport');
    expect(shadow('Rhowch wybod i ni am unrhyw newid yn eich amgylchiadau.')).toContain('circumstances');
    expect(shadow('Rydym wedi penderfynu nad oes gennych hawl i Gredyd Cynhwysol.')).toContain('you are not entitled');
    expect(shadow('Dewch i Ganolfan Byd Gwaith Bangor gyda eich pasbort.')).toContain('jobcentre');
    const mrn = shadow("Rydym wedi ailystyried y penderfyniad. Nid yw'r penderfyniad wedi newid.");
    expect(mrn).toContain('we have reconsidered');
    expect(mrn).toContain('the decision has not changed');
  });

  it('never makes word pairs across Welsh words it does not know', () => {
    const out = englishShadow(words('Rydym wedi penderfynu lleihau eich Credyd Cynhwysol. Ni wnaethoch fynychu eich apwyntiad'))!;
    expect(out).toContain('');
    const gap = out.indexOf('');
    expect(out.slice(0, gap).join(' ')).toBe('we have decided reduce your universal credit');
    expect(out.slice(gap + 1).join(' ')).toBe('attend your appointment');
  });

  it('gives nothing for English, even with a word that is also Welsh', () => {
    expect(shadow('Your rent has changed. Please tell us about your housing costs.')).toBeNull();
    expect(shadow('Your claimant commitment has changed')).toBeNull();
    expect(shadow('A plant hire company and a tai chi class')).toBeNull();
    expect(shadow('I felt faint at my assessment and felt faint again this morning.')).toBeNull();
  });

  it('lets a Welsh message share the English key phrases and features', () => {
    const welsh = noticeFeatures('Rydym wedi gwneud taliad caledi o £174.32 i chi.', MODEL.features).features;
    const english = noticeFeatures('hardship payment', MODEL.features).features;
    const shared = [...english.index].filter((bucket) => welsh.index.includes(bucket));
    // The words, the pair and the "hardship" key phrase.
    expect(shared.length).toBeGreaterThanOrEqual(3);
  });

  it('reads a Welsh-only overpayment and a Welsh closed claim as their kinds', () => {
    const overpayment = explainNotice('12 Rhagfyr 2023 Gordaliad. Rydym wedi talu gormod o Gredyd Cynhwysol i chi. Byddwn yn adennill yr arian hwn o’ch taliadau.', {
      today: '2023-12-14',
    });
    expect(overpayment.kindCandidates).toContain('overpayment');
    const closed = explainNotice('Rydym wedi cau eich hawliad Credyd Cynhwysol.', { today: '2023-12-14' });
    expect(closed.kindCandidates).toContain('claim-closed');
  });

  it('reads Welsh to-dos for identity, the UC50 and a change of circumstances among their likely kinds', () => {
    const today = '2026-12-05';
    const identity = explainNotice("Mae angen i chi wirio pwy ydych chi. Dewch â'ch pasbort neu drwydded yrru i'r Ganolfan Byd Gwaith.", { today });
    expect(identity.kindCandidates).toContain('verify-identity');
    const uc50 = explainNotice("Llenwch yr holiadur gallu i weithio (UC50) a'i anfon yn ôl erbyn 20 Rhagfyr.", { today });
    expect(uc50.kindCandidates).toContain('work-capability-questionnaire');
    const change = explainNotice('Rhowch wybod i ni am unrhyw newid yn eich amgylchiadau, er enghraifft os byddwch yn symud tŷ.', { today });
    expect(change.kindCandidates).toContain('report-change');
  });
});
