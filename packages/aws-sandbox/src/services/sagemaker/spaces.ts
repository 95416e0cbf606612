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
  requireTags,
  SageMakerRecord,
  sageMakerArn,
  times,
  withoutTags,
  findInDomain,
  inDomain,
} from './common';
import { findDomain } from './domains';
import { findUserProfile } from './userProfiles';
import type { SageMakerDeps } from './tables';

/** The caller's space, or AWS's ResourceNotFound error. */
export function findSpace(
  deps: SageMakerDeps,
  ctx: RequestContext,
  domainId: unknown,
  name: unknown,
) {
  return findInDomain(deps.tables.spaces, ctx, deps.env.clock.now(), {
    label: 'Space',
    arnType: 'space',
    domainId,
    name,
  });
}

function spaceSummary(record: SageMakerRecord) {
  const settings = record.input.SpaceSettings ?? {};
  return {
    DomainId: record.extra.DomainId,
    SpaceName: record.name,
    Status: record.status,
    SpaceDisplayName: record.input.SpaceDisplayName,
    SpaceSettingsSummary: settings.AppType
      ? { AppType: settings.AppType }
      : undefined,
    SpaceSharingSettingsSummary: record.input.SpaceSharingSettings,
    OwnershipSettingsSummary: record.input.OwnershipSettings,
    ...times(record),
  };
}

export function createSpaceOperations(
  deps: SageMakerDeps,
): Record<string, OperationHandler> {
  const { env, tables } = deps;
  const now = () => env.clock.now();

  return {
    CreateSpace: (input, ctx) => {
      requireMembers(input, ['DomainId', 'SpaceName']);
      requireName(input, 'SpaceName');
      requireTags(input.Tags);
      const domain = findDomain(deps, ctx, input.DomainId);
      const owner = input.OwnershipSettings?.OwnerUserProfileName;
      if (owner) {
        findUserProfile(deps, ctx, input.DomainId, owner);
      }
      const key = recordKey(ctx, input.DomainId, input.SpaceName);
      if (liveRecord(tables.spaces, key, now())) {
        throw inUse(
          `Space ${input.SpaceName} already exists in domain ${input.DomainId}`,
        );
      }
      const time = now();
      const record: SageMakerRecord = {
        arn: sageMakerArn(ctx, 'space', `${input.DomainId}/${input.SpaceName}`),
        name: input.SpaceName,
        account: ctx.accountId,
        region: ctx.region,
        status: 'Pending',
        creationTime: time,
        lastModifiedTime: time,
        input: withoutTags(input),
        tags: input.Tags ?? [],
        extra: {
          DomainId: input.DomainId,
          HomeEfsFileSystemUid: String(300000 + tables.spaces.size),
          Url: `${domain.extra.Url}/jupyterlab/default/spaces/${input.SpaceName}`,
        },
      };
      scheduleStatuses(record, time, [['InService', env.settings.delayMs]]);
      tables.spaces.set(key, record);
      return { SpaceArn: record.arn };
    },

    DescribeSpace: (input, ctx) => {
      requireMembers(input, ['DomainId', 'SpaceName']);
      const record = findSpace(deps, ctx, input.DomainId, input.SpaceName);
      return {
        ...record.input,
        SpaceArn: record.arn,
        HomeEfsFileSystemUid: record.extra.HomeEfsFileSystemUid,
        Url: record.extra.Url,
        Status: record.status,
        ...times(record),
      };
    },

    ListSpaces: (input, ctx) => {
      const spaces = liveRecords(tables.spaces, ctx, now()).filter(
        inDomain(input.DomainIdEquals),
      );
      const page = listPage(spaces, {
        NameContains: input.SpaceNameContains,
        SortOrder: input.SortOrder,
        NextToken: input.NextToken,
        MaxResults: input.MaxResults,
      });
      return {
        Spaces: page.items.map(spaceSummary),
        NextToken: page.nextToken,
      };
    },

    UpdateSpace: (input, ctx) => {
      requireMembers(input, ['DomainId', 'SpaceName']);
      const record = findSpace(deps, ctx, input.DomainId, input.SpaceName);
      record.input.SpaceSettings = {
        ...record.input.SpaceSettings,
        ...input.SpaceSettings,
      };
      if (input.SpaceDisplayName !== undefined) {
        record.input.SpaceDisplayName = input.SpaceDisplayName;
      }
      record.status = 'Updating';
      record.lastModifiedTime = now();
      scheduleStatuses(record, now(), [['InService', env.settings.delayMs]]);
      return { SpaceArn: record.arn };
    },

    DeleteSpace: (input, ctx) => {
      requireMembers(input, ['DomainId', 'SpaceName']);
      const record = findSpace(deps, ctx, input.DomainId, input.SpaceName);
      const hasApps = liveRecords(tables.apps, ctx, now()).some(
        app =>
          app.extra.DomainId === input.DomainId &&
          app.input.SpaceName === input.SpaceName &&
          app.status !== 'Deleted' &&
          app.status !== 'Failed',
      );
      if (hasApps) {
        throw inUse(
          `Space ${record.arn} has apps that are not deleted; delete them first`,
        );
      }
      scheduleStatuses(record, now(), [
        ['Deleting', 0],
        [REMOVED, env.settings.delayMs],
      ]);
      return {};
    },
  };
}
