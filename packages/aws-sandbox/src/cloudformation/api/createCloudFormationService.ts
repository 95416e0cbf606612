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

import { paginate } from '../../server/pagination';
import {
  AwsError,
  RequestContext,
  SandboxEnvironment,
  ServiceDefinition,
  ServiceFactory,
} from '../../server/types';
import { requireMembers } from '../../server/validation';
import { requiredCapabilities } from '../engine/capabilities';
import { CallerContext } from '../engine/provisioning';
import { ResourceHandlerRegistry } from '../engine/ResourceHandlerRegistry';
import { StackEngine, StackRequest } from '../engine/StackEngine';
import { ChangeSetRecord, StackRecord } from '../engine/state';
import { viewStack } from '../engine/stackView';
import { TemplateSourceOptions } from '../engine/templateSource';
import {
  asBoolean,
  asList,
  asOptionalNumber,
  asOptionalString,
  asParameters,
  asTags,
} from './coerce';
import {
  describeChanges,
  describeParameters,
  describeStack,
  describeStackResource,
  summariseStackResource,
} from './shapes';

const PAGE = {
  defaultPageSize: 100,
  maxPageSize: 100,
  errorCode: 'ValidationError',
};

/** Options for the CloudFormation service beyond the sandbox environment. */
export interface CloudFormationServiceOptions {
  /** Directories whose templates stacks may name with `file://` URLs. */
  localTemplateRoots?: string[];
  /** Extra or replacement resource handlers. */
  registry?: ResourceHandlerRegistry;
}

function callerOf(ctx: RequestContext): CallerContext {
  return { accountId: ctx.accountId, region: ctx.region, invoke: ctx.invoke };
}

function stackRequest(input: Record<string, unknown>): StackRequest {
  const onFailure = asOptionalString(input.OnFailure);
  return {
    stackName: String(input.StackName ?? ''),
    templateBody: asOptionalString(input.TemplateBody),
    templateUrl: asOptionalString(input.TemplateURL),
    usePreviousTemplate: asBoolean(input.UsePreviousTemplate),
    parameters: asParameters(input.Parameters),
    capabilities: asList<string>(input.Capabilities),
    tags: asTags(input.Tags),
    disableRollback:
      asBoolean(input.DisableRollback) || onFailure === 'DO_NOTHING',
    roleArn: asOptionalString(input.RoleARN),
    notificationArns: asList<string>(input.NotificationARNs),
    timeoutInMinutes: asOptionalNumber(input.TimeoutInMinutes),
  };
}

/** Builds the CloudFormation service (query protocol, API version 2010-05-15). */
export function buildCloudFormationService(
  env: SandboxEnvironment,
  options: CloudFormationServiceOptions = {},
): ServiceDefinition {
  const templateSource: TemplateSourceOptions = {
    localRoots: options.localTemplateRoots,
  };
  const engine = new StackEngine({
    stacks: env.state.table<StackRecord>('cloudformation', 'stacks'),
    changeSets: env.state.table<ChangeSetRecord>(
      'cloudformation',
      'changeSets',
    ),
    clock: env.clock,
    delayMs: () => env.settings.delayMs,
    registry: options.registry,
    templateSource,
  });

  function changeSetOf(
    input: Record<string, unknown>,
    ctx: RequestContext,
  ): ChangeSetRecord {
    requireMembers(input, ['ChangeSetName'], 'ValidationError');
    return engine.findChangeSet(
      String(input.ChangeSetName),
      asOptionalString(input.StackName),
      ctx,
    );
  }

  return {
    name: 'cloudformation',
    signingName: 'cloudformation',
    protocol: 'query',
    queryVersion: '2010-05-15',
    xmlNamespace: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
    throttlingErrorCode: 'Throttling',
    operations: {
      async CreateStack(input, ctx) {
        requireMembers(input, ['StackName'], 'ValidationError');
        const stack = await engine.createStack(
          stackRequest(input),
          callerOf(ctx),
        );
        return { StackId: stack.stackId };
      },

      async UpdateStack(input, ctx) {
        requireMembers(input, ['StackName'], 'ValidationError');
        const stack = await engine.updateStack(
          stackRequest(input),
          callerOf(ctx),
        );
        return { StackId: stack.stackId };
      },

      async DeleteStack(input, ctx) {
        requireMembers(input, ['StackName'], 'ValidationError');
        await engine.deleteStack(String(input.StackName), callerOf(ctx));
        return {};
      },

      DescribeStacks(input, ctx) {
        const name = asOptionalString(input.StackName);
        const stacks = name
          ? [engine.requireStack(name, ctx)]
          : engine.liveStacks(ctx).reverse();
        const page = paginate(stacks, { ...PAGE, nextToken: input.NextToken });
        return {
          Stacks: page.items.map(stack =>
            describeStack(stack, viewStack(stack, engine.now())),
          ),
          NextToken: page.nextToken,
        };
      },

      ListStacks(input, ctx) {
        const filter = asList<string>(input.StackStatusFilter);
        const summaries = engine
          .allStacks(ctx)
          .reverse()
          .map(stack => ({ stack, view: viewStack(stack, engine.now()) }))
          .filter(
            ({ view }) => filter.length === 0 || filter.includes(view.status),
          );
        const page = paginate(summaries, {
          ...PAGE,
          nextToken: input.NextToken,
        });
        return {
          StackSummaries: page.items.map(({ stack, view }) => ({
            StackId: stack.stackId,
            StackName: stack.stackName,
            TemplateDescription: stack.description,
            CreationTime: new Date(stack.creationTime),
            LastUpdatedTime:
              stack.lastUpdatedTime !== undefined
                ? new Date(stack.lastUpdatedTime)
                : undefined,
            DeletionTime:
              view.status === 'DELETE_COMPLETE' &&
              stack.deletionTime !== undefined
                ? new Date(stack.deletionTime)
                : undefined,
            StackStatus: view.status,
            StackStatusReason: view.statusReason,
            ParentId: stack.parentId,
            RootId: stack.rootId,
            DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
          })),
          NextToken: page.nextToken,
        };
      },

      DescribeStackEvents(input, ctx) {
        requireMembers(input, ['StackName'], 'ValidationError');
        const stack = engine.requireStack(String(input.StackName), ctx);
        const now = engine.now();
        const visible = stack.events.filter(event => event.at <= now).reverse();
        const page = paginate(visible, { ...PAGE, nextToken: input.NextToken });
        return {
          StackEvents: page.items.map(event => ({
            StackId: event.stackId,
            EventId: event.eventId,
            StackName: event.stackName,
            LogicalResourceId: event.logicalId,
            PhysicalResourceId: event.physicalId || undefined,
            ResourceType: event.resourceType,
            Timestamp: new Date(event.at),
            ResourceStatus: event.status,
            ResourceStatusReason: event.statusReason,
            ResourceProperties: event.properties,
          })),
          NextToken: page.nextToken,
        };
      },

      DescribeStackResources(input, ctx) {
        const logicalId = asOptionalString(input.LogicalResourceId);
        const physicalId = asOptionalString(input.PhysicalResourceId);
        let stack: StackRecord | undefined;
        if (input.StackName) {
          stack = engine.requireStack(String(input.StackName), ctx);
        } else if (physicalId) {
          stack = engine
            .liveStacks(ctx)
            .find(candidate =>
              Object.values(candidate.resources).some(
                resource => resource.physicalId === physicalId,
              ),
            );
          if (!stack) {
            throw new AwsError(
              'ValidationError',
              `Stack for ${physicalId} does not exist`,
            );
          }
        } else {
          throw new AwsError(
            'ValidationError',
            'Either StackName or PhysicalResourceId must be specified.',
          );
        }
        const owner = stack;
        const resources = viewStack(owner, engine.now()).resources.filter(
          resource =>
            (!logicalId || resource.logicalId === logicalId) &&
            (!physicalId || resource.physicalId === physicalId),
        );
        return {
          StackResources: resources.map(resource =>
            describeStackResource(owner, resource),
          ),
        };
      },

      DescribeStackResource(input, ctx) {
        requireMembers(
          input,
          ['StackName', 'LogicalResourceId'],
          'ValidationError',
        );
        const stack = engine.requireStack(String(input.StackName), ctx);
        const resource = viewStack(stack, engine.now()).resources.find(
          candidate => candidate.logicalId === input.LogicalResourceId,
        );
        if (!resource) {
          throw new AwsError(
            'ValidationError',
            `Resource ${input.LogicalResourceId} does not exist for stack ${stack.stackName}`,
          );
        }
        return {
          StackResourceDetail: {
            ...describeStackResource(stack, resource),
            Timestamp: undefined,
            LastUpdatedTimestamp: new Date(resource.lastUpdated),
            Metadata: '{}',
          },
        };
      },

      ListStackResources(input, ctx) {
        requireMembers(input, ['StackName'], 'ValidationError');
        const stack = engine.requireStack(String(input.StackName), ctx);
        const page = paginate(viewStack(stack, engine.now()).resources, {
          ...PAGE,
          nextToken: input.NextToken,
        });
        return {
          StackResourceSummaries: page.items.map(summariseStackResource),
          NextToken: page.nextToken,
        };
      },

      ListExports(input, ctx) {
        const page = paginate(engine.listExports(ctx), {
          ...PAGE,
          nextToken: input.NextToken,
        });
        return {
          Exports: page.items.map(({ stack, output }) => ({
            ExportingStackId: stack.stackId,
            Name: output.exportName,
            Value: output.value,
          })),
          NextToken: page.nextToken,
        };
      },

      ListImports(input, ctx) {
        requireMembers(input, ['ExportName'], 'ValidationError');
        const name = String(input.ExportName);
        const importers = engine.importersOf(name, ctx);
        if (importers.length === 0) {
          throw new AwsError(
            'ValidationError',
            `Export '${name}' is not imported by any stack.`,
          );
        }
        const page = paginate(importers, {
          ...PAGE,
          nextToken: input.NextToken,
        });
        return { Imports: page.items, NextToken: page.nextToken };
      },

      async ValidateTemplate(input, ctx) {
        const { template } = await engine.loadTemplate(
          {
            templateBody: asOptionalString(input.TemplateBody),
            templateUrl: asOptionalString(input.TemplateURL),
          },
          callerOf(ctx),
        );
        const capabilities = requiredCapabilities(template);
        return {
          Parameters: Object.entries(template.Parameters ?? {}).map(
            ([key, declaration]) => ({
              ParameterKey: key,
              DefaultValue:
                declaration.Default === undefined
                  ? undefined
                  : String(declaration.Default),
              NoEcho: asBoolean(declaration.NoEcho),
              Description: declaration.Description,
            }),
          ),
          Description: template.Description,
          Capabilities: capabilities.capabilities,
          CapabilitiesReason: capabilities.reason,
          DeclaredTransforms: [],
        };
      },

      async GetTemplateSummary(input, ctx) {
        const stackName = asOptionalString(input.StackName);
        const stack = stackName
          ? engine.requireStack(stackName, ctx)
          : undefined;
        const { template } = await engine.loadTemplate(
          stack
            ? { templateBody: stack.templateBody }
            : {
                templateBody: asOptionalString(input.TemplateBody),
                templateUrl: asOptionalString(input.TemplateURL),
              },
          callerOf(ctx),
        );
        const capabilities = requiredCapabilities(template);
        return {
          Parameters: Object.entries(template.Parameters ?? {}).map(
            ([key, declaration]) => ({
              ParameterKey: key,
              DefaultValue:
                declaration.Default === undefined
                  ? undefined
                  : String(declaration.Default),
              ParameterType: declaration.Type,
              NoEcho: asBoolean(declaration.NoEcho),
              Description: declaration.Description,
              ParameterConstraints: {
                AllowedValues: (declaration.AllowedValues ?? []).map(String),
              },
            }),
          ),
          Description: template.Description,
          Capabilities: capabilities.capabilities,
          CapabilitiesReason: capabilities.reason,
          ResourceTypes: [
            ...new Set(
              Object.values(template.Resources).map(resource => resource.Type),
            ),
          ],
          Version: template.AWSTemplateFormatVersion,
          DeclaredTransforms: [],
        };
      },

      GetTemplate(input, ctx) {
        if (input.ChangeSetName) {
          const changeSet = changeSetOf(input, ctx);
          return {
            TemplateBody: changeSet.templateBody,
            StagesAvailable: ['Original', 'Processed'],
          };
        }
        requireMembers(input, ['StackName'], 'ValidationError');
        const stack = engine.requireStack(String(input.StackName), ctx);
        return {
          TemplateBody: stack.templateBody,
          StagesAvailable: ['Original', 'Processed'],
        };
      },

      async CreateChangeSet(input, ctx) {
        requireMembers(
          input,
          ['StackName', 'ChangeSetName'],
          'ValidationError',
        );
        const changeSetType = asOptionalString(input.ChangeSetType) ?? 'UPDATE';
        if (changeSetType !== 'CREATE' && changeSetType !== 'UPDATE') {
          throw new AwsError(
            'ValidationError',
            `ChangeSetType ${changeSetType} is not supported by the sandbox`,
          );
        }
        const changeSet = await engine.createChangeSet(
          {
            ...stackRequest(input),
            changeSetName: String(input.ChangeSetName),
            changeSetType,
            description: asOptionalString(input.Description),
          },
          callerOf(ctx),
        );
        return { Id: changeSet.changeSetId, StackId: changeSet.stackId };
      },

      DescribeChangeSet(input, ctx) {
        const changeSet = changeSetOf(input, ctx);
        const status = engine.changeSetStatus(changeSet);
        const changes =
          status.status === 'CREATE_COMPLETE' ? describeChanges(changeSet) : [];
        const page = paginate(changes, { ...PAGE, nextToken: input.NextToken });
        return {
          ChangeSetName: changeSet.changeSetName,
          ChangeSetId: changeSet.changeSetId,
          StackId: changeSet.stackId,
          StackName: changeSet.stackName,
          Description: changeSet.description,
          Parameters: describeParameters(changeSet.parameters),
          CreationTime: new Date(changeSet.creationTime),
          ExecutionStatus: status.executionStatus,
          Status: status.status,
          StatusReason: status.statusReason,
          NotificationARNs: changeSet.notificationArns,
          Capabilities: changeSet.capabilities,
          Tags: changeSet.tags,
          Changes: page.items,
          NextToken: page.nextToken,
          IncludeNestedStacks: false,
        };
      },

      async ExecuteChangeSet(input, ctx) {
        await engine.executeChangeSet(changeSetOf(input, ctx), callerOf(ctx));
        return {};
      },

      DeleteChangeSet(input, ctx) {
        engine.deleteChangeSet(changeSetOf(input, ctx));
        return {};
      },

      ListChangeSets(input, ctx) {
        requireMembers(input, ['StackName'], 'ValidationError');
        const stack = engine.requireStack(String(input.StackName), ctx);
        const changeSets = engine
          .allChangeSets()
          .filter(changeSet => changeSet.stackId === stack.stackId);
        const page = paginate(changeSets, {
          ...PAGE,
          nextToken: input.NextToken,
        });
        return {
          Summaries: page.items.map(changeSet => {
            const status = engine.changeSetStatus(changeSet);
            return {
              StackId: changeSet.stackId,
              StackName: changeSet.stackName,
              ChangeSetId: changeSet.changeSetId,
              ChangeSetName: changeSet.changeSetName,
              ExecutionStatus: status.executionStatus,
              Status: status.status,
              StatusReason: status.statusReason,
              CreationTime: new Date(changeSet.creationTime),
              Description: changeSet.description,
              IncludeNestedStacks: false,
            };
          }),
          NextToken: page.nextToken,
        };
      },
    },
  };
}

/** The CloudFormation service with default options, for `defaultServiceFactories`. */
export const createCloudFormationService: ServiceFactory = env =>
  buildCloudFormationService(env);

/** A CloudFormation service factory that may also read `file://` templates under the given directories. */
export function cloudFormationServiceWithLocalTemplates(
  localTemplateRoots: string[],
): ServiceFactory {
  return env => buildCloudFormationService(env, { localTemplateRoots });
}
