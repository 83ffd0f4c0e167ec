// Which connection a claimant's credential (its hash) belongs to, remembered
// after a full look-up, so that a send can skip the separate credential
// look-up. A hint never grants anything: the send's one statement checks the
// credential against the connection again, under the connection's row lock
// (AddItemCheck in store/items.ts). A hint that no longer holds (sharing
// stopped, the connection deleted) only costs the full look-up, which then
// answers as it always did; the hint is dropped. So it is safe in any number
// of relay processes on one PostgreSQL, and needs no invalidation to be correct.

export interface ClaimantHint {
  connectionId: string;
  adviserId: string;
}

/** At most `max` hints; the oldest goes first. */
export class ClaimantHints {
  private readonly hints = new Map<string, ClaimantHint>();

  constructor(private readonly max = 10_000) {}

  get(tokenHash: string): ClaimantHint | undefined {
    return this.hints.get(tokenHash);
  }

  set(tokenHash: string, hint: ClaimantHint): void {
    this.hints.delete(tokenHash);
    if (this.hints.size >= this.max) this.hints.delete(this.hints.keys().next().value!);
    this.hints.set(tokenHash, { connectionId: hint.connectionId, adviserId: hint.adviserId });
  }

  delete(tokenHash: string): void {
    this.hints.delete(tokenHash);
  }

  get size(): number {
    return this.hints.size;
  }
}
