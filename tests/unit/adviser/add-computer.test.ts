// Adding an adviser computer with real keys and a pretend relay: the first
// computer signs only the key whose safety code it showed, and the new
// computer reads every answer to its polls.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceApproval, DeviceClaim, DeviceRequest, PendingDevice } from '../../../src/shared/protocol/api-types';
import { fingerprint, generateKeyPair, generateSigningKeyPair, verifyDeviceKey } from '../../../src/client/services/crypto';

const relayState = vi.hoisted(() => ({
  approvals: [] as { token: string; requestId: string; body: DeviceApproval }[],
  refusals: [] as string[],
  requests: [] as DeviceRequest[],
  claims: [] as { requestId: string; body: DeviceClaim }[],
  /** The next answer to a claim: 'pending', 'approved', or an HTTP status to fail with (0: no signal). */
  claim: 'pending' as 'pending' | 'approved' | 'contested' | number,
  /** The signing key the relay hands over with an approval. */
  signingKey: 'signing-pub',
}));

vi.mock('../../../src/client/services/api-client', async (importOriginal) => {
  const { ApiFailure } = await importOriginal<typeof import('../../../src/client/services/api-client')>();
  return {
    ApiFailure,
    relay: {
      approveDevice: async (token: string, requestId: string, body: DeviceApproval) => {
        relayState.approvals.push({ token, requestId, body });
        return {};
      },
      refuseDevice: async (_token: string, requestId: string) => {
        relayState.refusals.push(requestId);
      },
      requestDevice: async (body: DeviceRequest) => {
        relayState.requests.push(body);
        return { requestId: 'req-1', pollToken: 'p_poll', expiresAt: '2026-02-01T10:10:00Z' };
      },
      claimDevice: async (requestId: string, body: DeviceClaim) => {
        relayState.claims.push({ requestId, body });
        const answer = relayState.claim;
        if (answer === 'contested') throw new ApiFailure(409, 'code_contested', 'Two computers used this code.');
        if (typeof answer === 'number') throw new ApiFailure(answer, answer === 0 ? 'offline' : 'gone', 'No.');
        if (answer === 'pending') return { state: 'pending' as const };
        return { state: 'approved' as const, deviceToken: 'a_device', adviserId: 'adv-1', name: 'Sam', org: 'Eastside Advice', signingKey: relayState.signingKey };
      },
    },
  };
});

const addComputer = await import('../../../src/client/services/add-computer');

/** The adviser's real signing key, as the first computer holds it, and its safety code as the first computer shows it. */
const SIGNING = await generateSigningKeyPair();
const SIGNING_CODE = await fingerprint(SIGNING.publicKey);

beforeEach(() => {
  Object.assign(relayState, { approvals: [], refusals: [], requests: [], claims: [], claim: 'pending', signingKey: SIGNING.publicKey });
});

async function pending(): Promise<{ request: PendingDevice; shown: string }> {
  const device = await generateKeyPair();
  return { request: { id: 'req-1', publicKey: device.publicKey, createdAt: '2026-02-01T10:00:00Z' }, shown: await fingerprint(device.publicKey) };
}

describe('the first computer', () => {
  it('signs the key whose safety code it showed, with the signing key', async () => {
    const signing = await generateSigningKeyPair();
    const { request, shown } = await pending();
    await addComputer.approveComputer(signing.privateKey, 'a_first', request, shown);
    expect(relayState.approvals).toHaveLength(1);
    const [approval] = relayState.approvals;
    expect(approval).toMatchObject({ token: 'a_first', requestId: 'req-1' });
    expect(await verifyDeviceKey(signing.publicKey, { publicKey: request.publicKey, signature: approval!.body.signature })).toBe(true);
  });

  it('accepts the safety code typed in any case, with spaces or none', async () => {
    const signing = await generateSigningKeyPair();
    const { request, shown } = await pending();
    await addComputer.approveComputer(signing.privateKey, 'a_first', request, ` ${shown.toLowerCase().replace(/-/g, ' ')} `);
    await addComputer.approveComputer(signing.privateKey, 'a_first', request, shown.replace(/-/g, ''));
    expect(relayState.approvals).toHaveLength(2);
  });

  it('refuses to sign a key other than the one whose safety code was typed', async () => {
    const signing = await generateSigningKeyPair();
    const { request } = await pending();
    const other = await pending();
    await expect(addComputer.approveComputer(signing.privateKey, 'a_first', request, other.shown)).rejects.toBeInstanceOf(addComputer.SafetyCodeMismatch);
    expect(relayState.approvals).toEqual([]);
  });

  it('refuses to sign without the whole safety code typed: nothing, or only its last 4 characters (20 bits, which a relay can match)', async () => {
    const signing = await generateSigningKeyPair();
    const { request, shown } = await pending();
    for (const typed of ['', '   ', shown.slice(-4), shown.slice(0, -1)]) {
      await expect(addComputer.approveComputer(signing.privateKey, 'a_first', request, typed), typed).rejects.toBeInstanceOf(addComputer.SafetyCodeMismatch);
    }
    expect(relayState.approvals).toEqual([]);
  });

  it('refuses to sign something that is not a key', async () => {
    const signing = await generateSigningKeyPair();
    const request = { id: 'req-1', publicKey: 'not-a-key', createdAt: '2026-02-01T10:00:00Z' };
    await expect(addComputer.approveComputer(signing.privateKey, 'a_first', request, 'AAAA-AAAA-AAAA-AAAA')).rejects.toThrow();
    expect(relayState.approvals).toEqual([]);
  });

  it('refuses a request', async () => {
    const { request } = await pending();
    await addComputer.refuseComputer('a_first', request);
    expect(relayState.refusals).toEqual(['req-1']);
  });
});

describe('the new computer', () => {
  async function join(safetyCode = SIGNING_CODE) {
    return addComputer.requestToJoin('K7M2QX9PD', safetyCode);
  }

  it('will not ask to join without a whole safety code from the first computer (the one-time code is not used up)', async () => {
    for (const typed of ['', SIGNING_CODE.slice(-4), 'IS THIS A CODE?', SIGNING_CODE + 'A']) {
      await expect(join(typed), typed).rejects.toBeInstanceOf(addComputer.SafetyCodeMismatch);
    }
    expect(relayState.requests).toEqual([]);
  });

  it('asks with the code and a key of its own, which cannot be copied off it', async () => {
    const joined = await join();
    expect(relayState.requests).toEqual([{ code: 'K7M2QX9PD', publicKey: joined.keys.publicKey }]);
    expect(joined.keys.privateKey.extractable).toBe(false);
    expect(joined.request.requestId).toBe('req-1');
  });

  it('keeps waiting while the first computer has not decided, with its poll token', async () => {
    const joined = await join();
    const keep = vi.fn(async () => undefined);
    expect(await addComputer.claimComputer(joined, keep)).toEqual({ step: 'waiting' });
    expect(relayState.claims).toEqual([{ requestId: 'req-1', body: { pollToken: 'p_poll' } }]);
    expect(keep).not.toHaveBeenCalled();
  });

  it('keeps the identity once approved: its own key, no signing private key', async () => {
    const joined = await join();
    relayState.claim = 'approved';
    const keep = vi.fn(async () => undefined);
    const now = new Date('2026-02-01T10:05:00Z');
    const step = await addComputer.claimComputer(joined, keep, () => now);
    const computer = {
      adviserId: 'adv-1',
      name: 'Sam',
      org: 'Eastside Advice',
      signingKey: SIGNING.publicKey,
      publicKey: joined.keys.publicKey,
      privateKey: joined.keys.privateKey,
      deviceToken: 'a_device',
      enrolledAt: now.toISOString(),
    };
    expect(step).toEqual({ step: 'joined', computer });
    expect(keep).toHaveBeenCalledWith(computer);
    if (step.step === 'joined') expect(Object.keys(step.computer)).not.toContain('signingPrivateKey');
  });

  it('takes the safety code typed in any case and with spaces', async () => {
    const joined = await join(SIGNING_CODE.toLowerCase().replace(/-/g, ' '));
    relayState.claim = 'approved';
    expect((await addComputer.claimComputer(joined, async () => undefined)).step).toBe('joined');
  });

  it("refuses a signing key from the relay whose safety code is not the first computer's, and keeps nothing", async () => {
    const joined = await join();
    relayState.claim = 'approved';
    const keep = vi.fn(async () => undefined);
    relayState.signingKey = (await generateSigningKeyPair()).publicKey;
    expect(await addComputer.claimComputer(joined, keep)).toEqual({ step: 'ended', why: 'wrong-signing-key' });
    relayState.signingKey = 'not-a-key';
    expect(await addComputer.claimComputer(joined, keep)).toEqual({ step: 'ended', why: 'wrong-signing-key' });
    expect(keep).not.toHaveBeenCalled();
  });

  it('ends when this browser cannot keep the key', async () => {
    const joined = await join();
    relayState.claim = 'approved';
    const step = await addComputer.claimComputer(joined, async () => {
      throw new DOMException('No storage', 'InvalidStateError');
    });
    expect(step).toEqual({ step: 'ended', why: 'cannot-store' });
  });

  it('ends when the request was refused, has expired or is unknown', async () => {
    const joined = await join();
    for (const status of [410, 404]) {
      relayState.claim = status;
      expect(await addComputer.claimComputer(joined, async () => undefined), String(status)).toEqual({ step: 'ended', why: 'refused-or-expired' });
    }
  });

  it('ends, saying so, when another computer used the same code', async () => {
    const joined = await join();
    relayState.claim = 'contested';
    const keep = vi.fn(async () => undefined);
    expect(await addComputer.claimComputer(joined, keep)).toEqual({ step: 'ended', why: 'contested' });
    expect(keep).not.toHaveBeenCalled();
  });

  it('waits quietly after asking too often', async () => {
    const joined = await join();
    relayState.claim = 429;
    expect(await addComputer.claimComputer(joined, async () => undefined)).toEqual({ step: 'waiting' });
  });

  it('shows other problems and goes on polling', async () => {
    const joined = await join();
    relayState.claim = 0;
    expect(await addComputer.claimComputer(joined, async () => undefined)).toEqual({ step: 'problem', problem: { kind: 'offline' } });
    relayState.claim = 500;
    expect(await addComputer.claimComputer(joined, async () => undefined)).toEqual({ step: 'problem', problem: { kind: 'server', status: 500 } });
  });
});
