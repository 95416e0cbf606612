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

import { ResolvedParameter } from './parameters';
import { TemplateValue } from './types';

/*
 * The engine's records. Everything is plain JSON (timestamps in epoch milliseconds) so the
 * sandbox can keep it in a file across restarts.
 */

export interface Tag {
  Key: string;
  Value: string;
}

export interface StackResourceRecord {
  logicalId: string;
  physicalId: string;
  type: string;
  status: string;
  statusReason?: string;
  properties: Record<string, TemplateValue>;
  attributes: Record<string, TemplateValue>;
  lenientAttributes?: boolean;
  /** `DeletionPolicy` and `UpdateReplacePolicy` of the template that made the resource. */
  deletionPolicy?: string;
  updateReplacePolicy?: string;
}

export interface StackEventRecord {
  eventId: string;
  stackId: string;
  stackName: string;
  logicalId: string;
  physicalId: string;
  resourceType: string;
  /** When the event becomes visible (epoch ms); operations spread their events over the delay. */
  at: number;
  status: string;
  statusReason?: string;
  properties?: string;
}

export interface StackOutputRecord {
  key: string;
  value: string;
  description?: string;
  exportName?: string;
}

export interface StackRecord {
  stackId: string;
  stackName: string;
  description?: string;
  templateBody: string;
  templateUrl?: string;
  parameters: ResolvedParameter[];
  capabilities: string[];
  tags: Tag[];
  status: string;
  statusReason?: string;
  creationTime: number;
  lastUpdatedTime?: number;
  deletionTime?: number;
  disableRollback: boolean;
  outputs: StackOutputRecord[];
  resources: Record<string, StackResourceRecord>;
  /** Oldest first. */
  events: StackEventRecord[];
  /** Export names this stack imports. */
  imports: string[];
  parentId?: string;
  rootId?: string;
  roleArn?: string;
  notificationArns: string[];
  timeoutInMinutes?: number;
  changeSetId?: string;
}

export interface ResourceChangeRecord {
  action: 'Add' | 'Modify' | 'Remove';
  logicalId: string;
  physicalId?: string;
  resourceType: string;
  replacement?: 'True' | 'False' | 'Conditional';
  scope: string[];
  changedProperties: string[];
}

export interface ChangeSetRecord {
  changeSetId: string;
  changeSetName: string;
  stackId: string;
  stackName: string;
  changeSetType: 'CREATE' | 'UPDATE';
  description?: string;
  templateBody: string;
  templateUrl?: string;
  parameters: ResolvedParameter[];
  capabilities: string[];
  tags: Tag[];
  /** Final status; `readyAt` says when it shows (until then CREATE_IN_PROGRESS). */
  status: string;
  statusReason?: string;
  executionStatus: string;
  creationTime: number;
  readyAt: number;
  changes: ResourceChangeRecord[];
  notificationArns: string[];
}
