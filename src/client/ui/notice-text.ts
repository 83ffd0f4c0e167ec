// Reads a kind's explanation from the "notices" locale namespace.
import type { TFunction } from 'i18next';
import type { NoticeKind } from '../../shared/notices/types';

export interface KindText {
  title: string;
  what: string;
  meaning: string[];
  steps: string[];
  ifLate: string;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

export function kindText(t: TFunction, kind: NoticeKind): KindText {
  const base = `notices:kinds.${kind}`;
  return {
    title: t(`${base}.title`),
    what: t(`${base}.what`),
    meaning: list(t(`${base}.meaning`, { returnObjects: true })),
    steps: list(t(`${base}.steps`, { returnObjects: true })),
    ifLate: t(`${base}.ifLate`),
  };
}
