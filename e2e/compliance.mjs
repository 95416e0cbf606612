// Copyright 2026 The SageMaker Studio Portal Authors
// SPDX-License-Identifier: Apache-2.0
//
// Issue 9's acceptance: a training job without VPC configuration, tagged for
// fraud-detection, is created in the sandbox -> the detective control (run by
// the sandbox on the CloudTrail event) stops it -> the compliance sweep reads
// it (Ada starts it with the admins' POST /compliance/sweep) -> the finding
// and the action are on fraud-detection's compliance card (Dana) and on the
// admin page (Ada), resolved with the job Stopped; Sam (recommendations) sees
// none of it, on the page or through the API, and may not start a sweep
// (403 from the admins' route and from the scheduler's own); a compliant job
// raises nothing. Run from e2e/run.mjs, which passes its
// helpers in `e2e`.
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';

const ACCOUNT = '123456789012';
const TEAM = 'fraud-detection';
const RULE = 'SAGEMAKER_VPC_REQUIRED';
const RULE_TITLE = 'SageMaker workloads must run in a VPC';
/** A compliant job of the demo estate's, whose settings (role, KMS key, subnets, security group) the new jobs reuse. */
const TEMPLATE_JOB = `${TEAM}-xgboost-compliant`;
const SWEEP_TASK = 'sagemaker-studio:compliance-sweep';
/** A sweep of the demo estate takes seconds; the scheduler picks a trigger up within its polling interval. */
const SWEEP_TIMEOUT = 180_000;

function awsClients(e2e) {
  const config = {
    endpoint: e2e.sandboxUrl,
    region: 'us-east-1',
    // The sandbox treats a 12-digit access key as that account.
    credentials: {
      accessKeyId: ACCOUNT,
      secretAccessKey: 'sandbox-secret-key',
    },
    maxAttempts: 3,
  };
  return {
    sageMaker: new SageMakerClient(config),
    securityHub: new SecurityHubClient(config),
  };
}

/** The detective control's findings in Security Hub for one resource. */
async function securityHubFindings(securityHub, arn) {
  const { Findings } = await securityHub.send(
    new GetFindingsCommand({
      Filters: { ResourceId: [{ Value: arn, Comparison: 'EQUALS' }] },
    }),
  );
  return Findings ?? [];
}

/** Every finding of the admin route that matches the query (all pages). */
async function allFindings(e2e, token, query) {
  const items = [];
  let cursor;
  let page;
  do {
    const params = new URLSearchParams({ ...query, limit: '100' });
    if (cursor) params.set('cursor', cursor);
    page = await e2e.api(
      token,
      `/api/sagemaker-studio/compliance/findings?${params}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { items, summary: page.summary };
}

/** The status of a GET as the token's user, and the body. */
async function statusOf(e2e, token, path) {
  const response = await fetch(`${e2e.backendUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.text() };
}

/** The scheduler's own trigger route of the sweep, which people may not use. */
const SCHEDULER_TRIGGER = `/api/sagemaker-studio/.backstage/scheduler/v1/tasks/${encodeURIComponent(
  SWEEP_TASK,
)}/trigger`;
/** An admin's "sweep now". */
const SWEEP_NOW = '/api/sagemaker-studio/compliance/sweep';

/** The status of a POST without a body as the token's user, and the body. */
async function postStatusOf(e2e, token, path) {
  const response = await fetch(`${e2e.backendUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.text() };
}

/**
 * Asks the backend to run the sweep now, as an admin
 * (`POST /api/sagemaker-studio/compliance/sweep`, 202); 409 while one runs,
 * then the next one is asked for again.
 */
async function triggerSweep(e2e, token) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { status, body } = await postStatusOf(e2e, token, SWEEP_NOW);
    if (status === 202) return;
    if (status !== 409 || Date.now() > deadline)
      throw new Error(`triggering the sweep: ${status} ${body.slice(0, 300)}`);
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

export async function complianceChecks(e2e) {
  const { check, shot, tokenOf, waitFor, baseUrl } = e2e;
  const { dana, sam, ada } = e2e.pages;
  const { sageMaker, securityHub } = awsClients(e2e);
  const suffix = Date.now().toString(36);
  const jobs = {
    noVpc: `e2e-${TEAM}-no-vpc-${suffix}`,
    compliant: `e2e-${TEAM}-in-vpc-${suffix}`,
  };
  const arnOf = name =>
    `arn:aws:sagemaker:us-east-1:${ACCOUNT}:training-job/${name}`;
  let created = false;
  let swept = false;

  await check(
    `compliance: a training job without VPC, tagged ${TEAM}, is stopped by the detective control; a compliant one is left alone`,
    undefined,
    async () => {
      const template = await sageMaker.send(
        new DescribeTrainingJobCommand({ TrainingJobName: TEMPLATE_JOB }),
      );
      if (!template.VpcConfig?.Subnets?.length)
        throw new Error(`${TEMPLATE_JOB} has no VpcConfig to copy`);
      const common = {
        RoleArn: template.RoleArn,
        AlgorithmSpecification: template.AlgorithmSpecification,
        OutputDataConfig: template.OutputDataConfig,
        ResourceConfig: template.ResourceConfig,
        StoppingCondition: template.StoppingCondition,
        EnableNetworkIsolation: template.EnableNetworkIsolation,
        EnableInterContainerTrafficEncryption:
          template.EnableInterContainerTrafficEncryption,
        Tags: [
          { Key: 'TeamName', Value: TEAM },
          { Key: 'EnvironmentType', Value: 'dev' },
        ],
      };
      await sageMaker.send(
        new CreateTrainingJobCommand({
          ...common,
          TrainingJobName: jobs.compliant,
          VpcConfig: template.VpcConfig,
        }),
      );
      // Everything as the compliant one but the VPC configuration.
      await sageMaker.send(
        new CreateTrainingJobCommand({
          ...common,
          TrainingJobName: jobs.noVpc,
        }),
      );
      created = true;
      const stopped = await waitFor(async () => {
        const job = await sageMaker.send(
          new DescribeTrainingJobCommand({ TrainingJobName: jobs.noVpc }),
        );
        return ['Stopping', 'Stopped'].includes(job.TrainingJobStatus) && job;
      }, 60_000);
      const findings = await waitFor(async () => {
        const found = await securityHubFindings(securityHub, arnOf(jobs.noVpc));
        return (
          found.some(
            f => f.ProductFields?.['sagemaker-studio/Action'] === 'stopped',
          ) && found
        );
      }, 30_000);
      const rules = findings.map(
        f => f.ProductFields?.['sagemaker-studio/RuleId'],
      );
      if (!rules.includes(RULE))
        throw new Error(`the control's findings are for ${rules}, not ${RULE}`);
      // Delivered in order: the compliant job's event was judged before.
      const compliant = await sageMaker.send(
        new DescribeTrainingJobCommand({ TrainingJobName: jobs.compliant }),
      );
      if (['Stopping', 'Stopped'].includes(compliant.TrainingJobStatus))
        throw new Error(
          `the compliant job was stopped (${compliant.TrainingJobStatus})`,
        );
      const aboutCompliant = await securityHubFindings(
        securityHub,
        arnOf(jobs.compliant),
      );
      if (aboutCompliant.length > 0)
        throw new Error(
          `the compliant job has findings: ${aboutCompliant.map(f => f.Title)}`,
        );
      console.log(
        `       ${jobs.noVpc}: ${stopped.TrainingJobStatus}; ${jobs.compliant}: ${compliant.TrainingJobStatus}`,
      );
    },
  );

  await check(
    'compliance: after the sweep the finding is RESOLVED, the job Stopped and the action "stopped" (also in Security Hub); the compliant job raised nothing',
    undefined,
    async () => {
      if (!created) throw new Error('the jobs were not created');
      const token = await tokenOf('ada-admin');
      const asked = Date.now();
      await triggerSweep(e2e, token);
      const finding = await waitFor(async () => {
        const { items, summary } = await allFindings(e2e, token, {
          team: TEAM,
          ruleId: RULE,
        });
        const sweep = summary.lastSweep;
        const done =
          sweep?.finishedAt && Date.parse(sweep.startedAt) >= asked - 1000;
        return done && items.find(f => f.resource.name === jobs.noVpc);
      }, SWEEP_TIMEOUT);
      swept = true;
      const problems = [];
      if (finding.state !== 'RESOLVED') problems.push(`state ${finding.state}`);
      if (finding.resource.status !== 'Stopped')
        problems.push(`resource status ${finding.resource.status}`);
      if (finding.action?.taken !== 'stopped')
        problems.push(`action ${JSON.stringify(finding.action)}`);
      if (finding.team !== TEAM) problems.push(`team ${finding.team}`);
      if (finding.accountId !== ACCOUNT)
        problems.push(`account ${finding.accountId}`);
      if (!/VpcConfig/.test(finding.explanation))
        problems.push(`explanation "${finding.explanation}"`);
      if (problems.length > 0)
        throw new Error(`the finding has ${problems.join(', ')}`);
      // The sweep marks the Security Hub finding resolved too.
      const inSecurityHub = (
        await securityHubFindings(securityHub, arnOf(jobs.noVpc))
      ).find(f => f.ProductFields?.['sagemaker-studio/RuleId'] === RULE);
      if (inSecurityHub?.Workflow?.Status !== 'RESOLVED')
        throw new Error(
          `Security Hub's finding is ${inSecurityHub?.Workflow?.Status}, not RESOLVED`,
        );
      const { items: all } = await allFindings(e2e, token, {});
      const aboutCompliant = all.filter(
        f => f.resource.name === jobs.compliant,
      );
      if (aboutCompliant.length > 0)
        throw new Error(
          `the compliant job has findings: ${aboutCompliant.map(
            f => f.ruleId,
          )}`,
        );
    },
  );

  await check(
    `dana: ${TEAM}'s compliance card shows the finding and the detective control's "Stopped" action`,
    dana,
    async () => {
      if (!swept) throw new Error('the sweep did not record the finding');
      const action = `Stopped Training job ${jobs.noVpc}`;
      const deadline = Date.now() + 60_000;
      for (;;) {
        await dana.goto(`${baseUrl}/catalog/default/group/${TEAM}`, {
          waitUntil: 'domcontentloaded',
        });
        const shown = await dana
          .getByRole('list', { name: 'Latest actions' })
          .getByText(action)
          .first()
          .waitFor({ timeout: 30_000 })
          .then(
            () => true,
            () => false,
          );
        if (shown) break;
        if (Date.now() > deadline)
          throw new Error(`"${action}" is not among the card's latest actions`);
      }
      const item = dana
        .getByRole('list', { name: 'Latest actions' })
        .getByRole('listitem')
        .filter({ hasText: jobs.noVpc })
        .first();
      await item.getByText(RULE_TITLE).first().waitFor({ timeout: 10_000 });
      if ((await dana.getByText(jobs.compliant).count()) !== 0)
        throw new Error('the compliant job is on the compliance card');
      await shot(dana, 'fraud-detection-compliance-card');
    },
  );

  await check(
    'ada: the admin compliance page lists the finding, resolved, with the job Stopped and the action',
    ada,
    async () => {
      if (!swept) throw new Error('the sweep did not record the finding');
      await ada.goto(`${baseUrl}/sagemaker-studio-compliance`, {
        waitUntil: 'domcontentloaded',
      });
      const team = ada.locator('#compliance-team');
      await team.waitFor({ timeout: 60_000 });
      await ada.waitForFunction(
        value =>
          [...(document.querySelector('#compliance-team')?.options ?? [])].some(
            o => o.value === value,
          ),
        TEAM,
        { timeout: 30_000 },
      );
      await team.selectOption(TEAM);
      await ada.locator('#compliance-state').selectOption('RESOLVED');
      const row = ada
        .getByRole('row')
        .filter({ hasText: `Training job ${jobs.noVpc}` })
        .first();
      await row.waitFor({ timeout: 30_000 });
      for (const text of [RULE_TITLE, 'Stopped', TEAM, /Resolved \d/]) {
        await row.getByText(text).first().waitFor({ timeout: 10_000 });
      }
      // The page scrolls inside its content area, which a full-page
      // screenshot does not unroll: a taller window shows the table.
      await ada.setViewportSize({ width: 1440, height: 2000 });
      await shot(ada, 'ada-compliance-page-finding-resolved');
      await ada.setViewportSize({ width: 1440, height: 1000 });
    },
  );

  await check(
    `sam: sees none of ${TEAM}'s compliance, on its page (no access) or through the API (403)`,
    sam,
    async () => {
      if (!swept) throw new Error('the sweep did not record the finding');
      const token = await tokenOf('sam-lead');
      const refused = [
        `/api/sagemaker-studio/entity/default/group/${TEAM}/compliance`,
        `/api/sagemaker-studio/compliance/findings?team=${TEAM}`,
        '/api/sagemaker-studio/compliance/findings',
      ];
      for (const path of refused) {
        const { status, body } = await statusOf(e2e, token, path);
        if (status !== 403)
          throw new Error(
            `Sam got ${status} for ${path}: ${body.slice(0, 200)}`,
          );
        if (body.includes(jobs.noVpc)) throw new Error(`${path} names the job`);
      }
      const own = await statusOf(
        e2e,
        token,
        '/api/sagemaker-studio/entity/default/group/recommendations/compliance',
      );
      if (own.status !== 200)
        throw new Error(`Sam's own team's compliance: ${own.status}`);
      if (own.body.includes(jobs.noVpc))
        throw new Error("the job is in Sam's own team's compliance");

      await sam.goto(`${baseUrl}/catalog/default/group/${TEAM}`, {
        waitUntil: 'domcontentloaded',
      });
      await sam
        .getByText('You may see the compliance of your own team only.')
        .first()
        .waitFor({ timeout: 60_000 });
      if ((await sam.getByText(jobs.noVpc).count()) !== 0)
        throw new Error(`Sam sees ${jobs.noVpc} on ${TEAM}'s page`);
      await shot(sam, 'sam-fraud-detection-compliance-no-access');

      await sam.goto(`${baseUrl}/sagemaker-studio-compliance`, {
        waitUntil: 'domcontentloaded',
      });
      await sam
        .getByText(
          /Only data-science admins see the compliance|sagemaker-studio\.estate\.read/,
        )
        .first()
        .waitFor({ timeout: 60_000 });
      if ((await sam.getByText(jobs.noVpc).count()) !== 0)
        throw new Error('Sam sees the job on the admin page');
      await shot(sam, 'sam-compliance-page-refused');
    },
  );

  await check(
    "sam: may not start the sweep, neither through the scheduler's own route nor the admins' (403 both)",
    undefined,
    async () => {
      const token = await tokenOf('sam-lead');
      for (const path of [SCHEDULER_TRIGGER, SWEEP_NOW]) {
        const { status, body } = await postStatusOf(e2e, token, path);
        if (status !== 403)
          throw new Error(
            `Sam got ${status} for POST ${path}: ${body.slice(0, 200)}`,
          );
        let name;
        try {
          name = JSON.parse(body).error?.name;
        } catch {
          name = undefined;
        }
        if (name !== 'NotAllowedError')
          throw new Error(
            `POST ${path} refused Sam without a NotAllowedError: ${body.slice(
              0,
              200,
            )}`,
          );
      }
    },
  );
}
