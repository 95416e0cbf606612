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
import type { Finding, TemplateSet } from '../template/types';
import type { ResourceSpec } from '../validate/resourceSpec';

/**
 * What a security rule sees: the whole template set, and the resource
 * specification for rules that need to know which types are taggable.
 *
 * @public
 */
export interface RuleContext {
  set: TemplateSet;
  spec?: ResourceSpec;
}

/**
 * One security rule of the cloudformation README's table, as a pure
 * function from a template set to its violations.
 *
 * @public
 */
export interface SecurityRule {
  /** The rule's name exactly as in the README table, e.g. `S3_TLS_ONLY`. */
  name: string;
  check(context: RuleContext): Finding[];
}
