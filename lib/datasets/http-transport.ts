import 'server-only';
import { ENDPOINT_PATHS, type Transport } from './transport';

export interface HttpTransportOptions {
  baseUrl: string;
  apiKey: string;
  siteUrl: string;
  siteName: string;
}

/** Live mode: one HTTP attempt at the OpenRouter Datasets API. Retries and quota are the caller's. */
export function createHttpTransport({ baseUrl, apiKey, siteUrl, siteName }: HttpTransportOptions): Transport {
  return async ({ endpoint, query, signal }) => {
    const url = `${baseUrl}${ENDPOINT_PATHS[endpoint]}?${new URLSearchParams(query).toString()}`;
    const response = await fetch(url, {
      headers: {
        Authorization: `Bearer ${apiKey}`,
        Accept: 'application/json',
        'HTTP-Referer': siteUrl,
        'X-OpenRouter-Title': siteName,
      },
      signal,
      // Our own cache and governor decide what is fetched; Next's fetch cache must not answer instead.
      cache: 'no-store',
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
  };
}
