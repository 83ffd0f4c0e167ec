// The cryptography of forwarding, in three parts: keys.ts (key pairs, public
// keys, safety codes), envelope.ts (sealing and opening items), signatures.ts
// (the adviser's signing key over each computer's key).
export { fingerprint, generateKeyPair, importPublicKey, sha256Hex } from './keys';
export {
  EnvelopeRefused,
  openEnvelope,
  sealPayload,
  sealedToExactly,
  type Binding,
  type Direction,
  type Payload,
  type RefusalReason,
  type Sender,
} from './envelope';
export { generateSigningKeyPair, signDeviceKey, verifyDeviceKey } from './signatures';
