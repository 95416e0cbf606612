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

import { Entity } from '@backstage/catalog-model';
import {
  getSageMakerStudioAnnotation,
  SAGEMAKER_STUDIO_ACCOUNT_ID_ANNOTATION,
  SAGEMAKER_STUDIO_REGION_ANNOTATION,
  SourceError,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioAwsClients } from '@internal/plugin-sagemaker-studio-node';

/**
 * Where a Studio resource lives, as far as an entity or an AWS answer says;
 * an absent field is not known.
 */
export interface StudioLocation {
  domainId: string;
  accountId?: string;
  region?: string;
}

/** The account and region annotations of an entity. */
export function annotatedTarget(entity: Entity): {
  accountId?: string;
  region?: string;
} {
  const accountId = getSageMakerStudioAnnotation(
    entity,
    SAGEMAKER_STUDIO_ACCOUNT_ID_ANNOTATION,
  );
  const region = getSageMakerStudioAnnotation(
    entity,
    SAGEMAKER_STUDIO_REGION_ANNOTATION,
  );
  return {
    ...(accountId ? { accountId } : {}),
    ...(region ? { region } : {}),
  };
}

/**
 * Whether two locations may be the same domain: the same domain id, and the
 * same account and region wherever both say. Entities made before the
 * account and region annotations existed say neither.
 */
export function sameStudioLocation(a: StudioLocation, b: StudioLocation) {
  return (
    a.domainId === b.domainId &&
    (!a.accountId || !b.accountId || a.accountId === b.accountId) &&
    (!a.region || !b.region || a.region === b.region)
  );
}

/** The fixed message for an entity in an account or region the portal does not read. */
export const UNCONFIGURED_TARGET_MESSAGE =
  'This account and region are not among those the portal reads (sageMakerStudio.accounts); an administrator must add them.';

/**
 * The clients for the account and region an entity's annotations name:
 * the home account and region for what they leave out. Only configured
 * targets are read, so an annotation cannot point the portal's role at an
 * account it was not meant to read; the `aws:` block's main account (a
 * target without an account id) stands for an account id no target names.
 * A per-source error when the entity names a target that is not configured.
 */
export function clientsForEntity(
  clients: SageMakerStudioAwsClients,
  entity: Entity,
  source: string,
): SageMakerStudioAwsClients | SourceError {
  const annotated = annotatedTarget(entity);
  if (!annotated.accountId && !annotated.region) return clients;
  const accountId = annotated.accountId ?? clients.accountId;
  const region = annotated.region ?? clients.region;
  const targets = clients.targets();
  const exact = targets.find(
    t => t.region === region && t.accountId === accountId,
  );
  const main =
    accountId && !targets.some(t => t.accountId === accountId)
      ? targets.find(t => t.region === region && !t.accountId)
      : undefined;
  const target = exact ?? main;
  if (!target) {
    return {
      source,
      errorType: 'NOT_ALLOWED',
      message: UNCONFIGURED_TARGET_MESSAGE,
      ...(accountId ? { accountId } : {}),
      region,
    };
  }
  return clients.forTarget(target);
}
