// The relay's JSON API, as types shared by the app and the server. The server
// validates every request against the schemas in src/server/api/schemas.ts,
// each tied to its type here, so the two cannot drift apart.
// Binary data travels as base64url text (base64url.ts). Credentials go in
// `Authorization: Bearer <token>` (relay-request.ts); errors are
// { error: code, message }, and a 429 also says Retry-After (seconds).

/** Every error code the relay answers with, and its HTTP status. */
export const API_ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** The sender already keeps as many items or bytes on this connection as the relay allows (see QuotaProblem). */
  connection_full: 409,
  /** A second computer used the same device code: both requests fail; start again with a new code. */
  code_contested: 409,
  gone: 410,
  too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  server_error: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

export interface ApiError {
  error: ApiErrorCode;
  /** Plain words a person can act on. */
  message: string;
}

// Keys. Each adviser has ONE signing key (ECDSA P-256, made non-extractable
// on their first computer) and one HPKE key per device (computer). Every
// device key is signed by the signing key, so a claimant who has pinned the
// signing key (its fingerprint travels in invite links and QR codes) can check
// every device key the relay hands out: the relay cannot add its own.
//   signature = ECDSA P-256 with SHA-256, IEEE P1363 (64 bytes), base64url,
//   over deviceKeyMessage(publicKey) (device-key.ts).
// Keys are base64url of the raw uncompressed P-256 point (65 bytes).

/** One adviser device's HPKE public key and the signing key's signature of it. */
export interface SignedDeviceKey {
  publicKey: string;
  signature: string;
}

/** The adviser as a claimant's phone sees them. fingerprint(signingKey) is what links pin. */
export interface AdviserKeys {
  name: string;
  org: string;
  signingKey: string;
  devices: SignedDeviceKey[];
}

/** POST /api/adviser/enrol (no auth) → 201 EnrolResponse. The relay checks the signature. */
export interface EnrolRequest {
  token: string;
  signingKey: string;
  device: SignedDeviceKey;
}
export interface EnrolResponse {
  adviserId: string;
  name: string;
  org: string;
  deviceToken: string;
}

/**
 * An adviser's computer, as the adviser sees it in their list.
 * GET /api/adviser/devices (adviser) → ComputerInfo[] oldest first;
 * DELETE /api/adviser/devices/:id (adviser) → 204: its credential stops working
 * and its key is no longer handed to claimants (404 when not theirs);
 * PUT /api/adviser/device (adviser) ComputerName → 200 ComputerInfo: names this computer;
 * POST /api/adviser/device/token (adviser) [RenewToken] → 200 RenewedToken: a new credential for
 * this computer, the old one stops working. With a RenewToken body the new
 * credential is the one the computer made and stored first (so a lost answer
 * cannot lock it out); without one the relay makes it. A credential unused for
 * DEVICE_IDLE_DAYS (default 90) stops working (401) and the computer is removed.
 */
export interface ComputerInfo {
  id: string;
  /** The adviser's name for it, or null when not named. */
  name: string | null;
  createdAt: string;
  /** When it last used the relay (to the day; null: not since it was added). */
  lastSeenAt: string | null;
  /** True for the computer that asked. */
  current: boolean;
}
export interface ComputerName {
  name: string;
}
export interface RenewedToken {
  deviceToken: string;
}
/** The computer's next credential, made on the computer: `a_` and 32 random bytes as base64url. */
export interface RenewToken {
  deviceToken: string;
}

/** GET /api/adviser/me (adviser) → AdviserInfo */
export interface AdviserInfo {
  id: string;
  name: string;
  org: string;
  signingKey: string;
  devices: (SignedDeviceKey & { id: string; createdAt: string })[];
}

// Adding a second computer, with a one-time code from the first:
// 1. first computer: POST /api/adviser/device-codes (adviser) → 201 DeviceCodeResponse (9 characters like invites, 10 minutes, single use)
// 2. new computer: makes its HPKE key, POST /api/device-requests (no auth; rate limited like invites) DeviceRequest → 201 DeviceRequestResponse; 404 unknown code, 410 used or expired
// 3. first computer: GET /api/adviser/device-requests (adviser) → PendingDevice[]; the adviser checks fingerprint(publicKey) matches what the new computer shows,
//    then POST /api/adviser/device-requests/:id/approve (adviser) { signature } → 200 {} (the relay verifies the signature: 400 if wrong), or DELETE …/:id → 204 to refuse
// 4. new computer: POST /api/device-requests/:id/claim (no auth) DeviceClaim → 202 { state: 'pending' } | 200 DeviceClaimed (once; afterwards 410) | 410 refused or expired
export interface DeviceCodeResponse {
  code: string;
  expiresAt: string;
}
export interface DeviceRequest {
  code: string;
  publicKey: string;
}
export interface DeviceRequestResponse {
  requestId: string;
  pollToken: string;
  expiresAt: string;
}
export interface PendingDevice {
  id: string;
  publicKey: string;
  createdAt: string;
}
export interface DeviceApproval {
  signature: string;
}
export interface DeviceClaim {
  pollToken: string;
}
export interface DeviceClaimed {
  state: 'approved';
  deviceToken: string;
  adviserId: string;
  name: string;
  org: string;
  signingKey: string;
}

/** GET /api/claimant/adviser (claimant) → AdviserKeys (refreshed before each send); 410 when stopped */

/**
 * POST /api/adviser/invites (adviser) → 201 InviteResponse. Code: 9 characters, shown as K7M-2QX-9PD.
 * The label is sealed by the adviser's app to its own computers' keys (an
 * envelope, as items are): the relay never holds a client's name.
 */
export interface InviteRequest {
  sealedLabel: string;
}
/** PUT /api/adviser/connections/:id/label (adviser) LabelRequest → 204: renames; an old plaintext label is dropped. */
export interface LabelRequest {
  sealedLabel: string;
}
export interface InviteResponse {
  code: string;
  expiresAt: string;
}

/**
 * POST /api/invites/lookup (no auth; rate limited) → InviteInfo; 404 unknown,
 * 410 used or expired. The code goes in the body, never the address: proxies
 * and servers log addresses.
 */
export interface InviteLookupRequest {
  code: string;
}
export interface InviteInfo {
  adviser: AdviserKeys;
  expiresAt: string;
}

/** POST /api/connections (no auth; rate limited) → 201 ConnectResponse; 404, 410 */
export interface ConnectRequest {
  code: string;
  claimantPublicKey: string;
}
export interface ConnectResponse {
  connectionId: string;
  claimantToken: string;
  adviser: AdviserKeys;
}

/** GET /api/adviser/connections (adviser) → ConnectionInfo[] newest first */
export interface ConnectionInfo {
  id: string;
  /** A plaintext label from before labels were sealed ('' when sealed): shown as it is until renamed. */
  label: string;
  /** The label sealed by the adviser's app (open it with the computer's key), or null. */
  sealedLabel: string | null;
  createdAt: string;
  stoppedAt: string | null;
  lastItemAt: string | null;
  unseen: number;
  /** base64url raw P-256 key the client gave when connecting: the adviser seals replies to it. */
  claimantPublicKey: string;
}

/**
 * The largest envelope the relay takes, as base64url text: just under its 2 MB
 * body limit, leaving room for the JSON around it. The phone checks it before
 * keeping an item, so nothing waits for ever to be sent.
 */
export const MAX_ENVELOPE_CHARS = 2 * 1024 * 1024 - 1024;

/** POST /api/items (claimant) → 201 created, 200 repeat of the same id */
export interface SendItemRequest {
  id: string;
  envelope: string;
  /**
   * One sealed deadline hint per adviser computer the item is sealed to
   * (shared/protocol/deadline-hint.ts), each naming that computer's public
   * key: the relay passes each computer only its own, in its push. Every
   * hint has the same size, with or without a deadline. Optional: phones
   * from before hints send none, and their pushes stay generic.
   */
  hints?: ItemHint[];
}

/** A deadline hint for the adviser computer whose public key is `key`. */
export interface ItemHint {
  key: string;
  hint: string;
}
export interface ItemInfo {
  id: string;
  createdAt: string;
  seenAt: string | null;
  size: number;
}

/**
 * GET /api/adviser/connections/:id/items?limit=N&before=CURSOR (adviser) → ItemPage:
 * newest first, no envelopes, at most `limit` (1 to ITEM_PAGE_MAX, default
 * ITEM_PAGE_DEFAULT); `next` is the cursor of the following (older) page, or null.
 */
export interface ItemPage {
  items: ItemInfo[];
  next: string | null;
}
export const ITEM_PAGE_DEFAULT = 50;
export const ITEM_PAGE_MAX = 200;

/**
 * GET /api/adviser/items/:id (adviser) → ItemWithEnvelope: one item with its envelope.
 * GET /api/claimant/replies/:id (claimant) → ItemWithEnvelope: one reply; it counts as seen.
 */
export interface ItemWithEnvelope extends ItemInfo {
  envelope: string;
}

/**
 * The body of a 409 connection_full: what the relay allows one side to keep
 * on a connection, and which limit was reached. Items go again once the
 * adviser has seen them and retention has deleted them, or when they are older than its maximum age.
 */
export interface QuotaProblem extends ApiError {
  error: 'connection_full';
  limit: 'items' | 'bytes';
  maxItems: number;
  maxBytes: number;
}

/** POST /api/adviser/items/:id/seen (adviser) → 200 ItemInfo */

/** POST /api/adviser/connections/:id/replies (adviser) → 201 ItemInfo */
export interface ReplyRequest {
  id: string;
  envelope: string;
}

/** GET /api/claimant/status (claimant) → ClaimantStatus; 410 when the adviser side is gone */
export interface ClaimantStatus {
  stopped: boolean;
  sent: ItemInfo[];
  /** Without envelopes: fetch each new one with GET /api/claimant/replies/:id. */
  replies: ItemInfo[];
}

/** DELETE /api/claimant/connection (claimant) → 204: stop sharing, deletes everything on the relay */
