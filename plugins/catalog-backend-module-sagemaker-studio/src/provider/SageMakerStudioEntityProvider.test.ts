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
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { EventsServiceSubscribeOptions } from '@backstage/plugin-events-node';
import {
  SAGEMAKER_STUDIO_PROVISIONING_TOPIC,
  SageMakerStudioProvisioningEventPayload,
} from '@internal/plugin-sagemaker-studio-common';
import { mockStudioDomain } from '@internal/plugin-sagemaker-studio-common/testUtils';
import { SageMakerStudioEstate } from '@internal/plugin-sagemaker-studio-node';
import {
  ACCOUNT,
  DOMAIN_ID,
  teamEnvironmentProduct,
  userProfileProduct,
  userProfileRecord,
} from './__fixtures__/estate';
import {
  DomainSource,
  EstateSource,
  SageMakerStudioEntityProvider,
} from './SageMakerStudioEntityProvider';

const CONFIG = {
  sageMakerStudio: {
    region: 'us-east-1',
    adminGroup: 'group:default/data-science-admins',
  },
};

const ESTATE: SageMakerStudioEstate = {
  provisionedProducts: [teamEnvironmentProduct(), userProfileProduct()],
  userProfiles: [userProfileRecord()],
  errors: [],
};

const TEAM_LOCATION =
  'url:https://console.aws.amazon.com/servicecatalog/home?region=us-east-1#/provisioned-products/pp-team-fraud';
const PROFILE_LOCATION =
  'url:https://console.aws.amazon.com/servicecatalog/home?region=us-east-1#/provisioned-products/pp-profile-dana';
const DOMAIN_LOCATION = `url:https://console.aws.amazon.com/sagemaker/home?region=us-east-1#/studio/${DOMAIN_ID}`;

const EXPECTED_MUTATION = {
  type: 'full',
  entities: [
    {
      locationKey: 'sagemaker-studio:default',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: DOMAIN_ID,
          title: 'ds-studio',
          description: 'SageMaker Studio domain (VpcOnly)',
          annotations: {
            'backstage.io/managed-by-location': DOMAIN_LOCATION,
            'backstage.io/managed-by-origin-location': DOMAIN_LOCATION,
            'sagemaker-studio.aws/domain-id': DOMAIN_ID,
            'sagemaker-studio.aws/arn': `arn:aws:sagemaker:us-east-1:${ACCOUNT}:domain/${DOMAIN_ID}`,
            'sagemaker-studio.aws/account-id': ACCOUNT,
            'sagemaker-studio.aws/region': 'us-east-1',
          },
          tags: ['sagemaker', 'studio'],
          labels: { 'sagemaker-studio.aws/home': 'true' },
        },
        spec: {
          type: 'sagemaker-studio-domain',
          owner: 'group:default/data-science-admins',
        },
      },
    },
    {
      locationKey: 'sagemaker-studio:default',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'fraud-detection-dev-team-environment',
          title: 'fraud-detection team environment (dev)',
          description:
            'SageMaker Studio team environment, provisioned product team-fraud-detection-dev (Data science team environment v1, AVAILABLE)',
          annotations: {
            'backstage.io/managed-by-location': TEAM_LOCATION,
            'backstage.io/managed-by-origin-location': TEAM_LOCATION,
            'sagemaker-studio.aws/provisioned-product-id': 'pp-team-fraud',
            'sagemaker-studio.aws/team': 'fraud-detection',
            'sagemaker-studio.aws/environment-type': 'dev',
            'sagemaker-studio.aws/domain-id': DOMAIN_ID,
            'sagemaker-studio.aws/arn': `arn:aws:servicecatalog:us-east-1:${ACCOUNT}:stack/team-fraud-detection-dev/pp-team-fraud`,
            'sagemaker-studio.aws/account-id': ACCOUNT,
            'sagemaker-studio.aws/region': 'us-east-1',
          },
          tags: ['sagemaker', 'studio'],
          labels: { 'sagemaker-studio.aws/home': 'true' },
        },
        spec: {
          type: 'sagemaker-studio-team-environment',
          owner: 'group:default/fraud-detection',
          dependsOn: [`resource:default/${DOMAIN_ID}`],
        },
      },
    },
    {
      locationKey: 'sagemaker-studio:default',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'dana-scientist-user-profile',
          title: 'dana-scientist',
          description:
            'SageMaker Studio user profile of dana@example.com, version v2 (InService)',
          annotations: {
            'backstage.io/managed-by-location': PROFILE_LOCATION,
            'backstage.io/managed-by-origin-location': PROFILE_LOCATION,
            'sagemaker-studio.aws/provisioned-product-id': 'pp-profile-dana',
            'sagemaker-studio.aws/team': 'fraud-detection',
            'sagemaker-studio.aws/environment-type': 'dev',
            'sagemaker-studio.aws/domain-id': DOMAIN_ID,
            'sagemaker-studio.aws/user-profile': 'dana-scientist',
            'sagemaker-studio.aws/arn': `arn:aws:sagemaker:us-east-1:${ACCOUNT}:user-profile/${DOMAIN_ID}/dana-scientist`,
            'sagemaker-studio.aws/account-id': ACCOUNT,
            'sagemaker-studio.aws/region': 'us-east-1',
          },
          tags: ['sagemaker', 'studio'],
          labels: { 'sagemaker-studio.aws/home': 'true' },
        },
        spec: {
          type: 'sagemaker-studio-user-profile',
          owner: 'user:default/dana-scientist',
          dependsOn: [
            `resource:default/${DOMAIN_ID}`,
            'resource:default/fraud-detection-dev-team-environment',
          ],
        },
      },
    },
  ],
};

function setup(
  options: {
    config?: object;
    domains?: DomainSource['listDomains'];
    estate?: EstateSource['readEstate'];
  } = {},
) {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const runner: SchedulerServiceTaskRunner = {
    run: async task => {
      tasks.push(task);
    },
  };
  const scheduler = mockServices.scheduler.mock({
    createScheduledTaskRunner: jest.fn(() => runner),
  });
  const subscriptions: EventsServiceSubscribeOptions[] = [];
  const events = {
    publish: jest.fn(),
    subscribe: jest.fn(async (subscription: EventsServiceSubscribeOptions) => {
      subscriptions.push(subscription);
    }),
  };
  const logger = mockServices.logger.mock();
  // Task and event loggers are children; keep them one, to assert on.
  logger.child.mockReturnValue(logger);
  const listDomains = jest.fn(
    options.domains ??
      (async () => ({ items: [mockStudioDomain()], errors: [] })),
  );
  const readEstate = jest.fn(options.estate ?? (async () => ESTATE));
  const provider = SageMakerStudioEntityProvider.fromConfig(
    mockServices.rootConfig({ data: options.config ?? CONFIG }),
    {
      logger,
      scheduler,
      events,
      domains: { listDomains },
      estate: { readEstate },
    },
  )[0];
  const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
  return {
    provider,
    tasks,
    scheduler,
    subscriptions,
    logger,
    listDomains,
    readEstate,
    connection,
  };
}

describe('SageMakerStudioEntityProvider', () => {
  it('replaces its entities with domains, team environments and user profiles in one full mutation', async () => {
    const { provider, tasks, connection, readEstate } = setup();
    await provider.connect(connection);
    expect(tasks.map(t => t.id)).toEqual(['sagemaker-studio:default:refresh']);

    await tasks[0].fn(new AbortController().signal);

    expect(readEstate).toHaveBeenCalledWith({
      domains: [
        {
          domainId: DOMAIN_ID,
          arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:domain/${DOMAIN_ID}`,
        },
      ],
    });
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(connection.applyMutation).toHaveBeenCalledWith(EXPECTED_MUTATION);
  });

  it('emits an empty full mutation when everything was terminated, removing what it emitted before', async () => {
    const { provider, tasks, connection } = setup({
      domains: async () => ({ items: [], errors: [] }),
      estate: async () => ({
        provisionedProducts: [],
        userProfiles: [],
        errors: [],
      }),
    });
    await provider.connect(connection);
    await tasks[0].fn(new AbortController().signal);
    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [],
    });
  });

  it('keeps the catalog as it is when one domain could not be read', async () => {
    const { provider, tasks, connection, logger, readEstate } = setup({
      domains: async () => ({
        items: [mockStudioDomain()],
        errors: [
          {
            source: 'sagemaker:us-east-1:domain/d-2',
            errorType: 'THROTTLED',
            message: 'slow down',
          },
        ],
      }),
    });
    await provider.connect(connection);
    await tasks[0].fn(new AbortController().signal);
    expect(readEstate).not.toHaveBeenCalled();
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('sagemaker:us-east-1:domain/d-2 THROTTLED'),
    );
  });

  it('keeps the catalog as it is when a product or profile could not be read', async () => {
    const { provider, tasks, connection } = setup({
      estate: async () => ({
        ...ESTATE,
        errors: [
          {
            source: 'servicecatalog:us-east-1:provisioned-product/pp-x',
            errorType: 'NOT_ALLOWED',
            message: 'denied',
          },
        ],
      }),
    });
    await provider.connect(connection);
    await tasks[0].fn(new AbortController().signal);
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('keeps the catalog as it is when the read fails', async () => {
    const { provider, tasks, connection, logger } = setup({
      estate: async () => {
        throw new Error('throttled');
      },
    });
    await provider.connect(connection);
    await tasks[0].fn(new AbortController().signal);
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      'Refreshing SageMaker Studio entities failed: Error: throttled',
    );
  });

  it('leaves out an entity the catalog would refuse, and emits the rest', async () => {
    const { provider, logger } = setup({
      estate: async () => ({
        ...ESTATE,
        userProfiles: [
          ...ESTATE.userProfiles,
          userProfileRecord({ userProfileName: 'x'.repeat(60), tags: {} }),
        ],
      }),
    });
    const entities = await provider.read();
    expect(entities.map(e => e.metadata.name)).toEqual([
      DOMAIN_ID,
      'fraud-detection-dev-team-environment',
      'dana-scientist-user-profile',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Skipped resource:default\/x{60}-user-profile: .*metadata\.name/,
      ),
    );
  });

  it('warns about a team environment it cannot name, and emits the rest', async () => {
    const { provider, logger } = setup({
      estate: async () => ({
        ...ESTATE,
        provisionedProducts: [
          ...ESTATE.provisionedProducts,
          teamEnvironmentProduct({
            id: 'pp-team-unknown',
            tags: { TeamName: 'recommendations' },
            outputs: {},
          }),
        ],
      }),
    });
    const entities = await provider.read();
    expect(entities.map(e => e.metadata.name)).toEqual([
      DOMAIN_ID,
      'fraud-detection-dev-team-environment',
      'dana-scientist-user-profile',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Skipped team environment pp-team-unknown of team recommendations: no environment type (no EnvType or EnvironmentType tag, no SsmParameterPrefix output)',
    );
  });

  it('reads again when the backend reports a finished provisioning request', async () => {
    const { provider, subscriptions, connection } = setup();
    await provider.connect(connection);
    expect(SAGEMAKER_STUDIO_PROVISIONING_TOPIC).toBe(
      'sagemaker-studio.provisioning',
    );
    expect(subscriptions).toEqual([
      expect.objectContaining({
        id: 'sagemaker-studio:default:provisioning',
        topics: ['sagemaker-studio.provisioning'],
      }),
    ]);

    const eventPayload: SageMakerStudioProvisioningEventPayload = {
      requestId: 'r-1',
      product: 'userProfile',
      operation: 'provision',
      status: 'SUCCEEDED',
      provisionedProductId: 'pp-profile-dana',
    };
    await subscriptions[0].onEvent({
      topic: SAGEMAKER_STUDIO_PROVISIONING_TOPIC,
      eventPayload,
    });

    expect(connection.applyMutation).toHaveBeenCalledWith(EXPECTED_MUTATION);
  });

  it('reads once more, not once per event, when events arrive during a read', async () => {
    let release!: () => void;
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    const { provider, subscriptions, tasks, connection, readEstate } = setup();
    readEstate.mockImplementationOnce(async () => {
      await gate;
      return ESTATE;
    });
    await provider.connect(connection);

    const scheduled = tasks[0].fn(new AbortController().signal);
    const event = { topic: 'sagemaker-studio.provisioning', eventPayload: {} };
    const first = subscriptions[0].onEvent(event);
    const second = subscriptions[0].onEvent(event);
    release();
    await Promise.all([scheduled, first, second]);

    expect(readEstate).toHaveBeenCalledTimes(2);
    expect(connection.applyMutation).toHaveBeenCalledTimes(2);
  });

  it('runs on the default schedule, every sageMakerStudio.catalog.frequencyMinutes', () => {
    const { scheduler } = setup({
      config: {
        sageMakerStudio: {
          ...CONFIG.sageMakerStudio,
          catalog: { frequencyMinutes: 30 },
        },
      },
    });
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 30 },
      timeout: { minutes: 3 },
      initialDelay: { seconds: 15 },
    });
  });

  it('runs on the schedule from sageMakerStudio.catalog.schedule', () => {
    const { scheduler } = setup({
      config: {
        sageMakerStudio: {
          ...CONFIG.sageMakerStudio,
          catalog: {
            schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
          },
        },
      },
    });
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { hours: 1 },
      timeout: { minutes: 5 },
    });
  });
});

describe('SageMakerStudioEntityProvider across accounts', () => {
  const B = '222233334444';
  /** The fixtures as they would read in account B. */
  const inB = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value).split(ACCOUNT).join(B));

  function setupAccounts() {
    const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
    let failB = false;
    const providers = SageMakerStudioEntityProvider.fromConfig(
      mockServices.rootConfig({
        data: {
          sageMakerStudio: {
            ...CONFIG.sageMakerStudio,
            accountId: ACCOUNT,
            accounts: [{ accountId: ACCOUNT }, { accountId: B }],
          },
        },
      }),
      {
        logger: mockServices.logger.mock(),
        schedule: {
          run: async task => {
            tasks.push(task);
          },
        },
        domains: target => ({
          listDomains: async () => {
            if (target.accountId !== B) {
              return { items: [mockStudioDomain()], errors: [] };
            }
            if (failB) {
              return {
                items: [],
                errors: [
                  {
                    source: 'ListDomains',
                    errorType: 'UNAVAILABLE' as const,
                    message: 'AWS could not be reached; try again later.',
                  },
                ],
              };
            }
            return { items: [inB(mockStudioDomain())], errors: [] };
          },
        }),
        estate: target => ({
          readEstate: async () =>
            target.accountId === B ? inB(ESTATE) : ESTATE,
        }),
      },
    );
    return { providers, tasks, failB: () => (failB = true) };
  }

  it('makes one provider per account and region, with its own task', async () => {
    const { providers, tasks } = setupAccounts();
    expect(providers.map(p => p.getProviderName())).toEqual([
      'sagemaker-studio:default',
      `sagemaker-studio:${B}-us-east-1`,
    ]);
    for (const provider of providers) {
      await provider.connect({ applyMutation: jest.fn(), refresh: jest.fn() });
    }
    expect(tasks.map(t => t.id)).toEqual([
      'sagemaker-studio:default:refresh',
      `sagemaker-studio:${B}-us-east-1:refresh`,
    ]);
  });

  it('keeps home names, suffixes the other account’s names and its references, and annotates the account and region', async () => {
    const { providers } = setupAccounts();
    const [home, other] = await Promise.all(providers.map(p => p.read()));
    expect(home.map(e => e.metadata.name)).toEqual([
      DOMAIN_ID,
      'fraud-detection-dev-team-environment',
      'dana-scientist-user-profile',
    ]);
    const suffix = `-${B}-us-east-1`;
    expect(other.map(e => e.metadata.name)).toEqual([
      `${DOMAIN_ID}${suffix}`,
      `fraud-detection-dev-team-environment${suffix}`,
      `dana-scientist-user-profile${suffix}`,
    ]);
    // Titles name the account and region too, so pickers tell them apart.
    expect(home.map(e => e.metadata.title)).toEqual([
      expect.not.stringContaining(B),
      'fraud-detection team environment (dev)',
      'dana-scientist',
    ]);
    expect(other.map(e => e.metadata.title)).toEqual([
      expect.stringMatching(new RegExp(` \\(${B}/us-east-1\\)$`)),
      `fraud-detection team environment (dev) (${B}/us-east-1)`,
      `dana-scientist (${B}/us-east-1)`,
    ]);
    for (const entity of other) {
      expect(entity.metadata.annotations).toMatchObject({
        'sagemaker-studio.aws/account-id': B,
        'sagemaker-studio.aws/region': 'us-east-1',
      });
    }
    // Only the home account's entities are offered by the templates'
    // pickers: profiles are launched there, nowhere else.
    expect(home.map(e => e.metadata.labels)).toEqual(
      home.map(() => ({ 'sagemaker-studio.aws/home': 'true' })),
    );
    expect(other.map(e => e.metadata.labels)).toEqual(
      other.map(() => undefined),
    );
    const profile = other[2];
    expect(profile.spec).toMatchObject({
      owner: 'user:default/dana-scientist',
      dependsOn: [
        `resource:default/${DOMAIN_ID}${suffix}`,
        `resource:default/fraud-detection-dev-team-environment${suffix}`,
      ],
    });
    expect(other[1].spec).toMatchObject({
      owner: 'group:default/fraud-detection',
      dependsOn: [`resource:default/${DOMAIN_ID}${suffix}`],
    });
  });

  it('leaves a failing account’s entities as they are while the other account refreshes', async () => {
    const { providers, tasks, failB } = setupAccounts();
    const connections = providers.map(() => ({
      applyMutation: jest.fn(),
      refresh: jest.fn(),
    }));
    await Promise.all(providers.map((p, i) => p.connect(connections[i])));
    for (const task of tasks) await task.fn(new AbortController().signal);
    expect(connections.map(c => c.applyMutation.mock.calls.length)).toEqual([
      1, 1,
    ]);
    failB();
    for (const task of tasks) await task.fn(new AbortController().signal);
    expect(connections.map(c => c.applyMutation.mock.calls.length)).toEqual([
      2, 1,
    ]);
  });
});
