// Saves an explained notice on this device.
import type { NoticeExplanation } from '../../shared/notices/types';
import { newId } from '../../shared/protocol/ids';
import { saveNotice } from './notices-db';

export async function saveExplanation(explanation: NoticeExplanation, text: string): Promise<string> {
  const id = newId();
  await saveNotice({
    id,
    kind: explanation.kind,
    text,
    noticeDate: explanation.countFromSource === 'user' ? explanation.countFrom : explanation.noticeDate,
    countFrom: explanation.countFrom,
    countFromSource: explanation.countFromSource,
    deadlines: explanation.deadlines,
    ...(explanation.challenge.source === 'user' ? { challenge: explanation.challenge.answer } : {}),
    savedAt: new Date().toISOString(),
  });
  // Ask the browser to keep our storage once the person has saved something
  // they care about (otherwise it may be cleared when space runs low).
  void navigator.storage?.persist?.().catch(() => false);
  return id;
}
