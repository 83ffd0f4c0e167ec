// The recogniser's linear models: one for the kind of notice, one for
// "is it a decision, an MRN, or neither". Weights are hashed features times
// classes, stored as 8-bit numbers; inference is a sparse dot product and a
// softmax, a few microseconds a notice.
import { featurize, type FeatureConfig, type Features } from './features';

export interface LinearHead<C extends string = string> {
  classes: readonly C[];
  /** One per class. */
  bias: Float32Array;
  /** Bucket-major: weights[bucket * classes.length + class] * scale. */
  weights: Int8Array;
  scale: number;
}

export interface RecogniserModel<K extends string = string, D extends string = string> {
  features: FeatureConfig;
  kind: LinearHead<K>;
  challenge: LinearHead<D>;
  /**
   * How often each kind was a decision, an MRN or neither in training
   * (kind.classes x challenge.classes). Question (b) blends the model's answer
   * with what the likely kinds usually are, by `kindMix` (0 = not at all).
   */
  challengeOfKind: number[][];
  kindMix: number;
  /** Probability cut-offs chosen on cross-validation (see tools/explainer/eval.ts). */
  thresholds: {
    /** Below this, the likeliest kind is "not sure". */
    kind: number;
    /** A decision or an MRN this likely stays possible (its deadline is shown, and we ask) even when "neither" is likelier. */
    rights: number;
    /** "Neither" this likely stays possible (we ask rather than say it is a decision) even when a decision is likelier. */
    neither: number;
  };
}

/** Non-zero weights by bucket (most are zero), built once per head: predict() then skips the zeros. */
interface Sparse {
  start: Int32Array;
  classOf: Uint8Array;
  value: Float32Array;
}

const sparseOf = new WeakMap<LinearHead, Sparse>();

function sparse(head: LinearHead): Sparse {
  let found = sparseOf.get(head);
  if (found) return found;
  const k = head.classes.length;
  const buckets = head.weights.length / k;
  const start = new Int32Array(buckets + 1);
  let count = 0;
  for (let j = 0; j < head.weights.length; j++) if (head.weights[j] !== 0) count++;
  const classOf = new Uint8Array(count);
  const value = new Float32Array(count);
  let at = 0;
  for (let b = 0; b < buckets; b++) {
    start[b] = at;
    for (let c = 0; c < k; c++) {
      const w = head.weights[b * k + c]!;
      if (w !== 0) {
        classOf[at] = c;
        value[at++] = w * head.scale;
      }
    }
  }
  start[buckets] = at;
  found = { start, classOf, value };
  sparseOf.set(head, found);
  return found;
}

/** The probabilities of each class, in the head's class order. */
export function predict(head: LinearHead, features: Features): Float64Array {
  const k = head.classes.length;
  const out = new Float64Array(k);
  const { start, classOf, value } = sparse(head);
  const { index, value: x } = features;
  for (let i = 0; i < index.length; i++) {
    const bucket = index[i]!;
    const v = x[i]!;
    for (let j = start[bucket]!, end = start[bucket + 1]!; j < end; j++) {
      const c = classOf[j]!;
      out[c] = out[c]! + value[j]! * v;
    }
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    out[c] = out[c]! + head.bias[c]!;
    if (out[c]! > max) max = out[c]!;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < k; c++) out[c] = out[c]! / sum;
  return out;
}

export interface Prediction<K extends string, D extends string> {
  kind: Array<{ id: K; p: number }>;
  challenge: Array<{ id: D; p: number }>;
  features: Features;
}

function ranked<C extends string>(head: LinearHead<C>, p: Float64Array): Array<{ id: C; p: number }> {
  return head.classes.map((id, i) => ({ id, p: p[i]! })).sort((a, b) => b.p - a.p || (a.id < b.id ? -1 : 1));
}

/** Both questions, likeliest answer first. */
export function predictBoth<K extends string, D extends string>(model: RecogniserModel<K, D>, text: string): Prediction<K, D> {
  const features = featurize(text, model.features);
  return {
    kind: ranked(model.kind, predict(model.kind, features)),
    challenge: ranked(model.challenge, predict(model.challenge, features)),
    features,
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 to bytes, in plain code: this module runs anywhere (no atob, no Buffer). */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | BASE64.indexOf(clean[i]!);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}

/**
 * A head as stored in model.generated.ts. Most weights are 0 (the trainer's
 * L1 penalty sees to that), so only the others are kept: base64 of
 * [count][gap to each next non-zero weight, as LEB128 varints][the 8-bit weights].
 */
export interface StoredHead<C extends string> {
  classes: readonly C[];
  bias: readonly number[];
  scale: number;
  /** Number of hash buckets (the dense array is buckets x classes). */
  buckets: number;
  weights: string;
}

export interface StoredModel<K extends string, D extends string> {
  features: FeatureConfig;
  thresholds: RecogniserModel['thresholds'];
  challengeOfKind: number[][];
  kindMix: number;
  kind: StoredHead<K>;
  challenge: StoredHead<D>;
}

function decodeHead<C extends string>(stored: StoredHead<C>): LinearHead<C> {
  const bytes = fromBase64(stored.weights);
  const weights = new Int8Array(stored.buckets * stored.classes.length);
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const count = varint();
  const positions = new Array<number>(count);
  let position = 0;
  for (let i = 0; i < count; i++) positions[i] = position += varint();
  for (let i = 0; i < count; i++) weights[positions[i]!] = (bytes[at++]! << 24) >> 24;
  return { classes: stored.classes, bias: Float32Array.from(stored.bias), scale: stored.scale, weights };
}

export function decodeModel<K extends string, D extends string>(stored: StoredModel<K, D>): RecogniserModel<K, D> {
  return {
    features: stored.features,
    thresholds: stored.thresholds,
    challengeOfKind: stored.challengeOfKind,
    kindMix: stored.kindMix,
    kind: decodeHead(stored.kind),
    challenge: decodeHead(stored.challenge),
  };
}
