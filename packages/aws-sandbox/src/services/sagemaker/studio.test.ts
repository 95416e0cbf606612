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
  CreateAppCommand,
  CreateDomainCommand,
  CreateDomainCommandInput,
  CreatePresignedDomainUrlCommand,
  CreateSpaceCommand,
  CreateUserProfileCommand,
  DeleteAppCommand,
  DeleteDomainCommand,
  DeleteSpaceCommand,
  DeleteUserProfileCommand,
  DescribeAppCommand,
  DescribeDomainCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  ListAppsCommand,
  ListDomainsCommand,
  ListSpacesCommand,
  ListUserProfilesCommand,
  SageMakerClient,
  UpdateDomainCommand,
  UpdateUserProfileCommand,
} from '@aws-sdk/client-sagemaker';
import {
  clientConfig,
  errorOf,
  rawRequest,
  startTestSandbox,
  TestSandbox,
} from '../../testing';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/studio-execution';

const vpcOnlyDomain: CreateDomainCommandInput = {
  DomainName: 'secure-studio',
  AuthMode: 'IAM',
  AppNetworkAccessType: 'VpcOnly',
  VpcId: 'vpc-0abc',
  SubnetIds: ['subnet-1', 'subnet-2'],
  KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1111',
  DefaultUserSettings: { ExecutionRole: ROLE, SecurityGroups: ['sg-1'] },
  Tags: [{ Key: 'team', Value: 'platform' }],
};

describe('sagemaker studio', () => {
  let test: TestSandbox;
  let sageMaker: SageMakerClient;

  beforeAll(async () => {
    test = await startTestSandbox({ delayMs: 60_000 });
    sageMaker = new SageMakerClient(clientConfig(test.sandbox));
  });

  beforeEach(() => test.sandbox.reset());
  afterAll(() => test.sandbox.close());

  async function inServiceDomain(): Promise<string> {
    const { DomainId } = await sageMaker.send(
      new CreateDomainCommand(vpcOnlyDomain),
    );
    test.clock.advance(60_000);
    return DomainId!;
  }

  async function inServiceProfile(domainId: string, name: string) {
    await sageMaker.send(
      new CreateUserProfileCommand({
        DomainId: domainId,
        UserProfileName: name,
      }),
    );
    test.clock.advance(60_000);
  }

  describe('domains', () => {
    it('CreateDomain returns an id and a Studio URL, Pending until the delay has passed', async () => {
      const created = await sageMaker.send(
        new CreateDomainCommand(vpcOnlyDomain),
      );
      expect(created.DomainId).toMatch(/^d-[a-z0-9]{12}$/);
      expect(created.DomainArn).toBe(
        `arn:aws:sagemaker:us-east-1:123456789012:domain/${created.DomainId}`,
      );
      expect(created.Url).toBe(
        `https://${created.DomainId}.studio.us-east-1.sagemaker.aws`,
      );
      expect(
        (
          await sageMaker.send(
            new DescribeDomainCommand({ DomainId: created.DomainId }),
          )
        ).Status,
      ).toBe('Pending');
      test.clock.advance(60_000);
      const described = await sageMaker.send(
        new DescribeDomainCommand({ DomainId: created.DomainId }),
      );
      expect(described).toMatchObject({
        DomainName: 'secure-studio',
        Status: 'InService',
        AppNetworkAccessType: 'VpcOnly',
        KmsKeyId: vpcOnlyDomain.KmsKeyId,
        SubnetIds: ['subnet-1', 'subnet-2'],
        VpcId: 'vpc-0abc',
        DefaultUserSettings: { ExecutionRole: ROLE, SecurityGroups: ['sg-1'] },
      });
      expect(described.HomeEfsFileSystemId).toMatch(/^fs-/);
      expect(described.CreationTime).toEqual(
        new Date(test.clock.now() - 60_000),
      );
    });

    it('CreateDomain rejects missing members, bad names and bad enums with ValidationException', async () => {
      const client = sageMaker;
      for (const input of [
        { ...vpcOnlyDomain, DomainName: undefined },
        { ...vpcOnlyDomain, DomainName: 'has spaces' },
        { ...vpcOnlyDomain, AuthMode: 'LDAP' },
        { ...vpcOnlyDomain, AppNetworkAccessType: 'Everywhere' },
        {
          ...vpcOnlyDomain,
          DefaultUserSettings: { ExecutionRole: 'not-a-role' },
        },
        { ...vpcOnlyDomain, VpcId: undefined },
      ]) {
        const error = await errorOf(() =>
          client.send(new CreateDomainCommand(input as any)),
        );
        expect(error.name).toBe('ValidationException');
      }
    });

    it('CreateDomain fails with ResourceInUse for a taken name and ResourceLimitExceeded past the quota', async () => {
      await sageMaker.send(new CreateDomainCommand(vpcOnlyDomain));
      expect(
        (
          await errorOf(() =>
            sageMaker.send(new CreateDomainCommand(vpcOnlyDomain)),
          )
        ).name,
      ).toBe('ResourceInUse');
      for (let index = 1; index < 5; index++) {
        await sageMaker.send(
          new CreateDomainCommand({
            ...vpcOnlyDomain,
            DomainName: `domain-${index}`,
          }),
        );
      }
      const error = await errorOf(() =>
        sageMaker.send(
          new CreateDomainCommand({ ...vpcOnlyDomain, DomainName: 'sixth' }),
        ),
      );
      expect(error.name).toBe('ResourceLimitExceeded');
    });

    it('ListDomains pages with NextToken and rejects an invalid MaxResults', async () => {
      for (let index = 0; index < 3; index++) {
        await sageMaker.send(
          new CreateDomainCommand({
            ...vpcOnlyDomain,
            DomainName: `domain-${index}`,
          }),
        );
        test.clock.advance(1);
      }
      const first = await sageMaker.send(
        new ListDomainsCommand({ MaxResults: 2 }),
      );
      expect(first.Domains?.map(domain => domain.DomainName)).toEqual([
        'domain-0',
        'domain-1',
      ]);
      const second = await sageMaker.send(
        new ListDomainsCommand({ MaxResults: 2, NextToken: first.NextToken }),
      );
      expect(second.Domains?.map(domain => domain.DomainName)).toEqual([
        'domain-2',
      ]);
      expect(second.NextToken).toBeUndefined();
      expect(
        (
          await errorOf(() =>
            sageMaker.send(new ListDomainsCommand({ MaxResults: 101 })),
          )
        ).name,
      ).toBe('ValidationException');
      expect(
        (
          await errorOf(() =>
            sageMaker.send(new ListDomainsCommand({ NextToken: '!!' })),
          )
        ).name,
      ).toBe('ValidationException');
    });

    it('keeps domains of different accounts apart', async () => {
      await sageMaker.send(new CreateDomainCommand(vpcOnlyDomain));
      const other = new SageMakerClient(
        clientConfig(test.sandbox, '210987654321'),
      );
      expect((await other.send(new ListDomainsCommand({}))).Domains).toEqual(
        [],
      );
    });

    it('UpdateDomain merges default user settings and goes through Updating', async () => {
      const domainId = await inServiceDomain();
      await sageMaker.send(
        new UpdateDomainCommand({
          DomainId: domainId,
          DefaultUserSettings: { SecurityGroups: ['sg-2'] },
        }),
      );
      const updating = await sageMaker.send(
        new DescribeDomainCommand({ DomainId: domainId }),
      );
      expect(updating.Status).toBe('Updating');
      expect(updating.DefaultUserSettings).toEqual({
        ExecutionRole: ROLE,
        SecurityGroups: ['sg-2'],
      });
      test.clock.advance(60_000);
      expect(
        (
          await sageMaker.send(
            new DescribeDomainCommand({ DomainId: domainId }),
          )
        ).Status,
      ).toBe('InService');
    });

    it('UpdateDomain of a Pending domain fails with ResourceInUse', async () => {
      const { DomainId } = await sageMaker.send(
        new CreateDomainCommand(vpcOnlyDomain),
      );
      const error = await errorOf(() =>
        sageMaker.send(
          new UpdateDomainCommand({ DomainId, DefaultUserSettings: {} }),
        ),
      );
      expect(error.name).toBe('ResourceInUse');
    });

    it('DeleteDomain refuses while user profiles exist, then deletes after the delay', async () => {
      const domainId = await inServiceDomain();
      await inServiceProfile(domainId, 'alice');
      expect(
        (
          await errorOf(() =>
            sageMaker.send(new DeleteDomainCommand({ DomainId: domainId })),
          )
        ).name,
      ).toBe('ResourceInUse');
      await sageMaker.send(
        new DeleteUserProfileCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
        }),
      );
      test.clock.advance(60_000);
      await sageMaker.send(new DeleteDomainCommand({ DomainId: domainId }));
      expect(
        (
          await sageMaker.send(
            new DescribeDomainCommand({ DomainId: domainId }),
          )
        ).Status,
      ).toBe('Deleting');
      test.clock.advance(60_000);
      const error = await errorOf(() =>
        sageMaker.send(new DescribeDomainCommand({ DomainId: domainId })),
      );
      expect(error.name).toBe('ResourceNotFound');
    });

    it('DescribeDomain and DeleteDomain of an unknown id fail with ResourceNotFound', async () => {
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new DescribeDomainCommand({ DomainId: 'd-000000000000' }),
            ),
          )
        ).name,
      ).toBe('ResourceNotFound');
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new DeleteDomainCommand({ DomainId: 'd-000000000000' }),
            ),
          )
        ).name,
      ).toBe('ResourceNotFound');
    });
  });

  describe('user profiles', () => {
    it('Create, Describe, List, Update and Delete a user profile', async () => {
      const domainId = await inServiceDomain();
      const created = await sageMaker.send(
        new CreateUserProfileCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
          UserSettings: { ExecutionRole: ROLE },
          Tags: [{ Key: 'team', Value: 'fraud' }],
        }),
      );
      expect(created.UserProfileArn).toBe(
        `arn:aws:sagemaker:us-east-1:123456789012:user-profile/${domainId}/alice`,
      );
      test.clock.advance(60_000);
      expect(
        await sageMaker.send(
          new DescribeUserProfileCommand({
            DomainId: domainId,
            UserProfileName: 'alice',
          }),
        ),
      ).toMatchObject({
        DomainId: domainId,
        UserProfileName: 'alice',
        Status: 'InService',
        UserSettings: { ExecutionRole: ROLE },
      });
      await sageMaker.send(
        new UpdateUserProfileCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
          UserSettings: { SecurityGroups: ['sg-9'] },
        }),
      );
      const updated = await sageMaker.send(
        new DescribeUserProfileCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
        }),
      );
      expect(updated.UserSettings).toEqual({
        ExecutionRole: ROLE,
        SecurityGroups: ['sg-9'],
      });
      await sageMaker.send(
        new DeleteUserProfileCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
        }),
      );
      test.clock.advance(60_000);
      expect(
        (
          await sageMaker.send(
            new ListUserProfilesCommand({ DomainIdEquals: domainId }),
          )
        ).UserProfiles,
      ).toEqual([]);
    });

    it('ListUserProfiles filters by domain and name and pages', async () => {
      const domainId = await inServiceDomain();
      for (const name of ['ann', 'bob', 'anna']) {
        await sageMaker.send(
          new CreateUserProfileCommand({
            DomainId: domainId,
            UserProfileName: name,
          }),
        );
        test.clock.advance(1);
      }
      const first = await sageMaker.send(
        new ListUserProfilesCommand({
          DomainIdEquals: domainId,
          SortOrder: 'Ascending',
          MaxResults: 2,
        }),
      );
      expect(
        first.UserProfiles?.map(profile => profile.UserProfileName),
      ).toEqual(['ann', 'bob']);
      const second = await sageMaker.send(
        new ListUserProfilesCommand({
          DomainIdEquals: domainId,
          SortOrder: 'Ascending',
          MaxResults: 2,
          NextToken: first.NextToken,
        }),
      );
      expect(
        second.UserProfiles?.map(profile => profile.UserProfileName),
      ).toEqual(['anna']);
      const named = await sageMaker.send(
        new ListUserProfilesCommand({ UserProfileNameContains: 'ann' }),
      );
      expect(named.UserProfiles).toHaveLength(2);
    });

    it('CreateUserProfile fails with ResourceNotFound for an unknown domain and ResourceInUse for a taken name', async () => {
      const missing = await errorOf(() =>
        sageMaker.send(
          new CreateUserProfileCommand({
            DomainId: 'd-000000000000',
            UserProfileName: 'x',
          }),
        ),
      );
      expect(missing.name).toBe('ResourceNotFound');
      const domainId = await inServiceDomain();
      await sageMaker.send(
        new CreateUserProfileCommand({
          DomainId: domainId,
          UserProfileName: 'x',
        }),
      );
      const taken = await errorOf(() =>
        sageMaker.send(
          new CreateUserProfileCommand({
            DomainId: domainId,
            UserProfileName: 'x',
          }),
        ),
      );
      expect(taken.name).toBe('ResourceInUse');
      const badName = await errorOf(() =>
        sageMaker.send(
          new CreateUserProfileCommand({
            DomainId: domainId,
            UserProfileName: '-x',
          }),
        ),
      );
      expect(badName.name).toBe('ValidationException');
    });

    it('DescribeUserProfile of an unknown profile fails with ResourceNotFound', async () => {
      const domainId = await inServiceDomain();
      const error = await errorOf(() =>
        sageMaker.send(
          new DescribeUserProfileCommand({
            DomainId: domainId,
            UserProfileName: 'nobody',
          }),
        ),
      );
      expect(error.name).toBe('ResourceNotFound');
    });
  });

  describe('spaces and apps', () => {
    it('Create, Describe, List and Delete spaces', async () => {
      const domainId = await inServiceDomain();
      await inServiceProfile(domainId, 'alice');
      const { SpaceArn } = await sageMaker.send(
        new CreateSpaceCommand({
          DomainId: domainId,
          SpaceName: 'alice-lab',
          OwnershipSettings: { OwnerUserProfileName: 'alice' },
          SpaceSharingSettings: { SharingType: 'Private' },
          SpaceSettings: { AppType: 'JupyterLab' },
        }),
      );
      expect(SpaceArn).toContain(`space/${domainId}/alice-lab`);
      test.clock.advance(60_000);
      expect(
        await sageMaker.send(
          new DescribeSpaceCommand({
            DomainId: domainId,
            SpaceName: 'alice-lab',
          }),
        ),
      ).toMatchObject({
        Status: 'InService',
        OwnershipSettings: { OwnerUserProfileName: 'alice' },
      });
      const listed = await sageMaker.send(
        new ListSpacesCommand({ DomainIdEquals: domainId }),
      );
      expect(listed.Spaces).toEqual([
        expect.objectContaining({
          SpaceName: 'alice-lab',
          SpaceSettingsSummary: { AppType: 'JupyterLab' },
        }),
      ]);
      await sageMaker.send(
        new DeleteSpaceCommand({ DomainId: domainId, SpaceName: 'alice-lab' }),
      );
      test.clock.advance(60_000);
      const error = await errorOf(() =>
        sageMaker.send(
          new DescribeSpaceCommand({
            DomainId: domainId,
            SpaceName: 'alice-lab',
          }),
        ),
      );
      expect(error.name).toBe('ResourceNotFound');
    });

    it('CreateSpace fails with ResourceNotFound for an unknown owner', async () => {
      const domainId = await inServiceDomain();
      const error = await errorOf(() =>
        sageMaker.send(
          new CreateSpaceCommand({
            DomainId: domainId,
            SpaceName: 's',
            OwnershipSettings: { OwnerUserProfileName: 'ghost' },
          }),
        ),
      );
      expect(error.name).toBe('ResourceNotFound');
    });

    it('Create, Describe, List and Delete apps, which stay listed as Deleted', async () => {
      const domainId = await inServiceDomain();
      await inServiceProfile(domainId, 'alice');
      await sageMaker.send(
        new CreateSpaceCommand({
          DomainId: domainId,
          SpaceName: 'lab',
          SpaceSettings: { AppType: 'JupyterLab' },
        }),
      );
      const { AppArn } = await sageMaker.send(
        new CreateAppCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
          AppType: 'JupyterServer',
          AppName: 'default',
        }),
      );
      expect(AppArn).toContain(`app/${domainId}/alice/jupyterserver/default`);
      await sageMaker.send(
        new CreateAppCommand({
          DomainId: domainId,
          SpaceName: 'lab',
          AppType: 'JupyterLab',
          AppName: 'default',
          ResourceSpec: { InstanceType: 'ml.t3.medium' },
        }),
      );
      test.clock.advance(60_000);
      const described = await sageMaker.send(
        new DescribeAppCommand({
          DomainId: domainId,
          SpaceName: 'lab',
          AppType: 'JupyterLab',
          AppName: 'default',
        }),
      );
      expect(described).toMatchObject({
        Status: 'InService',
        ResourceSpec: { InstanceType: 'ml.t3.medium' },
      });
      expect(
        (
          await sageMaker.send(
            new ListAppsCommand({ DomainIdEquals: domainId }),
          )
        ).Apps,
      ).toHaveLength(2);
      const forAlice = await sageMaker.send(
        new ListAppsCommand({ UserProfileNameEquals: 'alice', MaxResults: 1 }),
      );
      expect(forAlice.Apps).toEqual([
        expect.objectContaining({
          AppType: 'JupyterServer',
          UserProfileName: 'alice',
        }),
      ]);
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new DeleteUserProfileCommand({
                DomainId: domainId,
                UserProfileName: 'alice',
              }),
            ),
          )
        ).name,
      ).toBe('ResourceInUse');
      await sageMaker.send(
        new DeleteAppCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
          AppType: 'JupyterServer',
          AppName: 'default',
        }),
      );
      test.clock.advance(60_000);
      const deleted = await sageMaker.send(
        new DescribeAppCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
          AppType: 'JupyterServer',
          AppName: 'default',
        }),
      );
      expect(deleted.Status).toBe('Deleted');
      await sageMaker.send(
        new DeleteUserProfileCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
        }),
      );
    });

    it('CreateApp validates its owner and type', async () => {
      const domainId = await inServiceDomain();
      await inServiceProfile(domainId, 'alice');
      const both = await errorOf(() =>
        sageMaker.send(
          new CreateAppCommand({
            DomainId: domainId,
            UserProfileName: 'alice',
            SpaceName: 'x',
            AppType: 'JupyterLab',
            AppName: 'a',
          }),
        ),
      );
      expect(both.name).toBe('ValidationException');
      const badType = await errorOf(() =>
        sageMaker.send(
          new CreateAppCommand({
            DomainId: domainId,
            UserProfileName: 'alice',
            AppType: 'Notepad' as any,
            AppName: 'a',
          }),
        ),
      );
      expect(badType.name).toBe('ValidationException');
      const noSpace = await errorOf(() =>
        sageMaker.send(
          new CreateAppCommand({
            DomainId: domainId,
            SpaceName: 'ghost',
            AppType: 'JupyterLab',
            AppName: 'a',
          }),
        ),
      );
      expect(noSpace.name).toBe('ResourceNotFound');
      const describeMissing = await errorOf(() =>
        sageMaker.send(
          new DescribeAppCommand({
            DomainId: domainId,
            UserProfileName: 'alice',
            AppType: 'JupyterLab',
            AppName: 'none',
          }),
        ),
      );
      expect(describeMissing.name).toBe('ResourceNotFound');
    });
  });

  describe('CreatePresignedDomainUrl', () => {
    it('returns a sandbox URL whose page shows domain, profile and space, then expires', async () => {
      const domainId = await inServiceDomain();
      await inServiceProfile(domainId, 'alice');
      await sageMaker.send(
        new CreateSpaceCommand({ DomainId: domainId, SpaceName: 'lab' }),
      );
      const { AuthorizedUrl } = await sageMaker.send(
        new CreatePresignedDomainUrlCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
          SpaceName: 'lab',
          ExpiresInSeconds: 5,
          SessionExpirationDurationInSeconds: 1800,
        }),
      );
      expect(AuthorizedUrl).toMatch(
        new RegExp(`^${test.sandbox.url}/studio/${domainId}/alice\\?token=`),
      );
      const page = await rawRequest(AuthorizedUrl!);
      expect(page.status).toBe(200);
      expect(page.body).toContain('secure-studio');
      expect(page.body).toContain(domainId);
      expect(page.body).toContain('alice');
      expect(page.body).toContain('lab');
      test.clock.advance(1_000 * 1000);
      expect((await rawRequest(AuthorizedUrl!)).status).toBe(200);
      test.clock.advance(1_000 * 1000);
      const expired = await rawRequest(AuthorizedUrl!);
      expect(expired.status).toBe(403);
      expect(expired.body).toContain('expired');
    });

    it('expires an unused URL after ExpiresInSeconds', async () => {
      const domainId = await inServiceDomain();
      await inServiceProfile(domainId, 'alice');
      const { AuthorizedUrl } = await sageMaker.send(
        new CreatePresignedDomainUrlCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
          ExpiresInSeconds: 5,
        }),
      );
      test.clock.advance(5_001);
      expect((await rawRequest(AuthorizedUrl!)).status).toBe(403);
    });

    it('rejects a tampered token', async () => {
      const domainId = await inServiceDomain();
      await inServiceProfile(domainId, 'alice');
      const { AuthorizedUrl } = await sageMaker.send(
        new CreatePresignedDomainUrlCommand({
          DomainId: domainId,
          UserProfileName: 'alice',
        }),
      );
      expect((await rawRequest(`${AuthorizedUrl}x`)).status).toBe(403);
      expect(
        (await rawRequest(AuthorizedUrl!.replace('/alice?', '/bob?'))).status,
      ).toBe(403);
    });

    it('fails with ResourceNotFound for an unknown profile and ValidationException for an out-of-range expiry', async () => {
      const domainId = await inServiceDomain();
      const missing = await errorOf(() =>
        sageMaker.send(
          new CreatePresignedDomainUrlCommand({
            DomainId: domainId,
            UserProfileName: 'nobody',
          }),
        ),
      );
      expect(missing.name).toBe('ResourceNotFound');
      await inServiceProfile(domainId, 'alice');
      const tooLong = await errorOf(() =>
        sageMaker.send(
          new CreatePresignedDomainUrlCommand({
            DomainId: domainId,
            UserProfileName: 'alice',
            ExpiresInSeconds: 301,
          }),
        ),
      );
      expect(tooLong.name).toBe('ValidationException');
    });
  });
});
