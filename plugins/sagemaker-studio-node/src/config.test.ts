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

import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import {
  SageMakerStudioConfigError,
  readSageMakerStudioConfig,
} from './config';

const valid = {
  region: 'us-east-1',
  accountId: '111122223333',
  adminGroup: 'group:default/data-science-admins',
};

function read(sageMakerStudio: JsonValue) {
  return readSageMakerStudioConfig(new ConfigReader({ sageMakerStudio }));
}

describe('readSageMakerStudioConfig', () => {
  it('reads a minimal config with product defaults', () => {
    const config = read(valid);
    expect(config.region).toBe('us-east-1');
    expect(config.endpoint).toBeUndefined();
    expect(config.products.studioDomain.requiresApproval).toBe(true);
    expect(config.products.userProfile.requiresApproval).toBe(false);
  });

  it('takes product overrides and trims a trailing slash off the endpoint', () => {
    const config = read({
      ...valid,
      endpoint: 'http://127.0.0.1:4580/',
      products: { userProfile: { requiresApproval: true, version: 'v2' } },
    });
    expect(config.endpoint).toBe('http://127.0.0.1:4580');
    expect(config.products.userProfile).toEqual({
      productName: 'Studio user profile',
      version: 'v2',
      requiresApproval: true,
    });
  });

  it.each([
    [{ ...valid, regoin: 'x' }, 'sageMakerStudio.regoin', 'unknown key'],
    [
      { ...valid, products: { studioDomain: { aproval: true } } },
      'sageMakerStudio.products.studioDomain.aproval',
      'unknown key',
    ],
    [
      { ...valid, products: { notebook: {} } },
      'sageMakerStudio.products.notebook',
      'unknown key',
    ],
    [
      { ...valid, region: 'mars-1' },
      'sageMakerStudio.region',
      'not an AWS region',
    ],
    [{ ...valid, accountId: '123' }, 'sageMakerStudio.accountId', '12-digit'],
    [
      { ...valid, adminGroup: 'admins' },
      'sageMakerStudio.adminGroup',
      'group entity ref',
    ],
    [
      { ...valid, endpoint: 'ftp://x' },
      'sageMakerStudio.endpoint',
      'not allowed',
    ],
    [{ ...valid, accounts: [] }, 'sageMakerStudio.accounts', 'is empty'],
    [
      { ...valid, accounts: [{ accountId: '111111111111' }] },
      'sageMakerStudio.accounts',
      'does not list the home account and region 111122223333/us-east-1',
    ],
    [
      { ...valid, accounts: [{ accountId: '12' }] },
      'sageMakerStudio.accounts[0].accountId',
      '12-digit',
    ],
    [
      {
        ...valid,
        accounts: [{ accountId: '111111111111', regions: ['x'] }],
      },
      'sageMakerStudio.accounts[0].regions',
      'not an AWS region',
    ],
    [
      {
        ...valid,
        accounts: [
          { accountId: '111111111111' },
          { accountId: '111111111111', regions: ['eu-west-1', 'us-east-1'] },
        ],
      },
      'sageMakerStudio.accounts[1].regions',
      '111111111111/us-east-1 is listed twice',
    ],
    [
      { ...valid, accounts: [{ region: 'us-east-1' }] },
      'sageMakerStudio.accounts[0].region',
      'unknown key',
    ],
  ] as Array<[JsonValue, string, string]>)(
    'rejects %j naming %s',
    (input, key, problem) => {
      expect(() => read(input)).toThrow(SageMakerStudioConfigError);
      expect(() => read(input)).toThrow(`Invalid config ${key}: `);
      expect(() => read(input)).toThrow(problem);
    },
  );

  it('says what is required when the block is missing', () => {
    expect(() => readSageMakerStudioConfig(new ConfigReader({}))).toThrow(
      'Invalid config sageMakerStudio: missing',
    );
  });

  describe('accounts and regions read', () => {
    it('reads the home account and region when no accounts are listed', () => {
      expect(read(valid).targets).toEqual([
        { accountId: '111122223333', region: valid.region },
      ]);
    });

    it('lists every account and region, the home region by default', () => {
      const config = read({
        ...valid,
        accounts: [
          { accountId: '111111111111', regions: ['us-east-1', 'eu-west-1'] },
          { accountId: '222222222222' },
          { regions: ['ap-southeast-2'] },
          { accountId: '111122223333' },
        ],
      });
      expect(config.targets).toEqual([
        { accountId: '111111111111', region: 'us-east-1' },
        { accountId: '111111111111', region: 'eu-west-1' },
        { accountId: '222222222222', region: valid.region },
        { region: 'ap-southeast-2' },
        { accountId: '111122223333', region: valid.region },
      ]);
    });
  });

  describe('sweep', () => {
    it('runs hourly by default', () => {
      expect(read(valid).sweep).toEqual({
        enabled: true,
        frequencyMinutes: 60,
      });
    });

    it('takes configured values', () => {
      expect(
        read({ ...valid, sweep: { enabled: false, frequencyMinutes: 15 } })
          .sweep,
      ).toEqual({ enabled: false, frequencyMinutes: 15 });
    });

    it('reads the rules context the detective control also reads', () => {
      const context = {
        allowedSubnetIds: ['subnet-1'],
        allowedSecurityGroupIds: ['sg-1'],
        approvedImageArns: [
          'arn:aws:sagemaker:us-east-1:123456789012:image/ds-custom',
        ],
        approvedImageNames: ['ds-custom'],
        allowedExecutionRoleArns: [
          'arn:aws:iam::123456789012:role/ds-exec-fraud-detection-dev-dana',
        ],
        allowSharedSpaces: false,
      };
      expect(read({ ...valid, sweep: { context } }).sweep).toEqual({
        enabled: true,
        frequencyMinutes: 60,
        context,
      });
      // An empty context is no context: the rules that need one stay not applicable.
      expect(read({ ...valid, sweep: { context: {} } }).sweep).toEqual({
        enabled: true,
        frequencyMinutes: 60,
      });
    });

    it.each([
      [
        { sweep: { frequencyMinutes: 4 } },
        'sageMakerStudio.sweep.frequencyMinutes',
      ],
      [
        { sweep: { frequencyMinutes: 1441 } },
        'sageMakerStudio.sweep.frequencyMinutes',
      ],
      [
        { sweep: { frequencyMinutes: 7.5 } },
        'sageMakerStudio.sweep.frequencyMinutes',
      ],
      [{ sweep: { frequency: 5 } }, 'sageMakerStudio.sweep.frequency'],
      [
        { sweep: { context: { approvedImages: ['x'] } } },
        'sageMakerStudio.sweep.context.approvedImages',
      ],
      [
        { sweep: { context: { approvedImageNames: ['ok', 'bad name'] } } },
        'sageMakerStudio.sweep.context.approvedImageNames',
      ],
      [
        { sweep: { context: { allowSharedSpaces: 'maybe' } } },
        'sageMakerStudio.sweep.context.allowSharedSpaces',
      ],
    ] as Array<[Record<string, JsonValue>, string]>)(
      'rejects %j naming %s',
      (extra, key) => {
        expect(() => read({ ...valid, ...extra })).toThrow(
          `Invalid config ${key}: `,
        );
      },
    );
  });

  describe('entity route settings', () => {
    it('defaults the cache TTL, session length and Open Studio limit', () => {
      const config = read(valid);
      expect(config.cache).toEqual({ ttlSeconds: 30 });
      expect(config.openStudio).toEqual({ sessionExpirationSeconds: 43200 });
      expect(config.limits.openStudioPerMinute).toBe(10);
    });

    it('takes configured values', () => {
      const config = read({
        ...valid,
        cache: { ttlSeconds: 5 },
        openStudio: { sessionExpirationSeconds: 3600 },
        limits: { openStudioPerMinute: 3 },
      });
      expect(config.cache.ttlSeconds).toBe(5);
      expect(config.openStudio.sessionExpirationSeconds).toBe(3600);
      expect(config.limits).toEqual({
        requestsPerMinute: 10,
        pendingRequestsPerUser: 5,
        openStudioPerMinute: 3,
      });
    });

    it.each([
      [{ cache: { ttlSeconds: 0 } }, 'sageMakerStudio.cache.ttlSeconds'],
      [{ cache: { ttl: 5 } }, 'sageMakerStudio.cache.ttl'],
      [
        { openStudio: { sessionExpirationSeconds: 60 } },
        'sageMakerStudio.openStudio.sessionExpirationSeconds',
      ],
      [
        { openStudio: { sessionExpirationSeconds: 43201 } },
        'sageMakerStudio.openStudio.sessionExpirationSeconds',
      ],
      [{ openStudio: { url: 'x' } }, 'sageMakerStudio.openStudio.url'],
      [
        { limits: { openStudioPerMinute: 0 } },
        'sageMakerStudio.limits.openStudioPerMinute',
      ],
    ] as Array<[Record<string, JsonValue>, string]>)(
      'rejects %j naming %s',
      (extra, key) => {
        expect(() => read({ ...valid, ...extra })).toThrow(
          `Invalid config ${key}: `,
        );
      },
    );
  });
});
