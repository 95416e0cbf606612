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

/** Where an S3 URL points. */
export interface S3Location {
  bucket: string;
  key: string;
}

/**
 * Reads the bucket and key from the URL forms CloudFormation and Service
 * Catalog accept: `s3://b/k`, virtual-hosted (`https://b.s3.amazonaws.com/k`,
 * `https://b.s3.<region>.amazonaws.com/k`), path-style
 * (`https://s3.<region>.amazonaws.com/b/k`) and the sandbox's own path-style URLs.
 */
export function parseS3Url(text: string): S3Location | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const path = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (url.protocol === 's3:') {
    return path ? { bucket: url.hostname, key: path } : undefined;
  }
  const virtualHosted = /^(.+)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/.exec(
    url.hostname,
  );
  if (virtualHosted) {
    return path ? { bucket: virtualHosted[1], key: path } : undefined;
  }
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) {
    return undefined;
  }
  return { bucket: path.slice(0, slash), key: path.slice(slash + 1) };
}
