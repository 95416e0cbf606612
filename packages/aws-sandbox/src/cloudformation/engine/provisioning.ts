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

import { changedProperties } from './compare';
import { creationOrder } from './dependencies';
import { resolveDynamicReferences } from './dynamicReferences';
import { conditionEvaluator, evaluate, EvaluationScope } from './intrinsics';
import { partitionOf, pseudoParameterValues } from './pseudoParameters';
import { ResourceHandlerRegistry } from './ResourceHandlerRegistry';
import { ResourceHandler, ResourceHandlerContext } from './resources/types';
import { customNameConflict, replacementFor } from './replacement';
import { recordEvent } from './stackEvents';
import { StackOutputRecord, StackRecord, StackResourceRecord } from './state';
import {
  ResourceDeclaration,
  Template,
  TemplateError,
  TemplateValue,
} from './types';
import { Invoke } from './templateSource';

/** The account and region stacks, names and exports belong to. */
export interface StackScope {
  accountId: string;
  region: string;
}

/** Who started an operation: the account, region and sandbox to provision in. */
export interface CallerContext extends StackScope {
  invoke: Invoke;
}

/** What provisioning needs from the engine that owns all stacks. */
export interface ProvisioningHost {
  registry: ResourceHandlerRegistry;
  /** The sandbox's time, in epoch milliseconds. */
  now(): number;
  findExport(
    name: string,
    scope: StackScope,
  ): { stack: StackRecord; value: string } | undefined;
  /** Names of stacks of the scope (other than `exceptStackId`) that import `name`. */
  importersOf(
    name: string,
    scope: StackScope,
    exceptStackId?: string,
  ): string[];
}

/** One provisioning step, kept so a failure can be undone in reverse. */
export type JournalEntry =
  | { kind: 'created'; logicalId: string }
  | { kind: 'updated'; previous: StackResourceRecord }
  | { kind: 'replaced'; previous: StackResourceRecord };

export type ApplyOutcome =
  | {
      ok: true;
      outputs: StackOutputRecord[];
      imports: string[];
      /** Resources the template no longer has, and the old halves of replacements. */
      removed: StackResourceRecord[];
      replaced: StackResourceRecord[];
      journal: JournalEntry[];
    }
  | { ok: false; reason: string; journal: JournalEntry[] };

export function scopeFor(
  stack: StackRecord,
  template: Template,
  parameterValues: Record<string, TemplateValue>,
  host: ProvisioningHost,
  imports: Set<string> = new Set(),
): EvaluationScope {
  const withoutConditions: Omit<EvaluationScope, 'isConditionTrue'> = {
    region: regionOf(stack),
    parameters: {
      ...parameterValues,
      ...pseudoParameterValues({
        accountId: accountOf(stack),
        region: regionOf(stack),
        stackName: stack.stackName,
        stackId: stack.stackId,
      }),
      'AWS::NotificationARNs': stack.notificationArns,
    },
    mappings: template.Mappings ?? {},
    declaredResources: new Set(Object.keys(template.Resources)),
    resources: Object.fromEntries(
      Object.values(stack.resources)
        .filter(resource => resource.status !== 'DELETE_COMPLETE')
        .map(resource => [
          resource.logicalId,
          {
            physicalId: resource.physicalId,
            attributes: resource.attributes,
            lenientAttributes: resource.lenientAttributes,
          },
        ]),
    ),
    importValue: name => {
      const found = host.findExport(name, scopeOf(stack));
      if (!found) {
        throw new TemplateError(`No export named ${name} found`);
      }
      imports.add(name);
      return found.value;
    },
  };
  return {
    ...withoutConditions,
    isConditionTrue: conditionEvaluator(template, withoutConditions),
  };
}

export function scopeOf(stack: StackRecord): StackScope {
  return { accountId: accountOf(stack), region: regionOf(stack) };
}

export function regionOf(stack: StackRecord): string {
  return stack.stackId.split(':')[3];
}

export function accountOf(stack: StackRecord): string {
  return stack.stackId.split(':')[4];
}

export function handlerContext(
  host: ProvisioningHost,
  stack: StackRecord,
  logicalId: string,
  resourceType: string,
  caller: CallerContext,
): ResourceHandlerContext {
  return {
    logicalId,
    resourceType,
    now: host.now(),
    invoke: caller.invoke,
    stack: {
      stackId: stack.stackId,
      stackName: stack.stackName,
      accountId: accountOf(stack),
      region: regionOf(stack),
      partition: partitionOf(regionOf(stack)),
      tags: stack.tags,
      templateUrl: stack.templateUrl,
      capabilities: stack.capabilities,
    },
  };
}

/** Resources whose `Condition` holds, in dependency order. */
export function activeResourceOrder(
  template: Template,
  scope: EvaluationScope,
): string[] {
  return creationOrder(template).filter(logicalId => {
    const condition = template.Resources[logicalId].Condition;
    return condition === undefined || scope.isConditionTrue(condition);
  });
}

/** Import expressions in the branches that apply: an import in an `Fn::If` branch not taken is never resolved. */
function collectImportExpressions(
  expression: unknown,
  scope: EvaluationScope,
  found: unknown[],
): unknown[] {
  if (Array.isArray(expression)) {
    expression.forEach(item => collectImportExpressions(item, scope, found));
  } else if (expression && typeof expression === 'object') {
    for (const [key, value] of Object.entries(expression)) {
      if (key === 'Fn::ImportValue') {
        found.push(value);
      } else if (
        key === 'Fn::If' &&
        Array.isArray(value) &&
        value.length === 3
      ) {
        collectImportExpressions(
          scope.isConditionTrue(String(value[0])) ? value[1] : value[2],
          scope,
          found,
        );
      } else {
        collectImportExpressions(value, scope, found);
      }
    }
  }
  return found;
}

/** CloudFormation resolves every import before it touches a resource; a missing export fails the stack. */
function checkImports(
  template: Template,
  order: string[],
  scope: EvaluationScope,
): void {
  const expressions: unknown[] = [];
  order.forEach(logicalId =>
    collectImportExpressions(
      template.Resources[logicalId].Properties,
      scope,
      expressions,
    ),
  );
  for (const output of Object.values(template.Outputs ?? {})) {
    if (
      output.Condition === undefined ||
      scope.isConditionTrue(output.Condition)
    ) {
      collectImportExpressions(output, scope, expressions);
    }
  }
  for (const expression of expressions) {
    evaluate({ 'Fn::ImportValue': expression }, scope);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Brings the stack's resources in line with a template: creates what is new, updates or
 * replaces what changed, and returns what became obsolete (deleted only once all succeeded).
 */
export async function applyTemplate(
  host: ProvisioningHost,
  stack: StackRecord,
  template: Template,
  parameterValues: Record<string, TemplateValue>,
  caller: CallerContext,
): Promise<ApplyOutcome> {
  const journal: JournalEntry[] = [];
  const imports = new Set<string>();
  const previousResources = { ...stack.resources };
  let order: string[];
  try {
    const scope = scopeFor(stack, template, parameterValues, host, imports);
    order = activeResourceOrder(template, scope);
    checkImports(template, order, scope);
  } catch (error) {
    return { ok: false, reason: errorMessage(error), journal };
  }
  const verb = stack.status.startsWith('UPDATE') ? 'update' : 'create';
  for (const logicalId of order) {
    const declaration = template.Resources[logicalId];
    const existing = previousResources[logicalId];
    const handler = host.registry.handlerFor(declaration.Type);
    const context = handlerContext(
      host,
      stack,
      logicalId,
      declaration.Type,
      caller,
    );
    let properties: Record<string, TemplateValue> = {};
    try {
      const scope = scopeFor(stack, template, parameterValues, host, imports);
      properties = (await resolveDynamicReferences(
        evaluate(declaration.Properties ?? {}, scope),
        caller.invoke,
      )) as Record<string, TemplateValue>;
    } catch (error) {
      failResource(
        stack,
        logicalId,
        declaration.Type,
        existing ? 'UPDATE_FAILED' : 'CREATE_FAILED',
        errorMessage(error),
        existing,
      );
      return {
        ok: false,
        reason: `The following resource(s) failed to ${verb}: [${logicalId}]. `,
        journal,
      };
    }
    if (
      existing &&
      existing.status !== 'DELETE_COMPLETE' &&
      existing.type === declaration.Type
    ) {
      const changed = changedProperties(existing.properties, properties);
      if (changed.length === 0) {
        continue;
      }
      const replace =
        replacementFor(
          declaration.Type,
          handler,
          existing.properties,
          properties,
          changed,
        ) === 'True';
      const failure = replace
        ? await replaceResource(
            stack,
            handler,
            context,
            properties,
            existing,
            journal,
          )
        : await updateResource(
            stack,
            handler,
            context,
            properties,
            existing,
            journal,
          );
      if (failure) {
        return {
          ok: false,
          reason: `The following resource(s) failed to update: [${logicalId}]. `,
          journal,
        };
      }
      keepPolicies(stack.resources[logicalId], declaration);
      continue;
    }
    const failure = await createResource(
      stack,
      handler,
      context,
      properties,
      journal,
    );
    if (failure) {
      return {
        ok: false,
        reason: `The following resource(s) failed to create: [${logicalId}]. `,
        journal,
      };
    }
    keepPolicies(stack.resources[logicalId], declaration);
  }
  try {
    const scope = scopeFor(stack, template, parameterValues, host, imports);
    const outputs = evaluateOutputs(template, scope);
    checkExports(host, stack, outputs);
    const active = new Set(order);
    const removed = Object.values(previousResources).filter(
      resource =>
        resource.status !== 'DELETE_COMPLETE' &&
        (!active.has(resource.logicalId) ||
          template.Resources[resource.logicalId]?.Type !== resource.type),
    );
    const replaced = journal.flatMap(entry =>
      entry.kind === 'replaced' ? [entry.previous] : [],
    );
    return {
      ok: true,
      outputs,
      imports: [...imports],
      removed,
      replaced,
      journal,
    };
  } catch (error) {
    return { ok: false, reason: errorMessage(error), journal };
  }
}

function keepPolicies(
  resource: StackResourceRecord,
  declaration: ResourceDeclaration,
): void {
  if (typeof declaration.DeletionPolicy === 'string') {
    resource.deletionPolicy = declaration.DeletionPolicy;
  }
  if (typeof declaration.UpdateReplacePolicy === 'string') {
    resource.updateReplacePolicy = declaration.UpdateReplacePolicy;
  }
}

function failResource(
  stack: StackRecord,
  logicalId: string,
  type: string,
  status: string,
  reason: string,
  existing?: StackResourceRecord,
): void {
  recordEvent(stack, {
    logicalId,
    physicalId: existing?.physicalId ?? '',
    resourceType: type,
    status,
    statusReason: reason,
  });
  if (!existing) {
    stack.resources[logicalId] = {
      logicalId,
      physicalId: '',
      type,
      status,
      statusReason: reason,
      properties: {},
      attributes: {},
    };
  }
}

async function createResource(
  stack: StackRecord,
  handler: ResourceHandler,
  context: ResourceHandlerContext,
  properties: Record<string, TemplateValue>,
  journal: JournalEntry[],
): Promise<boolean> {
  const { logicalId, resourceType } = context;
  recordEvent(stack, {
    logicalId,
    physicalId: '',
    resourceType,
    status: 'CREATE_IN_PROGRESS',
    properties: JSON.stringify(properties),
  });
  try {
    const result = await handler.create(properties, context);
    stack.resources[logicalId] = {
      logicalId,
      physicalId: result.physicalId,
      type: resourceType,
      status: 'CREATE_COMPLETE',
      properties,
      attributes: result.attributes,
      lenientAttributes: result.lenientAttributes,
    };
    journal.push({ kind: 'created', logicalId });
    recordEvent(stack, {
      logicalId,
      physicalId: result.physicalId,
      resourceType,
      status: 'CREATE_COMPLETE',
    });
    return false;
  } catch (error) {
    failResource(
      stack,
      logicalId,
      resourceType,
      'CREATE_FAILED',
      errorMessage(error),
    );
    return true;
  }
}

async function updateResource(
  stack: StackRecord,
  handler: ResourceHandler,
  context: ResourceHandlerContext,
  properties: Record<string, TemplateValue>,
  existing: StackResourceRecord,
  journal: JournalEntry[],
): Promise<boolean> {
  const { logicalId, resourceType } = context;
  recordEvent(stack, {
    logicalId,
    physicalId: existing.physicalId,
    resourceType,
    status: 'UPDATE_IN_PROGRESS',
    properties: JSON.stringify(properties),
  });
  try {
    const result = await handler.update!(properties, existing, context);
    stack.resources[logicalId] = {
      ...existing,
      physicalId: result.physicalId,
      status: 'UPDATE_COMPLETE',
      properties,
      attributes: result.attributes,
      lenientAttributes: result.lenientAttributes,
    };
    journal.push({ kind: 'updated', previous: existing });
    recordEvent(stack, {
      logicalId,
      physicalId: result.physicalId,
      resourceType,
      status: 'UPDATE_COMPLETE',
    });
    return false;
  } catch (error) {
    recordEvent(stack, {
      logicalId,
      physicalId: existing.physicalId,
      resourceType,
      status: 'UPDATE_FAILED',
      statusReason: errorMessage(error),
    });
    return true;
  }
}

async function replaceResource(
  stack: StackRecord,
  handler: ResourceHandler,
  context: ResourceHandlerContext,
  properties: Record<string, TemplateValue>,
  existing: StackResourceRecord,
  journal: JournalEntry[],
): Promise<boolean> {
  const { logicalId, resourceType } = context;
  recordEvent(stack, {
    logicalId,
    physicalId: existing.physicalId,
    resourceType,
    status: 'UPDATE_IN_PROGRESS',
    statusReason:
      'Requested update requires the creation of a new physical resource; hence creating one.',
  });
  const conflict = customNameConflict(
    resourceType,
    handler,
    existing.physicalId,
    existing.properties,
    properties,
  );
  if (conflict) {
    recordEvent(stack, {
      logicalId,
      physicalId: existing.physicalId,
      resourceType,
      status: 'UPDATE_FAILED',
      statusReason: conflict,
    });
    return true;
  }
  try {
    const result = await handler.create(properties, context);
    stack.resources[logicalId] = {
      ...existing,
      physicalId: result.physicalId,
      status: 'UPDATE_COMPLETE',
      properties,
      attributes: result.attributes,
      lenientAttributes: result.lenientAttributes,
    };
    journal.push({ kind: 'replaced', previous: existing });
    recordEvent(stack, {
      logicalId,
      physicalId: result.physicalId,
      resourceType,
      status: 'UPDATE_COMPLETE',
    });
    return false;
  } catch (error) {
    recordEvent(stack, {
      logicalId,
      physicalId: existing.physicalId,
      resourceType,
      status: 'UPDATE_FAILED',
      statusReason: errorMessage(error),
    });
    return true;
  }
}

function evaluateOutputs(
  template: Template,
  scope: EvaluationScope,
): StackOutputRecord[] {
  const outputs: StackOutputRecord[] = [];
  for (const [key, declaration] of Object.entries(template.Outputs ?? {})) {
    if (
      declaration.Condition !== undefined &&
      !scope.isConditionTrue(declaration.Condition)
    ) {
      continue;
    }
    const value = evaluate(declaration.Value, scope);
    const output: StackOutputRecord = {
      key,
      value: Array.isArray(value) ? value.join(',') : String(value),
    };
    if (declaration.Description !== undefined) {
      output.description = String(evaluate(declaration.Description, scope));
    }
    if (declaration.Export) {
      output.exportName = String(evaluate(declaration.Export.Name, scope));
    }
    outputs.push(output);
  }
  return outputs;
}

function checkExports(
  host: ProvisioningHost,
  stack: StackRecord,
  outputs: StackOutputRecord[],
): void {
  const newExports = new Map(
    outputs
      .filter(output => output.exportName)
      .map(output => [output.exportName!, output.value]),
  );
  for (const name of newExports.keys()) {
    const owner = host.findExport(name, scopeOf(stack));
    if (owner && owner.stack.stackId !== stack.stackId) {
      throw new TemplateError(
        `Export with name ${name} is already exported by stack ${owner.stack.stackName}`,
      );
    }
  }
  for (const previous of stack.outputs.filter(output => output.exportName)) {
    const importers = host.importersOf(
      previous.exportName!,
      scopeOf(stack),
      stack.stackId,
    );
    if (importers.length === 0) {
      continue;
    }
    if (!newExports.has(previous.exportName!)) {
      throw new TemplateError(
        `Export ${
          previous.exportName
        } cannot be deleted as it is in use by ${importers.join(', ')}`,
      );
    }
    if (newExports.get(previous.exportName!) !== previous.value) {
      throw new TemplateError(
        `Cannot update export ${
          previous.exportName
        } as it is in use by ${importers.join(', ')}`,
      );
    }
  }
}
