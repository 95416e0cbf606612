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
  CreateProvisionedProductPlanCommand,
  DeleteProvisionedProductPlanCommand,
  DescribeProductCommand,
  DescribeProvisionedProductCommand,
  DescribeProvisionedProductPlanCommand,
  DescribeProvisioningParametersCommand,
  DescribeRecordCommand,
  ExecuteProvisionedProductPlanCommand,
  ListLaunchPathsCommand,
  ProvisionProductCommand,
  ProvisioningArtifact,
  RecordDetail,
  ServiceCatalogClient,
  TerminateProvisionedProductCommand,
  UpdateProvisionedProductCommand,
} from '@aws-sdk/client-service-catalog';
import { InputError } from '@backstage/errors';
import {
  ProvisioningPlan,
  SageMakerStudioProductKind,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioAwsClients } from '../aws/SageMakerStudioAwsClients';
import { translateAwsError } from '../aws/translateAwsError';
import { SageMakerStudioConfig } from '../config';
import {
  LaunchResult,
  ProductParameter,
  ProvisionedProductSummary,
  RecordState,
  ResolvedProduct,
  SageMakerStudioProvisioner,
} from './types';

/** Products and their parameters change rarely; a request should not cost three reads. */
const PRODUCT_CACHE_MS = 60_000;

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function toParameter(p: {
  ParameterKey?: string;
  DefaultValue?: string;
  Description?: string;
  ParameterConstraints?: {
    AllowedValues?: string[];
    AllowedPattern?: string;
    ConstraintDescription?: string;
    MaxLength?: string;
    MinLength?: string;
    MaxValue?: string;
    MinValue?: string;
  };
}): ProductParameter {
  const c = p.ParameterConstraints ?? {};
  return {
    key: p.ParameterKey ?? '',
    defaultValue: p.DefaultValue,
    description: p.Description,
    allowedValues: c.AllowedValues?.length ? c.AllowedValues : undefined,
    allowedPattern: c.AllowedPattern || undefined,
    constraintDescription: c.ConstraintDescription || undefined,
    minLength: toNumber(c.MinLength),
    maxLength: toNumber(c.MaxLength),
    minValue: toNumber(c.MinValue),
    maxValue: toNumber(c.MaxValue),
  };
}

function newest(artifacts: ProvisioningArtifact[]): ProvisioningArtifact {
  return [...artifacts].sort(
    (a, b) => (b.CreatedTime?.getTime() ?? 0) - (a.CreatedTime?.getTime() ?? 0),
  )[0];
}

function toLaunchResult(detail: RecordDetail | undefined): LaunchResult {
  if (!detail?.RecordId) {
    throw new Error('Service Catalog answered without a record id');
  }
  return {
    recordId: detail.RecordId,
    provisionedProductId: detail.ProvisionedProductId,
  };
}

function toKeyValues(values: Record<string, string>) {
  return Object.entries(values).map(([Key, Value]) => ({ Key, Value }));
}

const PLAN_STATUS: Record<string, ProvisioningPlan['status']> = {
  CREATE_IN_PROGRESS: 'CREATING',
  CREATE_SUCCESS: 'READY',
  CREATE_FAILED: 'FAILED',
  EXECUTE_IN_PROGRESS: 'READY',
  EXECUTE_SUCCESS: 'READY',
  EXECUTE_FAILED: 'READY',
};

/**
 * The provisioner over AWS Service Catalog, with the real SDK. AWS errors are
 * translated to `@backstage/errors` types here, at the package boundary.
 *
 * @public
 */
export class ServiceCatalogProvisioner implements SageMakerStudioProvisioner {
  private readonly products = new Map<
    SageMakerStudioProductKind,
    { at: number; value: Promise<ResolvedProduct> }
  >();

  constructor(
    private readonly options: {
      config: SageMakerStudioConfig;
      clients: SageMakerStudioAwsClients;
      now?: () => number;
    },
  ) {}

  /** One Service Catalog call; AWS errors become `@backstage/errors` types naming the action. */
  private async call<T>(
    action: string,
    fn: (client: ServiceCatalogClient) => Promise<T>,
  ): Promise<T> {
    const client = await this.options.clients.serviceCatalog();
    try {
      return await fn(client);
    } catch (error) {
      throw translateAwsError(error, action);
    }
  }

  resolveProduct(kind: SageMakerStudioProductKind): Promise<ResolvedProduct> {
    const now = this.options.now?.() ?? Date.now();
    const cached = this.products.get(kind);
    if (cached && now - cached.at < PRODUCT_CACHE_MS) {
      return cached.value;
    }
    const value = this.readProduct(kind);
    this.products.set(kind, { at: now, value });
    value.catch(() => this.products.delete(kind));
    return value;
  }

  private async readProduct(
    kind: SageMakerStudioProductKind,
  ): Promise<ResolvedProduct> {
    const { productName, version } = this.options.config.products[kind];
    const described = await this.call(
      `Finding the Service Catalog product "${productName}"`,
      client => client.send(new DescribeProductCommand({ Name: productName })),
    );
    const productId = described.ProductViewSummary?.ProductId;
    const artifacts = (described.ProvisioningArtifacts ?? []).filter(
      a => a.Id && a.Guidance !== 'DEPRECATED',
    );
    const latest = newest(artifacts);
    const artifact = version ? artifacts.find(a => a.Name === version) : latest;
    if (!productId || !artifact?.Id) {
      throw new InputError(
        `The Service Catalog product "${productName}" has no active version${
          version ? ` named "${version}"` : ''
        } (config sageMakerStudio.products.${kind})`,
      );
    }
    const paths = await this.call(
      `Listing launch paths of "${productName}"`,
      client =>
        client.send(new ListLaunchPathsCommand({ ProductId: productId })),
    );
    const pathId = paths.LaunchPathSummaries?.[0]?.Id;
    const parameters = await this.call(
      `Reading the parameters of "${productName}" ${artifact.Name}`,
      client =>
        client.send(
          new DescribeProvisioningParametersCommand({
            ProductId: productId,
            ProvisioningArtifactId: artifact.Id,
            ...(pathId ? { PathId: pathId } : {}),
          }),
        ),
    );
    return {
      kind,
      productId,
      productName,
      artifactId: artifact.Id,
      artifactName: artifact.Name ?? artifact.Id,
      latestArtifactId: latest.Id!,
      latestArtifactName: latest.Name ?? latest.Id!,
      pathId,
      parameters: (parameters.ProvisioningArtifactParameters ?? []).map(
        toParameter,
      ),
    };
  }

  async createPlan(options: {
    token: string;
    product: ResolvedProduct;
    provisionedProductName: string;
    parameters: Record<string, string>;
    tags: Record<string, string>;
  }): Promise<{ planId: string }> {
    const { token, product } = options;
    const out = await this.call('Creating the provisioning plan', client =>
      client.send(
        new CreateProvisionedProductPlanCommand({
          PlanName: `backstage-${token}`,
          PlanType: 'CLOUDFORMATION',
          ProductId: product.productId,
          ProvisioningArtifactId: product.artifactId,
          PathId: product.pathId,
          ProvisionedProductName: options.provisionedProductName,
          ProvisioningParameters: toKeyValues(options.parameters),
          Tags: toKeyValues(options.tags),
          IdempotencyToken: token,
        }),
      ),
    );
    if (!out.PlanId) {
      throw new Error('Service Catalog answered without a plan id');
    }
    return { planId: out.PlanId };
  }

  async describePlan(planId: string): Promise<ProvisioningPlan> {
    const out = await this.call('Reading the provisioning plan', client =>
      client.send(
        new DescribeProvisionedProductPlanCommand({ PlanId: planId }),
      ),
    );
    const details = out.ProvisionedProductPlanDetails;
    return {
      planId,
      status: PLAN_STATUS[details?.Status ?? ''] ?? 'CREATING',
      ...(details?.StatusMessage
        ? { statusMessage: details.StatusMessage }
        : {}),
      resourceChanges: (out.ResourceChanges ?? []).map(change => ({
        action: change.Action ?? 'UNKNOWN',
        logicalResourceId: change.LogicalResourceId ?? '',
        resourceType: change.ResourceType ?? '',
        ...(change.PhysicalResourceId
          ? { physicalResourceId: change.PhysicalResourceId }
          : {}),
        ...(change.Replacement ? { replacement: change.Replacement } : {}),
      })),
    };
  }

  async deletePlan(planId: string): Promise<void> {
    try {
      await this.call('Deleting the plan', client =>
        client.send(
          new DeleteProvisionedProductPlanCommand({ PlanId: planId }),
        ),
      );
    } catch (error) {
      if ((error as Error).name !== 'NotFoundError') {
        throw error;
      }
    }
  }

  async executePlan(options: {
    token: string;
    planId: string;
  }): Promise<LaunchResult> {
    const out = await this.call('Executing the provisioning plan', client =>
      client.send(
        new ExecuteProvisionedProductPlanCommand({
          PlanId: options.planId,
          IdempotencyToken: options.token,
        }),
      ),
    );
    return toLaunchResult(out.RecordDetail);
  }

  async provision(options: {
    token: string;
    product: ResolvedProduct;
    provisionedProductName: string;
    parameters: Record<string, string>;
    tags: Record<string, string>;
  }): Promise<LaunchResult> {
    const { product } = options;
    const out = await this.call('Provisioning the product', client =>
      client.send(
        new ProvisionProductCommand({
          ProductId: product.productId,
          ProvisioningArtifactId: product.artifactId,
          PathId: product.pathId,
          ProvisionedProductName: options.provisionedProductName,
          ProvisioningParameters: toKeyValues(options.parameters),
          Tags: toKeyValues(options.tags),
          ProvisionToken: options.token,
        }),
      ),
    );
    return toLaunchResult(out.RecordDetail);
  }

  async update(options: {
    token: string;
    provisionedProductId: string;
    product: ResolvedProduct;
  }): Promise<LaunchResult> {
    const { product } = options;
    const out = await this.call('Updating the provisioned product', client =>
      client.send(
        new UpdateProvisionedProductCommand({
          ProvisionedProductId: options.provisionedProductId,
          ProductId: product.productId,
          ProvisioningArtifactId: product.latestArtifactId,
          PathId: product.pathId,
          // The new version takes the values the product was launched with.
          ProvisioningParameters: product.parameters.map(p => ({
            Key: p.key,
            UsePreviousValue: true,
          })),
          UpdateToken: options.token,
        }),
      ),
    );
    return toLaunchResult(out.RecordDetail);
  }

  async terminate(options: {
    token: string;
    provisionedProductId: string;
  }): Promise<LaunchResult> {
    const out = await this.call('Terminating the provisioned product', client =>
      client.send(
        new TerminateProvisionedProductCommand({
          ProvisionedProductId: options.provisionedProductId,
          TerminateToken: options.token,
        }),
      ),
    );
    return toLaunchResult(out.RecordDetail);
  }

  async describeRecord(recordId: string): Promise<RecordState> {
    const outputs: Record<string, string> = {};
    let detail: RecordDetail | undefined;
    let pageToken: string | undefined;
    do {
      const command = new DescribeRecordCommand({
        Id: recordId,
        PageToken: pageToken,
      });
      const out = await this.call('Reading the provisioning record', client =>
        client.send(command),
      );
      detail = out.RecordDetail;
      for (const output of out.RecordOutputs ?? []) {
        if (output.OutputKey && output.OutputValue !== undefined) {
          outputs[output.OutputKey] = output.OutputValue;
        }
      }
      pageToken = out.NextPageToken;
    } while (pageToken);
    const status = detail?.Status;
    return {
      status:
        status === 'SUCCEEDED' || status === 'FAILED' ? status : 'IN_PROGRESS',
      provisionedProductId: detail?.ProvisionedProductId,
      errors: (detail?.RecordErrors ?? []).map(e => ({
        code: e.Code ?? 'UNKNOWN',
        description: e.Description ?? '',
      })),
      outputs,
    };
  }

  async describeProvisionedProduct(
    id: string,
  ): Promise<ProvisionedProductSummary> {
    const out = await this.call('Reading the provisioned product', client =>
      client.send(new DescribeProvisionedProductCommand({ Id: id })),
    );
    const d = out.ProvisionedProductDetail;
    return {
      id: d?.Id ?? id,
      name: d?.Name ?? '',
      status: d?.Status ?? 'UNKNOWN',
      productId: d?.ProductId,
      artifactId: d?.ProvisioningArtifactId,
    };
  }
}
