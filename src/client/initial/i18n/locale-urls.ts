// The hashed URL of every locale file (about 2 KB compressed, and it grows
// with each language). Loaded with import() by the first screen that needs a
// namespace other than `common`, so a first visit to Home does not pay for it.
export const LOCALE_URLS = import.meta.glob<string>('/locales/*/*.json', {
  query: '?url',
  import: 'default',
  eager: true,
});
