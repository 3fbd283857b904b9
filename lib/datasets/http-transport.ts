import 'server-only';
import { request } from 'undici';
import { ENDPOINTS } from './endpoints';
import type { Transport } from './transport';

export interface HttpTransportOptions {
  baseUrl: string;
  apiKey: string;
  siteUrl: string;
  siteName: string;
}

/**
 * Live mode: one HTTP attempt at the OpenRouter Datasets API. Retries and quota are the caller's.
 * undici directly, not the global fetch: Next patches `fetch` with its own cache and render-mode
 * semantics (a no-store fetch turns a page dynamic), while this layer must decide alone what is sent.
 */
export function createHttpTransport({ baseUrl, apiKey, siteUrl, siteName }: HttpTransportOptions): Transport {
  return async ({ endpoint, query, signal }) => {
    const url = `${baseUrl}${ENDPOINTS[endpoint].path}?${new URLSearchParams(query).toString()}`;
    const response = await request(url, {
      method: 'GET',
      headers: {
        authorization: `Bearer ${apiKey}`,
        accept: 'application/json',
        'http-referer': siteUrl,
        'x-openrouter-title': siteName,
      },
      signal,
    });
    const retryAfter = response.headers['retry-after'];
    return {
      status: response.statusCode,
      retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
      body: await response.body.text(),
    };
  };
}
