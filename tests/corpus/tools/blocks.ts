// Parser for the corpus authoring files (tests/corpus/src/*.txt and
// tests/corpus/sealed/src/*.txt). One record per block:
//
//   ### w-sanction                      <- id prefix (numbered in file order) or a full id ending in -NNN
//   family: sanction-missed-wsr
//   kind: sanction-decision
//   challenge: decision                 <- decision | mrn | neither
//   cue: has not shown good reason      <- required for decision/mrn, words that appear in the text
//   today: 2025-03-14
//   date: 2025-03-12                    <- notice date shown in the text, or "none"
//   due: respond 2025-03-19             <- optional extra deadline (repeatable): <DeadlineId> <YYYY-MM-DD>
//   imitates: what real text this imitates          (written records)
//   url: https://...   where: forum   verbatim: yes|no   (public quotes)
//   notes: free text
//   ---
//   the text, exactly as pasted (kept byte for byte, trailing blank lines dropped)
//
// Lines starting with "#:" outside a text are comments.
import { readFileSync } from 'node:fs';

export type Challenge = 'decision' | 'mrn' | 'neither';

export interface CorpusRecord {
  id: string;
  family: string;
  text: string;
  kind: string;
  challenge: Challenge;
  decisionCue: string | null;
  today: string;
  noticeDate: string | null;
  deadlines: Record<string, string>;
  source: { type: 'public-quote'; url: string; where: string; verbatim: boolean } | { type: 'written'; imitates: string };
  notes?: string;
}

export interface RawBlock {
  file: string;
  line: number;
  header: string;
  fields: Record<string, string[]>;
  text: string;
}

export function parseBlocks(file: string): RawBlock[] {
  const lines = readFileSync(file, 'utf8').replace(/\r\n/g, '\n').split('\n');
  const blocks: RawBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.startsWith('### ')) {
      if (line.trim() !== '' && !line.startsWith('#:')) throw new Error(`${file}:${i + 1}: text outside a block: ${line}`);
      i++;
      continue;
    }
    const start = i + 1;
    const header = line.slice(4).trim();
    const fields: Record<string, string[]> = {};
    i++;
    for (; i < lines.length && lines[i] !== '---'; i++) {
      const l = lines[i]!;
      if (l.trim() === '' || l.startsWith('#:')) continue;
      const m = /^([a-z]+):\s?(.*)$/.exec(l);
      if (!m) throw new Error(`${file}:${i + 1}: bad field line: ${l}`);
      (fields[m[1]!] ??= []).push(m[2]!.trim());
    }
    if (i >= lines.length) throw new Error(`${file}:${start}: block has no --- line`);
    i++; // skip ---
    const textLines: string[] = [];
    for (; i < lines.length && !lines[i]!.startsWith('### '); i++) textLines.push(lines[i]!);
    while (textLines.length && textLines[textLines.length - 1]!.trim() === '') textLines.pop();
    blocks.push({ file, line: start, header, fields, text: textLines.join('\n') });
  }
  return blocks;
}
