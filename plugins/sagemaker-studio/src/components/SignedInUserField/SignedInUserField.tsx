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

import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';

/**
 * A template field that shows who is signed in, filled in and not editable:
 * a request made from the template is always for that person (the backend
 * derives it from the credentials, whatever the form says).
 *
 * @public
 */
export function SignedInUserField(props: FieldExtensionComponentProps<string>) {
  const { onChange, schema, uiSchema, required, rawErrors } = props;
  const identityApi = useApi(identityApiRef);
  const { value: identity, error } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const userEntityRef = identity?.userEntityRef;

  useEffect(() => {
    if (userEntityRef) onChange(userEntityRef);
  }, [userEntityRef, onChange]);

  return (
    <TextField
      id={props.idSchema?.$id}
      label={schema.title ?? 'Signed-in user'}
      helperText={
        error
          ? `Could not read who is signed in: ${error.message}`
          : uiSchema?.['ui:description'] ?? schema.description
      }
      value={userEntityRef ?? ''}
      required={required}
      error={Boolean(error) || Boolean(rawErrors?.length)}
      InputProps={{ readOnly: true }}
      disabled
      fullWidth
      margin="normal"
    />
  );
}
