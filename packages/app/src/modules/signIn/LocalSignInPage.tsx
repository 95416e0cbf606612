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
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  WarningPanel,
} from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { IdentityApi } from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';

/** Must match the backend's local identities auth module. */
const PROVIDER_ID = 'localIdentities';
const IDENTITY_HEADER = 'x-sagemaker-studio-local-identity';
const STORAGE_KEY = 'sagemaker-studio.local-identity';

interface LocalIdentity {
  userEntityRef: string;
  title: string;
}

function readIdentities(config: ReturnType<typeof useApi<any>>): LocalIdentity[] {
  return (config.getOptionalConfigArray('localSignIn.identities') ?? []).map(
    (c: any) => ({
      userEntityRef: c.getString('userEntityRef'),
      title: c.getOptionalString('title') ?? c.getString('userEntityRef'),
    }),
  );
}

/** Signing out forgets the chosen identity, so the picker shows again. */
function forgetOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      window.sessionStorage.removeItem(STORAGE_KEY);
      await identity.signOut();
    },
  };
}

/**
 * Sign in as one of the people from the example org, for local development.
 * Offered only when `localSignIn.enabled` is true; the backend refuses the
 * provider outside development whatever the frontend shows.
 */
export function LocalSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const [chosen, setChosen] = useState<string | null>(() =>
    window.sessionStorage.getItem(STORAGE_KEY),
  );

  if (!config.getOptionalBoolean('localSignIn.enabled')) {
    return (
      <Page themeId="home">
        <Header title="Sign in" />
        <Content>
          <WarningPanel
            title="No sign-in method is configured"
            message="Configure an identity provider under auth.providers and a sign-in page for it."
          />
        </Content>
      </Page>
    );
  }

  if (chosen) {
    return (
      <ProxiedSignInPage
        {...props}
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgetOnSignOut(identity))
        }
        provider={PROVIDER_ID}
        headers={{ [IDENTITY_HEADER]: chosen }}
      />
    );
  }

  const identities = readIdentities(config);
  return (
    <Page themeId="home">
      <Header
        title="SageMaker Studio Portal"
        subtitle="Local sign-in: choose who you are (development only)"
      />
      <Content>
        <Grid container spacing={3}>
          {identities.map(identity => (
            <Grid item xs={12} sm={6} md={4} key={identity.userEntityRef}>
              <InfoCard title={identity.title}>
                <Typography variant="body2" paragraph>
                  {identity.userEntityRef}
                </Typography>
                <Button
                  variant="contained"
                  color="primary"
                  aria-label={`Sign in as ${identity.title}`}
                  onClick={() => {
                    window.sessionStorage.setItem(
                      STORAGE_KEY,
                      identity.userEntityRef,
                    );
                    setChosen(identity.userEntityRef);
                  }}
                >
                  Sign in
                </Button>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
