import type { NoticeKind } from '../../../shared/notices/types';
import { useT } from '../../initial/i18n/use-translation';

interface Props {
  candidates: NoticeKind[];
  onChoose: (kind: NoticeKind) => void;
  onNone: () => void;
}

/** When the kind is unsure: the two or three likeliest kinds, to pick from. */
export function KindCandidates({ candidates, onChoose, onNone }: Props) {
  const t = useT();
  return (
    <fieldset class="unsure" aria-describedby="kind-candidates-hint">
      <legend class="unsure__title">{t('explain:kindUnsureTitle')}</legend>
      <p id="kind-candidates-hint">{t('explain:kindUnsureHint')}</p>
      <div class="button-row">
        {candidates.map((kind) => (
          <button key={kind} type="button" class="button button--secondary" onClick={() => onChoose(kind)}>
            {t(`notices:kinds.${kind}.title`)}
          </button>
        ))}
        <button type="button" class="button button--secondary" onClick={onNone}>
          {t('explain:kindNoneOfThese')}
        </button>
      </div>
    </fieldset>
  );
}
