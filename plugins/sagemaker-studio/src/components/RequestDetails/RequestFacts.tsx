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

import { StructuredMetadataTable } from '@backstage/core-components';
import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';
import { EntityRefText } from './EntityRefText';
import { operationLabel, productLabel } from './labels';

const asIs = (key: string) => key;

/** What a request is about and who is behind it. */
export function RequestFacts(props: { request: ProvisioningRequest }) {
  const { request } = props;
  const metadata: Record<string, unknown> = {
    Product: productLabel(request.product),
    Operation: operationLabel(request.operation),
    'Service Catalog product': request.productName
      ? `${request.productName}${
          request.productVersion ? ` (version ${request.productVersion})` : ''
        }`
      : 'not resolved yet',
    Team: request.teamName ?? '—',
    'Requested by': <EntityRefText entityRef={request.requestedBy} />,
    'Requested for': request.requestedFor ? (
      <EntityRefText entityRef={request.requestedFor} />
    ) : (
      'the requester'
    ),
    'Requested at': new Date(request.createdAt).toLocaleString(),
  };
  if (request.provisionedProductName) {
    metadata['Provisioned product'] = request.provisionedProductName;
  }
  // The backend's messages name requests by id (e.g. a 409 on review).
  metadata['Request ID'] = <code>{request.id}</code>;
  return (
    <StructuredMetadataTable
      metadata={metadata}
      dense
      options={{ titleFormat: asIs }}
    />
  );
}
