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
import { properties, referencedId, resourcesOfType } from './iam/templatePolicies';
import { renderValue } from './renderValue';
import { nestedKeys, valueAt, Violations } from './ruleHelpers';
import type { SecurityRule } from './types';

const CURRENT_RUNTIMES = new Set(['nodejs20.x', 'nodejs22.x']);
const CLASSIC_SETTINGS = new Set(['KernelGatewayAppSettings', 'JupyterServerAppSettings', 'KernelGatewayImageConfig']);

/** LOG_RETENTION: log groups expire, and every function logs to a group of its own template. */
export const logRetention: SecurityRule = {
  name: 'LOG_RETENTION',
  check({ set }) {
    const violations = new Violations('LOG_RETENTION');
    for (const template of set.templates) {
      const logGroups = resourcesOfType(template, 'AWS::Logs::LogGroup');
      for (const [id, group] of logGroups) {
        if (properties(group).RetentionInDays === undefined) violations.add(template, id, 'the log group has no RetentionInDays');
      }
      const groupIds = new Set(logGroups.map(([id]) => id));
      for (const [id, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) {
        const target = referencedId(valueAt(properties(fn), 'LoggingConfig.LogGroup'));
        if (!target || !groupIds.has(target)) {
          violations.add(template, id, 'LoggingConfig.LogGroup does not name a log group of this template, so its logs never expire');
        }
      }
    }
    return violations.findings;
  },
};

/** LAMBDA_CURRENT_RUNTIME: Node.js 20 or 22 only. */
export const lambdaCurrentRuntime: SecurityRule = {
  name: 'LAMBDA_CURRENT_RUNTIME',
  check({ set }) {
    const violations = new Violations('LAMBDA_CURRENT_RUNTIME');
    for (const template of set.templates) {
      for (const [id, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) {
        const runtime = properties(fn).Runtime;
        if (typeof runtime !== 'string' || !CURRENT_RUNTIMES.has(runtime)) {
          violations.add(template, id, `Runtime ${JSON.stringify(runtime)} is not nodejs20.x or nodejs22.x`);
        }
      }
    }
    return violations.findings;
  },
};

/** NO_STUDIO_CLASSIC: the current Studio only; no CodeCommit or Cloud9. */
export const noStudioClassic: SecurityRule = {
  name: 'NO_STUDIO_CLASSIC',
  check({ set }) {
    const violations = new Violations('NO_STUDIO_CLASSIC');
    for (const template of set.templates) {
      for (const [id, resource] of Object.entries(template.body.Resources ?? {})) {
        const type = String(resource?.Type);
        if (/^AWS::(Cloud9|CodeCommit)::/.test(type)) violations.add(template, id, `declares ${type}`);
        const classic = [...new Set([...nestedKeys(resource?.Properties)].filter(key => CLASSIC_SETTINGS.has(key)))];
        if (classic.length > 0) violations.add(template, id, `uses Studio Classic settings: ${classic.join(', ')}`);
      }
      for (const [id, endpoint] of resourcesOfType(template, 'AWS::EC2::VPCEndpoint')) {
        const service = renderValue(properties(endpoint).ServiceName, template);
        if (/aws\.sagemaker\..+\.notebook$/.test(service)) violations.add(template, id, `${service} is the Studio Classic notebook endpoint`);
      }
      for (const [id, domain] of resourcesOfType(template, 'AWS::SageMaker::Domain')) {
        const settings = properties(domain).DefaultUserSettings;
        if (valueAt(settings, 'StudioWebPortal') !== 'ENABLED') violations.add(template, id, 'DefaultUserSettings.StudioWebPortal is not ENABLED');
        if (valueAt(settings, 'DefaultLandingUri') !== 'studio::') violations.add(template, id, 'DefaultUserSettings.DefaultLandingUri is not "studio::"');
      }
      for (const [id, config] of resourcesOfType(template, 'AWS::SageMaker::AppImageConfig')) {
        if (properties(config).JupyterLabAppImageConfig === undefined) violations.add(template, id, 'the app image config has no JupyterLabAppImageConfig');
      }
    }
    return violations.findings;
  },
};
