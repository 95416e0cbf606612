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
import path from 'node:path';
import { createProgram } from './main';

const fixtures = path.resolve(__dirname, '../__fixtures__');

async function run(args: string[]): Promise<{ lines: string[]; exitCode: number | undefined }> {
  const lines: string[] = [];
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    await createProgram(line => lines.push(line)).parseAsync(['node', 'sagemaker-studio-cfn', ...args]);
    return { lines, exitCode: process.exitCode };
  } finally {
    process.exitCode = saved;
  }
}

describe('sagemaker-studio-cfn validate', () => {
  it('prints each finding as file: LogicalId: reason, a summary, and exits 1', async () => {
    const { lines, exitCode } = await run(['validate', path.join(fixtures, 'negative/unused-parameter')]);
    expect(lines).toEqual([
      'template.yaml: RetentionDays: parameter RetentionDays is declared but never used [parameter/unused]',
      'FAILED: 1 templates, 1 resources, 1 property values and 1 references checked, 24 security rules; 1 error',
    ]);
    expect(exitCode).toBe(1);
  });

  it('exits 0 with an OK summary for a clean set', async () => {
    const { lines, exitCode } = await run(['validate', '--spec-only', path.join(fixtures, 'package')]);
    expect(lines).toEqual(['OK: 2 templates, 5 resources, 22 property values and 10 references checked, 0 security rules; 0 errors']);
    expect(exitCode).toBeUndefined();
  });
});
