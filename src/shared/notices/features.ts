// Turns a pasted notice into the hashed features the recogniser's linear
// model reads: normalised words, word pairs and character n-grams (so a typo
// or an OCR error still shares most of its n-grams with the right word).
// The trainer (tools/explainer/) and the app use this same code, so a change
// here makes the shipped weights stale (tests/unit/notices/model.test.ts).
import { englishShadow } from './welsh';

/** Feature settings, recorded in the generated model so both sides agree. */
export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Character n-gram lengths. */
  charGrams: readonly number[];
  /** Word n-gram lengths (1 = words, 2 = word pairs). */
  wordGrams: readonly number[];
  /** Weight of each decision phrase found (cues.ts) as a feature of its own, against the words' unit length; 0 = not used. */
  cueWeight?: number;
  /** Weight of each kind key phrase found (kind-clues.ts) as a feature of its own; 0 or absent = not used. */
  clueWeight?: number;
}

export interface Features {
  /** Bucket numbers, each once. */
  index: Int32Array;
  /** Value of each bucket (the vector has length 1). */
  value: Float32Array;
}

/** Lower case, straight quotes and dashes, numbers as "0", one space between words. */
export function modelText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/(\w)'(\w)/g, '$1$2') // don't -> dont, we've -> weve
    .replace(/£\s?\d[\d,.]*/g, ' £0 ')
    .replace(/[^\p{L}\p{N}£]+/gu, ' ')
    .replace(/\b\d+\b/g, '0')
    .trim();
}

/** FNV-1a, 32 bit, over UTF-16 code units, seeded by the feature type. */
function hash(seed: number, text: string, start = 0, end = text.length): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The bucket of one word feature (gram = 1) or word-pair feature (gram = 2), for "which words counted". */
export function wordBucket(words: string, gram: number, config: FeatureConfig): number {
  return hash(gram, words) & ((1 << config.bits) - 1);
}

// One reusable scratch array per bucket count: features are counted without allocating a Map.
const scratch = new Map<number, { counts: Float32Array; used: Int32Array }>();

function buffers(size: number) {
  let found = scratch.get(size);
  if (!found) {
    found = { counts: new Float32Array(size), used: new Int32Array(size) };
    scratch.set(size, found);
  }
  return found;
}

/** Longest text read: a whole pasted journal page is cut to its first part. */
const MAX_CHARS = 6000;

/** A message as the model reads it: its normalised text and words, and a Welsh message's English shadow (welsh.ts). */
export interface ModelWords {
  normal: string;
  words: string[];
  shadow: string[] | null;
}

export function modelWords(text: string): ModelWords {
  const normal = modelText(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  const words = normal ? normal.split(' ') : [];
  return { normal, words, shadow: englishShadow(words) };
}

/** `cues`: the decision rules that matched (their ids), a strong hint of the kind too. */
export function featurize(input: string | ModelWords, config: FeatureConfig, cues: readonly string[] = [], clues: readonly string[] = []): Features {
  const size = 1 << config.bits;
  const mask = size - 1;
  const { counts, used } = buffers(size);
  let n = 0;
  const add = (bucket: number) => {
    if (counts[bucket] === 0) used[n++] = bucket;
    counts[bucket] = 1;
  };

  const { normal, words, shadow } = typeof input === 'string' ? modelWords(input) : input;
  // A Welsh message also counts the English words and word pairs of its known phrases (welsh.ts);
  // a word with no English entry breaks the pairs ("" is never a word).
  if (shadow) {
    for (let i = 0; i < shadow.length; i++) {
      if (!shadow[i]) continue;
      add(hash(1, shadow[i]!) & mask);
      if (config.wordGrams.includes(2) && shadow[i + 1]) add(hash(2, `${shadow[i]} ${shadow[i + 1]}`) & mask);
    }
  }
  for (const gram of config.wordGrams) {
    for (let i = 0; i + gram <= words.length; i++) {
      const joined = gram === 1 ? words[i]! : gram === 2 ? `${words[i]} ${words[i + 1]}` : words.slice(i, i + gram).join(' ');
      add(hash(gram, joined) & mask);
    }
  }
  // Character n-grams run across the spaces too, so "yourclaim" (a lost space) still matches.
  // One pass: the hash of a 5-gram passes through those of its 3- and 4-gram prefixes.
  const padded = ` ${normal} `;
  const longest = Math.max(0, ...config.charGrams);
  const wanted = new Uint8Array(longest + 1);
  for (const gram of config.charGrams) wanted[gram] = 1;
  for (let i = 0; i < padded.length; i++) {
    let h = (0x811c9dc5 ^ 100) >>> 0;
    for (let gram = 1; gram <= longest && i + gram <= padded.length; gram++) {
      h = Math.imul(h ^ padded.charCodeAt(i + gram - 1), 0x01000193);
      if (wanted[gram]) add((Math.imul(h ^ gram, 0x9e3779b1) >>> 0) & mask);
    }
  }

  // Each phrase weighs the same whatever the length of the message: cueWeight against the words' unit length.
  const cueWeight = (config.cueWeight ?? 0) * Math.sqrt(n);
  if (cueWeight > 0) {
    for (const cue of cues) {
      const bucket = hash(200, cue) & mask;
      if (counts[bucket] === 0) used[n++] = bucket;
      counts[bucket] = counts[bucket]! + cueWeight;
    }
  }

  const clueWeight = (config.clueWeight ?? 0) * Math.sqrt(n);
  if (clueWeight > 0) {
    for (const clue of clues) {
      const bucket = hash(300, clue) & mask;
      if (counts[bucket] === 0) used[n++] = bucket;
      counts[bucket] = counts[bucket]! + clueWeight;
    }
  }

  const index = new Int32Array(n);
  const value = new Float32Array(n);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += counts[used[i]!]! ** 2;
  const norm = n > 0 ? 1 / Math.sqrt(squares) : 0;
  for (let i = 0; i < n; i++) {
    const bucket = used[i]!;
    index[i] = bucket;
    value[i] = counts[bucket]! * norm;
    counts[bucket] = 0;
  }
  return { index, value };
}
