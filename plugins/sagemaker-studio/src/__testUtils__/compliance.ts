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

import {
  ComplianceFindingView,
  ComplianceFindingsPage,
  ComplianceHistoryPoint,
  ComplianceSummary,
  EntityComplianceResponse,
} from '@internal/plugin-sagemaker-studio-common';

export function mockFinding(
  overrides: Partial<ComplianceFindingView> = {},
): ComplianceFindingView {
  return {
    id: 'f-1',
    ruleId: 'SAGEMAKER_VPC_REQUIRED',
    title: 'Training jobs run in a VPC',
    severity: 'HIGH',
    state: 'OPEN',
    resource: {
      kind: 'TrainingJob',
      name: 'fraud-train-7',
      arn: 'arn:aws:sagemaker:eu-west-1:111111111111:training-job/fraud-train-7',
      status: 'Stopped',
    },
    team: 'fraud-detection',
    accountId: '111111111111',
    region: 'eu-west-1',
    explanation: 'VpcConfig is not set, so the job can reach the internet.',
    remediation: 'Set VpcConfig with the team subnets and security group.',
    action: { taken: 'stopped', at: '2026-12-01T06:03:00Z' },
    firstSeenAt: '2026-12-01T06:01:00Z',
    lastSeenAt: '2026-12-01T06:05:00Z',
    ...overrides,
  };
}

export function mockSummary(
  overrides: Partial<ComplianceSummary> = {},
): ComplianceSummary {
  return {
    score: 80,
    evaluatedResources: 10,
    openBySeverity: { CRITICAL: 0, HIGH: 2, MEDIUM: 1, LOW: 0 },
    lastSweep: {
      startedAt: '2026-12-01T06:00:00Z',
      finishedAt: '2026-12-01T06:05:00Z',
      status: 'succeeded',
      failedTargets: [],
    },
    ...overrides,
  };
}

export function mockHistory(days = 3): ComplianceHistoryPoint[] {
  return Array.from({ length: days }, (_, i) => ({
    day: `2026-11-${String(28 + i).padStart(2, '0')}`,
    openBySeverity: { CRITICAL: 0, HIGH: 3 - i, MEDIUM: 1, LOW: i },
    resolved: i,
    actions: 1,
    score: 70 + i * 5,
  }));
}

export function mockEntityCompliance(
  overrides: Partial<EntityComplianceResponse> = {},
): EntityComplianceResponse {
  return {
    teams: ['fraud-detection'],
    summary: mockSummary(),
    findings: [
      mockFinding(),
      mockFinding({
        id: 'f-2',
        ruleId: 'SAGEMAKER_NETWORK_ISOLATION',
        title: 'Models run with network isolation',
        severity: 'MEDIUM',
        resource: { kind: 'Model', name: 'fraud-model-3' },
        explanation: 'EnableNetworkIsolation is false.',
        remediation: 'Create the model with EnableNetworkIsolation: true.',
        action: { taken: 'reported' },
      }),
    ],
    recentActions: [mockFinding()],
    history: mockHistory(),
    ...overrides,
  };
}

export function mockFindingsPage(
  overrides: Partial<ComplianceFindingsPage> = {},
): ComplianceFindingsPage {
  return {
    items: [
      mockFinding(),
      mockFinding({
        id: 'f-3',
        team: 'recommendations',
        accountId: '222222222222',
        region: 'us-east-1',
        resource: { kind: 'ProcessingJob', name: 'recs-process-1' },
        severity: 'CRITICAL',
        ruleId: 'SAGEMAKER_VOLUME_KMS_KEY',
        title: 'Processing jobs encrypt their volumes',
        action: undefined,
      }),
    ],
    summary: mockSummary(),
    history: mockHistory(),
    facets: {
      teams: ['fraud-detection', 'recommendations'],
      ruleIds: ['SAGEMAKER_VOLUME_KMS_KEY', 'SAGEMAKER_VPC_REQUIRED'],
      accounts: ['111111111111', '222222222222'],
      regions: ['eu-west-1', 'us-east-1'],
    },
    ...overrides,
  };
}
