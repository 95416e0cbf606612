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

import { StackRecord, StackResourceRecord } from './state';

/** A stack as it looks at a given time: the status and resources its visible events show. */
export interface StackView {
  status: string;
  statusReason?: string;
  lastUpdatedTime?: number;
  resources: Array<StackResourceRecord & { lastUpdated: number }>;
}

export function viewStack(stack: StackRecord, now: number): StackView {
  let status = stack.status;
  let statusReason = stack.statusReason;
  const resourceStates = new Map<
    string,
    { status: string; statusReason?: string; at: number }
  >();
  let sawStackEvent = false;
  for (const event of stack.events) {
    if (event.at > now) {
      break;
    }
    if (
      event.logicalId === stack.stackName &&
      event.resourceType === 'AWS::CloudFormation::Stack' &&
      event.physicalId === stack.stackId
    ) {
      status = event.status;
      statusReason = event.statusReason;
      sawStackEvent = true;
    } else {
      resourceStates.set(event.logicalId, {
        status: event.status,
        statusReason: event.statusReason,
        at: event.at,
      });
    }
  }
  if (!sawStackEvent) {
    status = 'REVIEW_IN_PROGRESS';
  }
  const resources = Object.values(stack.resources)
    .filter(resource => resourceStates.has(resource.logicalId))
    .map(resource => {
      const state = resourceStates.get(resource.logicalId)!;
      return {
        ...resource,
        status: state.status,
        statusReason: state.statusReason,
        lastUpdated: state.at,
      };
    });
  return { status, statusReason, resources };
}
