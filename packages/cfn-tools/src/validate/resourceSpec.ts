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
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';

type SpecDatabase = Awaited<ReturnType<typeof loadAwsServiceSpec>>;

/**
 * The shape of a property value in the specification (the subset of the
 * specification's own types that the validator reads).
 *
 * @public
 */
export type SpecPropertyType =
  | {
      type:
        | 'string'
        | 'number'
        | 'integer'
        | 'boolean'
        | 'json'
        | 'date-time'
        | 'null'
        | 'tag';
    }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: 'array' | 'map'; element: SpecPropertyType }
  | { type: 'union'; types: SpecPropertyType[] };

/** @public */
export interface SpecProperty {
  type: SpecPropertyType;
  required?: boolean;
}

/** @public */
export interface SpecResourceType {
  cloudFormationType: string;
  properties: Record<string, SpecProperty>;
  attributes: Record<string, unknown>;
}

/** @public */
export interface SpecTypeDefinition {
  name: string;
  properties: Record<string, SpecProperty>;
}

/**
 * Read access to the CloudFormation resource specification.
 *
 * @public
 */
export interface ResourceSpec {
  /** The resource type's definition, or undefined if CloudFormation has no such type. */
  resourceType(cloudFormationType: string): SpecResourceType | undefined;
  /** The nested type definition a `ref` property type points at. */
  typeDefinition(reference: { $ref: string }): SpecTypeDefinition;
}

class SpecDatabaseResourceSpec implements ResourceSpec {
  constructor(private readonly db: SpecDatabase) {}

  resourceType(cloudFormationType: string): SpecResourceType | undefined {
    const found = this.db.lookup(
      'resource',
      'cloudFormationType',
      'equals',
      cloudFormationType,
    );
    return found[0] as SpecResourceType | undefined;
  }

  typeDefinition(reference: { $ref: string }): SpecTypeDefinition {
    return this.db.get('typeDefinition', reference.$ref) as SpecTypeDefinition;
  }
}

let cachedSpec: Promise<ResourceSpec> | undefined;

/**
 * Loads the specification database once per process (it takes about half a
 * second).
 *
 * @public
 */
export function loadResourceSpec(): Promise<ResourceSpec> {
  if (!cachedSpec) {
    cachedSpec = loadAwsServiceSpec().then(
      db => new SpecDatabaseResourceSpec(db),
    );
  }
  return cachedSpec;
}
