// "Add to calendar": downloads an .ics file the phone's calendar opens.
import { deadlineToIcs, icsFileName } from '../../shared/letters/ics';

export function downloadDeadline(options: { uid: string; title: string; description: string; date: string }): void {
  const ics = deadlineToIcs({ ...options, alarmDaysBefore: [7, 2] });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = icsFileName(options.title, options.date);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
