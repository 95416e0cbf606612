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

import { ResolvedParameter } from '../engine/parameters';
import { ChangeSetRecord, StackRecord } from '../engine/state';
import { StackView } from '../engine/stackView';
import { EXPORTING_STATUSES } from '../engine/stackEvents';

/** Parameters as DescribeStacks shows them: NoEcho values masked. */
export function describeParameters(parameters: ResolvedParameter[]) {
  return parameters.map(parameter => ({
    ParameterKey: parameter.key,
    ParameterValue: parameter.noEcho ? '****' : parameter.value,
  }));
}

export function describeStack(stack: StackRecord, view: StackView) {
  const showOutputs =
    EXPORTING_STATUSES.has(view.status) && view.status !== 'DELETE_COMPLETE';
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    ChangeSetId: stack.changeSetId,
    Description: stack.description,
    Parameters: describeParameters(stack.parameters),
    CreationTime: new Date(stack.creationTime),
    LastUpdatedTime:
      stack.lastUpdatedTime !== undefined
        ? new Date(stack.lastUpdatedTime)
        : undefined,
    DeletionTime:
      view.status === 'DELETE_COMPLETE' && stack.deletionTime !== undefined
        ? new Date(stack.deletionTime)
        : undefined,
    StackStatus: view.status,
    StackStatusReason: view.statusReason,
    DisableRollback: stack.disableRollback,
    NotificationARNs: stack.notificationArns,
    TimeoutInMinutes: stack.timeoutInMinutes,
    Capabilities: stack.capabilities,
    Outputs: showOutputs
      ? stack.outputs.map(output => ({
          OutputKey: output.key,
          OutputValue: output.value,
          Description: output.description,
          ExportName: output.exportName,
        }))
      : [],
    RoleARN: stack.roleArn,
    Tags: stack.tags,
    EnableTerminationProtection: false,
    ParentId: stack.parentId,
    RootId: stack.rootId,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export function describeStackResource(
  stack: StackRecord,
  resource: StackView['resources'][number],
) {
  return {
    StackName: stack.stackName,
    StackId: stack.stackId,
    LogicalResourceId: resource.logicalId,
    PhysicalResourceId: resource.physicalId || undefined,
    ResourceType: resource.type,
    Timestamp: new Date(resource.lastUpdated),
    ResourceStatus: resource.status,
    ResourceStatusReason: resource.statusReason,
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
}

export function summariseStackResource(
  resource: StackView['resources'][number],
) {
  return {
    LogicalResourceId: resource.logicalId,
    PhysicalResourceId: resource.physicalId || undefined,
    ResourceType: resource.type,
    LastUpdatedTimestamp: new Date(resource.lastUpdated),
    ResourceStatus: resource.status,
    ResourceStatusReason: resource.statusReason,
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
}

export function describeChanges(changeSet: ChangeSetRecord) {
  return changeSet.changes.map(change => ({
    Type: 'Resource',
    ResourceChange: {
      Action: change.action,
      LogicalResourceId: change.logicalId,
      PhysicalResourceId: change.physicalId,
      ResourceType: change.resourceType,
      Replacement: change.replacement,
      Scope: change.scope,
      Details: change.changedProperties.map(name => ({
        Target: {
          Attribute: 'Properties',
          Name: name,
          RequiresRecreation:
            change.replacement === 'True' ? 'Always' : 'Never',
        },
        Evaluation: change.replacement === 'Conditional' ? 'Dynamic' : 'Static',
        ChangeSource: 'DirectModification',
      })),
    },
  }));
}
