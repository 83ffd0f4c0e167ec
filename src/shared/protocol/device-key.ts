// What an adviser's signing key signs for each of their computers' keys (see
// "Keys" in api-types.ts). The page signs and checks it; the relay checks it
// before it stores a device key.

const CONTEXT = 'uc-companion device key v1\n';

/** The signed bytes: UTF-8 of the context line and the device's base64url public key. */
export function deviceKeyMessage(devicePublicKey: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(CONTEXT + devicePublicKey);
}
