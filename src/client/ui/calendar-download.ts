// "Add to calendar": downloads an .ics file the phone's calendar opens.
import { deadlineToIcs, icsFileName } from '../../shared/letters/ics';
import { downloadFile } from './download';

export function downloadDeadline(options: { uid: string; title: string; description: string; date: string }): void {
  const ics = deadlineToIcs({ ...options, alarmDaysBefore: [7, 2] });
  downloadFile(ics, icsFileName(options.title, options.date), 'text/calendar;charset=utf-8');
}
