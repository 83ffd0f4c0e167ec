// Adding another adviser computer, without the screens. The first computer
// holds the adviser's signing key: it signs a new computer's key only once
// the adviser has typed the new computer's safety code, as the new computer
// shows it. The new computer checks the other way: the adviser types the
// safety code of the signing key that the first computer shows, and the new
// computer refuses the relay's answer unless its signing key has that code
// (it never takes the relay's word for the signing key). The new computer
// makes its own key, so no private key ever leaves a computer.
// Adviser-only (vite.config.ts keeps it out of the claimant's download).
import type { DeviceRequestResponse, PendingDevice } from '../../shared/protocol/api-types';
import { relay } from './api-client';
import { fingerprint, generateKeyPair, signDeviceKey } from './crypto';
import { relayProblem, type RelayProblem } from './relay-problem';
import { isSafetyCode, safetyCodeMatches } from './safety-code';

/** Thrown before anything is signed or sent: the safety code typed is not the one asked for. */
export class SafetyCodeMismatch extends Error {
  constructor() {
    super('The safety code typed does not match.');
    this.name = 'SafetyCodeMismatch';
  }
}

/** How often the first computer looks for new computers asking to join. */
export const PENDING_POLL_MS = 5_000;
/** How often a new computer asks whether it was approved: the relay allows 10 a minute per address (shared with code entry). */
export const CLAIM_POLL_MS = 7_000;

// The first computer.

/**
 * Signs the new computer's key and sends the signature: only when the
 * adviser typed, in full, the safety code the new computer shows and it is
 * this request's key's, and never anything that is not a P-256 public key.
 * Throws SafetyCodeMismatch (or a TypeError for a bad key) before signing otherwise.
 */
export async function approveComputer(signingPrivateKey: CryptoKey, deviceToken: string, request: PendingDevice, typedSafetyCode: string): Promise<void> {
  if (!safetyCodeMatches(await fingerprint(request.publicKey), typedSafetyCode)) throw new SafetyCodeMismatch();
  const signature = await signDeviceKey(signingPrivateKey, request.publicKey);
  await relay.approveDevice(deviceToken, request.id, { signature });
}

export async function refuseComputer(deviceToken: string, request: PendingDevice): Promise<void> {
  await relay.refuseDevice(deviceToken, request.id);
}

// The new computer.

export interface JoinRequest {
  request: DeviceRequestResponse;
  /** This computer's own key pair: the private key is non-extractable. */
  keys: { publicKey: string; privateKey: CryptoKey };
  /** The adviser's safety code as the first computer shows it: the signing key the relay hands over must have it. */
  adviserSafetyCode: string;
}

/**
 * Makes this computer's key and asks to join with the code from the first
 * computer (already checked and normalised) and the adviser's safety code
 * typed from the first computer's screen. Throws SafetyCodeMismatch for a
 * safety code that cannot be one, before the one-time code is used up.
 */
export async function requestToJoin(code: string, adviserSafetyCode: string): Promise<JoinRequest> {
  if (!isSafetyCode(adviserSafetyCode)) throw new SafetyCodeMismatch();
  const keys = await generateKeyPair();
  const request = await relay.requestDevice({ code, publicKey: keys.publicKey });
  return { request, keys, adviserSafetyCode };
}

/** What the new computer keeps once approved. No signing key: only the first computer can add others. */
export interface JoinedComputer {
  adviserId: string;
  name: string;
  org: string;
  signingKey: string;
  publicKey: string;
  privateKey: CryptoKey;
  deviceToken: string;
  enrolledAt: string;
}

export type ClaimStep =
  /** Not decided yet, or asked too often: ask again at the next poll. */
  | { step: 'waiting' }
  | { step: 'joined'; computer: JoinedComputer }
  /**
   * Nothing more to wait for: refused, expired or already used; another
   * computer used the same code; this browser cannot keep the key; or the
   * relay handed over a signing key whose safety code is not the one the
   * first computer shows (nothing was kept).
   */
  | { step: 'ended'; why: 'refused-or-expired' | 'contested' | 'cannot-store' | 'wrong-signing-key' }
  /** A problem worth showing; polling goes on. */
  | { step: 'problem'; problem: RelayProblem };

/**
 * One poll of the new computer. Once approved (the relay answers that only
 * once), `keep` stores the computer's identity before anything else happens.
 */
export async function claimComputer(join: JoinRequest, keep: (computer: JoinedComputer) => Promise<void>, now: () => Date = () => new Date()): Promise<ClaimStep> {
  try {
    const answer = await relay.claimDevice(join.request.requestId, { pollToken: join.request.pollToken });
    if (answer.state !== 'approved') return { step: 'waiting' };
    // The relay's word for the signing key is not enough: it must be the one the first computer shows.
    const code = await fingerprint(answer.signingKey).catch(() => '');
    if (!safetyCodeMatches(code, join.adviserSafetyCode)) return { step: 'ended', why: 'wrong-signing-key' };
    const computer: JoinedComputer = {
      adviserId: answer.adviserId,
      name: answer.name,
      org: answer.org,
      signingKey: answer.signingKey,
      publicKey: join.keys.publicKey,
      privateKey: join.keys.privateKey,
      deviceToken: answer.deviceToken,
      enrolledAt: now().toISOString(),
    };
    await keep(computer);
    return { step: 'joined', computer };
  } catch (error) {
    const problem = relayProblem(error);
    switch (problem.kind) {
      case 'gone':
      case 'not-found':
        return { step: 'ended', why: 'refused-or-expired' };
      case 'contested':
        // Someone else typed this code too: this computer must not be added on it.
        return { step: 'ended', why: 'contested' };
      case 'local':
        return { step: 'ended', why: 'cannot-store' };
      case 'rate-limited':
        return { step: 'waiting' };
      default:
        return { step: 'problem', problem };
    }
  }
}
