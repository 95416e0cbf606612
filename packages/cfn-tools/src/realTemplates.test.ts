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
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runSecurityRules, SECURITY_RULES } from './rules';
import { loadTemplateSet } from './template/loadTemplateSet';
import { formatFinding } from './cli/validateCommand';
import { loadResourceSpec } from './validate/resourceSpec';
import { validateTemplateSet } from './validate/validateTemplateSet';

const cloudformationDir = path.resolve(__dirname, '../../../cloudformation');

const EXPECTED_TEMPLATES = [
  'shared-services.yaml',
  'shared/principals.yaml',
  'shared/network.yaml',
  'shared/ecr.yaml',
  'shared/codeartifact.yaml',
  'shared/data-lake.yaml',
  'shared/detective-control.yaml',
  'products/studio-domain.yaml',
  'products/team-environment.yaml',
  'products/user-profile-v1.yaml',
  'products/user-profile-v2.yaml',
];

describe('the real cloudformation templates', () => {
  it('has every template the design names', () => {
    const missing = EXPECTED_TEMPLATES.filter(file => !existsSync(path.join(cloudformationDir, file)));
    expect(missing).toEqual([]);
  });

  it('pass the specification checks and every security rule of the README', async () => {
    const [{ set, parseFindings }, spec] = await Promise.all([loadTemplateSet(cloudformationDir), loadResourceSpec()]);
    const findings = [
      ...parseFindings,
      ...validateTemplateSet(set, spec).findings,
      ...runSecurityRules({ set, spec }),
    ];
    expect(findings.map(formatFinding)).toEqual([]);
  });

  it('implements exactly the rule names of the README table', async () => {
    const readme = await readFile(path.join(cloudformationDir, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Security rules'));
    const names = [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map(match => match[1]);
    expect(SECURITY_RULES.map(rule => rule.name).sort()).toEqual([...names].sort());
  });
});
