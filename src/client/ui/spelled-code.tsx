// A code a person compares or reads out (a safety code, a one-time code). It
// is shown as it is written ("3EQH-RGNP"), and a screen reader gets it
// spelled out, one character at a time in groups ("3 E Q H, R G N P"),
// so "RGNP" is not read as a word.

/** "3EQH-RGNP" → "3 E Q H, R G N P". */
export function spellOut(code: string): string {
  return code
    .split(/[\s\-–—]+/)
    .filter(Boolean)
    .map((group) => [...group].join(' '))
    .join(', ');
}

export function SpelledCode({ label, code, class: className }: { label: string; code: string; class?: string }) {
  return (
    <p class={className}>
      <span aria-hidden="true">{code}</span>
      <span class="visually-hidden">
        {label}: {spellOut(code)}
      </span>
    </p>
  );
}
