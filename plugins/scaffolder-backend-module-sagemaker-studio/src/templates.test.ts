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
import {
  SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
  SAGEMAKER_STUDIO_HOME_LABEL,
  SAGEMAKER_STUDIO_PRODUCT_INPUTS,
} from '@internal/plugin-sagemaker-studio-common';
import { actionOptions } from './actions/__testUtils__/actionTestUtils';
import {
  createSageMakerStudioDomainRequestAction,
  createSageMakerStudioTeamEnvironmentOffboardAction,
  createSageMakerStudioTeamEnvironmentRequestAction,
  createSageMakerStudioUserProfileOffboardAction,
  createSageMakerStudioUserProfileRequestAction,
  createSageMakerStudioUserProfileUpgradeAction,
} from './actions';

// The software templates live at the repository root; they call these actions.
const templatesDir = path.resolve(__dirname, '../../../templates');

function readYaml(file: string) {
  return yaml.parse(fs.readFileSync(path.join(templatesDir, file), 'utf8'));
}

const location = readYaml('all.yaml');
const templates: Array<[string, any]> = location.spec.targets.map(
  (target: string) => [target, readYaml(target)],
);

function properties(template: any): Record<string, any> {
  return Object.assign(
    {},
    ...template.spec.parameters.map((page: any) => page.properties),
  );
}

describe('templates', () => {
  const options = actionOptions();
  const actions = new Map(
    [
      createSageMakerStudioDomainRequestAction(options),
      createSageMakerStudioTeamEnvironmentRequestAction(options),
      createSageMakerStudioUserProfileRequestAction(options),
      createSageMakerStudioUserProfileUpgradeAction(options),
      createSageMakerStudioUserProfileOffboardAction(options),
      createSageMakerStudioTeamEnvironmentOffboardAction(options),
    ].map(action => [action.id, action]),
  );

  it('lists every template directory in all.yaml', () => {
    const dirs = fs
      .readdirSync(templatesDir, { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => `./${entry.name}/template.yaml`);
    expect([...location.spec.targets].sort()).toEqual(dirs.sort());
  });

  it('uses every action of this module', () => {
    const used = templates.flatMap(([, template]) =>
      template.spec.steps.map((step: any) => step.action),
    );
    expect([...actions.keys()].filter(id => !used.includes(id))).toEqual([]);
  });

  it.each(templates)(
    '%s calls only known actions with inputs they declare',
    (_file, template) => {
      for (const step of template.spec.steps) {
        if (step.action === 'catalog:fetch') {
          continue;
        }
        const action = actions.get(step.action);
        expect(action).toBeDefined();
        const declared = Object.keys(
          (action!.schema?.input as any)?.properties ?? {},
        );
        expect(
          Object.keys(step.input).filter(key => !declared.includes(key)),
        ).toEqual([]);
      }
    },
  );

  it.each(templates)(
    '%s links to the request page and shows the request status',
    (_file, template) => {
      expect(template.spec.output.links).toContainEqual({
        title: 'My Studio requests',
        url: '${{ steps.request.output.requestUrl }}',
      });
      expect(template.spec.output.text[0].content).toMatch(
        /^'?Request \*\*\$\{\{ steps\.request\.output\.requestId \}\}\*\* is \*\*\$\{\{ steps\.request\.output\.status \}\}\*\*/,
      );
    },
  );

  it.each(
    templates.filter(([, template]) =>
      Object.values(properties(template)).some(
        (field: any) => field['ui:options']?.catalogFilter,
      ),
    ),
  )(
    '%s offers only Resources of the home account and region, where products are launched',
    (_file, template) => {
      const filters = Object.values(properties(template))
        .map((field: any) => field['ui:options']?.catalogFilter)
        .filter(Boolean)
        .flat();
      expect(filters.length).toBeGreaterThan(0);
      for (const filter of filters) {
        expect(filter).toMatchObject({
          kind: 'Resource',
          'spec.type': expect.stringMatching(/^sagemaker-studio-/),
          [`metadata.labels.${SAGEMAKER_STUDIO_HOME_LABEL}`]: 'true',
        });
      }
    },
  );

  it("sends the picked domain's id from its domain-id annotation, not its entity name", () => {
    const [, template] = templates.find(([file]) =>
      file.includes('/user-profile/'),
    )!;
    const fetch = template.spec.steps.find(
      (step: any) =>
        step.action === 'catalog:fetch' &&
        step.input.entityRef === '${{ parameters.domain }}',
    );
    expect(fetch).toBeDefined();
    const request = template.spec.steps.find(
      (step: any) => step.action === 'sagemaker-studio:user-profile:request',
    );
    expect(request.input.domainId).toBe(
      `\${{ steps.${fetch.id}.output.entity.metadata.annotations['${SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION}'] }}`,
    );
  });

  it('offers the studio domain parameters exactly as the product does', () => {
    const [, template] = templates.find(([file]) =>
      file.includes('studio-domain'),
    )!;
    const fields = properties(template);
    const inputs = SAGEMAKER_STUDIO_PRODUCT_INPUTS.studioDomain.provision;
    expect(fields.StudioDomainName.pattern).toBe(
      inputs.StudioDomainName.pattern,
    );
    expect(fields.StudioDomainName.maxLength).toBe(
      inputs.StudioDomainName.maxLength,
    );
    expect(fields.DefaultInstanceType.enum).toEqual(
      inputs.DefaultInstanceType.allowedValues,
    );
    for (const name of ['IdleTimeoutInMinutes', 'MaximumEbsVolumeSizeInGb']) {
      expect([fields[name].minimum, fields[name].maximum]).toEqual([
        inputs[name].minValue,
        inputs[name].maxValue,
      ]);
    }
  });

  it.each(templates.filter(([, template]) => properties(template).envType))(
    '%s offers the environment types of the products',
    (_file, template) => {
      expect(properties(template).envType.enum).toEqual(
        SAGEMAKER_STUDIO_PRODUCT_INPUTS.teamEnvironment.provision.EnvType
          .allowedValues,
      );
    },
  );
});
