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
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ResourceEntity,
} from '@backstage/catalog-model';
import {
  SAGEMAKER_STUDIO_ARN_ANNOTATION,
  SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
  StudioDomainSummary,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * Turns a Studio domain into a catalog Resource of type
 * `sagemaker-studio-domain`; undefined for a record too incomplete to name.
 *
 * @public
 */
export function domainToResourceEntity(
  domain: StudioDomainSummary,
  options: { owner: string; providerName: string },
): ResourceEntity | undefined {
  if (!domain.domainId || !domain.arn) {
    return undefined;
  }
  const location = `url:https://console.aws.amazon.com/sagemaker/home?region=${domain.region}#/studio/${domain.domainId}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: domain.domainId,
      title: domain.domainName,
      description: `SageMaker Studio domain (${
        domain.appNetworkAccessType ?? 'unknown network mode'
      })`,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION]: domain.domainId,
        [SAGEMAKER_STUDIO_ARN_ANNOTATION]: domain.arn,
      },
      tags: ['sagemaker', 'studio'],
    },
    spec: {
      type: 'sagemaker-studio-domain',
      owner: options.owner,
    },
  };
}
