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

import { paginate } from '../../server/pagination';
import { RequestContext } from '../../server/types';
import { PAGE, tagsOf } from './common';
import {
  catalogId,
  duplicate,
  invalidParameters,
  invalidState,
  requireInput,
} from './errors';
import { LAUNCH_CAPABILITIES } from './Provisioner';
import { CatalogOperation, CatalogSession } from './session';
import { settleRecord } from './recordStatus';
import { recordDetail } from './shapes';
import { PlanRecord } from './types';

const EXECUTION_STATUS: Record<string, string> = {
  SUCCEEDED: 'EXECUTE_SUCCESS',
  FAILED: 'EXECUTE_FAILED',
};

const REQUIRES_RECREATION: Record<string, string> = {
  True: 'ALWAYS',
  False: 'NEVER',
  Conditional: 'CONDITIONALLY',
};

/** A CloudFormation change as a Service Catalog resource change (upper-case enums). */
function toResourceChange(change: any) {
  const resource = change.ResourceChange;
  return {
    Action: String(resource.Action).toUpperCase(),
    LogicalResourceId: resource.LogicalResourceId,
    PhysicalResourceId: resource.PhysicalResourceId,
    ResourceType: resource.ResourceType,
    Replacement: resource.Replacement
      ? String(resource.Replacement).toUpperCase()
      : undefined,
    Scope: (resource.Scope ?? []).map((scope: string) => scope.toUpperCase()),
    Details: (resource.Details ?? []).map((detail: any) => ({
      Target: {
        Attribute: String(detail.Target.Attribute).toUpperCase(),
        Name: detail.Target.Name,
        RequiresRecreation:
          REQUIRES_RECREATION[resource.Replacement] ?? 'NEVER',
      },
      Evaluation: String(detail.Evaluation).toUpperCase(),
      CausingEntity: detail.CausingEntity,
    })),
  };
}

/** Provisioned-product plans: review the resource changes of a launch or update before running it. */
export function planOperations(): Record<string, CatalogOperation> {
  async function changeSetOf(
    plan: PlanRecord,
    ctx: RequestContext,
  ): Promise<any | undefined> {
    if (!plan.changeSetId) {
      return undefined;
    }
    try {
      return await ctx.invoke('cloudformation', 'DescribeChangeSet', {
        ChangeSetName: plan.changeSetId,
      });
    } catch {
      return undefined;
    }
  }

  /** Brings the plan's status up to date with its change set or its execution record. */
  async function settlePlan(
    plan: PlanRecord,
    ctx: RequestContext,
    { store, provisioner }: CatalogSession,
  ): Promise<any | undefined> {
    if (plan.executionRecordId) {
      const record = store.records.get(plan.executionRecordId);
      if (record) {
        await settleRecord(
          record,
          store.provisionedProducts.get(record.provisionedProductId),
          ctx,
          provisioner.now(),
        );
        plan.status = EXECUTION_STATUS[record.status] ?? 'EXECUTE_IN_PROGRESS';
        plan.statusMessage = record.errors[0]?.Description;
      }
      return undefined;
    }
    const changeSet = await changeSetOf(plan, ctx);
    if (changeSet && plan.status !== 'CREATE_FAILED') {
      if (changeSet.Status === 'CREATE_COMPLETE') {
        plan.status = 'CREATE_SUCCESS';
      } else if (changeSet.Status === 'FAILED') {
        plan.status = 'CREATE_FAILED';
        plan.statusMessage = changeSet.StatusReason;
      } else {
        plan.status = 'CREATE_IN_PROGRESS';
      }
    }
    return changeSet;
  }

  function planDetails(plan: PlanRecord) {
    return {
      CreatedTime: new Date(plan.createdTime),
      PathId: plan.pathId,
      ProductId: plan.productId,
      PlanName: plan.name,
      PlanId: plan.id,
      ProvisionProductId: plan.provisionedProductId,
      ProvisionProductName: plan.provisionedProductName,
      PlanType: 'CLOUDFORMATION',
      ProvisioningArtifactId: plan.artifactId,
      Status: plan.status,
      UpdatedTime: new Date(plan.updatedTime),
      NotificationArns: plan.notificationArns,
      ProvisioningParameters: plan.parameters,
      Tags: plan.tags,
      StatusMessage: plan.statusMessage,
    };
  }

  function planSummary(plan: PlanRecord) {
    return {
      PlanName: plan.name,
      PlanId: plan.id,
      ProvisionProductId: plan.provisionedProductId,
      ProvisionProductName: plan.provisionedProductName,
      PlanType: 'CLOUDFORMATION',
      ProvisioningArtifactId: plan.artifactId,
    };
  }

  return {
    async CreateProvisionedProductPlan(input, ctx, { store, provisioner }) {
      requireInput(
        input,
        'PlanName',
        'PlanType',
        'ProductId',
        'ProvisionedProductName',
        'ProvisioningArtifactId',
        'IdempotencyToken',
      );
      if (input.PlanType !== 'CLOUDFORMATION') {
        throw invalidParameters('PlanType must be CLOUDFORMATION');
      }
      const repeated = store.plans
        .values()
        .find(plan => plan.idempotencyToken === input.IdempotencyToken);
      if (repeated) {
        return {
          ...planSummary(repeated),
          ProvisionedProductName: repeated.provisionedProductName,
        };
      }
      const existing = store.provisionedProducts
        .values()
        .find(
          product =>
            product.name === input.ProvisionedProductName &&
            !product.terminated,
        );
      if (existing?.planId && !existing.lastRecordId) {
        throw duplicate(
          `A plan already holds the provisioned product name ${input.ProvisionedProductName}: ${existing.planId}`,
        );
      }
      if (existing) {
        await provisioner.requireStable(existing, ctx);
      } else {
        provisioner.checkNewName(input.ProvisionedProductName);
      }
      const target = provisioner.resolveTarget(input, existing);
      provisioner.validateParameters(
        target.artifact,
        input.ProvisioningParameters,
        existing?.parameters,
      );
      const tags = tagsOf(input.Tags);
      const provisioned =
        existing ??
        provisioner.newProvisionedProduct(
          input.ProvisionedProductName,
          target,
          input.IdempotencyToken,
          tags,
          ctx,
        );
      const id = catalogId('');
      if (!existing) {
        provisioned.planId = id;
      }
      const plan = store.plans.set(id, {
        id,
        name: input.PlanName,
        provisionedProductId: provisioned.id,
        provisionedProductName: provisioned.name,
        productId: target.product.id,
        artifactId: target.artifact.id,
        pathId: target.path.id,
        parameters: input.ProvisioningParameters ?? [],
        tags,
        notificationArns: input.NotificationArns ?? [],
        status: 'CREATE_IN_PROGRESS',
        createdTime: provisioner.now(),
        updatedTime: provisioner.now(),
        idempotencyToken: input.IdempotencyToken,
      });
      try {
        const created = await ctx.invoke('cloudformation', 'CreateChangeSet', {
          StackName: existing?.stackId ?? provisioned.stackName,
          ChangeSetName: `sc-plan-${id}`,
          ChangeSetType: existing ? 'UPDATE' : 'CREATE',
          ...provisioner.templateSource(target.artifact),
          Parameters: provisioner.toStackParameters(
            input.ProvisioningParameters,
          ),
          Capabilities: LAUNCH_CAPABILITIES,
          Tags: provisioner.stackTags(
            target,
            provisioned,
            existing ? provisioned.tags : tags,
            ctx,
          ),
          RoleARN: provisioned.launchRoleArn,
        });
        plan.changeSetId = created.Id;
        await settlePlan(plan, ctx, { store, provisioner });
      } catch (error) {
        plan.status = 'CREATE_FAILED';
        plan.statusMessage = (error as Error).message;
      }
      return {
        ...planSummary(plan),
        ProvisionedProductName: plan.provisionedProductName,
      };
    },

    async DescribeProvisionedProductPlan(input, ctx, { store, provisioner }) {
      requireInput(input, 'PlanId');
      const plan = store.requirePlan(input.PlanId);
      const changeSet = await settlePlan(plan, ctx, { store, provisioner });
      const changes =
        plan.status === 'CREATE_SUCCESS' && changeSet
          ? (changeSet.Changes ?? []).map(toResourceChange)
          : [];
      const page = paginate(changes, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        ProvisionedProductPlanDetails: planDetails(plan),
        ResourceChanges: page.items,
        NextPageToken: page.nextToken,
      };
    },

    async ExecuteProvisionedProductPlan(input, ctx, { store, provisioner }) {
      requireInput(input, 'PlanId', 'IdempotencyToken');
      const plan = store.requirePlan(input.PlanId);
      if (plan.executionRecordId) {
        return {
          RecordDetail: recordDetail(
            store.requireRecord(plan.executionRecordId),
          ),
        };
      }
      await settlePlan(plan, ctx, { store, provisioner });
      if (plan.status !== 'CREATE_SUCCESS') {
        throw invalidState(
          `Plan ${plan.id} is in ${plan.status} state and cannot be executed.`,
        );
      }
      const provisioned = store.requireProvisionedProduct(
        plan.provisionedProductId,
      );
      const target = provisioner.resolveTarget(
        {
          ProductId: plan.productId,
          ProvisioningArtifactId: plan.artifactId,
          PathId: plan.pathId,
        },
        provisioned,
      );
      const isNew = !provisioned.lastRecordId;
      const record = provisioner.newRecord(
        isNew ? 'PROVISION_PRODUCT' : 'UPDATE_PROVISIONED_PRODUCT',
        provisioned,
        target,
        plan.tags,
        input.IdempotencyToken,
      );
      plan.executionRecordId = record.id;
      plan.updatedTime = provisioner.now();
      try {
        await ctx.invoke('cloudformation', 'ExecuteChangeSet', {
          ChangeSetName: plan.changeSetId,
        });
        const stack = (
          await ctx.invoke('cloudformation', 'DescribeStacks', {
            StackName: provisioned.stackId ?? provisioned.stackName,
          })
        ).Stacks[0];
        provisioned.stackId = stack.StackId;
        record.stackId = stack.StackId;
        provisioned.parameters = provisioner.validateParameters(
          target.artifact,
          plan.parameters,
          provisioned.parameters,
        );
        await settlePlan(plan, ctx, { store, provisioner });
      } catch (error) {
        provisioner.failRecord(record, error);
        await settlePlan(plan, ctx, { store, provisioner });
      }
      return { RecordDetail: recordDetail(record) };
    },

    async DeleteProvisionedProductPlan(input, ctx, { store }) {
      requireInput(input, 'PlanId');
      const plan = store.requirePlan(input.PlanId);
      if (plan.changeSetId && !plan.executionRecordId) {
        try {
          await ctx.invoke('cloudformation', 'DeleteChangeSet', {
            ChangeSetName: plan.changeSetId,
          });
        } catch {
          // The change set may already be gone (e.g. obsolete after another execution).
        }
      }
      const provisioned = store.provisionedProducts.get(
        plan.provisionedProductId,
      );
      if (
        provisioned &&
        provisioned.planId === plan.id &&
        !provisioned.lastRecordId
      ) {
        store.provisionedProducts.delete(provisioned.id);
      }
      store.plans.delete(plan.id);
      return {};
    },

    ListProvisionedProductPlans(input, _ctx, { store }) {
      const plans = store.plans
        .values()
        .filter(
          plan =>
            !input.ProvisionProductId ||
            plan.provisionedProductId === input.ProvisionProductId,
        );
      const page = paginate(plans, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        ProvisionedProductPlans: page.items.map(planSummary),
        NextPageToken: page.nextToken,
      };
    },
  };
}
