// The relay's JSON API, as types shared by the app and the server. The server
// validates every request against the schemas in src/server/api/schemas.ts.
// Binary data travels as base64url text. Credentials go in
// `Authorization: Bearer <token>`; errors are { error: code, message }.

export interface ApiError {
  error: 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'gone' | 'too_large' | 'too_many_requests' | 'method_not_allowed' | 'conflict';
  /** Plain words a person can act on. */
  message: string;
}

/** POST /api/adviser/enrol (no auth) → 201 EnrolResponse */
export interface EnrolRequest { token: string; publicKey: string }
export interface EnrolResponse { adviserId: string; name: string; org: string; deviceToken: string }

/** GET /api/adviser/me (adviser) → AdviserInfo */
export interface AdviserInfo { id: string; name: string; org: string; publicKey: string }

/** POST /api/adviser/invites (adviser) → 201 InviteResponse. Code: 9 characters, shown as K7M-2QX-9PD. */
export interface InviteRequest { label: string }
export interface InviteResponse { code: string; expiresAt: string }

/** GET /api/invites/:code (no auth; rate limited) → InviteInfo; 404 unknown, 410 used or expired */
export interface InviteInfo { adviser: { name: string; org: string; publicKey: string }; expiresAt: string }

/** POST /api/connections (no auth; rate limited) → 201 ConnectResponse; 404, 410 */
export interface ConnectRequest { code: string; claimantPublicKey: string }
export interface ConnectResponse { connectionId: string; claimantToken: string; adviser: { name: string; org: string; publicKey: string } }

/** GET /api/adviser/connections (adviser) → ConnectionInfo[] newest first */
export interface ConnectionInfo {
  id: string;
  label: string;
  createdAt: string;
  stoppedAt: string | null;
  lastItemAt: string | null;
  unseen: number;
  /** base64url raw P-256 key the client gave when connecting: the adviser seals replies to it. */
  claimantPublicKey: string;
}

/** POST /api/items (claimant) → 201 created, 200 repeat of the same id */
export interface SendItemRequest { id: string; envelope: string }
export interface ItemInfo { id: string; createdAt: string; seenAt: string | null; size: number }

/** GET /api/adviser/connections/:id/items (adviser) → ItemWithEnvelope[] newest first */
export interface ItemWithEnvelope extends ItemInfo { envelope: string }

/** POST /api/adviser/items/:id/seen (adviser) → 200 ItemInfo */

/** POST /api/adviser/connections/:id/replies (adviser) → 201 ItemInfo */
export interface ReplyRequest { id: string; envelope: string }

/** GET /api/claimant/status (claimant) → ClaimantStatus; 410 when the adviser side is gone */
export interface ClaimantStatus { stopped: boolean; sent: ItemInfo[]; replies: ItemWithEnvelope[] }

/** DELETE /api/claimant/connection (claimant) → 204: stop sharing, deletes everything on the relay */
