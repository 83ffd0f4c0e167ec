// Zod schemas for the push routes (src/shared/protocol/push-types.ts).
import { z } from 'zod';
import { normalisePushEndpoint, type EndpointPolicy } from '../push/endpoint-policy';
import { isIsoDate } from '../../shared/notices/calendar';
import { DEADLINE_IDS } from '../../shared/notices/types';
import type { BrowserSubscription, Preferences, PushOwner, ResyncRequest, SnoozeRequest, SubscribeRequest } from '../../shared/protocol/push-types';
import { idSchema, isCanonicalBase64url, isP256Point, type Check, type Exactly } from './schemas';

export const MAX_ENDPOINT_CHARS = 2048;
export const MAX_DEADLINES = 200;

/** base64url of exactly `bytes` bytes; trailing '=' padding is accepted and dropped. */
const base64urlOf = (bytes: number, what: string, check: (text: string) => boolean = () => true) =>
  z
    .string()
    .max(200)
    .transform((text) => text.replace(/={1,2}$/, ''))
    .refine((text) => isCanonicalBase64url(text) && Buffer.from(text, 'base64url').length === bytes && check(text), `${what} must be base64url of ${bytes} bytes.`);

/**
 * A push subscription whose endpoint is an https URL of an allowed push
 * service (endpoint-policy.ts); the endpoint comes out normalised (the
 * WHATWG href), and that is what is stored and sent.
 */
export function subscriptionSchema(policy: EndpointPolicy) {
  return z.object({
    endpoint: z
      .string()
      .max(MAX_ENDPOINT_CHARS, `The push endpoint is longer than ${MAX_ENDPOINT_CHARS} characters.`)
      .transform((endpoint, ctx) => {
        const normalised = normalisePushEndpoint(endpoint, policy);
        if (normalised === null || normalised.length > MAX_ENDPOINT_CHARS) {
          ctx.addIssue({ code: 'custom', message: 'The push endpoint must be an https:// address of a known push service.' });
          return z.NEVER;
        }
        return normalised;
      }),
    keys: z.object({
      p256dh: base64urlOf(65, 'keys.p256dh', isP256Point),
      auth: base64urlOf(16, 'keys.auth'),
    }),
  }) satisfies z.ZodType<BrowserSubscription>;
}

export const pushOwnerSchema = z.object({
  claimantToken: z
    .string()
    .regex(/^c_[A-Za-z0-9_-]{43}$/, 'That is not a sharing credential.')
    .optional(),
  adviserToken: z
    .string()
    .regex(/^a_[A-Za-z0-9_-]{43}$/, 'That is not an adviser credential.')
    .optional(),
}) satisfies z.ZodType<PushOwner>;

export function subscribeRequestSchema(policy: EndpointPolicy) {
  return pushOwnerSchema.extend({ subscription: subscriptionSchema(policy) }) satisfies z.ZodType<SubscribeRequest>;
}

export function resyncRequestSchema(policy: EndpointPolicy) {
  return pushOwnerSchema.extend({ subscription: subscriptionSchema(policy) }) satisfies z.ZodType<ResyncRequest>;
}

const minuteSchema = z.number().int('Use whole minutes.').min(0, 'Minutes go from 0 to 1439.').max(1439, 'Minutes go from 0 to 1439.');

export const deadlineDateSchema = z
  .string()
  .refine((date) => isIsoDate(date) && date >= '2000-01-01' && date <= '2199-12-31', 'A deadline date must be a real date, YYYY-MM-DD.');

export const preferencesSchema = z.object({
  replies: z.boolean(),
  journal: z
    .object({
      days: z.number().int().min(0, 'Days are a mask from 0 to 127.').max(127, 'Days are a mask from 0 to 127.'),
      minute: minuteSchema,
    })
    .nullable(),
  quiet: z.object({ start: minuteSchema, end: minuteSchema }),
  deadlines: z
    .array(
      z.object({
        id: z.enum(DEADLINE_IDS, 'That is not a known deadline.'),
        date: deadlineDateSchema,
        ref: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A ref is 1 to 64 letters, digits, - or _.'),
      }),
    )
    .max(MAX_DEADLINES, `Send at most ${MAX_DEADLINES} deadlines.`),
}) satisfies z.ZodType<Preferences>;

export const snoozeRequestSchema = z.object({
  reminderId: idSchema,
  until: z.enum(['hour', 'tomorrow'], "Snooze until 'hour' or 'tomorrow'."),
}) satisfies z.ZodType<SnoozeRequest>;

// Both ways, as in schemas.ts: a field more or less on either side fails the build.
export type PushSchemasMatchTypes = [
  Check<Exactly<z.output<ReturnType<typeof subscriptionSchema>>, BrowserSubscription>>,
  Check<Exactly<z.output<ReturnType<typeof subscribeRequestSchema>>, SubscribeRequest>>,
  Check<Exactly<z.output<ReturnType<typeof resyncRequestSchema>>, ResyncRequest>>,
  Check<Exactly<z.output<typeof pushOwnerSchema>, PushOwner>>,
  Check<Exactly<z.output<typeof preferencesSchema>, Preferences>>,
  Check<Exactly<z.output<typeof snoozeRequestSchema>, SnoozeRequest>>,
];
