// Zod schemas for every request body and path parameter. Anything that does
// not match is a 400 before it gets near the store. Each request schema is
// tied to its type in src/shared/protocol (see SchemasMatchTypes below).
import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import type {
  ComputerName,
  RenewToken,
  LabelRequest,
  ConnectRequest,
  DeviceApproval,
  DeviceClaim,
  DeviceRequest,
  EnrolRequest,
  InviteLookupRequest,
  InviteRequest,
  ItemHint,
  ReplyRequest,
  SendItemRequest,
  SignedDeviceKey,
} from '../../shared/protocol/api-types';
import { MAX_ENVELOPE_CHARS } from '../../shared/protocol/api-types';
import { HINT_CHARS } from '../../shared/protocol/hint-shape';
import { normaliseInviteCode } from './invite-code';
import { LongBase64url, unusedBitsClear } from './long-base64url';

/** Raw P-256 point (0x04 ‖ X ‖ Y) = 65 bytes = 87 base64url characters. */
export const PUBLIC_KEY_CHARS = 87;

/** Reused output for the alphabet check below (never read); grows up to SCRATCH_MAX. */
let scratch = Buffer.alloc(0);
const SCRATCH_MAX = 2 * 1024 * 1024;

/**
 * True when `text` is canonical unpadded base64url (what Buffer would write
 * back): the alphabet only, no impossible length, and zero padding bits in
 * the last character. Node's decoder (C++) checks the alphabet for us: it
 * skips anything that is not base64, so one odd character leaves the output
 * a byte short; it also reads + and /, which are looked for first. Decoding
 * and re-encoding a 100 KB envelope to compare, or a regular expression over
 * it, cost the relay 0.2 to 0.3 ms a request; this takes about 25 µs.
 */
export function isCanonicalBase64url(text: string): boolean {
  const length = text.length;
  const rest = length % 4;
  if (rest === 1) return false;
  if (length === 0) return true;
  if (text.includes('+') || text.includes('/')) return false;
  // Only ASCII: the decoder reads a character over U+00FF by its low byte ("Ł" as "A").
  if (Buffer.byteLength(text, 'utf8') !== length) return false;
  const bytes = Math.floor((length * 3) / 4);
  let written: number;
  if (bytes <= SCRATCH_MAX) {
    if (scratch.length < bytes) scratch = Buffer.allocUnsafe(Math.min(SCRATCH_MAX, Math.max(bytes, scratch.length * 2)));
    written = scratch.write(text, 0, bytes, 'base64url');
  } else {
    written = Buffer.from(text, 'base64url').length;
  }
  if (written !== bytes) return false;
  return rest === 0 || unusedBitsClear(text[length - 1]!, rest);
}

/**
 * An envelope: base64url text, or (from a body read with keepLongText) a
 * LongBase64url, which holds canonical base64url and what it encodes.
 */
const envelopeTextSchema = z
  .string()
  .min(1, 'The message is empty.')
  .max(MAX_ENVELOPE_CHARS, 'The message is too big.')
  .refine(isCanonicalBase64url, 'The message must be base64url text.');

export const envelopeSchema = z.union(
  [
    envelopeTextSchema,
    z
      .instanceof(LongBase64url)
      // Its characters are canonical base64url already (it is made only then); they can still be too many.
      .refine((envelope) => envelope.length <= MAX_ENVELOPE_CHARS, 'The message is too big.'),
  ],
  // Neither (missing, a number…): what the text's schema says, as when it was the only one.
  { error: (issue) => envelopeTextSchema.safeParse(issue.input).error?.issues[0]?.message },
);

/** A request type as the relay receives it: its envelope may be a LongBase64url. */
export type Received<T> = { [K in keyof T]: K extends 'envelope' ? string | LongBase64url : T[K] };

/** The bytes a validated envelope encodes. */
export function envelopeBytes(envelope: string | LongBase64url): Buffer {
  return typeof envelope === 'string' ? Buffer.from(envelope, 'base64url') : envelope.bytes;
}

/** True when the 65 bytes are an uncompressed point on P-256 (OpenSSL checks the curve equation). */
export function isP256Point(key: string): boolean {
  const raw = Buffer.from(key, 'base64url');
  if (raw.length !== 65 || raw[0] !== 0x04) return false;
  try {
    createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') },
      format: 'jwk',
    });
    return true;
  } catch {
    return false;
  }
}

export const publicKeySchema = z
  .string()
  .length(PUBLIC_KEY_CHARS, 'A public key is 87 base64url characters.')
  .refine((key) => isCanonicalBase64url(key) && isP256Point(key), 'That is not a valid public key.');

/** UUIDs, lower-cased so a repeat in another case is the same id. */
export const idSchema = z
  .string()
  .max(36)
  .pipe(z.uuid('That is not a valid id.'))
  .transform((id) => id.toLowerCase());

export const labelSchema = z
  .string()
  .trim()
  .min(1, 'Give the client a label.')
  .max(80, 'Keep the label to 80 characters.')
  // eslint-disable-next-line no-control-regex
  .refine((label) => !/[\u0000-\u001f\u007f]/.test(label), 'The label has characters that cannot be shown.');

/** A one-time enrolment token or device token: prefix, underscore, 32 bytes of base64url. */
export const tokenSchema = z.string().regex(/^[a-z]_[A-Za-z0-9_-]{43}$/, 'That link is not complete. Copy the whole link.');

/** Invite codes in any case, with or without dashes or spaces; normalised to 9 characters. */
export const inviteCodeSchema = z.string().transform((input, ctx) => {
  const code = normaliseInviteCode(input);
  if (code === null) {
    ctx.addIssue({ code: 'custom', message: 'An invite code is 9 letters and numbers, like K7M-2QX-9PD.' });
    return z.NEVER;
  }
  return code;
});

/** ECDSA P-256 signature, IEEE P1363: 64 bytes = 86 base64url characters. */
export const SIGNATURE_CHARS = 86;
export const signatureSchema = z
  .string()
  .length(SIGNATURE_CHARS, 'A signature is 86 base64url characters.')
  .refine((text) => isCanonicalBase64url(text) && Buffer.from(text, 'base64url').length === 64, 'That is not a valid signature.');

/** A new computer's poll token: p_ and 32 bytes of base64url. */
export const pollTokenSchema = z.string().regex(/^p_[A-Za-z0-9_-]{43}$/, 'That poll token is not valid. Start adding this computer again.');

export const signedDeviceKeySchema = z.object({ publicKey: publicKeySchema, signature: signatureSchema }) satisfies z.ZodType<SignedDeviceKey>;
export const enrolRequestSchema = z.object({ token: tokenSchema, signingKey: publicKeySchema, device: signedDeviceKeySchema }) satisfies z.ZodType<EnrolRequest>;
export const deviceRequestSchema = z.object({ code: inviteCodeSchema, publicKey: publicKeySchema }) satisfies z.ZodType<DeviceRequest>;
export const deviceApprovalSchema = z.object({ signature: signatureSchema }) satisfies z.ZodType<DeviceApproval>;
export const deviceClaimSchema = z.object({ pollToken: pollTokenSchema }) satisfies z.ZodType<DeviceClaim>;
/** A label sealed by the adviser's app to its own computers' keys: an envelope like an item's, but small. */
export const SEALED_LABEL_MAX_CHARS = 8192;
export const sealedLabelSchema = z
  .string()
  .min(1, 'The label is empty.')
  .max(SEALED_LABEL_MAX_CHARS, 'The sealed label is too big.')
  .refine(isCanonicalBase64url, 'The sealed label must be base64url text.');
export const inviteRequestSchema = z.object({ sealedLabel: sealedLabelSchema }) satisfies z.ZodType<InviteRequest>;
export const labelRequestSchema = z.object({ sealedLabel: sealedLabelSchema }) satisfies z.ZodType<LabelRequest>;
/** A computer's name, as its adviser calls it ("Office laptop"). */
/** A computer's next credential, chosen by the computer (it stored it first). */
export const renewTokenSchema = z.object({
  deviceToken: z.string().regex(/^a_[A-Za-z0-9_-]{43}$/, 'That is not an adviser credential.'),
}) satisfies z.ZodType<RenewToken>;

export const computerNameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give this computer a name.')
    .max(60, 'Keep the name to 60 characters.')
    // eslint-disable-next-line no-control-regex
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'The name has characters that cannot be shown.'),
}) satisfies z.ZodType<ComputerName>;
export const inviteLookupRequestSchema = z.object({ code: inviteCodeSchema }) satisfies z.ZodType<InviteLookupRequest>;
export const connectRequestSchema = z.object({ code: inviteCodeSchema, claimantPublicKey: publicKeySchema }) satisfies z.ZodType<ConnectRequest>;
/** The most hints an item may carry: the most recipients an envelope has. */
export const MAX_ITEM_HINTS = 255;

/** A sealed deadline hint for one computer: exactly HINT_CHARS of base64url, whatever it holds (the relay cannot read it). */
export const itemHintSchema = z.object({
  key: publicKeySchema,
  hint: z.string().length(HINT_CHARS, `A hint is ${HINT_CHARS} base64url characters.`).refine(isCanonicalBase64url, 'A hint must be base64url text.'),
}) satisfies z.ZodType<ItemHint>;

export const sendItemRequestSchema = z.object({
  id: idSchema,
  envelope: envelopeSchema,
  hints: z
    .array(itemHintSchema)
    .max(MAX_ITEM_HINTS, 'Too many hints.')
    .refine((hints) => new Set(hints.map((h) => h.key)).size === hints.length, 'One hint per computer.')
    .optional(),
}) satisfies z.ZodType<Received<SendItemRequest>>;
export const replyRequestSchema = z.object({ id: idSchema, envelope: envelopeSchema }) satisfies z.ZodType<Received<ReplyRequest>>;

/**
 * True when A and B are the same type (no field more or less, none optional
 * in one and required in the other); a compile error where it is used with
 * two that differ.
 */
export type Exactly<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when given `true`. */
export type Check<T extends true> = T;

// `satisfies` above fails the build when a type gains a required field or a
// field changes; these also fail it when a type gains an optional field the
// schema would silently drop, or the schema takes a field the type lacks.
export type SchemasMatchTypes = [
  Check<Exactly<z.output<typeof signedDeviceKeySchema>, SignedDeviceKey>>,
  Check<Exactly<z.output<typeof enrolRequestSchema>, EnrolRequest>>,
  Check<Exactly<z.output<typeof deviceRequestSchema>, DeviceRequest>>,
  Check<Exactly<z.output<typeof deviceApprovalSchema>, DeviceApproval>>,
  Check<Exactly<z.output<typeof deviceClaimSchema>, DeviceClaim>>,
  Check<Exactly<z.output<typeof inviteRequestSchema>, InviteRequest>>,
  Check<Exactly<z.output<typeof labelRequestSchema>, LabelRequest>>,
  Check<Exactly<z.output<typeof computerNameSchema>, ComputerName>>,
  Check<Exactly<z.output<typeof renewTokenSchema>, RenewToken>>,
  Check<Exactly<z.output<typeof inviteLookupRequestSchema>, InviteLookupRequest>>,
  Check<Exactly<z.output<typeof connectRequestSchema>, ConnectRequest>>,
  Check<Exactly<z.output<typeof sendItemRequestSchema>, Received<SendItemRequest>>>,
  Check<Exactly<z.output<typeof replyRequestSchema>, Received<ReplyRequest>>>,
];

/** Bytes of a (validated) base64url envelope, without decoding it. */
export function envelopeSize(envelope: { length: number }): number {
  return Math.floor((envelope.length * 3) / 4);
}
