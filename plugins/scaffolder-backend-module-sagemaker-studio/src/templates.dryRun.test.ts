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

import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { sageMakerStudioRequestsServiceRef } from '@internal/plugin-sagemaker-studio-node';
import { mockRequestsService } from './actions/__testUtils__/actionTestUtils';
import { scaffolderModuleSageMakerStudio } from './module';

// The software templates live at the repository root.
const templatesDir = path.resolve(__dirname, '../../../templates');

function template(name: string) {
  return yaml.parse(
    fs.readFileSync(path.join(templatesDir, name, 'template.yaml'), 'utf8'),
  );
}

const DANA = 'user:default/dana-scientist';

type Entities = NonNullable<
  Parameters<typeof catalogServiceMock.factory>[0]
>['entities'];

const entities: Entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'dana-scientist' },
    spec: { memberOf: ['fraud-detection'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    // The team name is the annotation, not the entity name.
    metadata: {
      name: 'fraud-detection-group',
      annotations: { 'sagemaker-studio.aws/team': 'fraud-detection' },
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'd-abc123def456',
      labels: { 'sagemaker-studio.aws/home': 'true' },
      annotations: { 'sagemaker-studio.aws/domain-id': 'd-abc123def456' },
    },
    spec: { type: 'sagemaker-studio-domain', owner: 'group:default/admins' },
  },
  // The same domain id read in a second account: its name carries the
  // account and region, its annotation the id.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'd-abc123def456-210987654321-us-east-1',
      annotations: {
        'sagemaker-studio.aws/domain-id': 'd-abc123def456',
        'sagemaker-studio.aws/account-id': '210987654321',
        'sagemaker-studio.aws/region': 'us-east-1',
      },
    },
    spec: { type: 'sagemaker-studio-domain', owner: 'group:default/admins' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'dana-scientist-user-profile',
      annotations: {
        'sagemaker-studio.aws/provisioned-product-id': 'pp-profile0000001',
      },
    },
    spec: { type: 'sagemaker-studio-user-profile', owner: DANA },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'fraud-detection-team-environment',
      annotations: {
        'sagemaker-studio.aws/provisioned-product-id': 'pp-teamenv000001',
      },
    },
    spec: {
      type: 'sagemaker-studio-team-environment',
      owner: 'group:default/fraud-detection-group',
    },
  },
];

describe('templates in a scaffolder dry run', () => {
  async function dryRun(
    name: string | object,
    values: Record<string, unknown>,
  ) {
    const requests = mockRequestsService();
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleSageMakerStudio,
        catalogServiceMock.factory({ entities }),
        createServiceFactory({
          service: sageMakerStudioRequestsServiceRef,
          deps: {},
          factory: () => requests,
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
        }),
      ],
    });
    const answer = await fetch(
      `http://localhost:${server.port()}/api/scaffolder/v2/dry-run`,
      {
        method: 'POST',
        headers: {
          Authorization: mockCredentials.user.header(DANA),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          template: typeof name === 'string' ? template(name) : name,
          values,
          directoryContents: [],
        }),
      },
    );
    const response = { status: answer.status, body: await answer.json() };
    return { response, requests };
  }

  it('previews a team environment for the team annotation of the picked group', async () => {
    const { response, requests } = await dryRun('team-environment', {
      team: 'group:default/fraud-detection-group',
      envType: 'test',
    });

    expect(response.status).toBe(200);
    expect(requests.createRequest).not.toHaveBeenCalled();
    expect(requests.previewRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        product: 'teamEnvironment',
        teamName: 'fraud-detection',
        parameters: { EnvType: 'test' },
      }),
      { credentials: expect.anything() },
    );
    expect(response.body.output.text[0].content).toBe(
      'Request **dry-run** is **DRY_RUN**. A data-science admin reviews it under "Studio reviews".',
    );
  });

  it('previews a user profile on the picked domain, sending its domain-id annotation', async () => {
    const { response, requests } = await dryRun('user-profile', {
      team: 'group:default/fraud-detection-group',
      domain: 'resource:default/d-abc123def456',
      envType: 'dev',
      requireNetworkIsolation: true,
    });

    expect(response.status).toBe(200);
    expect(requests.previewRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        product: 'userProfile',
        teamName: 'fraud-detection',
        domainId: 'd-abc123def456',
        parameters: { EnvType: 'dev', RequireNetworkIsolation: 'true' },
      }),
      expect.anything(),
    );
  });

  it("sends the id, not the entity name, of a second account's domain (the backend then refuses it)", async () => {
    const { response, requests } = await dryRun('user-profile', {
      team: 'group:default/fraud-detection-group',
      domain: 'resource:default/d-abc123def456-210987654321-us-east-1',
      envType: 'dev',
    });

    expect(response.status).toBe(200);
    expect(requests.previewRequest).toHaveBeenCalledWith(
      expect.objectContaining({ domainId: 'd-abc123def456' }),
      expect.anything(),
    );
  });

  it("refuses a domain entity's name as its id, naming the field", async () => {
    // The template before the fix sent the picked entity's name.
    const before = template('user-profile');
    before.spec.steps.find((s: any) => s.id === 'request').input.domainId =
      "${{ parameters.domain | parseEntityRef | pick('name') }}";
    const { response, requests } = await dryRun(before, {
      team: 'group:default/fraud-detection-group',
      domain: 'resource:default/d-abc123def456-210987654321-us-east-1',
      envType: 'dev',
    });

    expect(requests.previewRequest).not.toHaveBeenCalled();
    expect(JSON.stringify(response.body)).toMatch(
      /Invalid input passed to action sagemaker-studio:user-profile:request, instance\.domainId does not match pattern/,
    );
  });

  it('previews a Studio domain, leaving out an empty volume cap', async () => {
    const { response, requests } = await dryRun('studio-domain', {
      StudioDomainName: 'data-science',
      DefaultInstanceType: 'ml.t3.medium',
      IdleTimeoutInMinutes: 90,
    });

    expect(response.status).toBe(200);
    expect(requests.previewRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        product: 'studioDomain',
        parameters: {
          StudioDomainName: 'data-science',
          DefaultInstanceType: 'ml.t3.medium',
          IdleTimeoutInMinutes: '90',
        },
      }),
      expect.anything(),
    );
  });

  it.each([
    [
      'user-profile-upgrade',
      { profile: 'resource:default/dana-scientist-user-profile' },
      'userProfile',
      'update',
      'pp-profile0000001',
    ],
    [
      'user-profile-offboard',
      { target: 'resource:default/dana-scientist-user-profile' },
      'userProfile',
      'terminate',
      'pp-profile0000001',
    ],
    [
      'team-environment-offboard',
      { target: 'resource:default/fraud-detection-team-environment' },
      'teamEnvironment',
      'terminate',
      'pp-teamenv000001',
    ],
  ])(
    '%s previews the operation on the provisioned product of the picked entity',
    async (name, values, product, operation, provisionedProductId) => {
      const { response, requests } = await dryRun(name, values);

      expect(response.status).toBe(200);
      expect(requests.previewRequest).toHaveBeenCalledWith(
        expect.objectContaining({ product, operation, provisionedProductId }),
        expect.anything(),
      );
      expect(response.body.output.links).toContainEqual(
        expect.objectContaining({ entityRef: Object.values(values)[0] }),
      );
    },
  );
});
