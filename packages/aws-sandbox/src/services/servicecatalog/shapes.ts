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
  ArtifactRecord,
  ConstraintRecord,
  PortfolioRecord,
  ProductRecord,
  ProvisionedProductRecord,
  ProvisioningRecord,
} from './types';

export function portfolioDetail(portfolio: PortfolioRecord) {
  return {
    Id: portfolio.id,
    ARN: portfolio.arn,
    DisplayName: portfolio.displayName,
    Description: portfolio.description,
    CreatedTime: new Date(portfolio.createdTime),
    ProviderName: portfolio.providerName,
  };
}

export function productViewSummary(product: ProductRecord) {
  return {
    Id: product.viewId,
    ProductId: product.id,
    Name: product.name,
    Owner: product.owner,
    ShortDescription: product.description,
    Type: product.type,
    Distributor: product.distributor,
    HasDefaultPath: false,
    SupportEmail: product.supportEmail,
    SupportDescription: product.supportDescription,
    SupportUrl: product.supportUrl,
  };
}

export function productViewDetail(product: ProductRecord) {
  return {
    ProductViewSummary: productViewSummary(product),
    Status: 'CREATED',
    ProductARN: product.arn,
    CreatedTime: new Date(product.createdTime),
  };
}

export function artifactDetail(artifact: ArtifactRecord) {
  return {
    Id: artifact.id,
    Name: artifact.name,
    Description: artifact.description,
    Type: artifact.type,
    CreatedTime: new Date(artifact.createdTime),
    Active: artifact.active,
    Guidance: artifact.guidance,
  };
}

export function artifactSummary(artifact: ArtifactRecord) {
  return {
    Id: artifact.id,
    Name: artifact.name,
    Description: artifact.description,
    CreatedTime: new Date(artifact.createdTime),
    ProvisioningArtifactMetadata: {},
  };
}

export function constraintDetail(constraint: ConstraintRecord) {
  return {
    ConstraintId: constraint.id,
    Type: constraint.type,
    Description: constraint.description,
    Owner: constraint.owner,
    ProductId: constraint.productId,
    PortfolioId: constraint.portfolioId,
  };
}

export function constraintSummary(constraint: ConstraintRecord) {
  return { Type: constraint.type, Description: constraint.description };
}

export function recordDetail(record: ProvisioningRecord) {
  return {
    RecordId: record.id,
    ProvisionedProductName: record.provisionedProductName,
    Status: record.status,
    CreatedTime: new Date(record.createdTime),
    UpdatedTime: new Date(record.updatedTime),
    ProvisionedProductType: 'CFN_STACK',
    RecordType: record.type,
    ProvisionedProductId: record.provisionedProductId,
    ProductId: record.productId,
    ProvisioningArtifactId: record.artifactId,
    PathId: record.pathId,
    RecordErrors: record.errors,
    RecordTags: record.tags,
  };
}

/** What a provisioned product shows, given the status derived from its last record. */
export interface ProvisionedProductStatus {
  status: string;
  statusMessage?: string;
}

export function provisionedProductDetail(
  product: ProvisionedProductRecord,
  status: ProvisionedProductStatus,
) {
  return {
    Name: product.name,
    Arn: product.arn,
    Type: 'CFN_STACK',
    Id: product.id,
    Status: status.status,
    StatusMessage: status.statusMessage,
    CreatedTime: new Date(product.createdTime),
    IdempotencyToken: product.idempotencyToken,
    LastRecordId: product.lastRecordId,
    LastProvisioningRecordId: product.lastProvisioningRecordId,
    LastSuccessfulProvisioningRecordId:
      product.lastSuccessfulProvisioningRecordId,
    ProductId: product.productId,
    ProvisioningArtifactId: product.artifactId,
    LaunchRoleArn: product.launchRoleArn,
  };
}
