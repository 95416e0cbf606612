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

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SAGEMAKER_REMEDIATIONS } from '@internal/plugin-sagemaker-studio-common';
import {
  DESCRIBE_OPERATION,
  DETECTIVE_CONTROL_IAM_ACTIONS,
  remediationOperations,
  SAGEMAKER_OPERATIONS,
} from './sageMakerCalls';

/** The `new XCommand(` expressions in the package's code (tests excluded). */
function commandsSentByTheCode(): string[] {
  const files = readdirSync(__dirname).filter(
    file => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(__dirname, file), 'utf8');
    for (const match of text.matchAll(/new\s+([A-Za-z0-9]+)Command\s*\(/g)) {
      found.add(match[1]);
    }
  }
  return [...found].sort();
}

describe('the AWS calls of the detective control', () => {
  it('sends no command that is missing from the IAM action list, and lists none it does not send', () => {
    const actions = DETECTIVE_CONTROL_IAM_ACTIONS.map(a => a.split(':')[1]);
    expect(commandsSentByTheCode()).toEqual([...actions].sort());
  });

  it('can carry out every remediation of the shared remediation table', () => {
    for (const operation of remediationOperations()) {
      expect(SAGEMAKER_OPERATIONS[operation]).toEqual(expect.any(Function));
    }
    expect(remediationOperations()).toContain('DeleteApp');
    expect(SAGEMAKER_REMEDIATIONS.Space.action).toBe('NONE');
  });

  it('sends only the remediation and Describe* operations', () => {
    expect(Object.keys(SAGEMAKER_OPERATIONS).sort()).toEqual(
      [
        ...new Set([
          ...remediationOperations(),
          ...Object.values(DESCRIBE_OPERATION),
        ]),
      ].sort(),
    );
  });

  it('lists the IAM actions sorted, each once', () => {
    expect(DETECTIVE_CONTROL_IAM_ACTIONS).toEqual(
      [...new Set(DETECTIVE_CONTROL_IAM_ACTIONS)].sort(),
    );
    expect(DETECTIVE_CONTROL_IAM_ACTIONS).toContain(
      'securityhub:BatchImportFindings',
    );
  });
});
