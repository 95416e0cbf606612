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

import { TemplateValue } from '../types';
import { ResourceHandler, ResourceHandlerContext } from './types';

/** Who a nested-stack operation acts as: the parent stack's account, region and calls. */
export interface NestedStackCaller {
  accountId: string;
  region: string;
  invoke: (service: string, operation: string, input: unknown) => Promise<any>;
}

/** The part of the engine that nested stacks need; keeps this handler free of the engine's internals. */
export interface NestedStackHost {
  createNestedStack(
    parentId: string,
    logicalId: string,
    properties: Record<string, TemplateValue>,
    caller: NestedStackCaller,
  ): Promise<{ physicalId: string; attributes: Record<string, TemplateValue> }>;
  updateNestedStack(
    childId: string,
    properties: Record<string, TemplateValue>,
    caller: NestedStackCaller,
  ): Promise<{ physicalId: string; attributes: Record<string, TemplateValue> }>;
  deleteNestedStack(childId: string, caller: NestedStackCaller): Promise<void>;
}

function callerOf(context: ResourceHandlerContext): NestedStackCaller {
  return {
    accountId: context.stack.accountId,
    region: context.stack.region,
    invoke: context.invoke,
  };
}

/** `AWS::CloudFormation::Stack`: a real child stack; `Fn::GetAtt Outputs.X` reads its outputs. */
export function nestedStackHandler(host: NestedStackHost): ResourceHandler {
  return {
    create: (properties, context) =>
      host.createNestedStack(
        context.stack.stackId,
        context.logicalId,
        properties,
        callerOf(context),
      ),
    update: (properties, existing, context) =>
      host.updateNestedStack(
        existing.physicalId,
        properties,
        callerOf(context),
      ),
    delete: (existing, context) =>
      host.deleteNestedStack(existing.physicalId, callerOf(context)),
  };
}
