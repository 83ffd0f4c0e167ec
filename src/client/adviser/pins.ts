// The clients' pinned keys, kept in this computer's database (see services/claimant-pin.ts).
import type { PinStore } from '../services/claimant-pin';
import { addPin, getPin, markPinCompared } from '../data/adviser-db';

export const PINS: PinStore = { get: getPin, add: addPin, compared: markPinCompared };
