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

import { randomUUID } from 'node:crypto';
import { AwsError } from '../../server/types';
import { missingCapabilities } from './capabilities';
import { computeChanges } from './changes';
import { canonicalJson } from './compare';
import { creationOrder } from './dependencies';
import { generatedSuffix } from './ids';
import {
  ParameterInput,
  parameterValuesForRef,
  ResolvedParameter,
  resolveParameters,
} from './parameters';
import { parseTemplate } from './parseTemplate';
import {
  accountOf,
  applyTemplate,
  CallerContext,
  ProvisioningHost,
  regionOf,
  scopeOf,
  StackScope,
} from './provisioning';
import { deleteResources, deletionOrder, rollBack } from './teardown';
import { newStackId, partitionOf } from './pseudoParameters';
import { ResourceHandlerRegistry } from './ResourceHandlerRegistry';
import { nestedStackHandler } from './resources/nestedStack';
import {
  EXPORTING_STATUSES,
  isInProgress,
  lastEventTime,
  setStackStatus,
  stampEvents,
  UPDATABLE_STATUSES,
} from './stackEvents';
import { ChangeSetRecord, StackOutputRecord, StackRecord, Tag } from './state';
import { viewStack } from './stackView';
import type { Clock } from '../../state/Clock';
import type { StateTable } from '../../state/StateStore';
import {
  fetchTemplate,
  resolveTemplateUrl,
  TemplateSourceOptions,
} from './templateSource';
import { Template, TemplateError, TemplateValue } from './types';

/** Where the engine keeps its records and reads the time. */
export interface StackEngineOptions {
  stacks: StateTable<StackRecord>;
  changeSets: StateTable<ChangeSetRecord>;
  clock: Clock;
  /** How long each stack operation shows as in progress, in ms. */
  delayMs(): number;
  registry?: ResourceHandlerRegistry;
  templateSource?: TemplateSourceOptions;
}

/** Where a template comes from: exactly one of body or URL. */
export interface TemplateLocation {
  templateBody?: string;
  templateUrl?: string;
}

export interface StackRequest extends TemplateLocation {
  stackName: string;
  usePreviousTemplate?: boolean;
  parameters?: ParameterInput[];
  capabilities?: string[];
  tags?: Tag[];
  disableRollback?: boolean;
  roleArn?: string;
  notificationArns?: string[];
  timeoutInMinutes?: number;
}

export interface ChangeSetRequest extends StackRequest {
  changeSetName: string;
  changeSetType?: 'CREATE' | 'UPDATE';
  description?: string;
}

interface PreparedTemplate {
  body: string;
  url?: string;
  template: Template;
  parameters: ResolvedParameter[];
}

const STACK_NAME_PATTERN = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;

function validationError(message: string): AwsError {
  return new AwsError('ValidationError', message);
}

/** Runs `work`, reporting template problems the way the CloudFormation API does. */
async function asValidation<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TemplateError) {
      throw validationError(error.message);
    }
    throw error;
  }
}

function ssmReader(caller: CallerContext) {
  return async (name: string): Promise<string> => {
    try {
      const result = await caller.invoke('ssm', 'GetParameter', { Name: name });
      return result.Parameter.Value;
    } catch {
      throw new TemplateError(`Parameters: [${name}] cannot be found.`);
    }
  };
}

function failureStatusOf(status: string): string {
  if (status.startsWith('DELETE')) {
    return 'DELETE_FAILED';
  }
  return status.startsWith('UPDATE')
    ? 'UPDATE_ROLLBACK_FAILED'
    : 'ROLLBACK_FAILED';
}

function withRollbackRequested(reason: string): string {
  return reason.endsWith('. ')
    ? `${reason}Rollback requested by user.`
    : `${reason}. Rollback requested by user.`;
}

/**
 * CloudFormation's control plane: stacks, change sets and exports. Operations provision
 * at once through resource handlers; their events are spread over the configured delay,
 * so readers see IN_PROGRESS turn into COMPLETE (or a rollback) as time passes.
 */
export class StackEngine implements ProvisioningHost {
  readonly registry: ResourceHandlerRegistry;
  private readonly stacks: StateTable<StackRecord>;
  private readonly changeSets: StateTable<ChangeSetRecord>;
  private readonly clock: Clock;
  private readonly delayMs: () => number;
  private readonly templateSource: TemplateSourceOptions;

  constructor(options: StackEngineOptions) {
    this.stacks = options.stacks;
    this.changeSets = options.changeSets;
    this.clock = options.clock;
    this.delayMs = options.delayMs;
    this.templateSource = options.templateSource ?? {};
    this.registry = options.registry ?? ResourceHandlerRegistry.withDefaults();
    this.registry.register(
      'AWS::CloudFormation::Stack',
      nestedStackHandler(this),
    );
  }

  now(): number {
    return this.clock.now();
  }

  // ---- lookups -------------------------------------------------------------------------

  private inScope(stack: StackRecord, scope: StackScope): boolean {
    return (
      accountOf(stack) === scope.accountId && regionOf(stack) === scope.region
    );
  }

  /** Every stack of the scope, deleted ones included, oldest first. */
  allStacks(scope: StackScope): StackRecord[] {
    return this.stacks.values().filter(stack => this.inScope(stack, scope));
  }

  /** The status a stack shows now. */
  statusOf(stack: StackRecord): string {
    return viewStack(stack, this.now()).status;
  }

  /** A stack of the scope by ARN (any status) or by name (only one that does not show as deleted). */
  findStack(nameOrId: string, scope: StackScope): StackRecord | undefined {
    if (nameOrId.startsWith('arn:')) {
      const stack = this.stacks.get(nameOrId);
      return stack && this.inScope(stack, scope) ? stack : undefined;
    }
    return this.allStacks(scope).find(
      stack =>
        stack.stackName === nameOrId &&
        this.statusOf(stack) !== 'DELETE_COMPLETE',
    );
  }

  requireStack(nameOrId: string, scope: StackScope): StackRecord {
    const stack = this.findStack(nameOrId, scope);
    if (!stack) {
      throw validationError(`Stack with id ${nameOrId} does not exist`);
    }
    return stack;
  }

  /** Stacks of the scope that do not show as deleted, oldest first. */
  liveStacks(scope: StackScope): StackRecord[] {
    return this.allStacks(scope).filter(
      stack => this.statusOf(stack) !== 'DELETE_COMPLETE',
    );
  }

  /*
   * Exports follow the final state of each operation, not the time-spread view: a
   * nested stack must see the exports of a sibling created earlier in the same operation.
   */
  findExport(
    name: string,
    scope: StackScope,
  ): { stack: StackRecord; value: string } | undefined {
    for (const stack of this.allStacks(scope)) {
      if (!EXPORTING_STATUSES.has(stack.status)) {
        continue;
      }
      const output = stack.outputs.find(
        candidate => candidate.exportName === name,
      );
      if (output) {
        return { stack, value: output.value };
      }
    }
    return undefined;
  }

  listExports(
    scope: StackScope,
  ): Array<{ stack: StackRecord; output: StackOutputRecord }> {
    return this.allStacks(scope)
      .filter(stack => EXPORTING_STATUSES.has(stack.status))
      .flatMap(stack =>
        stack.outputs
          .filter(output => output.exportName)
          .map(output => ({ stack, output })),
      );
  }

  importersOf(
    name: string,
    scope: StackScope,
    exceptStackId?: string,
  ): string[] {
    return this.allStacks(scope)
      .filter(
        stack =>
          stack.status !== 'DELETE_COMPLETE' &&
          stack.stackId !== exceptStackId &&
          stack.imports.includes(name),
      )
      .map(stack => stack.stackName);
  }

  // ---- templates -----------------------------------------------------------------------

  async loadTemplate(
    location: TemplateLocation,
    caller: CallerContext,
  ): Promise<{ body: string; url?: string; template: Template }> {
    return asValidation(async () => {
      const hasBody =
        location.templateBody !== undefined && location.templateBody !== '';
      const hasUrl =
        location.templateUrl !== undefined && location.templateUrl !== '';
      if (hasBody === hasUrl) {
        throw validationError(
          hasBody
            ? 'Specify exactly one of TemplateBody or TemplateUrl.'
            : 'Either Template URL or Template Body must be specified.',
        );
      }
      const body = hasBody
        ? (location.templateBody as string)
        : await fetchTemplate(
            location.templateUrl as string,
            caller.invoke,
            this.templateSource,
          );
      const template = parseTemplate(body);
      creationOrder(template);
      return { body, url: hasUrl ? location.templateUrl : undefined, template };
    });
  }

  private async prepare(
    request: StackRequest,
    caller: CallerContext,
    previous?: StackRecord,
  ): Promise<PreparedTemplate> {
    const location: TemplateLocation =
      request.usePreviousTemplate && previous
        ? { templateBody: previous.templateBody }
        : request;
    const loaded = await this.loadTemplate(location, caller);
    const previousValues = Object.fromEntries(
      (previous?.parameters ?? []).map(parameter => [
        parameter.key,
        parameter.value,
      ]),
    );
    const parameters = await asValidation(async () => {
      const resolved = resolveParameters(
        loaded.template,
        request.parameters ?? [],
        previousValues,
      );
      await parameterValuesForRef(resolved, ssmReader(caller));
      return resolved;
    });
    const missing = missingCapabilities(
      loaded.template,
      request.capabilities ?? [],
    );
    if (missing.length > 0) {
      throw new AwsError(
        'InsufficientCapabilitiesException',
        `Requires capabilities : [${missing.join(', ')}]`,
      );
    }
    return {
      body: loaded.body,
      url:
        request.usePreviousTemplate && previous
          ? previous.templateUrl
          : loaded.url,
      template: loaded.template,
      parameters,
    };
  }

  // ---- stacks --------------------------------------------------------------------------

  /** A stack by ARN, for the engine's own follow-up work (nested stacks, change sets). */
  private stackById(stackId: string): StackRecord {
    const stack = this.stacks.get(stackId);
    if (!stack) {
      throw validationError(`Stack with id ${stackId} does not exist`);
    }
    return stack;
  }

  private checkNewStackName(stackName: string, scope: StackScope): void {
    if (!STACK_NAME_PATTERN.test(stackName ?? '')) {
      throw validationError(
        `1 validation error detected: Value '${stackName}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
      );
    }
    if (this.findStack(stackName, scope)) {
      throw new AwsError(
        'AlreadyExistsException',
        `Stack [${stackName}] already exists`,
      );
    }
  }

  private newStackRecord(
    request: StackRequest,
    caller: CallerContext,
    prepared: PreparedTemplate | undefined,
    parent?: StackRecord,
  ): StackRecord {
    const stack: StackRecord = {
      stackId: newStackId(caller.accountId, caller.region, request.stackName),
      stackName: request.stackName,
      description: prepared?.template.Description,
      templateBody: prepared?.body ?? '',
      templateUrl: prepared?.url,
      parameters: prepared?.parameters ?? [],
      capabilities: request.capabilities ?? [],
      tags: request.tags ?? [],
      status: 'REVIEW_IN_PROGRESS',
      creationTime: this.now(),
      disableRollback: Boolean(request.disableRollback),
      outputs: [],
      resources: {},
      events: [],
      imports: [],
      parentId: parent?.stackId,
      rootId: parent ? parent.rootId ?? parent.stackId : undefined,
      roleArn: request.roleArn,
      notificationArns: request.notificationArns ?? [],
      timeoutInMinutes: request.timeoutInMinutes,
    };
    this.stacks.set(stack.stackId, stack);
    return stack;
  }

  /** Runs one stack operation now and spreads its events over the delay. */
  private async operate(
    stack: StackRecord,
    work: (start: number) => Promise<void>,
  ): Promise<void> {
    const start = Math.max(this.now(), lastEventTime(stack));
    const firstEvent = stack.events.length;
    try {
      await work(start);
    } catch (error) {
      // An engine fault must not leave the stack in progress forever.
      setStackStatus(
        stack,
        failureStatusOf(stack.status),
        `Internal failure: ${(error as Error).message}`,
      );
    }
    stampEvents(stack, firstEvent, start, this.delayMs());
  }

  async createStack(
    request: StackRequest,
    caller: CallerContext,
    parent?: StackRecord,
  ): Promise<StackRecord> {
    this.checkNewStackName(request.stackName, caller);
    const prepared = await this.prepare(request, caller);
    this.checkNewStackName(request.stackName, caller);
    const stack = this.newStackRecord(request, caller, prepared, parent);
    await this.operate(stack, async () => {
      setStackStatus(stack, 'CREATE_IN_PROGRESS', 'User Initiated');
      await this.runCreate(stack, prepared, caller);
    });
    return stack;
  }

  private async runCreate(
    stack: StackRecord,
    prepared: PreparedTemplate,
    caller: CallerContext,
  ): Promise<void> {
    const values = await this.parameterValues(
      stack,
      prepared.parameters,
      caller,
    );
    const outcome = values
      ? await applyTemplate(this, stack, prepared.template, values, caller)
      : undefined;
    if (outcome?.ok) {
      stack.outputs = outcome.outputs;
      stack.imports = outcome.imports;
      setStackStatus(stack, 'CREATE_COMPLETE');
      return;
    }
    const reason =
      outcome && !outcome.ok
        ? outcome.reason
        : stack.statusReason ?? 'Parameter resolution failed';
    setStackStatus(stack, 'CREATE_FAILED', reason);
    if (stack.disableRollback) {
      return;
    }
    const rollbackReason = withRollbackRequested(reason);
    setStackStatus(stack, 'ROLLBACK_IN_PROGRESS', rollbackReason);
    const failed = await rollBack(this, stack, outcome?.journal ?? [], caller);
    for (const resource of Object.values(stack.resources)) {
      if (resource.status === 'CREATE_FAILED') {
        resource.status = 'DELETE_COMPLETE';
      }
    }
    if (failed.length > 0) {
      setStackStatus(
        stack,
        'ROLLBACK_FAILED',
        `The following resource(s) failed to delete: [${failed.join(', ')}]. `,
      );
    } else {
      setStackStatus(stack, 'ROLLBACK_COMPLETE', rollbackReason);
    }
  }

  private async parameterValues(
    stack: StackRecord,
    parameters: ResolvedParameter[],
    caller: CallerContext,
  ): Promise<Record<string, TemplateValue> | undefined> {
    try {
      return await parameterValuesForRef(parameters, ssmReader(caller));
    } catch (error) {
      stack.statusReason = (error as Error).message;
      return undefined;
    }
  }

  private requireUpdatable(stack: StackRecord): void {
    const status = this.statusOf(stack);
    if (
      !UPDATABLE_STATUSES.has(status) ||
      !UPDATABLE_STATUSES.has(stack.status)
    ) {
      throw validationError(
        `Stack:${stack.stackId} is in ${status} state and can not be updated.`,
      );
    }
  }

  async updateStack(
    request: StackRequest,
    caller: CallerContext,
    options: { allowNoChange?: boolean } = {},
  ): Promise<StackRecord> {
    const stack = this.requireStack(request.stackName, caller);
    this.requireUpdatable(stack);
    const prepared = await this.prepare(request, caller, stack);
    const tags = request.tags ?? stack.tags;
    const unchanged =
      prepared.body === stack.templateBody &&
      canonicalJson(prepared.parameters) === canonicalJson(stack.parameters) &&
      canonicalJson(tags) === canonicalJson(stack.tags);
    if (unchanged) {
      if (options.allowNoChange) {
        return stack;
      }
      throw validationError('No updates are to be performed.');
    }
    await this.runUpdate(stack, prepared, { ...request, tags }, caller);
    return stack;
  }

  private async runUpdate(
    stack: StackRecord,
    prepared: PreparedTemplate,
    request: StackRequest,
    caller: CallerContext,
  ): Promise<void> {
    const previous = {
      templateBody: stack.templateBody,
      templateUrl: stack.templateUrl,
      parameters: stack.parameters,
      tags: stack.tags,
      capabilities: stack.capabilities,
      description: stack.description,
    };
    await this.operate(stack, async start => {
      Object.assign(stack, {
        templateBody: prepared.body,
        templateUrl: prepared.url,
        parameters: prepared.parameters,
        tags: request.tags ?? stack.tags,
        capabilities: request.capabilities ?? [],
        description: prepared.template.Description,
        lastUpdatedTime: start,
      });
      setStackStatus(stack, 'UPDATE_IN_PROGRESS', 'User Initiated');
      const values = await this.parameterValues(
        stack,
        prepared.parameters,
        caller,
      );
      const outcome = values
        ? await applyTemplate(this, stack, prepared.template, values, caller)
        : undefined;
      if (outcome?.ok) {
        stack.outputs = outcome.outputs;
        stack.imports = outcome.imports;
        setStackStatus(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
        await deleteResources(this, stack, outcome.removed, caller);
        await deleteResources(this, stack, outcome.replaced, caller, 'replace');
        for (const resource of outcome.removed) {
          if (stack.resources[resource.logicalId] === resource) {
            delete stack.resources[resource.logicalId];
          }
        }
        setStackStatus(stack, 'UPDATE_COMPLETE');
        return;
      }
      const reason =
        outcome && !outcome.ok
          ? outcome.reason
          : stack.statusReason ?? 'Parameter resolution failed';
      const rollbackReason = withRollbackRequested(reason);
      setStackStatus(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', rollbackReason);
      const failed = await rollBack(
        this,
        stack,
        outcome?.journal ?? [],
        caller,
      );
      for (const resource of Object.values(stack.resources)) {
        if (
          resource.status === 'CREATE_FAILED' ||
          resource.status === 'DELETE_COMPLETE'
        ) {
          delete stack.resources[resource.logicalId];
        }
      }
      Object.assign(stack, previous);
      if (failed.length > 0) {
        setStackStatus(
          stack,
          'UPDATE_ROLLBACK_FAILED',
          `The following resource(s) failed to update: [${failed.join(
            ', ',
          )}]. `,
        );
        return;
      }
      setStackStatus(stack, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
      setStackStatus(stack, 'UPDATE_ROLLBACK_COMPLETE', rollbackReason);
    });
  }

  /** Deletes a stack; deleting a missing or deleted stack is a no-op, as with AWS. */
  async deleteStack(
    nameOrId: string,
    caller: CallerContext,
  ): Promise<StackRecord | undefined> {
    const stack = this.findStack(nameOrId, caller);
    if (!stack || stack.status === 'DELETE_COMPLETE') {
      return stack;
    }
    await this.operate(stack, async start => {
      setStackStatus(stack, 'DELETE_IN_PROGRESS', 'User Initiated');
      for (const output of stack.outputs.filter(
        candidate => candidate.exportName,
      )) {
        const importers = this.importersOf(
          output.exportName!,
          scopeOf(stack),
          stack.stackId,
        );
        if (importers.length > 0) {
          setStackStatus(
            stack,
            'DELETE_FAILED',
            `Export ${
              output.exportName
            } cannot be deleted as it is in use by ${importers.join(', ')}`,
          );
          return;
        }
      }
      let template: Template | undefined;
      try {
        template = stack.templateBody
          ? parseTemplate(stack.templateBody)
          : undefined;
      } catch {
        template = undefined;
      }
      const failed = await deleteResources(
        this,
        stack,
        deletionOrder(stack, template),
        caller,
      );
      if (failed.length > 0) {
        setStackStatus(
          stack,
          'DELETE_FAILED',
          `The following resource(s) failed to delete: [${failed.join(
            ', ',
          )}]. `,
        );
        return;
      }
      stack.outputs = [];
      stack.imports = [];
      stack.deletionTime = start + this.delayMs();
      setStackStatus(stack, 'DELETE_COMPLETE');
      for (const changeSet of this.changeSets
        .values()
        .filter(candidate => candidate.stackId === stack.stackId)) {
        this.changeSets.delete(changeSet.changeSetId);
      }
    });
    return stack;
  }

  // ---- nested stacks -------------------------------------------------------------------

  private nestedRequest(
    parent: StackRecord,
    properties: Record<string, TemplateValue>,
  ): Omit<StackRequest, 'stackName'> {
    const parameters = Object.entries(
      (properties.Parameters ?? {}) as Record<string, TemplateValue>,
    ).map(([ParameterKey, value]) => ({
      ParameterKey,
      ParameterValue: Array.isArray(value) ? value.join(',') : String(value),
    }));
    const ownTags = Array.isArray(properties.Tags)
      ? (properties.Tags as unknown as Tag[])
      : [];
    return {
      templateUrl: resolveTemplateUrl(
        String(properties.TemplateURL ?? ''),
        parent.templateUrl,
      ),
      parameters,
      capabilities: parent.capabilities,
      tags: [...parent.tags, ...ownTags],
      notificationArns: parent.notificationArns,
    };
  }

  private outputAttributes(stack: StackRecord): Record<string, TemplateValue> {
    return Object.fromEntries(
      stack.outputs.map(output => [`Outputs.${output.key}`, output.value]),
    );
  }

  /** Creates the child stack of an `AWS::CloudFormation::Stack` resource. */
  async createNestedStack(
    parentId: string,
    logicalId: string,
    properties: Record<string, TemplateValue>,
    caller: CallerContext,
  ) {
    const parent = this.stackById(parentId);
    const suffix = generatedSuffix();
    const stackName = `${`${parent.stackName}-${logicalId}`.slice(
      0,
      127 - suffix.length,
    )}-${suffix}`;
    const child = await this.createStack(
      {
        stackName,
        disableRollback: true,
        ...this.nestedRequest(parent, properties),
      },
      caller,
      parent,
    );
    if (child.status !== 'CREATE_COMPLETE') {
      throw new Error(
        `Embedded stack ${child.stackId} was not successfully created: ${child.statusReason}`,
      );
    }
    return {
      physicalId: child.stackId,
      attributes: this.outputAttributes(child),
    };
  }

  async updateNestedStack(
    childId: string,
    properties: Record<string, TemplateValue>,
    caller: CallerContext,
  ) {
    const child = this.stackById(childId);
    const parent = this.stackById(child.parentId ?? childId);
    await this.updateStack(
      { stackName: childId, ...this.nestedRequest(parent, properties) },
      caller,
      { allowNoChange: true },
    );
    if (
      !UPDATABLE_STATUSES.has(child.status) ||
      child.status === 'UPDATE_ROLLBACK_COMPLETE'
    ) {
      throw new Error(
        `Embedded stack ${childId} was not successfully updated. Currently in ${child.status} with reason: ${child.statusReason}`,
      );
    }
    return { physicalId: childId, attributes: this.outputAttributes(child) };
  }

  async deleteNestedStack(
    childId: string,
    caller: CallerContext,
  ): Promise<void> {
    const child = await this.deleteStack(childId, caller);
    if (child && child.status !== 'DELETE_COMPLETE') {
      throw new Error(
        `Embedded stack ${childId} was not successfully deleted: ${child.statusReason}`,
      );
    }
  }

  // ---- change sets ---------------------------------------------------------------------

  allChangeSets(): ChangeSetRecord[] {
    return this.changeSets.values();
  }

  /** The status and execution status a change set shows now. */
  changeSetStatus(changeSet: ChangeSetRecord): {
    status: string;
    executionStatus: string;
    statusReason?: string;
  } {
    if (this.now() < changeSet.readyAt) {
      return { status: 'CREATE_IN_PROGRESS', executionStatus: 'UNAVAILABLE' };
    }
    return {
      status: changeSet.status,
      executionStatus: changeSet.executionStatus,
      statusReason: changeSet.statusReason,
    };
  }

  findChangeSet(
    nameOrId: string,
    stackNameOrId: string | undefined,
    scope: StackScope,
  ): ChangeSetRecord {
    const stack = stackNameOrId
      ? this.findStack(stackNameOrId, scope)
      : undefined;
    const found = this.changeSets
      .values()
      .find(changeSet =>
        nameOrId.startsWith('arn:')
          ? changeSet.changeSetId === nameOrId &&
            this.inScope(this.stackById(changeSet.stackId), scope)
          : changeSet.changeSetName === nameOrId &&
            stack !== undefined &&
            changeSet.stackId === stack.stackId,
      );
    if (!found) {
      throw new AwsError(
        'ChangeSetNotFound',
        `ChangeSet [${nameOrId}] does not exist`,
        404,
      );
    }
    return found;
  }

  async createChangeSet(
    request: ChangeSetRequest,
    caller: CallerContext,
  ): Promise<ChangeSetRecord> {
    const type = request.changeSetType ?? 'UPDATE';
    let stack = this.findStack(request.stackName, caller);
    if (type === 'UPDATE') {
      if (!stack) {
        throw validationError(`Stack [${request.stackName}] does not exist`);
      }
      this.requireUpdatable(stack);
    } else if (stack && stack.status !== 'REVIEW_IN_PROGRESS') {
      throw new AwsError(
        'AlreadyExistsException',
        `Stack [${request.stackName}] already exists and cannot be created again with the changeSet [${request.changeSetName}].`,
      );
    }
    const prepared = await this.prepare(
      request,
      caller,
      type === 'UPDATE' ? stack : undefined,
    );
    if (!stack) {
      this.checkNewStackName(request.stackName, caller);
      stack = this.newStackRecord(request, caller, undefined);
    }
    const owner = stack;
    if (
      this.changeSets
        .values()
        .some(
          changeSet =>
            changeSet.stackId === owner.stackId &&
            changeSet.changeSetName === request.changeSetName,
        )
    ) {
      throw new AwsError(
        'AlreadyExistsException',
        `ChangeSet [${request.changeSetName}] already exists`,
      );
    }
    const changeSet: ChangeSetRecord = {
      changeSetId: `arn:${partitionOf(caller.region)}:cloudformation:${
        caller.region
      }:${caller.accountId}:changeSet/${request.changeSetName}/${randomUUID()}`,
      changeSetName: request.changeSetName,
      stackId: owner.stackId,
      stackName: owner.stackName,
      changeSetType: type,
      description: request.description,
      templateBody: prepared.body,
      templateUrl: prepared.url,
      parameters: prepared.parameters,
      capabilities: request.capabilities ?? [],
      tags: request.tags ?? owner.tags,
      status: 'CREATE_COMPLETE',
      executionStatus: 'AVAILABLE',
      creationTime: this.now(),
      readyAt: this.now() + this.delayMs(),
      changes: [],
      notificationArns: request.notificationArns ?? [],
    };
    try {
      const values = await parameterValuesForRef(
        prepared.parameters,
        ssmReader(caller),
      );
      changeSet.changes = await computeChanges(
        this,
        owner,
        prepared.template,
        values,
        caller.invoke,
      );
      const parametersChanged =
        canonicalJson(prepared.parameters) !== canonicalJson(owner.parameters);
      if (
        type === 'UPDATE' &&
        changeSet.changes.length === 0 &&
        !parametersChanged &&
        prepared.body === owner.templateBody
      ) {
        changeSet.status = 'FAILED';
        changeSet.executionStatus = 'UNAVAILABLE';
        changeSet.statusReason =
          "The submitted information didn't contain changes. Submit different information to create a change set.";
      }
    } catch (error) {
      changeSet.status = 'FAILED';
      changeSet.executionStatus = 'UNAVAILABLE';
      changeSet.statusReason = (error as Error).message;
    }
    this.changeSets.set(changeSet.changeSetId, changeSet);
    return changeSet;
  }

  async executeChangeSet(
    changeSet: ChangeSetRecord,
    caller: CallerContext,
  ): Promise<StackRecord> {
    const current = this.changeSetStatus(changeSet);
    if (
      current.status !== 'CREATE_COMPLETE' ||
      current.executionStatus !== 'AVAILABLE'
    ) {
      throw new AwsError(
        'InvalidChangeSetStatus',
        `ChangeSet [${changeSet.changeSetId}] cannot be executed in its current execution status of [${current.executionStatus}]`,
      );
    }
    const stack = this.stackById(changeSet.stackId);
    const prepared: PreparedTemplate = {
      body: changeSet.templateBody,
      url: changeSet.templateUrl,
      template: parseTemplate(changeSet.templateBody),
      parameters: changeSet.parameters,
    };
    if (changeSet.changeSetType === 'UPDATE') {
      this.requireUpdatable(stack);
    }
    for (const other of this.changeSets.values()) {
      if (other.stackId === stack.stackId && other !== changeSet) {
        other.executionStatus = 'OBSOLETE';
      }
    }
    stack.changeSetId = changeSet.changeSetId;
    if (changeSet.changeSetType === 'CREATE') {
      Object.assign(stack, {
        templateBody: prepared.body,
        templateUrl: prepared.url,
        parameters: prepared.parameters,
        capabilities: changeSet.capabilities,
        tags: changeSet.tags,
        description: prepared.template.Description,
      });
      await this.operate(stack, async () => {
        setStackStatus(stack, 'CREATE_IN_PROGRESS', 'User Initiated');
        await this.runCreate(stack, prepared, caller);
      });
    } else {
      await this.runUpdate(
        stack,
        prepared,
        {
          stackName: stack.stackName,
          capabilities: changeSet.capabilities,
          tags: changeSet.tags,
        },
        caller,
      );
    }
    const succeeded =
      stack.status === 'CREATE_COMPLETE' || stack.status === 'UPDATE_COMPLETE';
    changeSet.executionStatus = succeeded
      ? 'EXECUTE_COMPLETE'
      : 'EXECUTE_FAILED';
    return stack;
  }

  deleteChangeSet(changeSet: ChangeSetRecord): void {
    if (
      changeSet.executionStatus === 'EXECUTE_IN_PROGRESS' ||
      isInProgress(changeSet.executionStatus)
    ) {
      throw new AwsError(
        'InvalidChangeSetStatus',
        `ChangeSet [${changeSet.changeSetId}] cannot be deleted in its current execution status of [${changeSet.executionStatus}]`,
      );
    }
    this.changeSets.delete(changeSet.changeSetId);
    const stack = this.stacks.get(changeSet.stackId);
    const othersRemain = this.changeSets
      .values()
      .some(candidate => candidate.stackId === changeSet.stackId);
    // A stack that only ever existed to hold this change set goes with it.
    if (stack && stack.status === 'REVIEW_IN_PROGRESS' && !othersRemain) {
      this.stacks.delete(stack.stackId);
    }
  }

  callerFor(
    stack: StackRecord,
    invoke: CallerContext['invoke'],
  ): CallerContext {
    return { accountId: accountOf(stack), region: regionOf(stack), invoke };
  }
}
