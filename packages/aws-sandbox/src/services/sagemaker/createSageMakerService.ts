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

import { createCloudTrailEvent } from '../../events';
import type {
  OperationHandler,
  SandboxEnvironment,
  ServiceDefinition,
} from '../../server/types';
import { createAppOperations } from './apps';
import { createDomainOperations } from './domains';
import { createJobOperations, JOB_KINDS } from './jobs';
import { createModelOperations } from './models';
import { createNotebookInstanceOperations } from './notebookInstances';
import {
  createPresignedUrlOperations,
  createStudioPage,
} from './presignedDomainUrl';
import { createSearchOperations } from './search';
import { createSpaceOperations } from './spaces';
import { createSageMakerTables, SageMakerDeps } from './tables';
import { createTagOperations } from './tags';
import { createUserProfileOperations } from './userProfiles';

function firstArn(output: unknown): string[] {
  if (!output || typeof output !== 'object') {
    return [];
  }
  const arn = Object.entries(output).find(
    ([key, value]) => key.endsWith('Arn') && typeof value === 'string',
  );
  return arn ? [arn[1] as string] : [];
}

/**
 * Records a mutating call as CloudTrail does, so EventBridge rules (here: the
 * detective-control handler) see it after the call has returned.
 */
function withCloudTrail(
  env: SandboxEnvironment,
  name: string,
  handler: OperationHandler,
): OperationHandler {
  return async (input, ctx) => {
    const output = await handler(input, ctx);
    env.events.publish(
      createCloudTrailEvent({
        service: 'sagemaker',
        eventName: name,
        account: ctx.accountId,
        region: ctx.region,
        accessKeyId: ctx.accessKeyId,
        requestId: ctx.requestId,
        time: new Date(env.clock.now()),
        requestParameters: input,
        responseElements: output,
        resources: firstArn(output),
      }),
    );
    return output;
  };
}

/** SageMaker over JSON 1.1: Studio domains and their members, jobs, models, notebooks, search and tags. */
export function createSageMakerService(
  env: SandboxEnvironment,
): ServiceDefinition {
  const deps: SageMakerDeps = { env, tables: createSageMakerTables(env.state) };
  const operations: Record<string, OperationHandler> = {
    ...createDomainOperations(deps),
    ...createUserProfileOperations(deps),
    ...createSpaceOperations(deps),
    ...createAppOperations(deps),
    ...createPresignedUrlOperations(deps),
    ...Object.assign(
      {},
      ...JOB_KINDS.map(kind => createJobOperations(deps, kind)),
    ),
    ...createModelOperations(deps),
    ...createNotebookInstanceOperations(deps),
    ...createSearchOperations(deps),
    ...createTagOperations(deps),
  };
  for (const [name, handler] of Object.entries(operations)) {
    // Create* and Update* calls are recorded; CreatePresignedDomainUrl changes nothing.
    if (
      (name.startsWith('Create') || name.startsWith('Update')) &&
      name !== 'CreatePresignedDomainUrl'
    ) {
      operations[name] = withCloudTrail(env, name, handler);
    }
  }
  return {
    name: 'sagemaker',
    signingName: 'sagemaker',
    protocol: 'json',
    jsonTargetPrefix: 'SageMaker',
    throttlingErrorCode: 'ThrottlingException',
    operations,
    pages: [createStudioPage(deps)],
  };
}
