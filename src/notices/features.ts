// Turns a pasted notice into the hashed features the recogniser's linear
// model reads: normalised words, word pairs and character n-grams (so a typo
// or an OCR error still shares most of its n-grams with the right word).
// The trainer (tools/explainer/) and the app use this same code, so a change
// here makes the shipped weights stale (tests/unit/notices/model.test.ts).

/** Feature settings, recorded in the generated model so both sides agree. */
export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Character n-gram lengths. */
  charGrams: readonly number[];
  /** Word n-gram lengths (1 = words, 2 = word pairs). */
  wordGrams: readonly number[];
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

export function featurize(text: string, config: FeatureConfig): Features {
  const size = 1 << config.bits;
  const mask = size - 1;
  const { counts, used } = buffers(size);
  let n = 0;
  const add = (bucket: number) => {
    if (counts[bucket] === 0) used[n++] = bucket;
    counts[bucket] = 1;
  };

  const normal = modelText(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  const words = normal ? normal.split(' ') : [];
  for (const gram of config.wordGrams) {
    for (let i = 0; i + gram <= words.length; i++) {
      const joined = gram === 1 ? words[i]! : words.slice(i, i + gram).join(' ');
      add(hash(gram, joined) & mask);
    }
  }
  // Character n-grams run across the spaces too, so "yourclaim" (a lost space) still matches.
  const padded = ` ${normal} `;
  for (const gram of config.charGrams) {
    for (let i = 0; i + gram <= padded.length; i++) add(hash(100 + gram, padded, i, i + gram) & mask);
  }

  const index = new Int32Array(n);
  const value = new Float32Array(n);
  const norm = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let i = 0; i < n; i++) {
    const bucket = used[i]!;
    index[i] = bucket;
    value[i] = norm;
    counts[bucket] = 0;
  }
  return { index, value };
}
