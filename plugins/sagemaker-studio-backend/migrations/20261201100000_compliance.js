/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// @ts-check

/**
 * Compliance: the latest state of each finding (one rule failed by one
 * resource), the daily history per team, account, region and rule, the
 * resources evaluated per day, and one row per sweep run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(
    'sagemaker_studio_compliance_findings',
    table => {
      table
        .string('id', 64)
        .primary()
        .comment(
          'sha256 of account, region, lower-cased resource ARN and rule',
        );
      table
        .string('target_key', 64)
        .notNullable()
        .comment(
          '<account|default>/<region> of the configured target it was read from',
        );
      table.string('account_id', 32).notNullable();
      table.string('region', 32).notNullable();
      table.string('resource_arn', 1024).notNullable();
      table.string('resource_kind', 32).notNullable();
      table.string('resource_name', 255).notNullable();
      table.string('resource_status', 64).nullable();
      table.string('team', 64).nullable();
      table.string('rule_id', 64).notNullable();
      table.string('title', 255).notNullable();
      table.string('severity', 16).notNullable();
      table
        .integer('severity_rank')
        .notNullable()
        .comment(
          '4 CRITICAL, 3 HIGH, 2 MEDIUM, 1 LOW: the order of the findings pages',
        );
      table.string('state', 16).notNullable().comment('OPEN or RESOLVED');
      table.text('explanation').notNullable();
      table.text('remediation').notNullable();
      table
        .string('action_taken', 16)
        .nullable()
        .comment('stopped, deleted or reported');
      table.timestamp('action_at', { useTz: true }).nullable();
      table.timestamp('first_seen_at', { useTz: true }).notNullable();
      table.timestamp('last_seen_at', { useTz: true }).notNullable();
      table.timestamp('resolved_at', { useTz: true }).nullable();
      table
        .string('sweep_id', 36)
        .nullable()
        .comment('the last sweep that found it true');
      table.index(
        ['state', 'severity_rank', 'id'],
        'sagemaker_studio_cf_page_idx',
      );
      table.index(['team', 'state'], 'sagemaker_studio_cf_team_idx');
      table.index(['target_key', 'state'], 'sagemaker_studio_cf_target_idx');
      table.index(['resource_arn'], 'sagemaker_studio_cf_arn_idx');
    },
  );

  await knex.schema.createTable(
    'sagemaker_studio_compliance_history',
    table => {
      table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
      table.string('team', 64).notNullable().comment("'' when unattributed");
      table.string('account_id', 32).notNullable();
      table.string('region', 32).notNullable();
      table.string('rule_id', 64).notNullable();
      table.string('severity', 16).notNullable();
      table.integer('open').notNullable().defaultTo(0);
      table.integer('resolved').notNullable().defaultTo(0);
      table.integer('actions').notNullable().defaultTo(0);
      table.primary(['day', 'team', 'account_id', 'region', 'rule_id']);
    },
  );

  await knex.schema.createTable(
    'sagemaker_studio_compliance_resources',
    table => {
      table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
      table.string('target_key', 64).notNullable();
      table.string('team', 64).notNullable().comment("'' when unattributed");
      table.string('account_id', 32).notNullable();
      table.string('region', 32).notNullable();
      table
        .integer('evaluated')
        .notNullable()
        .comment('active resources judged');
      table
        .integer('compliant')
        .notNullable()
        .comment('of which with no open finding');
      table.primary(['day', 'target_key', 'team', 'account_id', 'region']);
    },
  );

  await knex.schema.createTable('sagemaker_studio_compliance_sweeps', table => {
    table.string('id', 36).primary();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('running, succeeded, partial, failed');
    table
      .text('failed_targets')
      .nullable()
      .comment('JSON: [{ accountId, region, message }]');
    table.index(['started_at'], 'sagemaker_studio_cs_started_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sagemaker_studio_compliance_sweeps');
  await knex.schema.dropTable('sagemaker_studio_compliance_resources');
  await knex.schema.dropTable('sagemaker_studio_compliance_history');
  await knex.schema.dropTable('sagemaker_studio_compliance_findings');
};
