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
import {
  ProvisioningPlan,
  ProvisioningRecordError,
  SageMakerStudioProductKind,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * One provisioning parameter of a product version, with the constraints
 * Service Catalog reports for it (`DescribeProvisioningParameters`).
 *
 * @public
 */
export interface ProductParameter {
  key: string;
  defaultValue?: string;
  description?: string;
  allowedValues?: string[];
  allowedPattern?: string;
  constraintDescription?: string;
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

/**
 * A product resolved to the version to launch and the launch path to use.
 *
 * @public
 */
export interface ResolvedProduct {
  kind: SageMakerStudioProductKind;
  productId: string;
  productName: string;
  /** The version new launches use: the configured one, else the newest. */
  artifactId: string;
  artifactName: string;
  /** The newest active version: where an update takes a provisioned product. */
  latestArtifactId: string;
  latestArtifactName: string;
  pathId?: string;
  parameters: ProductParameter[];
}

/**
 * What Service Catalog answered when asked to act: the record to follow.
 *
 * @public
 */
export interface LaunchResult {
  recordId: string;
  provisionedProductId?: string;
}

/**
 * Where a Service Catalog record stands.
 *
 * @public
 */
export interface RecordState {
  /** `IN_PROGRESS` covers CREATED, IN_PROGRESS and IN_PROGRESS_IN_ERROR. */
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  provisionedProductId?: string;
  errors: ProvisioningRecordError[];
  outputs: Record<string, string>;
}

/**
 * A provisioned product as Service Catalog describes it.
 *
 * @public
 */
export interface ProvisionedProductSummary {
  id: string;
  name: string;
  status: string;
  productId?: string;
  artifactId?: string;
}

/**
 * Launches and follows Service Catalog products. Every mutating call takes a
 * token (the request id) that Service Catalog uses for idempotency, so a call
 * repeated after a crash or by a second backend instance returns the first
 * call's record instead of provisioning twice.
 *
 * @public
 */
export interface SageMakerStudioProvisioner {
  /** The product and version to launch: the configured version, else the newest active one. */
  resolveProduct(kind: SageMakerStudioProductKind): Promise<ResolvedProduct>;
  createPlan(options: {
    token: string;
    product: ResolvedProduct;
    provisionedProductName: string;
    parameters: Record<string, string>;
    tags: Record<string, string>;
  }): Promise<{ planId: string }>;
  describePlan(planId: string): Promise<ProvisioningPlan>;
  /**
   * Deletes a plan that is no longer needed (executed, rejected, cancelled or
   * failed): Service Catalog lets one plan at a time hold a provisioned
   * product name. A plan that is already gone is not an error.
   */
  deletePlan(planId: string): Promise<void>;
  executePlan(options: {
    token: string;
    planId: string;
  }): Promise<LaunchResult>;
  provision(options: {
    token: string;
    product: ResolvedProduct;
    provisionedProductName: string;
    parameters: Record<string, string>;
    tags: Record<string, string>;
  }): Promise<LaunchResult>;
  /** Moves a provisioned product to the newest version, keeping its parameter values. */
  update(options: {
    token: string;
    provisionedProductId: string;
    product: ResolvedProduct;
  }): Promise<LaunchResult>;
  terminate(options: {
    token: string;
    provisionedProductId: string;
  }): Promise<LaunchResult>;
  describeRecord(recordId: string): Promise<RecordState>;
  describeProvisionedProduct(id: string): Promise<ProvisionedProductSummary>;
}
