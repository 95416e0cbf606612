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

import { AwsError, OperationHandler, RequestContext } from '../../server/types';
import {
  requireEnum,
  requireMembers,
  validationError,
} from '../../server/validation';
import { scheduleStatuses } from '../../state';
import {
  inUse,
  liveRecord,
  liveRecords,
  listPage,
  lowerCaseId,
  notFound,
  recordKey,
  REMOVED,
  requireName,
  requireRoleArn,
  requireTags,
  SageMakerRecord,
  sageMakerArn,
  times,
  withoutTags,
} from './common';
import type { SageMakerDeps } from './tables';

/** Studio domains per account and region; the real default quota is small too. */
export const MAX_DOMAINS_PER_REGION = 5;

const AUTH_MODES = ['SSO', 'IAM'] as const;
const APP_NETWORK_ACCESS_TYPES = ['PublicInternetOnly', 'VpcOnly'] as const;

function validateDomainInput(input: Record<string, any>, creating: boolean) {
  if (creating) {
    requireMembers(input, ['DomainName', 'AuthMode', 'DefaultUserSettings']);
    requireName(input, 'DomainName');
    requireEnum(input, 'AuthMode', AUTH_MODES);
    requireRoleArn(input.DefaultUserSettings, 'ExecutionRole', false);
  }
  requireEnum(input, 'AppNetworkAccessType', APP_NETWORK_ACCESS_TYPES);
  requireTags(input.Tags);
  if (
    input.SubnetIds !== undefined &&
    (!Array.isArray(input.SubnetIds) ||
      input.SubnetIds.length < 1 ||
      input.SubnetIds.length > 16)
  ) {
    throw validationError(
      'SubnetIds',
      input.SubnetIds,
      'Member must have length between 1 and 16',
    );
  }
  if (
    creating &&
    input.AppNetworkAccessType === 'VpcOnly' &&
    (!input.VpcId || !input.SubnetIds)
  ) {
    throw new AwsError(
      'ValidationException',
      'VpcId and SubnetIds are required when AppNetworkAccessType is VpcOnly',
    );
  }
}

export function describeDomain(record: SageMakerRecord) {
  const { Tags: _tags, DomainName, ...settings } = record.input;
  return {
    ...settings,
    DomainArn: record.arn,
    DomainId: record.extra.DomainId,
    DomainName,
    HomeEfsFileSystemId: record.extra.HomeEfsFileSystemId,
    SecurityGroupIdForDomainBoundary:
      record.extra.SecurityGroupIdForDomainBoundary,
    Status: record.status,
    AppNetworkAccessType:
      record.input.AppNetworkAccessType ?? 'PublicInternetOnly',
    AppSecurityGroupManagement:
      record.input.AppSecurityGroupManagement ?? 'Service',
    Url: record.extra.Url,
    ...times(record),
  };
}

/** The caller's domain, or the ResourceNotFound error AWS gives. */
export function findDomain(
  { env, tables }: SageMakerDeps,
  ctx: RequestContext,
  domainId: unknown,
): SageMakerRecord {
  const record =
    typeof domainId === 'string'
      ? liveRecord(tables.domains, recordKey(ctx, domainId), env.clock.now())
      : undefined;
  if (!record) {
    throw notFound(
      `Domain ${sageMakerArn(ctx, 'domain', String(domainId))} not found`,
    );
  }
  return record;
}

export function createDomainOperations(
  deps: SageMakerDeps,
): Record<string, OperationHandler> {
  const { env, tables } = deps;
  const { domains } = tables;
  const now = () => env.clock.now();
  const findOwnDomain = (ctx: RequestContext, domainId: unknown) =>
    findDomain(deps, ctx, domainId);

  function hasChildren(
    ctx: RequestContext,
    domainId: string,
  ): string | undefined {
    for (const [table, what] of [
      [tables.userProfiles, 'user profiles'],
      [tables.spaces, 'spaces'],
    ] as const) {
      if (
        liveRecords(table, ctx, now()).some(
          record => record.extra.DomainId === domainId,
        )
      ) {
        return what;
      }
    }
    return undefined;
  }

  return {
    CreateDomain: (input, ctx) => {
      validateDomainInput(input, true);
      const existing = liveRecords(domains, ctx, now());
      if (existing.length >= MAX_DOMAINS_PER_REGION) {
        throw new AwsError(
          'ResourceLimitExceeded',
          `The account-level service limit 'Maximum number of domains per region' is ${MAX_DOMAINS_PER_REGION} Domains, with current utilization of ${existing.length} Domains and a request delta of 1 Domains.`,
        );
      }
      if (existing.some(record => record.name === input.DomainName)) {
        throw inUse(`Domain with name ${input.DomainName} already exists`);
      }
      const domainId = `d-${lowerCaseId(12)}`;
      const time = now();
      const record: SageMakerRecord = {
        arn: sageMakerArn(ctx, 'domain', domainId),
        name: input.DomainName,
        account: ctx.accountId,
        region: ctx.region,
        status: 'Pending',
        creationTime: time,
        lastModifiedTime: time,
        input: withoutTags(input),
        tags: input.Tags ?? [],
        extra: {
          DomainId: domainId,
          Url: `https://${domainId}.studio.${ctx.region}.sagemaker.aws`,
          HomeEfsFileSystemId: `fs-${lowerCaseId(17)}`,
          SecurityGroupIdForDomainBoundary:
            input.AppNetworkAccessType === 'VpcOnly'
              ? `sg-${lowerCaseId(17)}`
              : undefined,
        },
      };
      scheduleStatuses(record, time, [['InService', env.settings.delayMs]]);
      domains.set(recordKey(ctx, domainId), record);
      return {
        DomainArn: record.arn,
        DomainId: domainId,
        Url: record.extra.Url,
      };
    },

    DescribeDomain: (input, ctx) => {
      requireMembers(input, ['DomainId']);
      return describeDomain(findOwnDomain(ctx, input.DomainId));
    },

    ListDomains: (input, ctx) => {
      const page = listPage(liveRecords(domains, ctx, now()), {
        SortBy: 'CreationTime',
        SortOrder: 'Ascending',
        NextToken: input.NextToken,
        MaxResults: input.MaxResults,
      });
      return {
        Domains: page.items.map(record => ({
          DomainArn: record.arn,
          DomainId: record.extra.DomainId,
          DomainName: record.name,
          Status: record.status,
          Url: record.extra.Url,
          ...times(record),
        })),
        NextToken: page.nextToken,
      };
    },

    UpdateDomain: (input, ctx) => {
      requireMembers(input, ['DomainId']);
      validateDomainInput(input, false);
      const record = findOwnDomain(ctx, input.DomainId);
      if (record.status !== 'InService' && record.status !== 'Update_Failed') {
        throw inUse(
          `Domain ${record.arn} is in status ${record.status} and cannot be updated`,
        );
      }
      const { DomainId: _domainId, DefaultUserSettings, ...changes } = input;
      record.input = {
        ...record.input,
        ...structuredClone(changes),
        DefaultUserSettings: {
          ...record.input.DefaultUserSettings,
          ...DefaultUserSettings,
        },
      };
      record.status = 'Updating';
      record.lastModifiedTime = now();
      scheduleStatuses(record, now(), [['InService', env.settings.delayMs]]);
      return { DomainArn: record.arn };
    },

    DeleteDomain: (input, ctx) => {
      requireMembers(input, ['DomainId']);
      const record = findOwnDomain(ctx, input.DomainId);
      const children = input.RetentionPolicy?.HomeEfsFileSystem
        ? undefined
        : hasChildren(ctx, input.DomainId);
      if (children) {
        throw inUse(
          `Domain ${record.arn} has ${children}; delete them before deleting the domain`,
        );
      }
      if (record.status === 'Deleting') {
        throw inUse(`Domain ${record.arn} is already being deleted`);
      }
      scheduleStatuses(record, now(), [
        ['Deleting', 0],
        [REMOVED, env.settings.delayMs],
      ]);
      return {};
    },
  };
}
