// Spots pasted text that seems to hold a password, memorable word or security
// answer, so the app can say plainly: never share these. It must not fire on
// DWP's own reminder "never share your password", so it looks for a value.
const SECRET_NAME = String.raw`(?:pass\s?word|passcode|pass\s?phrase|memorable\s+(?:word|information|date|place|name)|security\s+(?:answer|question|code|word)s?|secret\s+(?:answer|word)|pin(?:\s+(?:number|code))?|log\s?in\s+details|username\s+and\s+password)`;
const HAS_VALUE = new RegExp(String.raw`\b(?:my\s+|the\s+)?${SECRET_NAME}\s*(?:is|was|=|:|-|–)\s*["'“‘]?([^\s"'”’.,;]{2,})`, 'gi');

// Words after "password is" that describe a password rather than reveal one.
const NOT_A_VALUE = new Set([
  'not',
  'never',
  'incorrect',
  'wrong',
  'required',
  'needed',
  'safe',
  'private',
  'secret',
  'the',
  'a',
  'an',
  'your',
  'only',
  'case',
  'changed',
  'reset',
  'expired',
  'too',
  'strong',
  'weak',
  'personal',
  'important',
  'for',
  'to',
  'now',
  'still',
  'being',
]);

export function looksLikeSecret(text: string): boolean {
  for (const match of text.matchAll(HAS_VALUE)) {
    const value = (match[1] ?? '').toLowerCase();
    if (!NOT_A_VALUE.has(value)) return true;
  }
  return false;
}
