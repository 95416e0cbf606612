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

import { ResponseError } from '@backstage/errors';
import {
  ProvisioningRequest,
  ProvisioningRequestPage,
} from '@internal/plugin-sagemaker-studio-common';

/** A team environment request as the backend reports it; override any field. */
export function mockProvisioningRequest(
  overrides: Partial<ProvisioningRequest> = {},
): ProvisioningRequest {
  return {
    id: 'req-1',
    product: 'teamEnvironment',
    operation: 'provision',
    teamName: 'fraud-detection',
    parameters: { TeamName: 'fraud-detection', EnvType: 'dev' },
    requestedBy: 'user:default/sam-lead',
    status: 'PENDING_APPROVAL',
    createdAt: '2026-11-26T10:00:00.000Z',
    updatedAt: '2026-11-26T10:00:00.000Z',
    productName: 'sagemaker-studio-team-environment',
    productVersion: 'v1',
    provisionedProductName: 'fraud-detection-team-environment',
    plan: {
      planId: 'plan-1',
      status: 'READY',
      resourceChanges: [
        {
          action: 'ADD',
          logicalResourceId: 'TeamExecutionRole',
          resourceType: 'AWS::IAM::Role',
          replacement: 'False',
        },
        {
          action: 'ADD',
          logicalResourceId: 'TeamSpace',
          resourceType: 'AWS::SageMaker::Space',
          replacement: 'False',
        },
      ],
    },
    events: [
      {
        at: '2026-11-26T10:00:00.000Z',
        actor: 'user:default/sam-lead',
        action: 'requested',
        status: 'PENDING_APPROVAL',
      },
    ],
    ...overrides,
  };
}

/** One backend page of requests. */
export function pageOf(
  items: ProvisioningRequest[],
  nextCursor?: string,
): ProvisioningRequestPage {
  return nextCursor ? { items, nextCursor } : { items };
}

/** The error the client throws for a non-OK answer of the backend. */
export function mockResponseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}
