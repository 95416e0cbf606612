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

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AppDetails,
  DescribeUserProfileCommand,
  DescribeUserProfileCommandOutput,
  paginateListApps,
  paginateListSpaces,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {
  StudioAppStatus,
  StudioUserProfileStatus,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';
import { studioAwsReadError } from './studioAwsErrors';
import { locationOfArn, mapWithConcurrency } from './studioReadHelpers';

/** The largest page of ListSpaces and ListApps. */
const PAGE_SIZE = 100;

/**
 * A user profile as AWS holds it: everything of
 * `StudioUserProfileStatus` except what depends on who asks (`canOpen`) or
 * on the catalog (`owner`, `teamName`).
 *
 * @public
 */
export type StudioUserProfileAwsStatus = Omit<
  StudioUserProfileStatus,
  'canOpen' | 'owner' | 'teamName'
>;

/**
 * Reads one Studio user profile with its spaces and apps.
 *
 * @public
 */
export class StudioUserProfileStatusReader {
  constructor(
    private readonly options: {
      clients: SageMakerStudioAwsClients;
      logger?: LoggerService;
    },
  ) {}

  /**
   * Only the profile's status, with one DescribeUserProfile: what must be
   * current before a presigned URL is issued. Throws a {@link StudioAwsReadError}.
   */
  async readStatus(options: {
    domainId: string;
    userProfileName: string;
  }): Promise<string> {
    const { clients, logger } = this.options;
    const { domainId, userProfileName } = options;
    const client = await clients.sageMaker();
    try {
      const profile = await client.send(
        new DescribeUserProfileCommand({
          DomainId: domainId,
          UserProfileName: userProfileName,
        }),
      );
      return profile.Status ?? 'Unknown';
    } catch (error) {
      throw studioAwsReadError({
        error,
        action: 'DescribeUserProfile',
        source: `sagemaker:${clients.region}:user-profile/${domainId}/${userProfileName}`,
        logger,
      });
    }
  }

  /**
   * The profile, the private spaces it owns and the apps of both. Calls:
   * DescribeUserProfile, ListSpaces of the domain (it cannot filter by
   * owner), ListApps of the profile, and ListApps per owned space.
   * Throws a {@link StudioAwsReadError}.
   */
  async readUserProfileStatus(options: {
    domainId: string;
    userProfileName: string;
  }): Promise<StudioUserProfileAwsStatus> {
    const { clients, logger } = this.options;
    const { domainId, userProfileName } = options;
    const client = await clients.sageMaker();
    const source = `sagemaker:${clients.region}:user-profile/${domainId}/${userProfileName}`;
    const call = async <T>(action: string, fn: () => Promise<T>) => {
      try {
        return await fn();
      } catch (error) {
        throw studioAwsReadError({ error, action, source, logger });
      }
    };
    const [profile, spaces, apps] = await Promise.all([
      call<DescribeUserProfileCommandOutput>('DescribeUserProfile', () =>
        client.send(
          new DescribeUserProfileCommand({
            DomainId: domainId,
            UserProfileName: userProfileName,
          }),
        ),
      ),
      call('ListSpaces', async () => {
        const owned: Array<{ spaceName: string; status: string }> = [];
        for await (const page of paginateListSpaces(
          { client, pageSize: PAGE_SIZE },
          { DomainIdEquals: domainId },
        )) {
          for (const space of page.Spaces ?? []) {
            if (
              space.SpaceName &&
              space.OwnershipSettingsSummary?.OwnerUserProfileName ===
                userProfileName
            ) {
              owned.push({
                spaceName: space.SpaceName,
                status: space.Status ?? 'Unknown',
              });
            }
          }
        }
        return owned;
      }),
      call('ListApps', () =>
        listApps(client, {
          DomainIdEquals: domainId,
          UserProfileNameEquals: userProfileName,
        }),
      ),
    ]);
    const spaceApps = await call('ListApps', () =>
      mapWithConcurrency(spaces, space =>
        listApps(client, {
          DomainIdEquals: domainId,
          SpaceNameEquals: space.spaceName,
        }),
      ),
    );
    return {
      ...locationOfArn(profile.UserProfileArn, {
        accountId: clients.accountId ?? '',
        region: clients.region,
      }),
      domainId,
      userProfileName: profile.UserProfileName ?? userProfileName,
      arn: profile.UserProfileArn,
      status: profile.Status ?? 'Unknown',
      executionRoleArn: profile.UserSettings?.ExecutionRole,
      securityGroupIds: profile.UserSettings?.SecurityGroups,
      spaces: spaces.map((space, index) => ({
        ...space,
        apps: spaceApps[index],
      })),
      apps,
    };
  }
}

async function listApps(
  client: SageMakerClient,
  filter: {
    DomainIdEquals: string;
    UserProfileNameEquals?: string;
    SpaceNameEquals?: string;
  },
): Promise<StudioAppStatus[]> {
  const apps: StudioAppStatus[] = [];
  for await (const page of paginateListApps(
    { client, pageSize: PAGE_SIZE },
    filter,
  )) {
    for (const app of (page.Apps ?? []) as AppDetails[]) {
      // Deleted apps stay listed for a while; they are history, not state.
      if (!app.AppType || !app.AppName || app.Status === 'Deleted') continue;
      apps.push({
        appType: app.AppType,
        appName: app.AppName,
        status: app.Status ?? 'Unknown',
        ...(app.SpaceName ? { spaceName: app.SpaceName } : {}),
      });
    }
  }
  return apps;
}
