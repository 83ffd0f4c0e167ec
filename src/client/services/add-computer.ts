// Adding another adviser computer, without the screens. The first computer
// holds the adviser's signing key: it signs a new computer's key once the
// adviser has checked that both computers show the same safety code. The new
// computer makes its own key, so no private key ever leaves a computer.
// Adviser-only (vite.config.ts keeps it out of the claimant's download).
import type { DeviceRequestResponse, PendingDevice } from '../../shared/protocol/api-types';
import { relay } from './api-client';
import { fingerprint, generateKeyPair, signDeviceKey } from './crypto';
import { relayProblem, type RelayProblem } from './relay-problem';

/** How often the first computer looks for new computers asking to join. */
export const PENDING_POLL_MS = 5_000;
/** How often a new computer asks whether it was approved: the relay allows 10 a minute per address (shared with code entry). */
export const CLAIM_POLL_MS = 7_000;

// The first computer.

/**
 * Signs the new computer's key and sends the signature: only the key whose
 * safety code the adviser was shown (and compared), and never anything that
 * is not a P-256 public key. Throws before signing otherwise.
 */
export async function approveComputer(signingPrivateKey: CryptoKey, deviceToken: string, request: PendingDevice, shownFingerprint: string): Promise<void> {
  if ((await fingerprint(request.publicKey)) !== shownFingerprint) throw new Error('This is not the computer whose safety code was shown.');
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
}

/** Makes this computer's key and asks to join with the code from the first computer (already checked and normalised). */
export async function requestToJoin(code: string): Promise<JoinRequest> {
  const keys = await generateKeyPair();
  const request = await relay.requestDevice({ code, publicKey: keys.publicKey });
  return { request, keys };
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
  /** Nothing more to wait for: refused, expired or already used; another computer used the same code; or this browser cannot keep the key. */
  | { step: 'ended'; why: 'refused-or-expired' | 'contested' | 'cannot-store' }
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
