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
 * What a validation run looked at, for the summary line.
 *
 * @public
 */
export interface ValidationStats {
  templates: number;
  resources: number;
  /** Property values compared with the specification, nested ones included. */
  propertyValues: number;
  /** Intrinsic function calls whose targets were resolved. */
  intrinsicReferences: number;
}

export function emptyStats(): ValidationStats {
  return { templates: 0, resources: 0, propertyValues: 0, intrinsicReferences: 0 };
}
