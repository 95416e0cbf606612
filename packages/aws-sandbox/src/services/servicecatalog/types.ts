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

/*
 * Service Catalog's records. Plain JSON, timestamps in epoch milliseconds, so the
 * sandbox can persist them.
 */

export interface Tag {
  Key: string;
  Value: string;
}

/** Every record belongs to the account and region that created it (set by the store). */
export interface Scoped {
  accountId?: string;
  region?: string;
}

export interface PortfolioRecord extends Scoped {
  id: string;
  arn: string;
  displayName: string;
  description?: string;
  providerName: string;
  createdTime: number;
  tags: Tag[];
  productIds: string[];
  principals: Array<{ arn: string; type: string }>;
  idempotencyToken?: string;
}

export interface ArtifactRecord {
  id: string;
  name: string;
  description?: string;
  type: string;
  createdTime: number;
  active: boolean;
  guidance: string;
  templateUrl?: string;
  templateBody: string;
  idempotencyToken?: string;
}

export interface ProductRecord extends Scoped {
  id: string;
  viewId: string;
  arn: string;
  name: string;
  owner: string;
  description?: string;
  distributor?: string;
  supportDescription?: string;
  supportEmail?: string;
  supportUrl?: string;
  type: string;
  createdTime: number;
  tags: Tag[];
  artifacts: ArtifactRecord[];
  idempotencyToken?: string;
}

export interface ConstraintRecord extends Scoped {
  id: string;
  type: string;
  portfolioId: string;
  productId: string;
  parameters: string;
  description?: string;
  owner: string;
  idempotencyToken?: string;
}

export type RecordType =
  | 'PROVISION_PRODUCT'
  | 'UPDATE_PROVISIONED_PRODUCT'
  | 'TERMINATE_PROVISIONED_PRODUCT';

export interface ProvisioningRecord extends Scoped {
  id: string;
  type: RecordType;
  provisionedProductId: string;
  provisionedProductName: string;
  productId: string;
  artifactId: string;
  pathId: string;
  stackId?: string;
  createdTime: number;
  updatedTime: number;
  /** IN_PROGRESS until the stack operation settles; then SUCCEEDED or FAILED for good. */
  status: string;
  errors: Array<{ Code: string; Description: string }>;
  tags: Tag[];
  token?: string;
}

export interface ProvisionedProductRecord extends Scoped {
  id: string;
  arn: string;
  name: string;
  productId: string;
  artifactId: string;
  pathId: string;
  stackId?: string;
  stackName: string;
  createdTime: number;
  idempotencyToken: string;
  lastRecordId: string;
  lastProvisioningRecordId: string;
  lastSuccessfulProvisioningRecordId?: string;
  tags: Tag[];
  /** Parameter values of the last provisioning, for UsePreviousValue. */
  parameters: Record<string, string>;
  userArn: string;
  launchRoleArn?: string;
  /** A plan for a product not provisioned yet holds the name with status PLAN_IN_PROGRESS. */
  planId?: string;
  terminated?: boolean;
}

export interface PlanRecord extends Scoped {
  id: string;
  name: string;
  provisionedProductId: string;
  provisionedProductName: string;
  productId: string;
  artifactId: string;
  pathId: string;
  parameters: Array<{
    Key: string;
    Value?: string;
    UsePreviousValue?: boolean;
  }>;
  tags: Tag[];
  notificationArns: string[];
  changeSetId?: string;
  /** CREATE_SUCCESS, CREATE_FAILED, EXECUTE_IN_PROGRESS, EXECUTE_SUCCESS, EXECUTE_FAILED. */
  status: string;
  statusMessage?: string;
  executionRecordId?: string;
  createdTime: number;
  updatedTime: number;
  idempotencyToken?: string;
}
