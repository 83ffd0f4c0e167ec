import type { ManifestOptions } from 'vite-plugin-pwa';
import { SHARE_TARGET_PATH } from '../shared/protocol/share-target-paths';

// The web app manifest: standalone display and maskable icons, so Chrome
// on Android offers "Install" and the icon fills the launcher shape.
export const manifest: Partial<ManifestOptions> = {
  name: 'UC Companion',
  short_name: 'UC Companion',
  description: 'Understand your Universal Credit messages and deadlines.',
  lang: 'en-GB',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  background_color: '#ffffff',
  theme_color: '#1d4f91',
  // Android: "Share → UC Companion" from the gallery or any app opens the
  // Send screen with the picture or PDF (handled by the service worker).
  share_target: {
    action: SHARE_TARGET_PATH,
    method: 'POST',
    enctype: 'multipart/form-data',
    params: { title: 'title', text: 'text', url: 'url', files: [{ name: 'file', accept: ['image/*', 'application/pdf', '.pdf'] }] },
  },
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
