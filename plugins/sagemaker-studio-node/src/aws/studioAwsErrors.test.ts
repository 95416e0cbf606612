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

import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  classifyAwsFailure,
  studioAwsReadError,
  STUDIO_AWS_FAILURE_MESSAGES,
  toHttpError,
  toStudioSourceError,
} from './studioAwsErrors';
import { translateAwsError } from './translateAwsError';
import { awsError } from './__testUtils__/fakeClients';

describe('studioAwsErrors', () => {
  it.each([
    ['ResourceNotFound', 'NOT_FOUND', NotFoundError],
    ['AccessDeniedException', 'NOT_ALLOWED', ServiceUnavailableError],
    ['ThrottlingException', 'THROTTLED', ServiceUnavailableError],
    ['SomethingNew', 'UNKNOWN', ServiceUnavailableError],
  ])(
    'turns %s into %s and answers with %p and the fixed message',
    (name, failure, Type) => {
      const error = studioAwsReadError({
        error: awsError(name),
        action: 'DescribeDomain',
        source: 'sagemaker:eu-west-1:domain/d-1',
      });
      expect(error.failure).toBe(failure);
      const http = toHttpError(error);
      expect(http).toBeInstanceOf(Type);
      expect(http.message).toBe(
        STUDIO_AWS_FAILURE_MESSAGES[failure as 'NOT_FOUND'],
      );
      expect(http.message).not.toContain('secret');
      expect(toStudioSourceError(error)).toEqual({
        source: 'sagemaker:eu-west-1:domain/d-1',
        errorType: failure,
        message: STUDIO_AWS_FAILURE_MESSAGES[failure as 'NOT_FOUND'],
      });
    },
  );

  it('sees through translateAwsError to the AWS exception', () => {
    const wrapped = translateAwsError(awsError('ThrottlingException'), 'x');
    expect(
      studioAwsReadError({ error: wrapped, action: 'x', source: 's' }).failure,
    ).toBe('THROTTLED');
  });

  it('treats 5xx and network failures as UNAVAILABLE', () => {
    expect(
      classifyAwsFailure({
        name: 'InternalFailure',
        $metadata: { httpStatusCode: 500 },
      }),
    ).toBe('UNAVAILABLE');
    expect(classifyAwsFailure({ name: 'Error', code: 'ECONNREFUSED' })).toBe(
      'UNAVAILABLE',
    );
  });
});
