// How the page and the service worker call the relay: same origin (the CSP
// allows no other), JSON, the credential as a bearer token, never a cookie,
// never a cached answer.

export interface RelayRequestInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  credentials: 'omit';
  cache: 'no-store';
}

/** The fetch() options of one relay call. */
export function relayRequestInit(method: string, options: { token?: string | undefined; body?: unknown } = {}): RelayRequestInit {
  const hasBody = options.body !== undefined;
  return {
    method,
    headers: {
      ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
    ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
    credentials: 'omit',
    cache: 'no-store',
  };
}
