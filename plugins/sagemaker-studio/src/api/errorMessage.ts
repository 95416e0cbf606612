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

import { ResponseError } from '@backstage/errors';

/**
 * The message to show a person for a failed call: the backend's own message
 * (e.g. "Nobody may review their own request") rather than the generic
 * "Request failed with 403 Forbidden" of a {@link ResponseError}.
 */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.body.error.message || error.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}
