// A small typed client for the relay's JSON API (src/shared/protocol/api-types.ts).
// Same origin only: the CSP allows no other. A failed call throws ApiFailure
// (status 0 when there is no signal); relay-problem.ts reads it for callers.
import type {
  AdviserInfo,
  AdviserKeys,
  DeviceApproval,
  DeviceClaim,
  DeviceClaimed,
  DeviceCodeResponse,
  DeviceRequest,
  DeviceRequestResponse,
  PendingDevice,
  ApiErrorCode,
  ClaimantStatus,
  ConnectRequest,
  ConnectResponse,
  ConnectionInfo,
  EnrolRequest,
  EnrolResponse,
  InviteInfo,
  InviteLookupRequest,
  InviteRequest,
  InviteResponse,
  ItemInfo,
  ItemPage,
  ItemWithEnvelope,
  ComputerInfo,
  ComputerName,
  LabelRequest,
  RenewedToken,
  RenewToken,
  ReplyRequest,
  SendItemRequest,
  ApiError,
} from '../../shared/protocol/api-types';
import { relayRequestInit } from '../../shared/protocol/relay-request';

export class ApiFailure extends Error {
  constructor(
    /** HTTP status, or 0 when the request never reached the relay. */
    readonly status: number,
    readonly code: ApiErrorCode | 'offline',
    message: string,
    /** From a 429's Retry-After: when to try again, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
  get offline(): boolean {
    return this.status === 0;
  }
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('Retry-After') ?? '');
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** One JSON call to the relay (same origin). */
export async function call<T>(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, relayRequestInit(method, options));
  } catch {
    throw new ApiFailure(0, 'offline', 'No signal. It will be sent when you are back online.');
  }
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (json ?? {}) as Partial<ApiError>;
    throw new ApiFailure(response.status, error.error ?? 'server_error', error.message ?? 'Something went wrong. Try again later.', retryAfter(response));
  }
  return json as T;
}

const enc = encodeURIComponent;

export const relay = {
  enrol: (body: EnrolRequest) => call<EnrolResponse>('POST', '/api/adviser/enrol', { body }),
  me: (token: string) => call<AdviserInfo>('GET', '/api/adviser/me', { token }),
  createInvite: (token: string, body: InviteRequest) => call<InviteResponse>('POST', '/api/adviser/invites', { token, body }),
  lookUpInvite: (code: string) => call<InviteInfo>('POST', '/api/invites/lookup', { body: { code } satisfies InviteLookupRequest }),
  connect: (body: ConnectRequest) => call<ConnectResponse>('POST', '/api/connections', { body }),
  connections: (token: string) => call<ConnectionInfo[]>('GET', '/api/adviser/connections', { token }),
  /** One page of a client's items, newest first, without envelopes; `before` is the previous page's `next`. */
  items: (token: string, connectionId: string, before?: string) =>
    call<ItemPage>('GET', `/api/adviser/connections/${enc(connectionId)}/items${before ? `?before=${enc(before)}` : ''}`, { token }),
  /** One item with its envelope. */
  item: (token: string, itemId: string) => call<ItemWithEnvelope>('GET', `/api/adviser/items/${enc(itemId)}`, { token }),
  setLabel: (token: string, connectionId: string, body: LabelRequest) => call<void>('PUT', `/api/adviser/connections/${enc(connectionId)}/label`, { token, body }),
  computers: (token: string) => call<ComputerInfo[]>('GET', '/api/adviser/devices', { token }),
  removeComputer: (token: string, deviceId: string) => call<void>('DELETE', `/api/adviser/devices/${enc(deviceId)}`, { token }),
  nameComputer: (token: string, body: ComputerName) => call<ComputerInfo>('PUT', '/api/adviser/device', { token, body }),
  /** A new credential for this computer; the old one stops working. */
  renewToken: (token: string, body: RenewToken) => call<RenewedToken>('POST', '/api/adviser/device/token', { token, body }),
  markSeen: (token: string, itemId: string) => call<ItemInfo>('POST', `/api/adviser/items/${enc(itemId)}/seen`, { token }),
  reply: (token: string, connectionId: string, body: ReplyRequest) =>
    call<ItemInfo>('POST', `/api/adviser/connections/${enc(connectionId)}/replies`, { token, body }),
  send: (token: string, body: SendItemRequest) => call<ItemInfo>('POST', '/api/items', { token, body }),
  status: (token: string) => call<ClaimantStatus>('GET', '/api/claimant/status', { token }),
  /** One reply with its envelope; fetching it marks it seen. */
  fetchReply: (token: string, replyId: string) => call<ItemWithEnvelope>('GET', `/api/claimant/replies/${enc(replyId)}`, { token }),
  stopSharing: (token: string) => call<void>('DELETE', '/api/claimant/connection', { token }),
  /** The adviser's signing key and signed device keys; check every signature before use. */
  adviserKeys: (token: string) => call<AdviserKeys>('GET', '/api/claimant/adviser', { token }),

  // Adding another adviser computer (see api-types.ts).
  createDeviceCode: (token: string) => call<DeviceCodeResponse>('POST', '/api/adviser/device-codes', { token }),
  requestDevice: (body: DeviceRequest) => call<DeviceRequestResponse>('POST', '/api/device-requests', { body }),
  pendingDevices: (token: string) => call<PendingDevice[]>('GET', '/api/adviser/device-requests', { token }),
  approveDevice: (token: string, requestId: string, body: DeviceApproval) =>
    call<Record<string, never>>('POST', `/api/adviser/device-requests/${enc(requestId)}/approve`, { token, body }),
  refuseDevice: (token: string, requestId: string) => call<void>('DELETE', `/api/adviser/device-requests/${enc(requestId)}`, { token }),
  /** 202 { state: 'pending' } until the first computer decides; 410 once refused or expired. */
  claimDevice: (requestId: string, body: DeviceClaim) =>
    call<{ state: 'pending' } | DeviceClaimed>('POST', `/api/device-requests/${enc(requestId)}/claim`, { body }),
};
