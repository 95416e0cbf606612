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
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import {
  SourceError,
  StudioEntityStatus,
} from '@internal/plugin-sagemaker-studio-common';
import Button from '@material-ui/core/Button';
import { ReactNode } from 'react';
import { errorMessage } from '../../api/errorMessage';

/**
 * The state of a status read, as `useEntityStudioStatus` returns it.
 *
 * @public
 */
export interface StudioEntityStatusState {
  loading: boolean;
  error?: Error;
  value?: StudioEntityStatus;
  retry?: () => void;
}

const ERROR_TYPE_LABELS: Record<SourceError['errorType'], string> = {
  NOT_FOUND: 'not found',
  NOT_ALLOWED: 'not allowed',
  THROTTLED: 'throttled, try again later',
  UNAVAILABLE: 'unavailable',
  UNKNOWN: 'unknown error',
};

/**
 * Where a failed read was: `<account>/<region>` when the backend names the
 * account and region (`main account/<region>` for the portal's own account
 * when config does not give its id), else the source.
 */
export function sourceErrorPlace(error: SourceError): string {
  if (error.region) {
    return `${error.accountId ?? 'main account'}/${error.region}`;
  }
  return error.source;
}

/**
 * The accounts and regions (or other sources) that could not be read,
 * named in the title and listed with the error type and fixed message,
 * above the data that could be read.
 */
export function SourceErrorsPanel(props: { errors: SourceError[] }) {
  const { errors } = props;
  if (errors.length === 0) return null;
  const places = [...new Set(errors.map(sourceErrorPlace))];
  return (
    <WarningPanel
      severity="warning"
      title={`Partial results: could not read ${places.join(', ')}`}
      defaultExpanded
    >
      <ul aria-label="Sources that failed" style={{ margin: 0 }}>
        {errors.map((e, index) => (
          <li key={`${e.source}-${index}`}>
            <strong>{sourceErrorPlace(e)}</strong>:{' '}
            {ERROR_TYPE_LABELS[e.errorType]}
            {e.message ? ` — ${e.message}` : ''}
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}

function isForbidden(error: Error): boolean {
  return ResponseError.is(error) && error.statusCode === 403;
}

/**
 * An entity card around a status read: progress while loading, a "no
 * access" warning for a 403, the error panel for any other failure, and the
 * data with the per-source errors above it once read.
 */
export function StudioEntityStatusCard(props: {
  title: string;
  state: StudioEntityStatusState;
  children: (status: StudioEntityStatus) => ReactNode;
}) {
  const { title, state } = props;
  const retry = state.retry && (
    <Button size="small" onClick={state.retry}>
      Retry
    </Button>
  );
  let body: ReactNode;
  if (state.loading) {
    body = <Progress />;
  } else if (state.error && isForbidden(state.error)) {
    body = (
      <WarningPanel
        severity="warning"
        title="You don't have access"
        message={`You don't have access to the SageMaker Studio details of this entity: ${errorMessage(
          state.error,
        )}`}
        defaultExpanded
      />
    );
  } else if (state.error) {
    body = (
      <>
        <ResponseErrorPanel error={state.error} />
        {retry}
      </>
    );
  } else if (state.value) {
    body = (
      <>
        <SourceErrorsPanel errors={state.value.errors} />
        {props.children(state.value)}
      </>
    );
  }
  return <InfoCard title={title}>{body}</InfoCard>;
}
