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

import { parseTemplate } from '../../cloudformation/engine/parseTemplate';
import { paginate } from '../../server/pagination';
import { RequestContext } from '../../server/types';
import { PAGE, tagsOf } from './common';
import { CatalogStore } from './CatalogStore';
import { requireInput } from './errors';
import { LAUNCH_CAPABILITIES } from './Provisioner';
import { CatalogOperation, CatalogSession } from './session';
import { describeStack, settleRecord } from './recordStatus';
import {
  constraintSummary,
  provisionedProductDetail,
  recordDetail,
} from './shapes';
import { ProvisionedProductRecord } from './types';

const SEARCH_PAGE = { ...PAGE, maxPageSize: 100 };

async function stackOutputs(
  ctx: RequestContext,
  provisioned: ProvisionedProductRecord,
) {
  if (!provisioned.stackId) {
    return [];
  }
  const stack = await describeStack(ctx, provisioned.stackId);
  return (stack.Outputs ?? []).map((output: any) => ({
    OutputKey: output.OutputKey,
    OutputValue: output.OutputValue,
    Description: output.Description,
  }));
}

function compareValues(left: unknown, right: unknown): number {
  if (left instanceof Date && right instanceof Date) {
    return left.getTime() - right.getTime();
  }
  return String(left ?? '').localeCompare(String(right ?? ''));
}

/** `SearchProvisionedProducts` filters: `key:value` terms match a field, bare terms match the name. */
function matchesQuery(
  attributes: Record<string, unknown>,
  query: string,
): boolean {
  const colon = query.indexOf(':');
  if (colon > 0) {
    const key = query.slice(0, colon);
    const value = query.slice(colon + 1);
    const field = Object.entries(attributes).find(
      ([name]) => name.toLowerCase() === key.toLowerCase(),
    );
    if (field) {
      return String(field[1] ?? '') === value;
    }
  }
  return String(attributes.Name ?? '')
    .toLowerCase()
    .includes(query.toLowerCase());
}

/** Launching, updating and terminating products, and reading what was launched. */
export function provisioningOperations(): Record<string, CatalogOperation> {
  async function provisionedAttributes(
    provisioned: ProvisionedProductRecord,
    ctx: RequestContext,
    { store, provisioner }: CatalogSession,
  ) {
    const status = await provisioner.settle(provisioned, ctx);
    const product = store.products.get(provisioned.productId);
    const artifact = product?.artifacts.find(
      candidate => candidate.id === provisioned.artifactId,
    );
    return {
      ...provisionedProductDetail(provisioned, status),
      Tags: provisioned.tags,
      PhysicalId: provisioned.stackId,
      ProductName: product?.name,
      ProvisioningArtifactName: artifact?.name,
      UserArn: provisioned.userArn,
      UserArnSession: provisioned.userArn,
    };
  }

  function liveProvisionedProducts(
    store: CatalogStore,
  ): ProvisionedProductRecord[] {
    return store.provisionedProducts
      .values()
      .filter(
        product =>
          !product.terminated && !(product.planId && !product.lastRecordId),
      );
  }

  return {
    DescribeProvisioningParameters(input, _ctx, { store }) {
      const product = store.requireProduct(input.ProductId, input.ProductName);
      const artifact = store.requireArtifact(
        product,
        input.ProvisioningArtifactId,
        input.ProvisioningArtifactName,
      );
      const path = store.requireLaunchPath(
        product,
        input.PathId,
        input.PathName,
      );
      const template = parseTemplate(artifact.templateBody);
      return {
        ProvisioningArtifactParameters: Object.entries(
          template.Parameters ?? {},
        ).map(([key, declaration]) => ({
          ParameterKey: key,
          DefaultValue:
            declaration.Default === undefined
              ? undefined
              : String(declaration.Default),
          ParameterType: declaration.Type,
          IsNoEcho:
            declaration.NoEcho === true || declaration.NoEcho === 'true',
          Description: declaration.Description,
          ParameterConstraints: {
            AllowedValues: (declaration.AllowedValues ?? []).map(String),
            AllowedPattern: declaration.AllowedPattern,
            ConstraintDescription: declaration.ConstraintDescription,
            MaxLength:
              declaration.MaxLength === undefined
                ? undefined
                : String(declaration.MaxLength),
            MinLength:
              declaration.MinLength === undefined
                ? undefined
                : String(declaration.MinLength),
            MaxValue:
              declaration.MaxValue === undefined
                ? undefined
                : String(declaration.MaxValue),
            MinValue:
              declaration.MinValue === undefined
                ? undefined
                : String(declaration.MinValue),
          },
        })),
        ConstraintSummaries: path.constraints.map(constraintSummary),
        UsageInstructions: [
          {
            Type: 'version',
            Value: template.AWSTemplateFormatVersion ?? '2010-09-09',
          },
        ],
        TagOptions: [],
        ProvisioningArtifactPreferences: {},
        ProvisioningArtifactOutputs: Object.entries(template.Outputs ?? {}).map(
          ([key, output]) => ({
            Key: key,
            Description:
              typeof output.Description === 'string'
                ? output.Description
                : undefined,
          }),
        ),
        ProvisioningArtifactOutputKeys: Object.entries(
          template.Outputs ?? {},
        ).map(([key, output]) => ({
          Key: key,
          Description:
            typeof output.Description === 'string'
              ? output.Description
              : undefined,
        })),
      };
    },

    async ProvisionProduct(input, ctx, { store, provisioner }) {
      requireInput(input, 'ProvisionedProductName', 'ProvisionToken');
      const repeated = store.records
        .values()
        .find(
          record =>
            record.type === 'PROVISION_PRODUCT' &&
            record.token === input.ProvisionToken,
        );
      if (repeated) {
        return { RecordDetail: recordDetail(repeated) };
      }
      const target = provisioner.resolveTarget(input);
      provisioner.checkNewName(input.ProvisionedProductName);
      const values = provisioner.validateParameters(
        target.artifact,
        input.ProvisioningParameters,
      );
      const requestedTags = tagsOf(input.Tags);
      const provisioned = provisioner.newProvisionedProduct(
        input.ProvisionedProductName,
        target,
        input.ProvisionToken,
        requestedTags,
        ctx,
      );
      provisioned.parameters = values;
      const record = provisioner.newRecord(
        'PROVISION_PRODUCT',
        provisioned,
        target,
        requestedTags,
        input.ProvisionToken,
      );
      try {
        const created = await ctx.invoke('cloudformation', 'CreateStack', {
          StackName: provisioned.stackName,
          ...provisioner.templateSource(target.artifact),
          Parameters: provisioner.toStackParameters(
            input.ProvisioningParameters,
          ),
          Capabilities: LAUNCH_CAPABILITIES,
          Tags: provisioner.stackTags(target, provisioned, requestedTags, ctx),
          RoleARN: provisioned.launchRoleArn,
          NotificationARNs: input.NotificationArns ?? [],
        });
        provisioned.stackId = created.StackId;
        record.stackId = created.StackId;
        await settleRecord(record, provisioned, ctx, provisioner.now());
      } catch (error) {
        provisioner.failRecord(record, error);
      }
      return { RecordDetail: recordDetail(record) };
    },

    async UpdateProvisionedProduct(input, ctx, { store, provisioner }) {
      requireInput(input, 'UpdateToken');
      const repeated = store.records
        .values()
        .find(
          record =>
            record.type === 'UPDATE_PROVISIONED_PRODUCT' &&
            record.token === input.UpdateToken,
        );
      if (repeated) {
        return { RecordDetail: recordDetail(repeated) };
      }
      const provisioned = store.requireProvisionedProduct(
        input.ProvisionedProductId,
        input.ProvisionedProductName,
      );
      await provisioner.requireStable(provisioned, ctx);
      const target = provisioner.resolveTarget(input, provisioned);
      const values = provisioner.validateParameters(
        target.artifact,
        input.ProvisioningParameters,
        provisioned.parameters,
      );
      const requestedTags =
        input.Tags === undefined ? provisioned.tags : tagsOf(input.Tags);
      const record = provisioner.newRecord(
        'UPDATE_PROVISIONED_PRODUCT',
        provisioned,
        target,
        requestedTags,
        input.UpdateToken,
      );
      if (!provisioned.stackId) {
        provisioner.failRecord(
          record,
          new Error(
            'The provisioned product has no stack to update; terminate it and provision again.',
          ),
        );
        return { RecordDetail: recordDetail(record) };
      }
      try {
        await ctx.invoke('cloudformation', 'UpdateStack', {
          StackName: provisioned.stackId,
          ...provisioner.templateSource(target.artifact),
          Parameters: provisioner.toStackParameters(
            input.ProvisioningParameters,
          ),
          Capabilities: LAUNCH_CAPABILITIES,
          Tags: provisioner.stackTags(target, provisioned, requestedTags, ctx),
        });
        provisioned.parameters = values;
        provisioned.tags = requestedTags;
        await settleRecord(record, provisioned, ctx, provisioner.now());
      } catch (error) {
        if ((error as Error).message === 'No updates are to be performed.') {
          record.status = 'SUCCEEDED';
          provisioned.lastSuccessfulProvisioningRecordId = record.id;
          provisioned.artifactId = target.artifact.id;
        } else {
          provisioner.failRecord(record, error);
        }
      }
      return { RecordDetail: recordDetail(record) };
    },

    async TerminateProvisionedProduct(input, ctx, { store, provisioner }) {
      requireInput(input, 'TerminateToken');
      const repeated = store.records
        .values()
        .find(
          record =>
            record.type === 'TERMINATE_PROVISIONED_PRODUCT' &&
            record.token === input.TerminateToken,
        );
      if (repeated) {
        return { RecordDetail: recordDetail(repeated) };
      }
      const provisioned = store.requireProvisionedProduct(
        input.ProvisionedProductId,
        input.ProvisionedProductName,
      );
      if (input.IgnoreErrors !== true) {
        await provisioner.requireStable(provisioned, ctx);
      }
      const target = provisioner.resolveTarget({}, provisioned);
      const record = provisioner.newRecord(
        'TERMINATE_PROVISIONED_PRODUCT',
        provisioned,
        target,
        provisioned.tags,
        input.TerminateToken,
      );
      if (!provisioned.stackId) {
        record.status = 'SUCCEEDED';
        provisioned.terminated = true;
        return { RecordDetail: recordDetail(record) };
      }
      try {
        await ctx.invoke('cloudformation', 'DeleteStack', {
          StackName: provisioned.stackId,
        });
        await settleRecord(record, provisioned, ctx, provisioner.now());
      } catch (error) {
        provisioner.failRecord(record, error);
      }
      return { RecordDetail: recordDetail(record) };
    },

    async DescribeRecord(input, ctx, { store, provisioner }) {
      requireInput(input, 'Id');
      const record = store.requireRecord(input.Id);
      const provisioned = store.provisionedProducts.get(
        record.provisionedProductId,
      );
      await settleRecord(record, provisioned, ctx, provisioner.now());
      const outputs =
        record.status === 'SUCCEEDED' &&
        record.type !== 'TERMINATE_PROVISIONED_PRODUCT' &&
        provisioned
          ? [
              ...(await stackOutputs(ctx, provisioned)),
              {
                OutputKey: 'CloudformationStackARN',
                OutputValue: provisioned.stackId,
                Description: 'The ARN of the launched CloudFormation stack',
              },
            ]
          : [];
      const page = paginate(outputs, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        RecordDetail: recordDetail(record),
        RecordOutputs: page.items,
        NextPageToken: page.nextToken,
      };
    },

    async DescribeProvisionedProduct(input, ctx, { store, provisioner }) {
      const provisioned = store.requireProvisionedProduct(input.Id, input.Name);
      const status = await provisioner.settle(provisioned, ctx);
      if (provisioned.terminated) {
        store.requireProvisionedProduct(provisioned.id);
      }
      return {
        ProvisionedProductDetail: provisionedProductDetail(provisioned, status),
        CloudWatchDashboards: [],
      };
    },

    async SearchProvisionedProducts(input, ctx, session) {
      const queries: string[] = input.Filters?.SearchQuery ?? [];
      const all = [];
      for (const provisioned of liveProvisionedProducts(session.store)) {
        const attributes = await provisionedAttributes(
          provisioned,
          ctx,
          session,
        );
        if (
          !provisioned.terminated &&
          queries.every(query => matchesQuery(attributes, query))
        ) {
          all.push(attributes);
        }
      }
      const sortKey =
        (
          {
            arn: 'Arn',
            id: 'Id',
            name: 'Name',
            lastRecordId: 'LastRecordId',
          } as Record<string, string>
        )[input.SortBy] ?? 'CreatedTime';
      all.sort((left: any, right: any) =>
        compareValues(left[sortKey], right[sortKey]),
      );
      if (input.SortOrder === 'DESCENDING') {
        all.reverse();
      }
      const page = paginate(all, {
        ...SEARCH_PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        ProvisionedProducts: page.items,
        TotalResultsCount: all.length,
        NextPageToken: page.nextToken,
      };
    },

    async ScanProvisionedProducts(input, ctx, { store, provisioner }) {
      const details = [];
      for (const provisioned of liveProvisionedProducts(store)) {
        const status = await provisioner.settle(provisioned, ctx);
        if (!provisioned.terminated) {
          details.push(provisionedProductDetail(provisioned, status));
        }
      }
      const page = paginate(details, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return { ProvisionedProducts: page.items, NextPageToken: page.nextToken };
    },

    async GetProvisionedProductOutputs(input, ctx, { store, provisioner }) {
      const provisioned = store.requireProvisionedProduct(
        input.ProvisionedProductId,
        input.ProvisionedProductName,
      );
      await provisioner.settle(provisioned, ctx);
      const keys: string[] | undefined = input.OutputKeys;
      const outputs = (await stackOutputs(ctx, provisioned)).filter(
        (output: any) => !keys || keys.includes(output.OutputKey),
      );
      const page = paginate(outputs, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return { Outputs: page.items, NextPageToken: page.nextToken };
    },

    async ListRecordHistory(input, ctx, { store, provisioner }) {
      const provisionedId =
        input.SearchFilter?.Key === 'provisionedproduct'
          ? input.SearchFilter.Value
          : undefined;
      const records = store.records
        .values()
        .filter(
          record =>
            !provisionedId || record.provisionedProductId === provisionedId,
        )
        .reverse();
      for (const record of records) {
        await settleRecord(
          record,
          store.provisionedProducts.get(record.provisionedProductId),
          ctx,
          provisioner.now(),
        );
      }
      const page = paginate(records, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        RecordDetails: page.items.map(recordDetail),
        NextPageToken: page.nextToken,
      };
    },
  };
}
