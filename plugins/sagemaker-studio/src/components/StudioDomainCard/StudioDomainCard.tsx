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

import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  getSageMakerStudioAnnotation,
  isSageMakerStudioDomainAvailable,
  SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
  StudioDomainStatus,
} from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import { useEntityStudioStatus } from '../../hooks/useEntityStudioStatus';
import {
  AwsConsoleLink,
  AwsConsoleLinks,
  domainConsoleUrl,
  kmsKeyConsoleUrl,
  roleConsoleUrl,
  roleName,
  securityGroupConsoleUrl,
  subnetConsoleUrl,
  vpcConsoleUrl,
} from '../AwsConsoleLink';
import {
  EmptyMessage,
  Facts,
  SectionTitle,
  StudioEntityStatusCard,
  StudioEntityStatusState,
} from '../StudioEntityStatusCard';
import { StudioStatusChip } from '../StudioStatusChip';

const NETWORK_LABELS: Record<string, string> = {
  VpcOnly: 'VPC only',
  PublicInternetOnly: 'Public internet',
};

function DomainDetails(props: { domain: StudioDomainStatus }) {
  const { domain: d } = props;
  const at = { accountId: d.accountId, region: d.region };
  return (
    <Box mb={2}>
      <SectionTitle>
        {d.domainName} <StudioStatusChip status={d.status} />
      </SectionTitle>
      <Facts
        label={`Studio domain ${d.domainId}`}
        facts={[
          {
            label: 'Domain',
            value: (
              <AwsConsoleLink
                href={domainConsoleUrl(d.region, d.domainId)}
                {...at}
              >
                {d.domainId}
              </AwsConsoleLink>
            ),
          },
          { label: 'Account', value: d.accountId },
          { label: 'Region', value: d.region },
          { label: 'Auth mode', value: d.authMode ?? '—' },
          {
            label: 'Network access',
            value: d.appNetworkAccessType
              ? NETWORK_LABELS[d.appNetworkAccessType] ?? d.appNetworkAccessType
              : '—',
          },
          {
            label: 'KMS key',
            value: d.kmsKeyId ? (
              <AwsConsoleLink
                href={kmsKeyConsoleUrl(d.region, d.kmsKeyId)}
                {...at}
              >
                {d.kmsKeyId}
              </AwsConsoleLink>
            ) : (
              'None (AWS managed key)'
            ),
          },
          {
            label: 'VPC',
            value: d.vpcId ? (
              <AwsConsoleLink href={vpcConsoleUrl(d.region, d.vpcId)} {...at}>
                {d.vpcId}
              </AwsConsoleLink>
            ) : (
              '—'
            ),
          },
          {
            label: 'Subnets',
            value: (
              <AwsConsoleLinks
                ids={d.subnetIds}
                url={subnetConsoleUrl}
                {...at}
              />
            ),
          },
          {
            label: 'Security groups',
            value: (
              <AwsConsoleLinks
                ids={d.securityGroupIds}
                url={securityGroupConsoleUrl}
                {...at}
              />
            ),
          },
          {
            label: 'Default execution role',
            value: d.defaultExecutionRoleArn ? (
              <AwsConsoleLink
                href={roleConsoleUrl(d.region, d.defaultExecutionRoleArn)}
                {...at}
              >
                {roleName(d.defaultExecutionRoleArn)}
              </AwsConsoleLink>
            ) : (
              '—'
            ),
          },
          { label: 'User profiles', value: d.counts.userProfiles },
          { label: 'Spaces', value: d.counts.spaces },
          { label: 'Running apps', value: d.counts.runningApps },
        ]}
      />
    </Box>
  );
}

/**
 * The domain card for a status already read (the entity tab reads once for
 * all its cards).
 */
export function StudioDomainCardView(props: {
  state: StudioEntityStatusState;
  domainId?: string;
}) {
  return (
    <StudioEntityStatusCard title="SageMaker Studio domain" state={props.state}>
      {status =>
        status.domains.length === 0 ? (
          <EmptyMessage>
            SageMaker reports no Studio domain
            {props.domainId ? ` ${props.domainId}` : ''} in the accounts and
            regions this portal reads.
          </EmptyMessage>
        ) : (
          status.domains.map(d => <DomainDetails key={d.arn} domain={d} />)
        )
      }
    </StudioEntityStatusCard>
  );
}

function FetchingStudioDomainCard(props: {
  entityRef: string;
  domainId?: string;
}) {
  const state = useEntityStudioStatus(props.entityRef);
  return <StudioDomainCardView state={state} domainId={props.domainId} />;
}

/**
 * The Studio domain of a `sagemaker-studio-domain` Resource: status, auth
 * mode, network, encryption, VPC, default execution role and counts, with
 * links to the AWS console.
 *
 * @public
 */
export function StudioDomainCard() {
  const { entity } = useEntity();
  if (!isSageMakerStudioDomainAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION}
      />
    );
  }
  return (
    <FetchingStudioDomainCard
      entityRef={stringifyEntityRef(entity)}
      domainId={getSageMakerStudioAnnotation(
        entity,
        SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
      )}
    />
  );
}
