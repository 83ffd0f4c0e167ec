// The board's words for the export files, from the adviser's locale file.
import type { TFunction } from 'i18next';
import { formatDay } from '../format';
import type { BoardWords } from './board';

export function boardWords(t: TFunction): BoardWords {
  const kind: BoardWords['kind'] = (k) => t(`adviser:desk.kinds.${k}`);
  const deadline: BoardWords['deadline'] = (id) => t(`adviser:desk.deadlines.${id}`);
  return {
    kind,
    deadline,
    urgency: (u) => t(u === 'overdue' ? 'adviser:board.statusOverdue' : u === 'soon' ? 'adviser:board.statusSoon' : 'adviser:board.statusOpen'),
    header: ['client', 'kind', 'deadline', 'lastDay', 'time', 'daysLeft', 'status', 'noticeDate', 'item'].map((key) => t(`adviser:board.${key}`)),
    icsTitle: (row) => t('adviser:board.icsTitle', { deadline: deadline(row.deadlineId), label: row.label }),
    icsDescription: (row) => t('adviser:board.icsDescription', { kind: kind(row.kind), noticeDate: row.noticeDate ? formatDay(row.noticeDate) : '-' }),
  };
}
