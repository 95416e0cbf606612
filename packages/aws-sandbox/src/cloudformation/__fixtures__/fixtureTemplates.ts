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

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TEMPLATES_DIR = dirname(require.resolve('./templates/network.yaml'));

/** A test template from `__fixtures__/templates/`. */
export function fixtureTemplate(name: string): string {
  return readFileSync(join(TEMPLATES_DIR, name), 'utf8');
}

/** Uploads every fixture template to the sandbox's S3; returns the path-style base URL. */
export async function uploadFixtureTemplates(
  sandbox: {
    url: string;
    invoke(service: string, operation: string, input: unknown): Promise<any>;
  },
  bucket = 'fixture-templates',
): Promise<string> {
  await sandbox.invoke('s3', 'CreateBucket', { Bucket: bucket });
  for (const name of [
    'network.yaml',
    'parent.yaml',
    'user-profile-v1.yaml',
    'user-profile-v2.yaml',
    'imports-missing.yaml',
  ]) {
    await sandbox.invoke('s3', 'PutObject', {
      Bucket: bucket,
      Key: `templates/${name}`,
      Body: fixtureTemplate(name),
    });
  }
  return `${sandbox.url}/${bucket}/templates`;
}
