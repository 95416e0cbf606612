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
  ParameterInput,
  resolveParameters,
} from '../../cloudformation/engine/parameters';
import { parseTemplate } from '../../cloudformation/engine/parseTemplate';
import { RequestContext, SandboxEnvironment } from '../../server/types';
import { CatalogStore, LaunchPath } from './CatalogStore';
import {
  catalogId,
  duplicate,
  invalidParameters,
  invalidState,
} from './errors';
import { provisionedProductStatus, settleRecord } from './recordStatus';
import { ProvisionedProductStatus } from './shapes';
import {
  ArtifactRecord,
  ProductRecord,
  ProvisionedProductRecord,
  ProvisioningRecord,
  RecordType,
  Tag,
} from './types';

const PROVISIONED_PRODUCT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,127}$/;

/** Capabilities Service Catalog grants the stacks it launches. */
export const LAUNCH_CAPABILITIES = [
  'CAPABILITY_IAM',
  'CAPABILITY_NAMED_IAM',
  'CAPABILITY_AUTO_EXPAND',
];

export interface ProvisioningParameter {
  Key?: string;
  Value?: string;
  UsePreviousValue?: boolean;
}

/** What a launch resolves to: the product, version and launch path. */
export interface LaunchTarget {
  product: ProductRecord;
  artifact: ArtifactRecord;
  path: LaunchPath;
}

/** The stack operations behind provisioning, shared by direct provisioning and plans. */
export class Provisioner {
  constructor(
    private readonly store: CatalogStore,
    private readonly env: SandboxEnvironment,
  ) {}

  now(): number {
    return this.env.clock.now();
  }

  resolveTarget(
    input: Record<string, any>,
    current?: ProvisionedProductRecord,
  ): LaunchTarget {
    const product = this.store.requireProduct(
      input.ProductId ?? (input.ProductName ? undefined : current?.productId),
      input.ProductName,
    );
    const sameProduct = current?.productId === product.id;
    const artifact = this.store.requireArtifact(
      product,
      input.ProvisioningArtifactId ??
        (input.ProvisioningArtifactName === undefined && sameProduct
          ? current?.artifactId
          : undefined),
      input.ProvisioningArtifactName,
    );
    const path = this.store.requireLaunchPath(
      product,
      input.PathId ??
        (input.PathName === undefined && sameProduct
          ? current?.pathId
          : undefined),
      input.PathName,
    );
    return { product, artifact, path };
  }

  checkNewName(name: unknown): void {
    if (typeof name !== 'string' || !PROVISIONED_PRODUCT_NAME.test(name)) {
      throw invalidParameters(
        `ProvisionedProductName ${String(
          name,
        )} is not valid: use letters, digits, '.', '_' and '-'.`,
      );
    }
    const clash = this.store.provisionedProducts
      .values()
      .find(product => product.name === name && !product.terminated);
    if (clash) {
      throw duplicate(
        `A provisioned product with the name ${name} already exists: ${clash.id}`,
      );
    }
  }

  /** Checks values against the version's template; returns the values to remember. */
  validateParameters(
    artifact: ArtifactRecord,
    parameters: ProvisioningParameter[] | undefined,
    previous: Record<string, string> = {},
  ): Record<string, string> {
    try {
      const template = parseTemplate(artifact.templateBody);
      const resolved = resolveParameters(
        template,
        this.toStackParameters(parameters),
        previous,
      );
      return Object.fromEntries(
        resolved.map(parameter => [parameter.key, parameter.value]),
      );
    } catch (error) {
      throw invalidParameters((error as Error).message);
    }
  }

  toStackParameters(
    parameters: ProvisioningParameter[] | undefined,
  ): ParameterInput[] {
    return (parameters ?? []).map(parameter => ({
      ParameterKey: parameter.Key,
      ParameterValue: parameter.UsePreviousValue ? undefined : parameter.Value,
      UsePreviousValue: parameter.UsePreviousValue === true,
    }));
  }

  /** The artifact's template as CloudFormation input: by URL when it has one, so nested URLs resolve. */
  templateSource(artifact: ArtifactRecord): {
    TemplateURL?: string;
    TemplateBody?: string;
  } {
    return artifact.templateUrl
      ? { TemplateURL: artifact.templateUrl }
      : { TemplateBody: artifact.templateBody };
  }

  /** The product's tags, the caller's tags and the `aws:servicecatalog:*` tags AWS adds to the stack. */
  stackTags(
    target: LaunchTarget,
    provisioned: ProvisionedProductRecord,
    requested: Tag[],
    ctx: RequestContext,
  ): Tag[] {
    const merged = new Map<string, string>();
    for (const tag of [...target.product.tags, ...requested]) {
      merged.set(tag.Key, tag.Value);
    }
    merged.set('aws:servicecatalog:portfolioArn', target.path.portfolio.arn);
    merged.set('aws:servicecatalog:productArn', target.product.arn);
    merged.set('aws:servicecatalog:provisionedProductArn', provisioned.arn);
    merged.set(
      'aws:servicecatalog:provisioningArtifactIdentifier',
      target.artifact.id,
    );
    merged.set(
      'aws:servicecatalog:provisioningPrincipalArn',
      this.callerArn(ctx),
    );
    return [...merged].map(([Key, Value]) => ({ Key, Value }));
  }

  callerArn(ctx: RequestContext): string {
    return `arn:aws:iam::${ctx.accountId}:root`;
  }

  newProvisionedProduct(
    name: string,
    target: LaunchTarget,
    token: string,
    tags: Tag[],
    ctx: RequestContext,
  ): ProvisionedProductRecord {
    const id = catalogId('pp');
    return this.store.provisionedProducts.set(id, {
      id,
      arn: `arn:aws:servicecatalog:${ctx.region}:${ctx.accountId}:stack/${name}/${id}`,
      name,
      productId: target.product.id,
      artifactId: target.artifact.id,
      pathId: target.path.id,
      stackName: `SC-${ctx.accountId}-${id}`,
      createdTime: this.now(),
      idempotencyToken: token,
      lastRecordId: '',
      lastProvisioningRecordId: '',
      tags,
      parameters: {},
      userArn: this.callerArn(ctx),
      launchRoleArn: this.store.launchRoleArn(target.path),
    });
  }

  newRecord(
    type: RecordType,
    provisioned: ProvisionedProductRecord,
    target: LaunchTarget,
    tags: Tag[],
    token?: string,
  ): ProvisioningRecord {
    const id = catalogId('rec');
    const record = this.store.records.set(id, {
      id,
      type,
      provisionedProductId: provisioned.id,
      provisionedProductName: provisioned.name,
      productId: target.product.id,
      artifactId: target.artifact.id,
      pathId: target.path.id,
      stackId: provisioned.stackId,
      createdTime: this.now(),
      updatedTime: this.now(),
      status: 'IN_PROGRESS',
      errors: [],
      tags,
      token,
    });
    provisioned.lastRecordId = id;
    if (type !== 'TERMINATE_PROVISIONED_PRODUCT') {
      provisioned.lastProvisioningRecordId = id;
    }
    return record;
  }

  /** Marks a record failed because CloudFormation refused the operation outright. */
  failRecord(record: ProvisioningRecord, error: unknown): void {
    const code = {
      PROVISION_PRODUCT: 'CREATE_FAILED',
      UPDATE_PROVISIONED_PRODUCT: 'UPDATE_FAILED',
      TERMINATE_PROVISIONED_PRODUCT: 'DELETE_FAILED',
    }[record.type];
    record.status = 'FAILED';
    record.updatedTime = this.now();
    record.errors = [{ Code: code, Description: (error as Error).message }];
  }

  async settle(
    provisioned: ProvisionedProductRecord,
    ctx: RequestContext,
  ): Promise<ProvisionedProductStatus> {
    const lastRecord = provisioned.lastRecordId
      ? this.store.records.get(provisioned.lastRecordId)
      : undefined;
    if (lastRecord) {
      await settleRecord(lastRecord, provisioned, ctx, this.now());
    }
    return provisionedProductStatus(provisioned, lastRecord);
  }

  /** Refuses a change while the product is still changing, as AWS does. */
  async requireStable(
    provisioned: ProvisionedProductRecord,
    ctx: RequestContext,
  ): Promise<void> {
    const status = await this.settle(provisioned, ctx);
    if (
      status.status === 'UNDER_CHANGE' ||
      status.status === 'PLAN_IN_PROGRESS'
    ) {
      throw invalidState(
        `Provisioned product ${provisioned.id} is in ${status.status} state and cannot be changed now.`,
      );
    }
  }
}
