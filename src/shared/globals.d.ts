// The little that shared/ uses from outside ES2023, which every runtime it
// runs in has (the page, Web Workers, the service worker and Node 20).
// shared/ is type-checked against these alone, so nothing else from the DOM
// or from Node creeps in. Each runtime's own tsconfig brings the full types.

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare const crypto: {
  getRandomValues<T extends Uint8Array<ArrayBuffer>>(array: T): T;
  randomUUID?(): string;
};

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
