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

import { Link } from '@backstage/core-components';
import { ReactNode } from 'react';

/**
 * A link into the AWS console, opening in a new tab, whose tooltip names the
 * account and region to be signed in to (the console cannot switch account
 * from a URL).
 */
export function AwsConsoleLink(props: {
  href: string;
  accountId: string;
  region: string;
  children: ReactNode;
}) {
  return (
    <Link
      to={props.href}
      target="_blank"
      rel="noopener noreferrer"
      title={`AWS console, account ${props.accountId}, ${props.region}`}
    >
      {props.children}
    </Link>
  );
}

/** A list of ids, each a console link, separated by commas; "—" when empty. */
export function AwsConsoleLinks(props: {
  ids: string[] | undefined;
  accountId: string;
  region: string;
  url: (region: string, id: string) => string;
}) {
  const { ids, accountId, region, url } = props;
  if (!ids?.length) return <>—</>;
  return (
    <>
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 && ', '}
          <AwsConsoleLink
            href={url(region, id)}
            accountId={accountId}
            region={region}
          >
            {id}
          </AwsConsoleLink>
        </span>
      ))}
    </>
  );
}
