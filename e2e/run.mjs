// Copyright 2026 The SageMaker Studio Portal Authors
// SPDX-License-Identifier: Apache-2.0
//
// End-to-end check in a real, headless Chromium against a running portal and
// the local AWS sandbox (scripts/e2e.sh starts them). It walks the product's
// first promise as its users would:
//
//   Sam (team lead) requests his team's environment from the template
//   -> Ada (admin) sees the plan's resource changes and approves
//   -> Service Catalog provisions it in the sandbox, the request reaches
//      SUCCEEDED and the team environment's entity page exists;
//   Dana (data scientist) opens Studio from her demo-estate profile on her own
//   page and sees her team's environment and members; an admin offboards that
//   profile (launched outside the portal, so Dana may not), then Dana requests
//   her profile -> provisioned -> upgraded v1 -> v2 -> offboarded; Grace
//   (admin) rejects a request of Dana's and Dana
//   sees the reason; bad template input is refused naming the field; the
//   review queue is for admins only.
//
// Issue 8's entity pages (e2e/entityPages.mjs): Sam is refused Dana's Studio
// URL, the team page shows buckets, key and members, and with the sandbox's
// second account unreachable the pages show the first and name the failed
// one. Issue 9's compliance (e2e/compliance.mjs): a training job without VPC
// is stopped by the detective control, swept, and shown to its team and the
// admins, not to Sam; a compliant job raises nothing.
//
// Screenshots of every step go to e2e-artifacts/ (git-ignored).
//
//   BASE_URL=http://localhost:3000 node e2e/run.mjs
//
// E2E_ONLY=entity,compliance runs only those groups of checks (against a
// stack already running, e.g. while writing them); the default is all.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entityPageChecks } from './entityPages.mjs';
import { complianceChecks } from './compliance.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const baseUrl = process.env.BASE_URL ?? 'http://localhost:3000';
const backendUrl = process.env.BACKEND_URL ?? 'http://127.0.0.1:7007';
/** The backend as the app in the browser calls it (backend.baseUrl). */
const browserBackendUrl =
  process.env.BROWSER_BACKEND_URL ?? 'http://localhost:7007';
const sandboxUrl = process.env.SANDBOX_URL ?? 'http://127.0.0.1:4580';
const only = process.env.E2E_ONLY
  ? new Set(process.env.E2E_ONLY.split(','))
  : undefined;
const runs = group => !only || only.has(group);
const artifacts = resolve(root, process.env.E2E_ARTIFACTS ?? 'e2e-artifacts');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
mkdirSync(artifacts, { recursive: true });

const PEOPLE = {
  dana: 'Dana (data scientist, fraud-detection)',
  sam: 'Sam (team lead, recommendations)',
  ada: 'Ada (data-science admin)',
  grace: 'Grace (data-science admin)',
};
/** The portal's own account (sageMakerStudio.accountId), where profiles are provisioned. */
const HOME_ACCOUNT = '123456789012';
// Provisioning in the sandbox: plan, approval, stack, record, catalog refresh.
const PROVISIONING_TIMEOUT = 120_000;

const results = [];
let step = 0;

/** Runs one named check; a failure is recorded with a screenshot, and later checks still run. */
async function check(name, page, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}: ${error?.message?.split('\n')[0] ?? error}`);
    const file = `${artifacts}/FAILED-${name.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page?.screenshot({ path: file, fullPage: true }).catch(() => {});
    return false;
  }
}

function shot(page, name) {
  step += 1;
  return page.screenshot({
    path: `${artifacts}/${String(step).padStart(2, '0')}-${name}.png`,
    fullPage: true,
  });
}

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

/** A backend token for a local identity, as the local sign-in page gets it. */
async function tokenOf(user) {
  const response = await fetch(
    `${backendUrl}/api/auth/localIdentities/refresh`,
    {
      headers: { 'x-sagemaker-studio-local-identity': `user:default/${user}` },
    },
  );
  if (!response.ok) throw new Error(`no token for ${user}: ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}

/** Calls the backend API as the token's user: GET, or POST with a JSON body. */
async function api(token, path, body) {
  const response = await fetch(`${backendUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    // One line: the backend's message, not its pretty-printed body.
    const text = await response.text();
    let message = text;
    try {
      message = JSON.parse(text).error?.message ?? text;
    } catch {
      // not JSON: the text as it is
    }
    throw new Error(
      `${path}: ${response.status} ${message.replace(/\s+/g, ' ')}`,
    );
  }
  return response.json();
}

/** Retries until the function returns something (an error counts as nothing yet), or times out. */
async function waitFor(fn, timeout) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
      if (/offboarding failed/.test(error?.message)) throw error;
    }
    if (Date.now() > deadline) throw last ?? new Error('timed out');
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

/** A browser context signed in as one of the local identities. */
async function signIn(who) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
  });
  const page = await context.newPage();
  await page.goto(baseUrl, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  const button = page.getByRole('button', {
    name: `Sign in as ${PEOPLE[who]}`,
  });
  await button.waitFor({ timeout: 120_000 });
  await button.click();
  await page
    .getByRole('link', { name: 'SageMaker Studio', exact: true })
    .first()
    .waitFor({ timeout: 60_000 });
  return page;
}

async function openTemplate(page, name) {
  await page.goto(`${baseUrl}/create/templates/default/${name}`, {
    waitUntil: 'domcontentloaded',
  });
  await page
    .getByRole('button', { name: 'Review' })
    .waitFor({ timeout: 60_000 });
}

/** The team picker selects and locks the person's only group by itself. */
async function teamPicked(page, title) {
  await page.waitForFunction(
    expected =>
      document.querySelector('#OwnershipEntityRefPicker-dropdown')?.value ===
      expected,
    title,
    { timeout: 30_000 },
  );
}

/**
 * Opens a template whose first field picks an owned entity, and picks the one
 * named; the picker selects it by itself when it is the only one. False when
 * it is not offered (yet).
 */
async function pickOwned(page, template, name) {
  await openTemplate(page, template);
  const input = page.locator('input.MuiAutocomplete-input').first();
  await input.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  if ((await input.inputValue()).includes(name)) return true;
  await input.click();
  const option = page.getByRole('option', { name: new RegExp(name) }).first();
  if (
    !(await option.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    ))
  )
    return false;
  await option.click();
  return true;
}

/**
 * Picks the home account's Studio domain in a template's domain field. The
 * catalog holds a domain per account and both have the same title, so the
 * option is told apart by the entity ref in its title attribute.
 */
async function pickHomeDomain(page, who) {
  const { items } = await api(
    await tokenOf(who),
    '/api/catalog/entities/by-query?filter=kind=resource,spec.type=sagemaker-studio-domain',
  );
  const home = items.find(
    e =>
      e.metadata.annotations?.['sagemaker-studio.aws/account-id'] ===
      HOME_ACCOUNT,
  );
  if (!home) throw new Error(`no Studio domain of account ${HOME_ACCOUNT}`);
  const ref = `resource:default/${home.metadata.name}`;
  // The picker selects the only domain it offers by itself (it offers the
  // home account's only, and the local estate has one there).
  const field = page.locator('#root_domain');
  await field.waitFor();
  await page
    .waitForFunction(
      ([selector, wanted]) =>
        document.querySelector(selector)?.value?.startsWith(wanted),
      ['#root_domain', ref],
      { timeout: 5_000 },
    )
    .catch(() => {});
  if ((await field.inputValue()).startsWith(ref)) return;
  await field.click();
  await page
    .getByRole('option')
    .filter({ has: page.locator(`[title^="${ref} "]`) })
    .first()
    .click();
}

async function choose(page, fieldId, option) {
  await page.locator(`#${fieldId}`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Reviews and creates; returns the request id the task output names. */
async function create(page, expectedStatus) {
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  const output = page
    .getByText(new RegExp(`Request ([0-9a-f-]{36}) is ${expectedStatus}`))
    .first();
  await output.waitFor({ timeout: 90_000 });
  return (await output.textContent()).match(/[0-9a-f-]{36}/)[0];
}

/** The card of one request on "My Studio requests" or the review queue. */
function requestCard(page, id) {
  return page.getByRole('region', { name: `Request ${id}` });
}

/** Waits on "My Studio requests" (which polls) until the request shows the status (its chip's label). */
async function waitForStatus(page, id, status) {
  await page.goto(`${baseUrl}/sagemaker-studio-requests`, {
    waitUntil: 'domcontentloaded',
  });
  const card = requestCard(page, id);
  await card.waitFor({ timeout: 60_000 });
  await card
    .getByText(status, { exact: true })
    .first()
    .waitFor({ timeout: PROVISIONING_TIMEOUT });
  return card;
}

/** Admins only: the review queue's card of a request, once its plan (if any) is shown. */
async function reviewCard(page, id) {
  await page.goto(`${baseUrl}/sagemaker-studio-review`, {
    waitUntil: 'domcontentloaded',
  });
  const card = requestCard(page, id);
  await card.waitFor({ timeout: 60_000 });
  return card;
}

async function decide(page, card, decision, comment) {
  await card.getByRole('button', { name: decision }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Comment|Reason/).fill(comment);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
}

try {
  const sam = await signIn('sam');
  const ada = await signIn('ada');
  const dana = await signIn('dana');
  const grace = await signIn('grace');
  const e2e = {
    baseUrl,
    backendUrl,
    browserBackendUrl,
    sandboxUrl,
    check,
    shot,
    tokenOf,
    api,
    waitFor,
    pages: { sam, ada, dana, grace },
  };
  let samRequest;
  let danaProfileRequest;
  let danaRejected;

  if (runs('provisioning')) {
    await check(
      'sam: requests the recommendations team environment (test) from the template',
      sam,
      async () => {
        await openTemplate(sam, 'sagemaker-studio-team-environment');
        await teamPicked(sam, 'Recommendations');
        await choose(sam, 'root_envType', 'test');
        await shot(sam, 'sam-team-environment-form');
        samRequest = await create(sam, 'PENDING_APPROVAL');
        await shot(sam, 'sam-team-environment-requested');
      },
    );

    await check(
      'ada: sees the plan of resource changes before deciding, and approves',
      ada,
      async () => {
        const card = await reviewCard(ada, samRequest);
        await card
          .getByText('AWS::KMS::Key')
          .first()
          .waitFor({ timeout: 60_000 });
        await card.getByText('EnvType').first().waitFor();
        await shot(ada, 'ada-review-plan');
        await decide(ada, card, 'Approve', 'approved in the end-to-end check');
        await shot(ada, 'ada-approved');
      },
    );

    await check(
      'sam: the request is provisioned (SUCCEEDED) and the team environment has its entity page',
      sam,
      async () => {
        const card = await waitForStatus(sam, samRequest, 'Succeeded');
        await card
          .getByText('approved in the end-to-end check')
          .first()
          .waitFor();
        await shot(sam, 'sam-team-environment-succeeded');
        const entity = `${baseUrl}/catalog/default/resource/recommendations-test-team-environment`;
        const deadline = Date.now() + 60_000;
        for (;;) {
          await sam.goto(entity, { waitUntil: 'domcontentloaded' });
          const found = await sam
            .getByText('recommendations team environment (test)')
            .first()
            .waitFor({ timeout: 10_000 })
            .then(
              () => true,
              () => false,
            );
          if (found) break;
          if (Date.now() > deadline)
            throw new Error('no entity page for the team environment');
        }
        await shot(sam, 'sam-team-environment-entity');
      },
    );

    await check(
      'dana: her own page shows her (demo estate) profile InService, and Open Studio opens Studio in a new tab',
      dana,
      async () => {
        // The first check after sign-in: the catalog may still be reading the sandbox.
        const deadline = Date.now() + PROVISIONING_TIMEOUT;
        for (;;) {
          await dana.goto(`${baseUrl}/catalog/default/user/dana-scientist`, {
            waitUntil: 'domcontentloaded',
          });
          const ready = await dana
            .getByRole('button', { name: 'Open Studio' })
            .first()
            .waitFor({ timeout: 15_000 })
            .then(
              () =>
                dana
                  .getByRole('button', { name: 'Open Studio' })
                  .first()
                  .isEnabled(),
              () => false,
            );
          if (ready) break;
          if (Date.now() > deadline)
            throw new Error('Open Studio never became available on her page');
        }
        await dana.getByText('InService').first().waitFor({ timeout: 30_000 });
        await shot(dana, 'dana-user-page-profile');
        const [studio] = await Promise.all([
          dana.context().waitForEvent('page', { timeout: 30_000 }),
          dana.getByRole('button', { name: 'Open Studio' }).first().click(),
        ]);
        await studio.waitForLoadState('domcontentloaded');
        if (!/\/studio\//.test(studio.url()))
          throw new Error(`Open Studio went to ${studio.url()}`);
        await shot(studio, 'dana-studio-opened');
        await studio.close();
      },
    );

    await check(
      'dana: the fraud-detection team page shows the environment and its members',
      dana,
      async () => {
        await dana.goto(`${baseUrl}/catalog/default/group/fraud-detection`, {
          waitUntil: 'domcontentloaded',
        });
        await dana
          .getByRole('link', { name: 'team-fraud-detection-dev' })
          .first()
          .waitFor({ timeout: 60_000 });
        // Her profile among the members, in the card's table (not the graph).
        await dana
          .getByRole('cell', { name: 'dana-scientist' })
          .filter({ visible: true })
          .first()
          .waitFor({ timeout: 30_000 });
        await shot(dana, 'fraud-detection-team-page');
      },
    );
  }

  // Before Dana's demo-estate profile is offboarded below.
  if (runs('entity')) await entityPageChecks(e2e);

  if (runs('provisioning')) {
    await check(
      "ada: offboards dana's demo-estate profile (launched outside the portal, so only an admin may), for dana to request her own",
      ada,
      async () => {
        const token = await tokenOf('ada-admin');
        const entity = await waitFor(
          () =>
            api(
              token,
              '/api/catalog/entities/by-name/resource/default/dana-scientist-user-profile',
            ),
          60_000,
        );
        const provisionedProductId =
          entity.metadata.annotations[
            'sagemaker-studio.aws/provisioned-product-id'
          ];
        let request = await api(token, '/api/sagemaker-studio/requests', {
          product: 'userProfile',
          operation: 'terminate',
          provisionedProductId,
          parameters: {},
          idempotencyKey: `e2e-offboard-${provisionedProductId}-${Date.now()}`,
        });
        if (request.status === 'PENDING_APPROVAL') {
          await api(
            token,
            `/api/sagemaker-studio/requests/${request.id}/review`,
            {
              decision: 'approve',
              comment: 'the end-to-end check requests the profile anew',
            },
          );
        }
        request = await waitFor(async () => {
          const current = await api(
            token,
            `/api/sagemaker-studio/requests/${request.id}`,
          );
          if (current.status === 'FAILED')
            throw new Error(`offboarding failed: ${JSON.stringify(current)}`);
          return current.status === 'SUCCEEDED' ? current : undefined;
        }, PROVISIONING_TIMEOUT);
        // Gone from the catalog, so her pickers offer only the profile she requests next.
        await waitFor(
          () =>
            api(
              token,
              '/api/catalog/entities/by-name/resource/default/dana-scientist-user-profile',
            ).then(
              () => undefined,
              error => /: 404 /.test(error.message),
            ),
          60_000,
        );
      },
    );

    await check(
      'dana: requests her Studio user profile, which needs no approval and is provisioned',
      dana,
      async () => {
        await openTemplate(dana, 'sagemaker-studio-user-profile');
        await teamPicked(dana, 'Fraud Detection');
        await pickHomeDomain(dana, 'dana-scientist');
        await shot(dana, 'dana-profile-form');
        danaProfileRequest = await create(dana, 'APPROVED');
        await waitForStatus(dana, danaProfileRequest, 'Succeeded');
        await shot(dana, 'dana-profile-succeeded');
      },
    );

    await check('dana: upgrades her profile from v1 to v2', dana, async () => {
      // Her profile shows up once the catalog has read it from Service Catalog.
      const deadline = Date.now() + 60_000;
      while (
        !(await pickOwned(
          dana,
          'sagemaker-studio-user-profile-upgrade',
          'dana-scientist-user-profile',
        ))
      ) {
        if (Date.now() > deadline)
          throw new Error('her profile never appeared in the picker');
      }
      await shot(dana, 'dana-upgrade-form');
      const id = await create(dana, 'APPROVED');
      const card = await waitForStatus(dana, id, 'Succeeded');
      await card.getByText('v2').first().waitFor();
      await shot(dana, 'dana-upgrade-succeeded');
    });

    await check('dana: offboards her profile', dana, async () => {
      if (
        !(await pickOwned(
          dana,
          'sagemaker-studio-user-profile-offboard',
          'dana-scientist-user-profile',
        ))
      ) {
        throw new Error('her profile is not offered for offboarding');
      }
      await shot(dana, 'dana-offboard-form');
      const id = await create(dana, 'APPROVED');
      await waitForStatus(dana, id, 'Succeeded');
      await shot(dana, 'dana-offboard-succeeded');
    });

    await check(
      "grace: rejects a request of dana's with a reason, and dana sees it",
      grace,
      async () => {
        await openTemplate(dana, 'sagemaker-studio-team-environment');
        await choose(dana, 'root_envType', 'prod');
        danaRejected = await create(dana, 'PENDING_APPROVAL');
        const card = await reviewCard(grace, danaRejected);
        await card
          .getByText('AWS::KMS::Key')
          .first()
          .waitFor({ timeout: 60_000 });
        await decide(
          grace,
          card,
          'Reject',
          'fraud-detection has a dev environment already; use it',
        );
        const mine = await waitForStatus(dana, danaRejected, 'Rejected');
        await mine
          .getByText('fraud-detection has a dev environment already; use it')
          .first()
          .waitFor();
        await shot(dana, 'dana-sees-rejection');
      },
    );

    await check(
      'ada: a bad domain name in the template is refused, naming the field',
      ada,
      async () => {
        await openTemplate(ada, 'sagemaker-studio-domain');
        await ada.locator('#root_StudioDomainName').fill('Bad Name!');
        await ada.getByRole('button', { name: 'Review' }).click();
        await ada
          .getByText(/must match pattern/)
          .first()
          .waitFor({ timeout: 30_000 });
        await shot(ada, 'ada-domain-bad-input');
      },
    );

    await check(
      'dana: the Studio domain template and the review queue are not for her',
      dana,
      async () => {
        await dana.goto(`${baseUrl}/create`, { waitUntil: 'domcontentloaded' });
        await dana
          .getByText('SageMaker Studio team environment')
          .first()
          .waitFor({ timeout: 60_000 });
        if (
          (await dana
            .getByText('SageMaker Studio domain', { exact: true })
            .count()) !== 0
        ) {
          throw new Error(
            'the Studio domain template is offered to a data scientist',
          );
        }
        await dana.waitForLoadState('networkidle').catch(() => {});
        if (
          (await dana.getByRole('link', { name: 'Studio reviews' }).count()) !==
          0
        ) {
          throw new Error(
            'a data scientist sees the "Studio reviews" menu entry',
          );
        }
        await dana.goto(`${baseUrl}/sagemaker-studio-review`, {
          waitUntil: 'domcontentloaded',
        });
        await dana
          .getByText(/sagemaker-studio\.request\.review permission/)
          .first()
          .waitFor({ timeout: 60_000 });
        await shot(dana, 'dana-review-refused');
      },
    );

    await check(
      'ada: sees the admin menu and the domain template',
      ada,
      async () => {
        await ada.goto(`${baseUrl}/create`, { waitUntil: 'domcontentloaded' });
        await ada
          .getByText('SageMaker Studio domain', { exact: true })
          .first()
          .waitFor({ timeout: 60_000 });
        await ada
          .getByRole('link', { name: 'Studio reviews' })
          .first()
          .waitFor({ timeout: 30_000 });
        await shot(ada, 'ada-create');
      },
    );
  }

  if (runs('compliance')) await complianceChecks(e2e);
} finally {
  await browser.close();
}

const passed = results.filter(r => r.ok).length;
const failed = results.length - passed;
console.log(`e2e: ${passed} passed, ${failed} failed`);
console.log(`screenshots in ${artifacts}`);
process.exit(failed === 0 ? 0 : 1);
