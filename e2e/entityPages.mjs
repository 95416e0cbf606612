// Copyright 2026 The SageMaker Studio Portal Authors
// SPDX-License-Identifier: Apache-2.0
//
// Issue 8's acceptance beyond Dana's own page: Open Studio is refused to
// anyone but the profile's owner, the team page shows its environment's
// buckets, key and members, and with the sandbox's second account
// unreachable the pages still show the first account and name the one that
// failed. Run from e2e/run.mjs, which passes its helpers in `e2e`.

const SECOND_ACCOUNT = '210987654321';
const SECOND_TARGET = `${SECOND_ACCOUNT}/us-east-1`;
/** The seeded (demo estate) profile of Dana's, as the catalog names it. */
const DANA_PROFILE = 'dana-scientist-user-profile';

/** Loads a page until `ready` holds, or throws after the deadline. */
async function reloadUntil(page, url, ready, timeout, what) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    if (await ready()) return;
    if (Date.now() > deadline)
      throw new Error(`${what}: not seen in ${timeout} ms`);
  }
}

/** True once the locator is visible within the timeout. */
function seen(locator, timeout) {
  return locator
    .first()
    .waitFor({ timeout })
    .then(
      () => true,
      () => false,
    );
}

/** POST open-studio from inside a signed-in page, as its frontend would: the status and body. */
function openStudioFrom(page, e2e, token, entityName) {
  return page.evaluate(
    async ({ url, token: bearer }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${bearer}`,
          'content-type': 'application/json',
        },
        body: '{}',
      });
      return { status: response.status, body: await response.text() };
    },
    {
      url: `${e2e.browserBackendUrl}/api/sagemaker-studio/entity/default/resource/${entityName}/open-studio`,
      token,
    },
  );
}

async function sandboxFault(e2e, method, body) {
  const response = await fetch(
    `${e2e.sandboxUrl}/_sandbox/faults/scopes/${SECOND_ACCOUNT}`,
    {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    },
  );
  if (!response.ok)
    throw new Error(
      `sandbox ${method} fault scope: ${
        response.status
      } ${await response.text()}`,
    );
}

/**
 * Runs the checks. Must run while Dana's seeded profile is still in the
 * catalog (before run.mjs has an admin offboard it).
 */
export async function entityPageChecks(e2e) {
  const { check, shot, tokenOf, api, waitFor, baseUrl } = e2e;
  const { dana, sam } = e2e.pages;

  await check(
    "sam: asking the API for Dana's Studio URL gets 403 (Dana herself gets a URL)",
    sam,
    async () => {
      const admin = await tokenOf('ada-admin');
      const profile = await waitFor(
        () =>
          api(
            admin,
            `/api/catalog/entities/by-name/resource/default/${DANA_PROFILE}`,
          ),
        60_000,
      );
      const owner = profile.spec?.owner;
      if (!/dana-scientist/.test(owner ?? ''))
        throw new Error(`${DANA_PROFILE} is owned by ${owner}, not Dana`);

      await sam.goto(`${baseUrl}/catalog/default/resource/${DANA_PROFILE}`, {
        waitUntil: 'domcontentloaded',
      });
      const asSam = await openStudioFrom(
        sam,
        e2e,
        await tokenOf('sam-lead'),
        DANA_PROFILE,
      );
      if (asSam.status !== 403)
        throw new Error(
          `Sam got ${asSam.status} for Dana's Studio URL: ${asSam.body.slice(
            0,
            200,
          )}`,
        );
      if (/presigned|studio\/|token=/i.test(asSam.body))
        throw new Error(`the 403 carries a URL: ${asSam.body.slice(0, 200)}`);
      // The page itself tells Sam the profile is not his, with no working button.
      await sam
        .getByText('This profile is not yours')
        .first()
        .waitFor({ timeout: 60_000 });
      if (
        await sam
          .getByRole('button', { name: 'Open Studio' })
          .first()
          .isEnabled()
      )
        throw new Error(
          "Sam is offered an enabled Open Studio on Dana's profile",
        );
      await shot(sam, 'sam-dana-profile-open-studio-refused');

      const asDana = await openStudioFrom(
        dana,
        e2e,
        await tokenOf('dana-scientist'),
        DANA_PROFILE,
      );
      if (asDana.status !== 200)
        throw new Error(
          `Dana got ${asDana.status}: ${asDana.body.slice(0, 200)}`,
        );
      const { url, expiresAt } = JSON.parse(asDana.body);
      if (!/^https?:\/\/.+\/studio\//.test(url ?? ''))
        throw new Error(
          `Dana's answer has no Studio url: ${asDana.body.slice(0, 200)}`,
        );
      if (!(Date.parse(expiresAt) > Date.now()))
        throw new Error(`Dana's expiresAt is not in the future: ${expiresAt}`);
    },
  );

  await check(
    'dana: the team environment card shows the data and model buckets, the KMS key and the members',
    dana,
    async () => {
      const status = await api(
        await tokenOf('dana-scientist'),
        '/api/sagemaker-studio/entity/default/group/fraud-detection',
      );
      const env = status.teamEnvironments.find(
        t => t.provisionedProductName === 'team-fraud-detection-dev',
      );
      if (!env)
        throw new Error('the team route returns no team-fraud-detection-dev');
      const { DataBucketName, ModelBucketName, TeamKmsKeyArn } = env.outputs;
      if (!DataBucketName || !ModelBucketName || !TeamKmsKeyArn)
        throw new Error(
          `outputs lack buckets or key: ${Object.keys(env.outputs)}`,
        );

      await dana.goto(`${baseUrl}/catalog/default/group/fraud-detection`, {
        waitUntil: 'domcontentloaded',
      });
      const facts = dana
        .getByRole('table', {
          name: 'Team environment team-fraud-detection-dev',
        })
        .filter({ visible: true })
        .first();
      await facts.waitFor({ timeout: 60_000 });
      const missing = [];
      for (const [label, value] of [
        ['Data bucket', DataBucketName],
        ['Model bucket', ModelBucketName],
        ['KMS key', TeamKmsKeyArn],
      ]) {
        const row = facts.getByRole('row').filter({ hasText: label });
        // A console link: its text is the value (and "Opens in a new window" for screen readers).
        if (
          !(await seen(
            row.getByRole('link').filter({ hasText: value }),
            10_000,
          ))
        )
          missing.push(`${label} ${value}`);
      }
      // Each member profile with its status, in the card's members table.
      for (const member of env.members) {
        const row = dana
          .getByRole('table', { name: 'Members of fraud-detection' })
          .filter({ visible: true })
          .getByRole('row')
          .filter({ hasText: member.userProfileName });
        if (!(await seen(row.getByText(member.status), 10_000)))
          missing.push(`member ${member.userProfileName} ${member.status}`);
      }
      if (env.members.length === 0) missing.push('any member');
      if (missing.length > 0)
        throw new Error(`the card does not show: ${missing.join(', ')}`);
      await shot(dana, 'fraud-detection-environment-buckets-key-members');
    },
  );

  await check(
    `sam: with account ${SECOND_ACCOUNT} unreachable, his team page and the domain list show the first account and name ${SECOND_TARGET}`,
    sam,
    async () => {
      const token = await tokenOf('sam-lead');
      const domains = await api(token, '/api/sagemaker-studio/domains');
      const home = domains.items.find(d => d.accountId === '123456789012');
      const second = domains.items.find(d => d.accountId === SECOND_ACCOUNT);
      if (!home || !second)
        throw new Error(
          `Sam's domain list should hold both accounts' domains: ${JSON.stringify(
            domains.items.map(d => d.arn),
          )}`,
        );
      const notice = `Partial results: could not read ${SECOND_TARGET}`;
      await sandboxFault(e2e, 'PUT', { connectionResetRate: 1 });
      try {
        // Reads are cached (sageMakerStudio.cache.ttlSeconds, 30 s by default):
        // the failure shows once the cached reads of that account expire.
        const teamPage = `${baseUrl}/catalog/default/group/recommendations`;
        await reloadUntil(
          sam,
          teamPage,
          () => seen(sam.getByText(notice), 20_000),
          120_000,
          'the partial-failure notice on the recommendations page',
        );
        await sam
          .getByRole('table', {
            name: 'Team environment team-recommendations-dev',
          })
          .filter({ visible: true })
          .first()
          .waitFor({ timeout: 30_000 });
        if ((await sam.getByText('team-recommendations-prod').count()) !== 0)
          throw new Error("the unreachable account's environment is shown");
        await shot(sam, 'recommendations-second-account-unreachable');

        await reloadUntil(
          sam,
          `${baseUrl}/sagemaker-studio`,
          () => seen(sam.getByText(notice), 30_000),
          60_000,
          'the partial-failure notice on the domain list',
        );
        await sam.getByText(home.domainId).first().waitFor({ timeout: 30_000 });
        if ((await sam.getByText(second.domainId).count()) !== 0)
          throw new Error("the unreachable account's domain is shown");
        await shot(sam, 'domain-list-second-account-unreachable');
      } finally {
        await sandboxFault(e2e, 'DELETE');
      }
    },
  );
}
