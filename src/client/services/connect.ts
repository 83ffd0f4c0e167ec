// Connecting this phone to an adviser, without the screen: the checks that
// decide whether the relay's answer can be trusted. The safety code pins the
// adviser's signing key: from the invite link, or, for a typed code, typed in
// full by the person as the adviser reads it out (no connection without it);
// every device key must carry that key's signature; and the adviser the relay
// connects us to must be the one the person agreed to. Anything else is
// refused, and a connection the relay made anyway is stopped at once. The
// phone's own key is made here; its safety code is what the adviser's
// screen shows for this client (claimantSafetyCode).
import type { AdviserKeys, InviteInfo } from '../../shared/protocol/api-types';
import { saveConnected } from '../data/claimant-db';
import { checkAdviserKeys } from './adviser-keys';
import { relay } from './api-client';
import { fingerprint, generateKeyPair } from './crypto';
import { safetyCodeMatches } from './safety-code';

/** Any case, spaces and dashes: "k7m-2qx 9pd" → "K7M2QX9PD". */
export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s\-–—]+/g, '');
}

/** A normalised invite code: 9 letters and digits. */
export function isInviteCode(code: string): boolean {
  return /^[A-Z0-9]{9}$/.test(code);
}

/** Safety codes match whatever the case and separators ("abcd efgh" = "ABCD-EFGH"). */
export function sameFingerprint(a: string, b: string): boolean {
  const plain = (raw: string) => raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain(a) === plain(b);
}

/** This phone's safety code for its adviser: the adviser's screen shows the same for this client. */
export async function claimantSafetyCode(publicKey: string): Promise<string> {
  return fingerprint(publicKey);
}

/** What the person is asked to agree to. */
export interface Consent {
  code: string;
  invite: InviteInfo;
  /** The adviser with only the device keys their signing key signed. */
  adviser: AdviserKeys;
  /** Device keys left out because their signature did not verify. */
  dropped: number;
  /** fingerprint(adviser.signingKey), shown to the person. */
  fingerprint: string;
  /** True when a link's safety code was compared; false for a typed code (checked by ear). */
  fromLink: boolean;
}

export type InviteCheck =
  | ({ outcome: 'consent' } & Consent)
  /** The signing key is not the one the link pinned. */
  | { outcome: 'mismatch'; adviser: AdviserKeys }
  /** Not one device key is signed by the signing key. */
  | { outcome: 'unverified' };

/**
 * Looks up an invite and checks it. `expectedFingerprint` is the link's
 * safety code, or null for a typed code. Relay failures are thrown (read them
 * with relayProblem).
 */
export async function checkInvite(code: string, expectedFingerprint: string | null): Promise<InviteCheck> {
  const invite = await relay.lookUpInvite(code);
  const actual = await fingerprint(invite.adviser.signingKey);
  if (expectedFingerprint && !sameFingerprint(expectedFingerprint, actual)) return { outcome: 'mismatch', adviser: invite.adviser };
  const checked = await checkAdviserKeys(invite.adviser);
  if (checked.adviser.devices.length === 0) return { outcome: 'unverified' };
  return {
    outcome: 'consent',
    code,
    invite,
    adviser: checked.adviser,
    dropped: checked.dropped,
    fingerprint: actual,
    fromLink: expectedFingerprint !== null,
  };
}

export type ConnectOutcome =
  | { outcome: 'connected'; adviserName: string }
  /** A typed code, and the safety code typed does not match the adviser's: nothing was sent to the relay. */
  | { outcome: 'not-compared' }
  /** The relay connected us to another signing key: stopped at once. */
  | { outcome: 'mismatch'; adviser: AdviserKeys }
  /** The relay's device keys for the adviser are not signed: stopped at once. */
  | { outcome: 'unverified' };

/**
 * For a typed code: true when the person typed the whole safety code the
 * adviser read out, and it is the one the relay's signing key has.
 */
export function typedSafetyCodeMatches(consent: Consent, typed: string): boolean {
  return safetyCodeMatches(consent.fingerprint, typed);
}

/**
 * "Agree and connect": makes this phone's key pair, connects, and keeps the
 * connection only when the relay hands back the adviser the person agreed
 * to. A typed code connects only with `typedSafetyCode` matching the
 * adviser's. Relay and storage failures are thrown (read them with relayProblem).
 */
export async function connectWithConsent(consent: Consent, now: () => Date = () => new Date(), typedSafetyCode?: string): Promise<ConnectOutcome> {
  // Without a link there was nothing to compare: the comparison is the person's, and it is required.
  if (!consent.fromLink && !typedSafetyCodeMatches(consent, typedSafetyCode ?? '')) return { outcome: 'not-compared' };
  const keys = await generateKeyPair();
  const response = await relay.connect({ code: consent.code, claimantPublicKey: keys.publicKey });
  // The relay must hand back the same adviser we showed: otherwise refuse.
  if (response.adviser.signingKey !== consent.adviser.signingKey) {
    void relay.stopSharing(response.claimantToken).catch(() => undefined);
    return { outcome: 'mismatch', adviser: response.adviser };
  }
  // Its device keys too must each be signed by that (pinned) key.
  const checked = await checkAdviserKeys(response.adviser, consent.adviser.signingKey);
  if (checked.adviser.devices.length === 0) {
    void relay.stopSharing(response.claimantToken).catch(() => undefined);
    return { outcome: 'unverified' };
  }
  const at = now().toISOString();
  await saveConnected(
    { publicKey: keys.publicKey, privateKey: keys.privateKey, createdAt: at },
    {
      connectionId: response.connectionId,
      claimantToken: response.claimantToken,
      // Name and organisation as the person agreed to them.
      adviser: { ...checked.adviser, name: consent.adviser.name, org: consent.adviser.org },
      fingerprint: consent.fingerprint,
      connectedAt: at,
    },
  );
  return { outcome: 'connected', adviserName: response.adviser.name };
}
