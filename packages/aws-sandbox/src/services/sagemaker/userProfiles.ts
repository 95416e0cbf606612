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

import { OperationHandler, RequestContext } from '../../server/types';
import { requireMembers } from '../../server/validation';
import { scheduleStatuses } from '../../state';
import {
  inUse,
  liveRecord,
  liveRecords,
  listPage,
  recordKey,
  REMOVED,
  requireName,
  requireRoleArn,
  requireTags,
  SageMakerRecord,
  sageMakerArn,
  times,
  withoutTags,
  findInDomain,
  inDomain,
} from './common';
import { findDomain } from './domains';
import type { SageMakerDeps } from './tables';

/** The caller's user profile, or AWS's ResourceNotFound error. */
export function findUserProfile(
  deps: SageMakerDeps,
  ctx: RequestContext,
  domainId: unknown,
  name: unknown,
) {
  return findInDomain(deps.tables.userProfiles, ctx, deps.env.clock.now(), {
    label: 'User profile',
    arnType: 'user-profile',
    domainId,
    name,
  });
}

function hasLiveApps(
  deps: SageMakerDeps,
  ctx: RequestContext,
  record: SageMakerRecord,
) {
  return liveRecords(deps.tables.apps, ctx, deps.env.clock.now()).some(
    app =>
      app.extra.DomainId === record.extra.DomainId &&
      app.input.UserProfileName === record.name &&
      app.status !== 'Deleted' &&
      app.status !== 'Failed',
  );
}

export function createUserProfileOperations(
  deps: SageMakerDeps,
): Record<string, OperationHandler> {
  const { env, tables } = deps;
  const now = () => env.clock.now();

  return {
    CreateUserProfile: (input, ctx) => {
      requireMembers(input, ['DomainId', 'UserProfileName']);
      requireName(input, 'UserProfileName');
      requireRoleArn(input.UserSettings ?? {}, 'ExecutionRole', false);
      requireTags(input.Tags);
      findDomain(deps, ctx, input.DomainId);
      const key = recordKey(ctx, input.DomainId, input.UserProfileName);
      if (liveRecord(tables.userProfiles, key, now())) {
        throw inUse(
          `User profile ${input.UserProfileName} already exists in domain ${input.DomainId}`,
        );
      }
      const time = now();
      const record: SageMakerRecord = {
        arn: sageMakerArn(
          ctx,
          'user-profile',
          `${input.DomainId}/${input.UserProfileName}`,
        ),
        name: input.UserProfileName,
        account: ctx.accountId,
        region: ctx.region,
        status: 'Pending',
        creationTime: time,
        lastModifiedTime: time,
        input: withoutTags(input),
        tags: input.Tags ?? [],
        extra: {
          DomainId: input.DomainId,
          HomeEfsFileSystemUid: String(200000 + tables.userProfiles.size),
        },
      };
      scheduleStatuses(record, time, [['InService', env.settings.delayMs]]);
      tables.userProfiles.set(key, record);
      return { UserProfileArn: record.arn };
    },

    DescribeUserProfile: (input, ctx) => {
      requireMembers(input, ['DomainId', 'UserProfileName']);
      const record = findUserProfile(
        deps,
        ctx,
        input.DomainId,
        input.UserProfileName,
      );
      return {
        ...record.input,
        UserProfileArn: record.arn,
        HomeEfsFileSystemUid: record.extra.HomeEfsFileSystemUid,
        Status: record.status,
        ...times(record),
      };
    },

    ListUserProfiles: (input, ctx) => {
      const profiles = liveRecords(tables.userProfiles, ctx, now()).filter(
        inDomain(input.DomainIdEquals),
      );
      const page = listPage(profiles, {
        NameContains: input.UserProfileNameContains,
        SortBy:
          input.SortBy === 'LastModifiedTime'
            ? 'LastModifiedTime'
            : 'CreationTime',
        SortOrder: input.SortOrder,
        NextToken: input.NextToken,
        MaxResults: input.MaxResults,
      });
      return {
        UserProfiles: page.items.map(record => ({
          DomainId: record.extra.DomainId,
          UserProfileName: record.name,
          Status: record.status,
          ...times(record),
        })),
        NextToken: page.nextToken,
      };
    },

    UpdateUserProfile: (input, ctx) => {
      requireMembers(input, ['DomainId', 'UserProfileName']);
      requireRoleArn(input.UserSettings ?? {}, 'ExecutionRole', false);
      const record = findUserProfile(
        deps,
        ctx,
        input.DomainId,
        input.UserProfileName,
      );
      if (record.status !== 'InService' && record.status !== 'Update_Failed') {
        throw inUse(
          `User profile ${record.arn} is in status ${record.status} and cannot be updated`,
        );
      }
      record.input.UserSettings = {
        ...record.input.UserSettings,
        ...input.UserSettings,
      };
      record.status = 'Updating';
      record.lastModifiedTime = now();
      scheduleStatuses(record, now(), [['InService', env.settings.delayMs]]);
      return { UserProfileArn: record.arn };
    },

    DeleteUserProfile: (input, ctx) => {
      requireMembers(input, ['DomainId', 'UserProfileName']);
      const record = findUserProfile(
        deps,
        ctx,
        input.DomainId,
        input.UserProfileName,
      );
      if (hasLiveApps(deps, ctx, record)) {
        throw inUse(
          `User profile ${record.arn} has apps that are not deleted; delete them first`,
        );
      }
      if (record.status === 'Deleting') {
        throw inUse(`User profile ${record.arn} is already being deleted`);
      }
      scheduleStatuses(record, now(), [
        ['Deleting', 0],
        [REMOVED, env.settings.delayMs],
      ]);
      return {};
    },
  };
}
