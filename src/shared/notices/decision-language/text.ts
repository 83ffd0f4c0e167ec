// The message as the rules read it, and its sentences.

/** Lower case, straight quotes, one space (or one line break): what the rules are written for. */
export function cueText(text: string): string {
  return (
    text
      .replace(/&#0*39;|&#x0*27;|&apos;|&rsquo;|&lsquo;/gi, "'")
      .replace(/&quot;|&#0*34;/gi, '"')
      .replace(/&amp;/gi, '&')
      .replace(/&nbsp;|&#0*160;/gi, ' ')
      .replace(/&pound;|&#0*163;/gi, '£')
      .toLowerCase()
      // OCR reads "l" as a one inside words: "c1aim", "a11owance", "c10sed" (not in "uc50", "1st", "ap1").
      .replace(/(?<=[a-z][01]*)1(?=[01]*[a-z])|(?<=[a-z]{3})(?<!sscs|ucd|esa)1(?![0-9])/g, 'l')
      // OCR reads "o" as a zero inside words: "y0ur rec0nsideration", "n0t" (not in "10am", "£0", "20th").
      .replace(/(?<=[a-z]0*)0(?![0-9]*[1-9])(?=0*[a-z]|(?![0-9]))|(?<![0-9£.,])0(?=0*[a-z])/g, 'o')
      // OCR reads "m" as "rn" where no English word has "rn": "rnonth", "payrnent", "terrninated" (not "journal", "earnings").
      .replace(/\brn(?=[aeiou])/g, 'm')
      .replace(/rrn|rnent\b/g, (found) => (found === 'rrn' ? 'rm' : 'ment'))
      .replace(/[’‘`´]/g, "'")
      .replace(/[‐‑–—]/g, '-')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n[\s]*/g, '\n')
  );
}

/** The sentence up to `start`: back to a full stop, colon or line break (at most 250 characters). */
export function sentenceSoFar(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 250), start);
  const cut = Math.max(
    ...['. ', '? ', '! ', ': ', '; ', '.\n', '\n'].map((mark) => {
      const at = before.lastIndexOf(mark);
      return at < 0 ? -1 : at + mark.length - 1;
    }),
  );
  return cut >= 0 ? before.slice(cut + 1) : before;
}

/** The sentence after `end`, up to its full stop or line break (at most 80 characters): "… to recover your advance". */
export function restOfSentence(text: string, end: number): string {
  return /^[^.!?\n]{0,80}/.exec(text.slice(end))![0];
}
