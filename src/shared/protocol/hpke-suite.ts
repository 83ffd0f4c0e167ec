// The one HPKE suite (RFC 9180) of the app: DHKEM(P-256, HKDF-SHA256),
// HKDF-SHA256, AES-128-GCM, from @hpke/core. Item envelopes
// (client/services/crypto/envelope.ts) and deadline hints (deadline-hint.ts,
// which the service worker opens too) both use it, in Auth mode.
import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';

let suiteCache: CipherSuite | undefined;

export function hpkeSuite(): CipherSuite {
  suiteCache ??= new CipherSuite({
    kem: new DhkemP256HkdfSha256(),
    kdf: new HkdfSha256(),
    aead: new Aes128Gcm(),
  });
  return suiteCache;
}
