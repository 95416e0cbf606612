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
import { requireEnum, requireMembers } from '../../server/validation';
import { scheduleStatuses } from '../../state';
import {
  inUse,
  liveRecord,
  liveRecords,
  listPage,
  notFound,
  recordKey,
  requireName,
  requireTags,
  SageMakerRecord,
  sageMakerArn,
  times,
  withoutTags,
  inDomain,
} from './common';
import { findDomain } from './domains';
import { findSpace } from './spaces';
import { findUserProfile } from './userProfiles';
import type { SageMakerDeps } from './tables';

export const APP_TYPES = [
  'JupyterServer',
  'KernelGateway',
  'DetailedProfiler',
  'TensorBoard',
  'CodeEditor',
  'JupyterLab',
  'RStudioServerPro',
  'RSessionGateway',
  'Canvas',
] as const;

function ownerOf(input: Record<string, any>): {
  kind: 'user-profile' | 'space';
  name: string;
} {
  const { UserProfileName, SpaceName } = input;
  if (Boolean(UserProfileName) === Boolean(SpaceName)) {
    throw new AwsError(
      'ValidationException',
      'Exactly one of UserProfileName and SpaceName must be specified',
    );
  }
  return UserProfileName
    ? { kind: 'user-profile', name: UserProfileName }
    : { kind: 'space', name: SpaceName };
}

function appKey(ctx: RequestContext, input: Record<string, any>) {
  const owner = ownerOf(input);
  return recordKey(
    ctx,
    input.DomainId,
    owner.kind,
    owner.name,
    input.AppType,
    input.AppName,
  );
}

/**
 * The resource spec an app runs with: the one given, with the image (and
 * instance type) it lacks taken from the `DefaultResourceSpec` of the
 * owner's app settings for the app type, then the domain's defaults for
 * spaces or users, as DescribeApp reports it in AWS.
 */
function effectiveResourceSpec(
  input: Record<string, any>,
  ownerSettings: Record<string, any> | undefined,
  domainSettings: Record<string, any> | undefined,
): Record<string, any> | undefined {
  const key = `${input.AppType}AppSettings`;
  const defaults = {
    ...domainSettings?.[key]?.DefaultResourceSpec,
    ...ownerSettings?.[key]?.DefaultResourceSpec,
  };
  const given = input.ResourceSpec ?? {};
  if (given.SageMakerImageArn || given.SageMakerImageVersionArn) {
    return input.ResourceSpec;
  }
  const spec = { ...defaults, ...given };
  return Object.keys(spec).length > 0 ? spec : undefined;
}

function describeApp(record: SageMakerRecord) {
  return {
    AppArn: record.arn,
    AppType: record.input.AppType,
    AppName: record.name,
    DomainId: record.extra.DomainId,
    UserProfileName: record.input.UserProfileName,
    SpaceName: record.input.SpaceName,
    Status: record.status,
    ResourceSpec: record.extra.ResourceSpec ??
      record.input.ResourceSpec ?? { InstanceType: 'system' },
    CreationTime: new Date(record.creationTime),
    LastHealthCheckTimestamp: times(record).LastModifiedTime,
    LastUserActivityTimestamp: times(record).LastModifiedTime,
  };
}

export function createAppOperations(
  deps: SageMakerDeps,
): Record<string, OperationHandler> {
  const { env, tables } = deps;
  const now = () => env.clock.now();

  function findApp(ctx: RequestContext, input: Record<string, any>) {
    requireMembers(input, ['DomainId', 'AppType', 'AppName']);
    const record = liveRecord(tables.apps, appKey(ctx, input), now());
    if (!record) {
      throw notFound(
        `App ${input.AppType}/${input.AppName} does not exist in domain ${input.DomainId}`,
      );
    }
    return record;
  }

  return {
    CreateApp: (input, ctx) => {
      requireMembers(input, ['DomainId', 'AppType', 'AppName']);
      requireName(input, 'AppName');
      requireEnum(input, 'AppType', APP_TYPES);
      requireTags(input.Tags);
      const domain = findDomain(deps, ctx, input.DomainId);
      const owner = ownerOf(input);
      const resourceSpec =
        owner.kind === 'user-profile'
          ? effectiveResourceSpec(
              input,
              findUserProfile(deps, ctx, input.DomainId, owner.name).input
                .UserSettings,
              domain.input.DefaultUserSettings,
            )
          : effectiveResourceSpec(
              input,
              findSpace(deps, ctx, input.DomainId, owner.name).input
                .SpaceSettings,
              domain.input.DefaultSpaceSettings,
            );
      const key = appKey(ctx, input);
      const existing = liveRecord(tables.apps, key, now());
      if (
        existing &&
        existing.status !== 'Deleted' &&
        existing.status !== 'Failed'
      ) {
        throw inUse(`App ${existing.arn} already exists`);
      }
      const time = now();
      const record: SageMakerRecord = {
        arn: sageMakerArn(
          ctx,
          'app',
          `${input.DomainId}/${owner.name}/${input.AppType}/${input.AppName}`,
        ),
        name: input.AppName,
        account: ctx.accountId,
        region: ctx.region,
        status: 'Pending',
        creationTime: time,
        lastModifiedTime: time,
        input: withoutTags(input),
        tags: input.Tags ?? [],
        extra: { DomainId: input.DomainId, ResourceSpec: resourceSpec },
      };
      scheduleStatuses(record, time, [['InService', env.settings.delayMs]]);
      tables.apps.set(key, record);
      return { AppArn: record.arn };
    },

    DescribeApp: (input, ctx) => describeApp(findApp(ctx, input)),

    ListApps: (input, ctx) => {
      const apps = liveRecords(tables.apps, ctx, now()).filter(
        record =>
          inDomain(input.DomainIdEquals)(record) &&
          (!input.UserProfileNameEquals ||
            record.input.UserProfileName === input.UserProfileNameEquals) &&
          (!input.SpaceNameEquals ||
            record.input.SpaceName === input.SpaceNameEquals),
      );
      const page = listPage(apps, {
        SortOrder: input.SortOrder,
        NextToken: input.NextToken,
        MaxResults: input.MaxResults,
      });
      return {
        Apps: page.items.map(record => {
          const {
            AppArn: _arn,
            LastHealthCheckTimestamp: _health,
            LastUserActivityTimestamp: _activity,
            ...summary
          } = describeApp(record);
          return summary;
        }),
        NextToken: page.nextToken,
      };
    },

    DeleteApp: (input, ctx) => {
      const record = findApp(ctx, input);
      if (record.status === 'Deleted' || record.status === 'Deleting') {
        throw inUse(
          `App ${record.arn} is already ${record.status.toLowerCase()}`,
        );
      }
      scheduleStatuses(record, now(), [
        ['Deleting', 0],
        ['Deleted', env.settings.delayMs],
      ]);
      return {};
    },
  };
}
