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
import { isPlainObject } from './intrinsics';
import type { ParsedTemplate } from './types';

export const PRODUCT_TYPE = 'AWS::ServiceCatalog::CloudFormationProduct';
export const ARTIFACT_TYPE = 'AWS::ServiceCatalog::CloudFormationProvisioningArtifact';

/** @public */
export interface ProductArtifactUrl {
  logicalId: string;
  /** The `Info` mapping that holds `LoadTemplateFromURL`, so it can be rewritten in place. */
  info: Record<string, unknown>;
  url: unknown;
}

function infoBlocks(resource: Record<string, unknown>): Array<Record<string, unknown>> {
  const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
  if (resource.Type === PRODUCT_TYPE) {
    const artifacts = properties.ProvisioningArtifactParameters;
    return Array.isArray(artifacts)
      ? artifacts.filter(isPlainObject).map(a => a.Info).filter(isPlainObject)
      : [];
  }
  if (resource.Type === ARTIFACT_TYPE) {
    const parameters = properties.ProvisioningArtifactParameters;
    return isPlainObject(parameters) && isPlainObject(parameters.Info) ? [parameters.Info] : [];
  }
  return [];
}

/**
 * Every Service Catalog provisioning artifact of a template that loads its
 * template from a URL.
 *
 * @public
 */
export function productArtifactUrls(template: ParsedTemplate): ProductArtifactUrl[] {
  return Object.entries(template.body.Resources ?? {}).flatMap(([logicalId, resource]) =>
    isPlainObject(resource)
      ? infoBlocks(resource)
          .filter(info => 'LoadTemplateFromURL' in info)
          .map(info => ({ logicalId, info, url: info.LoadTemplateFromURL }))
      : [],
  );
}
