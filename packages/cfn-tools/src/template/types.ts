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
/**
 * A CloudFormation template after parsing, with every short-form tag
 * (`!Ref`, `!Sub`, ...) turned into its long form (`{ Ref }`, `{ 'Fn::Sub' }`).
 *
 * @public
 */
export interface TemplateBody {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Metadata?: Record<string, unknown>;
  Parameters?: Record<string, ParameterDeclaration>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Rules?: Record<string, unknown>;
  Transform?: unknown;
  Resources?: Record<string, ResourceDeclaration>;
  Outputs?: Record<string, OutputDeclaration>;
}

/** @public */
export interface ParameterDeclaration {
  Type?: string;
  Default?: unknown;
  AllowedValues?: unknown[];
  AllowedPattern?: string;
  Description?: string;
  [key: string]: unknown;
}

/** @public */
export interface ResourceDeclaration {
  Type?: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  Metadata?: unknown;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  CreationPolicy?: unknown;
  UpdatePolicy?: unknown;
  [key: string]: unknown;
}

/** @public */
export interface OutputDeclaration {
  Value?: unknown;
  Description?: string;
  Condition?: string;
  Export?: { Name?: unknown };
  [key: string]: unknown;
}

/**
 * One template file of a set, named by its path relative to the set's root
 * directory with forward slashes (e.g. `products/team-environment.yaml`).
 *
 * @public
 */
export interface ParsedTemplate {
  file: string;
  absolutePath: string;
  body: TemplateBody;
}

/**
 * Templates that are deployed together and may import each other's exports.
 *
 * @public
 */
export interface TemplateSet {
  rootDir: string;
  templates: ParsedTemplate[];
}

/**
 * One problem found in a template. `check` names the validator check or the
 * security rule (as named in the cloudformation README) that found it.
 *
 * @public
 */
export interface Finding {
  file: string;
  logicalId: string;
  check: string;
  message: string;
}

/** Pseudo logical ID used for findings about a whole template. */
export const TEMPLATE_LEVEL_ID = '(template)';
