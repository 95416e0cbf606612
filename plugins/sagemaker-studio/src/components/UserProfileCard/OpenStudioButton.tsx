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

import { useApi } from '@backstage/core-plugin-api';
import { Link } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { StudioUserProfileStatus } from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { errorMessage } from '../../api/errorMessage';
import { sageMakerStudioApiRef } from '../../api/SageMakerStudioApi';
import { EntityRefText } from '../RequestDetails';

function failureMessage(error: Error): string {
  const message = errorMessage(error);
  if (!ResponseError.is(error)) return message;
  switch (error.statusCode) {
    case 403:
      return `Not allowed: ${message}`;
    case 409:
      return `Studio cannot be opened now: ${message}`;
    case 429: {
      const retryAfter = error.response.headers?.get('Retry-After');
      return retryAfter
        ? `${message} Try again in ${retryAfter} seconds.`
        : message;
    }
    default:
      return message;
  }
}

/**
 * Opens Studio as a profile in a new tab, for the profile's owner; says why
 * not for anyone else or while the profile is not InService. The backend
 * decides: `canOpen` only avoids a button that cannot work.
 */
export function OpenStudioButton(props: {
  /** The entity whose open-studio route to call. */
  entityRef: string;
  profile: StudioUserProfileStatus;
}) {
  const { entityRef, profile } = props;
  const api = useApi(sageMakerStudioApiRef);
  const [state, open] = useAsyncFn(async () => {
    const answer = await api.openStudio(entityRef);
    // noopener: the Studio tab gets no handle on the portal's window.
    window.open(answer.url, '_blank', 'noopener,noreferrer');
    return answer;
  }, [api, entityRef]);

  const inService = profile.status === 'InService';
  return (
    <Box my={2}>
      <Button
        variant="contained"
        color="primary"
        endIcon={<OpenInNewIcon />}
        disabled={!profile.canOpen || !inService || state.loading}
        onClick={() => open()}
      >
        Open Studio
      </Button>
      {!profile.canOpen && (
        <Box mt={1}>
          <Alert severity="info">
            This profile is not yours: only its owner
            {profile.owner && (
              <>
                {' '}
                (<EntityRefText entityRef={profile.owner} />)
              </>
            )}{' '}
            can open Studio as {profile.userProfileName}.
          </Alert>
        </Box>
      )}
      {profile.canOpen && !inService && (
        <Box mt={1}>
          <Alert severity="info">
            Studio can be opened once the profile is InService; it is{' '}
            {profile.status} now.
          </Alert>
        </Box>
      )}
      {state.error && (
        <Box mt={1}>
          <Alert severity="error">{failureMessage(state.error)}</Alert>
        </Box>
      )}
      {state.value && !state.loading && (
        <Box mt={1}>
          <Alert severity="success">
            Studio opened in a new tab. If your browser blocked it,{' '}
            <Link
              noTrack
              to={state.value.url}
              target="_blank"
              rel="noopener noreferrer"
            >
              open Studio here
            </Link>{' '}
            (the link works once, until{' '}
            {new Date(state.value.expiresAt).toLocaleTimeString()}).
          </Alert>
        </Box>
      )}
    </Box>
  );
}
