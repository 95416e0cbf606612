/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { headerValue, jsonResponse, RawRequest, RawResponse } from './http';

const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a `Host` header or an origin, if it is one of this machine's loopback names. */
function loopbackHostname(value: string | undefined, asUrl: boolean) {
  if (!value) {
    return undefined;
  }
  try {
    const url = new URL(asUrl ? value : `http://${value}`);
    // A Host header is host[:port] and nothing else (no credentials, no path).
    if (!asUrl && url.host !== value.toLowerCase()) {
      const withDefaultPort = `${url.hostname}:80`;
      if (withDefaultPort !== value.toLowerCase()) {
        return undefined;
      }
    }
    return LOOPBACK_HOSTNAMES.includes(url.hostname) ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

function refusal(status: number, type: string, message: string): RawResponse {
  return jsonResponse(status, { __type: type, message });
}

/**
 * Refuses `/_sandbox/*` requests that a web page could have sent. The
 * sandbox listens on 127.0.0.1 only, but a page in the developer's browser
 * can still reach it: by DNS rebinding (a hostile name that resolves to
 * 127.0.0.1, visible as a foreign `Host`), or by a plain cross-site form
 * POST (no preflight for `text/plain` or form bodies). So: the `Host` must be
 * a loopback name, an `Origin`, when sent, must be a loopback origin, and a
 * POST or PUT must say `Content-Type: application/json`, which a page can
 * only send cross-origin after a CORS preflight the sandbox never grants.
 *
 * Returns the refusal, or undefined when the request may proceed.
 */
export function refuseForeignAdminRequest(
  request: RawRequest,
): RawResponse | undefined {
  const host = headerValue(request.headers, 'host');
  if (!loopbackHostname(host, false)) {
    return refusal(
      403,
      'ForeignHost',
      `The sandbox admin endpoints answer only requests to localhost, 127.0.0.1 or [::1]; this one was for ${JSON.stringify(
        host ?? '',
      )}`,
    );
  }
  const origin = headerValue(request.headers, 'origin');
  if (origin !== undefined && !loopbackHostname(origin, true)) {
    return refusal(
      403,
      'ForeignOrigin',
      `The sandbox admin endpoints answer no web page but local ones; this request came from ${JSON.stringify(
        origin,
      )}`,
    );
  }
  if (request.method === 'POST' || request.method === 'PUT') {
    const contentType = headerValue(request.headers, 'content-type') ?? '';
    if (contentType.split(';')[0].trim().toLowerCase() !== 'application/json') {
      return refusal(
        415,
        'UnsupportedMediaType',
        `${request.method} ${request.url.pathname} needs Content-Type: application/json`,
      );
    }
  }
  return undefined;
}
