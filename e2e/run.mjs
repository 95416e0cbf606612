// Copyright 2026 The SageMaker Studio Portal Authors
// SPDX-License-Identifier: Apache-2.0
//
// End-to-end check in a real, headless Chromium against a running portal:
// the app loads, a person signs in as each local identity, the catalog and
// our plugin's pages render, and the admin-only menu entry shows for the admin
// only. Screenshots go to e2e-artifacts/ (git-ignored).
//
//   BASE_URL=http://localhost:3000 node e2e/run.mjs
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const baseUrl = process.env.BASE_URL ?? 'http://localhost:3000';
const artifacts = resolve(root, process.env.E2E_ARTIFACTS ?? 'e2e-artifacts');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
mkdirSync(artifacts, { recursive: true });

const identities = [
  { title: 'Dana (data scientist, fraud-detection)', file: 'dana', admin: false },
  { title: 'Ada (data-science admin)', file: 'ada', admin: true },
];

const results = [];
async function check(name, fn, page) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}: ${error?.message?.split('\n')[0] ?? error}`);
    const file = `${artifacts}/FAILED-${name.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page?.screenshot({ path: file, fullPage: true }).catch(() => {});
  }
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

try {
  for (const identity of identities) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const shot = name => page.screenshot({ path: `${artifacts}/${identity.file}-${name}.png`, fullPage: true });

    await check(`${identity.file}: sign-in page offers the local identities`, async () => {
      await page.goto(baseUrl, { waitUntil: 'domcontentloaded', timeout: 120_000 });
      await page.getByRole('button', { name: `Sign in as ${identity.title}` }).waitFor({ timeout: 120_000 });
      await shot('sign-in');
    }, page);

    await check(`${identity.file}: signs in and sees the catalog`, async () => {
      await page.getByRole('button', { name: `Sign in as ${identity.title}` }).click();
      await page.getByText('SageMaker Studio Portal', { exact: false }).first().waitFor({ timeout: 60_000 });
      await page.getByRole('link', { name: 'SageMaker Studio Portal' }).first().waitFor({ timeout: 60_000 });
      await shot('catalog');
    }, page);

    await check(`${identity.file}: the SageMaker Studio page renders`, async () => {
      await page.goto(`${baseUrl}/sagemaker-studio`, { waitUntil: 'domcontentloaded' });
      await page.getByText('Studio domains').first().waitFor({ timeout: 60_000 });
      await page.getByText('My requests').first().waitFor({ timeout: 60_000 });
      await shot('sagemaker-studio');
    }, page);

    if (!identity.admin) {
      await check(`${identity.file}: the template refuses a bad team name, naming the field`, async () => {
        await page.goto(`${baseUrl}/create/templates/default/sagemaker-studio-user-profile`, { waitUntil: 'domcontentloaded' });
        await page.locator('#root_teamName').fill('Fraud Team');
        await page.locator('#root_profileName').fill('dana-scientist');
        await page.getByRole('button', { name: 'Review' }).click();
        await page.getByText(/must match pattern/).first().waitFor({ timeout: 30_000 });
        await shot('template-bad-input');
      }, page);

      await check(`${identity.file}: requests a Studio user profile from the template`, async () => {
        await page.goto(`${baseUrl}/create/templates/default/sagemaker-studio-user-profile`, { waitUntil: 'domcontentloaded' });
        await page.locator('#root_teamName').fill('fraud-detection');
        await page.locator('#root_profileName').fill('dana-scientist');
        await page.getByRole('button', { name: 'Review' }).click();
        await page.getByRole('button', { name: 'Create' }).click();
        await page.getByText(/Request [0-9a-f-]{36} is APPROVED/).first().waitFor({ timeout: 60_000 });
        await shot('template-done');
        await page.goto(`${baseUrl}/sagemaker-studio`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('cell', { name: 'userProfile' }).first().waitFor({ timeout: 60_000 });
        await page.getByRole('cell', { name: 'APPROVED' }).first().waitFor({ timeout: 10_000 });
        await shot('my-requests');
      }, page);
    }

    if (!identity.admin) {
      await check(`${identity.file}: requests a team environment, which waits for an admin`, async () => {
        await page.goto(`${baseUrl}/create/templates/default/sagemaker-studio-team-environment`, { waitUntil: 'domcontentloaded' });
        await page.locator('#root_teamName').fill('fraud-detection');
        await page.getByRole('button', { name: 'Review' }).click();
        await page.getByRole('button', { name: 'Create' }).click();
        await page.getByText(/Request [0-9a-f-]{36} is PENDING_APPROVAL/).first().waitFor({ timeout: 60_000 });
        await shot('team-request');
      }, page);
    }

    await check(`${identity.file}: the admin-only menu entry is ${identity.admin ? 'shown' : 'hidden'}`, async () => {
      await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
      await page.getByRole('link', { name: 'SageMaker Studio', exact: true }).first().waitFor({ timeout: 60_000 });
      // Permission answers arrive after the sidebar first renders.
      await page.waitForLoadState('networkidle').catch(() => {});
      const reviews = page.getByRole('link', { name: 'Studio reviews' });
      if (identity.admin) {
        await reviews.first().waitFor({ timeout: 30_000 });
      } else {
        await page.waitForTimeout(2000);
        const count = await reviews.count();
        if (count !== 0) throw new Error(`found ${count} "Studio reviews" links for a non-admin`);
      }
      await shot('menu');
    }, page);

    await check(`${identity.file}: the review queue ${identity.admin ? 'opens' : 'is refused'}`, async () => {
      await page.goto(`${baseUrl}/sagemaker-studio-review`, { waitUntil: 'domcontentloaded' });
      if (identity.admin) {
        await page.getByText('All requests').first().waitFor({ timeout: 60_000 });
        // The data scientist's requests, made from the templates above.
        await page.getByRole('cell', { name: 'user:default/dana-scientist' }).first().waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: 'Approve' }).first().click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Comment').fill('approved in the end-to-end check');
        await dialog.getByRole('button', { name: 'Confirm' }).click();
        await page.getByText('approved by user:default/ada-admin: approved in the end-to-end check').first().waitFor({ timeout: 30_000 });
      } else {
        await page.getByText(/sagemaker-studio\.request\.review permission/).first().waitFor({ timeout: 60_000 });
      }
      await shot('review');
    }, page);

    await context.close();
  }
} finally {
  await browser.close();
}

const passed = results.filter(r => r.ok).length;
const failed = results.length - passed;
console.log(`e2e: ${passed} passed, ${failed} failed`);
console.log(`screenshots in ${artifacts}`);
process.exit(failed === 0 ? 0 : 1);
