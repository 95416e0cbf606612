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
import { ResourceHandler } from './types';

/** The part of the engine that nested stacks need; keeps this handler free of the engine's internals. */
export interface NestedStackHost {
  createNestedStack(
    parentId: string,
    logicalId: string,
    properties: Record<string, TemplateValue>,
    caller: {
      accountId: string;
      region: string;
      invoke: (
        service: string,
        operation: string,
        input: unknown,
      ) => Promise<any>;
    },
  ): Promise<{ physicalId: string; attributes: Record<string, TemplateValue> }>;
  updateNestedStack(
    childId: string,
    properties: Record<string, TemplateValue>,
    caller: {
      accountId: string;
      region: string;
      invoke: (
        service: string,
        operation: string,
        input: unknown,
      ) => Promise<any>;
    },
  ): Promise<{ physicalId: string; attributes: Record<string, TemplateValue> }>;
  deleteNestedStack(
    childId: string,
    caller: {
      accountId: string;
      region: string;
      invoke: (
        service: string,
        operation: string,
        input: unknown,
      ) => Promise<any>;
    },
  ): Promise<void>;
}

/** `AWS::CloudFormation::Stack`: a real child stack; `Fn::GetAtt Outputs.X` reads its outputs. */
export function nestedStackHandler(host: NestedStackHost): ResourceHandler {
  return {
    replacementProperties: [],
    create: (properties, context) =>
      host.createNestedStack(
        context.stack.stackId,
        context.logicalId,
        properties,
        {
          accountId: context.stack.accountId,
          region: context.stack.region,
          invoke: context.invoke,
        },
      ),
    update: (properties, existing, context) =>
      host.updateNestedStack(existing.physicalId, properties, {
        accountId: context.stack.accountId,
        region: context.stack.region,
        invoke: context.invoke,
      }),
    delete: (existing, context) =>
      host.deleteNestedStack(existing.physicalId, {
        accountId: context.stack.accountId,
        region: context.stack.region,
        invoke: context.invoke,
      }),
  };
}
