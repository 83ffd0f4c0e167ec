// Pure checks for the adviser's forms and links (no DOM, so easy to test).

export const LABEL_MAX = 80;
export const REPLY_MAX = 1000;

const length = (text: string) => [...text].length;

/** The label an adviser gives a client: 1 to 80 characters. */
export function labelError(label: string): 'labelEmpty' | 'labelLong' | null {
  const trimmed = label.trim();
  if (!trimmed) return 'labelEmpty';
  if (length(trimmed) > LABEL_MAX) return 'labelLong';
  return null;
}

/** A reply: 1 to 1000 characters. */
export function replyError(text: string): 'replyEmpty' | 'replyLong' | null {
  const trimmed = text.trim();
  if (!trimmed) return 'replyEmpty';
  if (length(trimmed) > REPLY_MAX) return 'replyLong';
  return null;
}

/** Characters left at which the reply's count is read out (GOV.UK character count: not on every key). */
export const COUNT_THRESHOLDS = [100, 20, 0] as const;

/** 0 while far from the limit, then one more at each threshold passed, and one more when over. */
export function countBand(left: number): number {
  return COUNT_THRESHOLDS.filter((limit) => left <= limit).length + (left < 0 ? 1 : 0);
}

/** Characters left in a reply; negative when over. */
export function replyLeft(text: string): number {
  return REPLY_MAX - length(text.trim());
}

/** The enrolment token from `#<token>`; empty when the link was cut short. */
export function tokenFromHash(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, '')).trim();
  } catch {
    return hash.replace(/^#/, '').trim();
  }
}

/** Device codes (adding a computer) use the invite alphabet: no 0, 1, I, L, O or U. */
const DEVICE_CODE = /^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{9}$/;

/** Any case, spaces and dashes: "k7m-2qx 9pd" → "K7M2QX9PD". */
export function normaliseDeviceCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s\-–—]+/g, '');
}

/** The one-time code typed on a new computer. */
export function deviceCodeError(raw: string): 'codeEmpty' | 'codeFormat' | null {
  const code = normaliseDeviceCode(raw);
  if (!code) return 'codeEmpty';
  if (!DEVICE_CODE.test(code)) return 'codeFormat';
  return null;
}
