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

import type { IncomingHttpHeaders } from 'node:http';

/** What the sandbox reads from a SigV4 signature; the signature itself is not checked. */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const CREDENTIAL_PATTERN = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;

/** Reads the credential scope from the Authorization header or a presigned URL. */
export function parseCredentialScope(
  headers: IncomingHttpHeaders,
  url: URL,
): CredentialScope | undefined {
  const authorization = headers.authorization;
  const credential =
    (typeof authorization === 'string' &&
      /Credential=([^,\s]+)/.exec(authorization)?.[1]) ||
    url.searchParams.get('X-Amz-Credential');
  if (!credential) {
    return undefined;
  }
  const match = CREDENTIAL_PATTERN.exec(credential);
  if (!match) {
    return undefined;
  }
  const [, accessKeyId, date, region, service] = match;
  return { accessKeyId, date, region, service };
}
