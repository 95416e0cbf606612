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
 * The Service Catalog products this plugin set provisions. The keys are used
 * in config (`sageMakerStudio.products.<key>`), in requests and in the API.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_PRODUCT_KINDS = [
  'studioDomain',
  'teamEnvironment',
  'userProfile',
] as const;

/**
 * One of {@link SAGEMAKER_STUDIO_PRODUCT_KINDS}.
 *
 * @public
 */
export type SageMakerStudioProductKind =
  (typeof SAGEMAKER_STUDIO_PRODUCT_KINDS)[number];

/**
 * Whether a string names one of our products.
 *
 * @public
 */
export function isSageMakerStudioProductKind(
  value: unknown,
): value is SageMakerStudioProductKind {
  return (
    typeof value === 'string' &&
    (SAGEMAKER_STUDIO_PRODUCT_KINDS as readonly string[]).includes(value)
  );
}
