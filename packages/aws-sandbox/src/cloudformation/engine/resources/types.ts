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

/** The stack a resource belongs to, as its handler sees it. */
export interface OwningStack {
  stackId: string;
  stackName: string;
  accountId: string;
  region: string;
  partition: string;
  /** Stack-level tags; AWS propagates them to the resources it creates. */
  tags: Array<{ Key: string; Value: string }>;
  /** URL the stack's template came from, if any; relative nested-stack URLs resolve against it. */
  templateUrl?: string;
  capabilities: string[];
}

/** What a handler gets besides the resource's properties. */
export interface ResourceHandlerContext {
  logicalId: string;
  resourceType: string;
  /** The sandbox's time when the resource is provisioned, in epoch milliseconds. */
  now: number;
  stack: OwningStack;
  /** Calls another sandbox service, e.g. `invoke('sagemaker', 'CreateDomain', {...})`. */
  invoke(service: string, operation: string, input: unknown): Promise<any>;
}

/** A provisioned resource as the engine stores it. */
export interface ExistingResource {
  physicalId: string;
  properties: Record<string, TemplateValue>;
  attributes: Record<string, TemplateValue>;
}

export interface ProvisionResult {
  physicalId: string;
  /** Values for `Fn::GetAtt`. */
  attributes: Record<string, TemplateValue>;
  lenientAttributes?: boolean;
}

/** Provisions one resource type. */
export interface ResourceHandler {
  create(
    properties: Record<string, TemplateValue>,
    context: ResourceHandlerContext,
  ): Promise<ProvisionResult>;
  /** In-place update; without it, any property change replaces the resource. */
  update?(
    properties: Record<string, TemplateValue>,
    existing: ExistingResource,
    context: ResourceHandlerContext,
  ): Promise<ProvisionResult>;
  delete(
    existing: ExistingResource,
    context: ResourceHandlerContext,
  ): Promise<void>;
  /**
   * Properties whose change forces a replacement, for a type the resource schema data
   * (`replacementRules.json`) does not cover; for the types it covers, it decides.
   */
  replacementProperties?: string[];
}
