// Relay-wide settings, as text under a key (the VAPID keys, see push/vapid.ts).
import type { SqlDriver } from './driver';

export interface SettingStore {
  /** A relay-wide setting, or null. */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
  /** Stores `value` unless `key` is already set; returns what is stored (first writer wins across processes). */
  initSetting(key: string, value: string): Promise<string>;
}

export function settingQueries(db: SqlDriver): SettingStore {
  async function getSetting(key: string): Promise<string | null> {
    const rows = await db.query<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [key]);
    return rows[0]?.value ?? null;
  }
  return {
    getSetting,

    async setSetting(key, value) {
      await db.query(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [key, value]);
    },

    async initSetting(key, value) {
      await db.query(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [key, value]);
      const stored = await getSetting(key);
      if (stored === null) throw new Error('initSetting: the setting vanished');
      return stored;
    },
  };
}
