import { useT } from '../../initial/i18n/use-translation';
import { ProgressPanel } from '../../ui/progress-panel';
import type { Desk } from './use-desk';

/** "Reading new items: 2 of 5", with the step under way and one Cancel for them all. */
export function ScanProgress({ desk }: { desk: Desk }) {
  const t = useT();
  if (desk.pending === 0) return null;
  const reading = [...desk.states.values()].find((s) => s.step === 'reading');
  const total = desk.states.size;
  return (
    <ProgressPanel
      id="desk-scan-progress"
      label={reading ? t('adviser:board.reading', { done: total - desk.pending, total }) : t('adviser:board.checking')}
      value={reading?.step === 'reading' ? reading.fraction : null}
      detail={reading?.step === 'reading' ? t(`adviser:desk.progress.${reading.stage}`) : undefined}
      cancelLabel={t('adviser:desk.cancel')}
      onCancel={() => desk.cancelAll()}
    />
  );
}
