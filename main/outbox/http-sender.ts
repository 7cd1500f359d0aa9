import { classifyStatus, retryAfterMs, type SendResult } from './send-result';

/** POSTs a compact JWS to the HR service's /v1/reports. */
export function httpSender(serverUrl: string, timeoutMs = 10_000): (jws: string) => Promise<SendResult> {
  const url = new URL('/v1/reports', serverUrl);
  return async (jws) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        body: jws,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { kind: 'retry', status: null, reason: cause ?? (error as Error).message, retryAfterMs: null };
    }
    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    switch (classifyStatus(response.status)) {
      case 'accepted':
        return { kind: 'accepted', body };
      case 'rejected': {
        const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
        return {
          kind: 'rejected',
          status: response.status,
          code: error?.code ?? `http.${response.status}`,
          reason: error?.message ?? text.slice(0, 200),
        };
      }
      case 'retry':
        return {
          kind: 'retry',
          status: response.status,
          reason: `HTTP ${response.status}`,
          retryAfterMs: retryAfterMs(response.headers.get('retry-after'), Date.now()),
        };
    }
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
