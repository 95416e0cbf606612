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
  AddTagsCommand,
  CreateAutoMLJobCommand,
  CreateAutoMLJobV2Command,
  CreateEndpointConfigCommand,
  CreateHyperParameterTuningJobCommand,
  CreateModelCommand,
  CreateNotebookInstanceCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTrainingJobCommandInput,
  CreateTransformJobCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DeleteNotebookInstanceCommand,
  DeleteTagsCommand,
  DescribeAutoMLJobCommand,
  DescribeAutoMLJobV2Command,
  DescribeEndpointConfigCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeModelCommand,
  DescribeNotebookInstanceCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  ListAutoMLJobsCommand,
  ListEndpointConfigsCommand,
  ListHyperParameterTuningJobsCommand,
  ListModelsCommand,
  ListNotebookInstancesCommand,
  ListProcessingJobsCommand,
  ListTagsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  SageMakerClient,
  SearchCommand,
  StartNotebookInstanceCommand,
  StopAutoMLJobCommand,
  StopHyperParameterTuningJobCommand,
  StopNotebookInstanceCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import {
  clientConfig,
  errorOf,
  startTestSandbox,
  TestSandbox,
} from '../../testing';

const ROLE = 'arn:aws:iam::123456789012:role/training';

function trainingJob(
  name: string,
  overrides: Partial<CreateTrainingJobCommandInput> = {},
): CreateTrainingJobCommandInput {
  return {
    TrainingJobName: name,
    RoleArn: ROLE,
    AlgorithmSpecification: {
      TrainingImage: '123.dkr.ecr.us-east-1.amazonaws.com/xgb:1',
      TrainingInputMode: 'File',
    },
    OutputDataConfig: {
      S3OutputPath: 's3://models/out',
      KmsKeyId: 'alias/team',
    },
    ResourceConfig: {
      InstanceType: 'ml.m5.xlarge',
      InstanceCount: 2,
      VolumeSizeInGB: 10,
    },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1'] },
    EnableInterContainerTrafficEncryption: true,
    ...overrides,
  };
}

describe('sagemaker jobs, models and notebooks', () => {
  let test: TestSandbox;
  let sageMaker: SageMakerClient;

  beforeAll(async () => {
    test = await startTestSandbox({ delayMs: 60_000 });
    sageMaker = new SageMakerClient(clientConfig(test.sandbox));
  });

  beforeEach(() => test.sandbox.reset());
  afterAll(() => test.sandbox.close());

  describe('training jobs', () => {
    it('go from InProgress to Completed and echo their configuration', async () => {
      const { TrainingJobArn } = await sageMaker.send(
        new CreateTrainingJobCommand(trainingJob('churn-1')),
      );
      expect(TrainingJobArn).toBe(
        'arn:aws:sagemaker:us-east-1:123456789012:training-job/churn-1',
      );
      const running = await sageMaker.send(
        new DescribeTrainingJobCommand({ TrainingJobName: 'churn-1' }),
      );
      expect(running).toMatchObject({
        TrainingJobStatus: 'InProgress',
        SecondaryStatus: 'Training',
        EnableInterContainerTrafficEncryption: true,
        EnableNetworkIsolation: false,
        VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1'] },
        ResourceConfig: { InstanceCount: 2 },
      });
      test.clock.advance(60_000);
      const done = await sageMaker.send(
        new DescribeTrainingJobCommand({ TrainingJobName: 'churn-1' }),
      );
      expect(done.TrainingJobStatus).toBe('Completed');
      expect(done.ModelArtifacts?.S3ModelArtifacts).toBe(
        's3://models/out/churn-1/output/model.tar.gz',
      );
      expect(done.TrainingEndTime).toEqual(new Date(test.clock.now()));
    });

    it('StopTrainingJob goes through Stopping to Stopped, and fails once the job has ended', async () => {
      await sageMaker.send(
        new CreateTrainingJobCommand(trainingJob('stop-me')),
      );
      await sageMaker.send(
        new StopTrainingJobCommand({ TrainingJobName: 'stop-me' }),
      );
      expect(
        (
          await sageMaker.send(
            new DescribeTrainingJobCommand({ TrainingJobName: 'stop-me' }),
          )
        ).TrainingJobStatus,
      ).toBe('Stopping');
      test.clock.advance(60_000);
      expect(
        (
          await sageMaker.send(
            new DescribeTrainingJobCommand({ TrainingJobName: 'stop-me' }),
          )
        ).TrainingJobStatus,
      ).toBe('Stopped');
      const error = await errorOf(() =>
        sageMaker.send(
          new StopTrainingJobCommand({ TrainingJobName: 'stop-me' }),
        ),
      );
      expect(error.name).toBe('ValidationException');
    });

    it('ListTrainingJobs filters, sorts and pages', async () => {
      for (const name of ['a-job', 'b-job', 'c-other']) {
        await sageMaker.send(new CreateTrainingJobCommand(trainingJob(name)));
        test.clock.advance(1_000);
      }
      await sageMaker.send(
        new StopTrainingJobCommand({ TrainingJobName: 'b-job' }),
      );
      const newestFirst = await sageMaker.send(
        new ListTrainingJobsCommand({ MaxResults: 2 }),
      );
      expect(
        newestFirst.TrainingJobSummaries?.map(job => job.TrainingJobName),
      ).toEqual(['c-other', 'b-job']);
      const rest = await sageMaker.send(
        new ListTrainingJobsCommand({
          MaxResults: 2,
          NextToken: newestFirst.NextToken,
        }),
      );
      expect(
        rest.TrainingJobSummaries?.map(job => job.TrainingJobName),
      ).toEqual(['a-job']);
      expect(rest.NextToken).toBeUndefined();
      const byName = await sageMaker.send(
        new ListTrainingJobsCommand({
          NameContains: 'JOB',
          SortBy: 'Name',
          SortOrder: 'Ascending',
        }),
      );
      expect(
        byName.TrainingJobSummaries?.map(job => job.TrainingJobName),
      ).toEqual(['a-job', 'b-job']);
      const stopping = await sageMaker.send(
        new ListTrainingJobsCommand({ StatusEquals: 'Stopping' }),
      );
      expect(
        stopping.TrainingJobSummaries?.map(job => job.TrainingJobName),
      ).toEqual(['b-job']);
      const after = await sageMaker.send(
        new ListTrainingJobsCommand({
          CreationTimeAfter: new Date(test.clock.now() - 1_500),
        }),
      );
      expect(
        after.TrainingJobSummaries?.map(job => job.TrainingJobName),
      ).toEqual(['c-other']);
    });

    it('CreateTrainingJob fails with ValidationException for bad input and ResourceInUse for a taken name', async () => {
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new CreateTrainingJobCommand(trainingJob('bad name')),
            ),
          )
        ).name,
      ).toBe('ValidationException');
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new CreateTrainingJobCommand(
                trainingJob('x', { RoleArn: 'nope' }),
              ),
            ),
          )
        ).name,
      ).toBe('ValidationException');
      expect(
        await errorOf(() =>
          sageMaker.send(
            new CreateTrainingJobCommand({ TrainingJobName: 'x' } as any),
          ),
        ),
      ).toMatchObject({
        name: 'ValidationException',
        message: expect.stringContaining('Member must not be null'),
      });
      await sageMaker.send(new CreateTrainingJobCommand(trainingJob('taken')));
      expect(
        (
          await errorOf(() =>
            sageMaker.send(new CreateTrainingJobCommand(trainingJob('taken'))),
          )
        ).name,
      ).toBe('ResourceInUse');
    });

    it('DescribeTrainingJob of an unknown job fails with ResourceNotFound', async () => {
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new DescribeTrainingJobCommand({ TrainingJobName: 'ghost' }),
            ),
          )
        ).name,
      ).toBe('ResourceNotFound');
    });
  });

  describe('other job kinds', () => {
    it('processing jobs: create, describe, list, stop', async () => {
      await sageMaker.send(
        new CreateProcessingJobCommand({
          ProcessingJobName: 'prep',
          RoleArn: ROLE,
          AppSpecification: { ImageUri: 'img' },
          ProcessingResources: {
            ClusterConfig: {
              InstanceCount: 1,
              InstanceType: 'ml.m5.large',
              VolumeSizeInGB: 5,
            },
          },
          NetworkConfig: { EnableNetworkIsolation: true },
        }),
      );
      expect(
        await sageMaker.send(
          new DescribeProcessingJobCommand({ ProcessingJobName: 'prep' }),
        ),
      ).toMatchObject({
        ProcessingJobStatus: 'InProgress',
        NetworkConfig: { EnableNetworkIsolation: true },
      });
      expect(
        (await sageMaker.send(new ListProcessingJobsCommand({})))
          .ProcessingJobSummaries,
      ).toHaveLength(1);
      await sageMaker.send(
        new StopProcessingJobCommand({ ProcessingJobName: 'prep' }),
      );
      test.clock.advance(60_000);
      expect(
        (
          await sageMaker.send(
            new DescribeProcessingJobCommand({ ProcessingJobName: 'prep' }),
          )
        ).ProcessingJobStatus,
      ).toBe('Stopped');
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new DescribeProcessingJobCommand({ ProcessingJobName: 'none' }),
            ),
          )
        ).name,
      ).toBe('ResourceNotFound');
    });

    it('transform jobs need an existing model', async () => {
      const transform = {
        TransformJobName: 'score',
        ModelName: 'churn-model',
        TransformInput: {
          DataSource: {
            S3DataSource: { S3DataType: 'S3Prefix' as const, S3Uri: 's3://in' },
          },
        },
        TransformOutput: { S3OutputPath: 's3://out' },
        TransformResources: {
          InstanceType: 'ml.m5.large' as const,
          InstanceCount: 1,
        },
      };
      expect(
        (
          await errorOf(() =>
            sageMaker.send(new CreateTransformJobCommand(transform)),
          )
        ).name,
      ).toBe('ValidationException');
      await sageMaker.send(
        new CreateModelCommand({
          ModelName: 'churn-model',
          ExecutionRoleArn: ROLE,
          PrimaryContainer: { Image: 'img' },
        }),
      );
      await sageMaker.send(new CreateTransformJobCommand(transform));
      test.clock.advance(60_000);
      expect(
        (
          await sageMaker.send(
            new DescribeTransformJobCommand({ TransformJobName: 'score' }),
          )
        ).TransformJobStatus,
      ).toBe('Completed');
      expect(
        (
          await sageMaker.send(
            new ListTransformJobsCommand({ StatusEquals: 'Completed' }),
          )
        ).TransformJobSummaries,
      ).toHaveLength(1);
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new StopTransformJobCommand({ TransformJobName: 'score' }),
            ),
          )
        ).name,
      ).toBe('ValidationException');
    });

    it('hyper-parameter tuning jobs: create, describe, list, stop, and names of at most 32 characters', async () => {
      await sageMaker.send(
        new CreateHyperParameterTuningJobCommand({
          HyperParameterTuningJobName: 'tune',
          HyperParameterTuningJobConfig: {
            Strategy: 'Bayesian',
            ResourceLimits: {
              MaxNumberOfTrainingJobs: 4,
              MaxParallelTrainingJobs: 2,
            },
          },
          TrainingJobDefinition: {
            RoleArn: ROLE,
            AlgorithmSpecification: {
              TrainingInputMode: 'File',
              TrainingImage: 'img',
            },
            OutputDataConfig: { S3OutputPath: 's3://o' },
            ResourceConfig: {
              InstanceType: 'ml.m5.large',
              InstanceCount: 1,
              VolumeSizeInGB: 5,
            },
            StoppingCondition: { MaxRuntimeInSeconds: 60 },
          },
        }),
      );
      expect(
        await sageMaker.send(
          new DescribeHyperParameterTuningJobCommand({
            HyperParameterTuningJobName: 'tune',
          }),
        ),
      ).toMatchObject({
        HyperParameterTuningJobStatus: 'InProgress',
        TrainingJobDefinition: { RoleArn: ROLE },
      });
      expect(
        (await sageMaker.send(new ListHyperParameterTuningJobsCommand({})))
          .HyperParameterTuningJobSummaries,
      ).toEqual([
        expect.objectContaining({
          HyperParameterTuningJobName: 'tune',
          Strategy: 'Bayesian',
        }),
      ]);
      await sageMaker.send(
        new StopHyperParameterTuningJobCommand({
          HyperParameterTuningJobName: 'tune',
        }),
      );
      const error = await errorOf(() =>
        sageMaker.send(
          new CreateHyperParameterTuningJobCommand({
            HyperParameterTuningJobName: 'x'.repeat(33),
            HyperParameterTuningJobConfig: {} as any,
          }),
        ),
      );
      expect(error.name).toBe('ValidationException');
    });

    it('AutoML jobs, V1 and V2, share one listing', async () => {
      await sageMaker.send(
        new CreateAutoMLJobCommand({
          AutoMLJobName: 'auto-v1',
          RoleArn: ROLE,
          InputDataConfig: [
            {
              TargetAttributeName: 'y',
              DataSource: {
                S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://d' },
              },
            },
          ],
          OutputDataConfig: { S3OutputPath: 's3://o' },
        }),
      );
      await sageMaker.send(
        new CreateAutoMLJobV2Command({
          AutoMLJobName: 'auto-v2',
          RoleArn: ROLE,
          AutoMLJobInputDataConfig: [
            {
              ChannelType: 'training',
              DataSource: {
                S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://d' },
              },
            },
          ],
          OutputDataConfig: { S3OutputPath: 's3://o' },
          AutoMLProblemTypeConfig: {
            TabularJobConfig: { TargetAttributeName: 'y' },
          },
          SecurityConfig: { EnableInterContainerTrafficEncryption: true },
        }),
      );
      expect(
        (
          await sageMaker.send(
            new DescribeAutoMLJobCommand({ AutoMLJobName: 'auto-v1' }),
          )
        ).AutoMLJobStatus,
      ).toBe('InProgress');
      expect(
        await sageMaker.send(
          new DescribeAutoMLJobV2Command({ AutoMLJobName: 'auto-v2' }),
        ),
      ).toMatchObject({
        AutoMLJobStatus: 'InProgress',
        SecurityConfig: { EnableInterContainerTrafficEncryption: true },
      });
      expect(
        (await sageMaker.send(new ListAutoMLJobsCommand({})))
          .AutoMLJobSummaries,
      ).toHaveLength(2);
      await sageMaker.send(
        new StopAutoMLJobCommand({ AutoMLJobName: 'auto-v1' }),
      );
      test.clock.advance(60_000);
      expect(
        (
          await sageMaker.send(
            new DescribeAutoMLJobCommand({ AutoMLJobName: 'auto-v1' }),
          )
        ).AutoMLJobStatus,
      ).toBe('Stopped');
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new CreateAutoMLJobV2Command({
                AutoMLJobName: 'x',
                RoleArn: ROLE,
              } as any),
            ),
          )
        ).name,
      ).toBe('ValidationException');
    });
  });

  describe('models and endpoint configurations', () => {
    it('models: create, describe, list with paging, delete', async () => {
      for (const name of ['m-1', 'm-2', 'm-3']) {
        await sageMaker.send(
          new CreateModelCommand({
            ModelName: name,
            ExecutionRoleArn: ROLE,
            PrimaryContainer: { Image: 'img' },
            EnableNetworkIsolation: true,
          }),
        );
        test.clock.advance(1);
      }
      expect(
        await sageMaker.send(new DescribeModelCommand({ ModelName: 'm-1' })),
      ).toMatchObject({
        ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/m-1',
        EnableNetworkIsolation: true,
        PrimaryContainer: { Image: 'img' },
      });
      const first = await sageMaker.send(
        new ListModelsCommand({
          MaxResults: 2,
          SortBy: 'Name',
          SortOrder: 'Ascending',
        }),
      );
      expect(first.Models?.map(model => model.ModelName)).toEqual([
        'm-1',
        'm-2',
      ]);
      const second = await sageMaker.send(
        new ListModelsCommand({
          MaxResults: 2,
          SortBy: 'Name',
          SortOrder: 'Ascending',
          NextToken: first.NextToken,
        }),
      );
      expect(second.Models?.map(model => model.ModelName)).toEqual(['m-3']);
      await sageMaker.send(new DeleteModelCommand({ ModelName: 'm-1' }));
      expect(
        (
          await errorOf(() =>
            sageMaker.send(new DescribeModelCommand({ ModelName: 'm-1' })),
          )
        ).name,
      ).toBe('ValidationException');
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new CreateModelCommand({
                ModelName: 'm-2',
                ExecutionRoleArn: ROLE,
              }),
            ),
          )
        ).name,
      ).toBe('ValidationException');
    });

    it('endpoint configurations: create, describe, list, delete', async () => {
      await sageMaker.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'ec',
          KmsKeyId: 'alias/k',
          ProductionVariants: [
            {
              VariantName: 'all',
              ModelName: 'm',
              InstanceType: 'ml.m5.large',
              InitialInstanceCount: 1,
            },
          ],
        }),
      );
      expect(
        await sageMaker.send(
          new DescribeEndpointConfigCommand({ EndpointConfigName: 'ec' }),
        ),
      ).toMatchObject({
        KmsKeyId: 'alias/k',
        EndpointConfigArn:
          'arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/ec',
      });
      expect(
        (
          await sageMaker.send(new ListEndpointConfigsCommand({}))
        ).EndpointConfigs?.map(config => config.EndpointConfigName),
      ).toEqual(['ec']);
      await sageMaker.send(
        new DeleteEndpointConfigCommand({ EndpointConfigName: 'ec' }),
      );
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new DeleteEndpointConfigCommand({ EndpointConfigName: 'ec' }),
            ),
          )
        ).name,
      ).toBe('ValidationException');
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new CreateEndpointConfigCommand({
                EndpointConfigName: 'no-variants',
              } as any),
            ),
          )
        ).name,
      ).toBe('ValidationException');
    });
  });

  describe('notebook instances', () => {
    it('go Pending → InService → Stopping → Stopped → Deleting → gone', async () => {
      const { NotebookInstanceArn } = await sageMaker.send(
        new CreateNotebookInstanceCommand({
          NotebookInstanceName: 'nb',
          InstanceType: 'ml.t3.medium',
          RoleArn: ROLE,
          SubnetId: 'subnet-1',
          SecurityGroupIds: ['sg-1'],
          DirectInternetAccess: 'Disabled',
          RootAccess: 'Disabled',
          KmsKeyId: 'alias/k',
        }),
      );
      expect(NotebookInstanceArn).toBe(
        'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/nb',
      );
      expect(
        await sageMaker.send(
          new DescribeNotebookInstanceCommand({ NotebookInstanceName: 'nb' }),
        ),
      ).toMatchObject({
        NotebookInstanceStatus: 'Pending',
        DirectInternetAccess: 'Disabled',
        RootAccess: 'Disabled',
        SecurityGroups: ['sg-1'],
        KmsKeyId: 'alias/k',
      });
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new DeleteNotebookInstanceCommand({ NotebookInstanceName: 'nb' }),
            ),
          )
        ).name,
      ).toBe('ValidationException');
      test.clock.advance(60_000);
      await sageMaker.send(
        new StopNotebookInstanceCommand({ NotebookInstanceName: 'nb' }),
      );
      test.clock.advance(60_000);
      await sageMaker.send(
        new StartNotebookInstanceCommand({ NotebookInstanceName: 'nb' }),
      );
      test.clock.advance(60_000);
      await sageMaker.send(
        new StopNotebookInstanceCommand({ NotebookInstanceName: 'nb' }),
      );
      test.clock.advance(60_000);
      expect(
        (
          await sageMaker.send(
            new ListNotebookInstancesCommand({ StatusEquals: 'Stopped' }),
          )
        ).NotebookInstances,
      ).toHaveLength(1);
      await sageMaker.send(
        new DeleteNotebookInstanceCommand({ NotebookInstanceName: 'nb' }),
      );
      test.clock.advance(60_000);
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new DescribeNotebookInstanceCommand({
                NotebookInstanceName: 'nb',
              }),
            ),
          )
        ).name,
      ).toBe('ValidationException');
    });

    it('CreateNotebookInstance rejects disabled internet access without a subnet, and bad enums', async () => {
      const base = {
        NotebookInstanceName: 'nb',
        InstanceType: 'ml.t3.medium' as const,
        RoleArn: ROLE,
      };
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new CreateNotebookInstanceCommand({
                ...base,
                DirectInternetAccess: 'Disabled',
              }),
            ),
          )
        ).name,
      ).toBe('ValidationException');
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new CreateNotebookInstanceCommand({
                ...base,
                RootAccess: 'Maybe' as any,
              }),
            ),
          )
        ).name,
      ).toBe('ValidationException');
    });

    it('ListNotebookInstances pages', async () => {
      for (const name of ['n1', 'n2', 'n3']) {
        await sageMaker.send(
          new CreateNotebookInstanceCommand({
            NotebookInstanceName: name,
            InstanceType: 'ml.t3.medium',
            RoleArn: ROLE,
          }),
        );
      }
      const first = await sageMaker.send(
        new ListNotebookInstancesCommand({ MaxResults: 2 }),
      );
      const second = await sageMaker.send(
        new ListNotebookInstancesCommand({
          MaxResults: 2,
          NextToken: first.NextToken,
        }),
      );
      expect(
        [...first.NotebookInstances!, ...second.NotebookInstances!]
          .map(notebook => notebook.NotebookInstanceName)
          .sort(),
      ).toEqual(['n1', 'n2', 'n3']);
    });
  });

  describe('Search', () => {
    beforeEach(async () => {
      await sageMaker.send(
        new CreateTrainingJobCommand(
          trainingJob('isolated', {
            EnableNetworkIsolation: true,
            Tags: [{ Key: 'team', Value: 'fraud' }],
          }),
        ),
      );
      test.clock.advance(1);
      await sageMaker.send(
        new CreateTrainingJobCommand(
          trainingJob('open', {
            VpcConfig: undefined,
            Tags: [{ Key: 'team', Value: 'risk' }],
          }),
        ),
      );
      test.clock.advance(1);
      await sageMaker.send(new CreateTrainingJobCommand(trainingJob('third')));
    });

    it('finds training jobs by property, tag and existence', async () => {
      const names = async (expression: any) =>
        (
          await sageMaker.send(
            new SearchCommand({
              Resource: 'TrainingJob',
              SearchExpression: expression,
            }),
          )
        ).Results?.map(result => result.TrainingJob?.TrainingJobName);
      expect(
        await names({
          Filters: [
            {
              Name: 'EnableNetworkIsolation',
              Operator: 'Equals',
              Value: 'true',
            },
          ],
        }),
      ).toEqual(['isolated']);
      expect(
        await names({
          Filters: [{ Name: 'Tags.team', Operator: 'Equals', Value: 'risk' }],
        }),
      ).toEqual(['open']);
      expect(
        await names({
          Filters: [{ Name: 'VpcConfig', Operator: 'NotExists' }],
        }),
      ).toEqual(['open']);
      expect(
        await names({
          Filters: [
            { Name: 'TrainingJobName', Operator: 'Contains', Value: 'i' },
          ],
        }),
      ).toEqual(['third', 'isolated']);
      expect(
        await names({
          Operator: 'Or',
          SubExpressions: [
            { Filters: [{ Name: 'TrainingJobName', Value: 'open' }] },
            { Filters: [{ Name: 'TrainingJobName', Value: 'third' }] },
          ],
        }),
      ).toEqual(['third', 'open']);
    });

    it('returns tags with results and pages', async () => {
      const first = await sageMaker.send(
        new SearchCommand({
          Resource: 'TrainingJob',
          MaxResults: 2,
          SortBy: 'TrainingJobName',
          SortOrder: 'Ascending',
        }),
      );
      expect(
        first.Results?.map(result => result.TrainingJob?.TrainingJobName),
      ).toEqual(['isolated', 'open']);
      expect(first.Results?.[0].TrainingJob?.Tags).toEqual([
        { Key: 'team', Value: 'fraud' },
      ]);
      const second = await sageMaker.send(
        new SearchCommand({
          Resource: 'TrainingJob',
          MaxResults: 2,
          SortBy: 'TrainingJobName',
          SortOrder: 'Ascending',
          NextToken: first.NextToken,
        }),
      );
      expect(
        second.Results?.map(result => result.TrainingJob?.TrainingJobName),
      ).toEqual(['third']);
    });

    it('returns a model wrapped in a ModelDashboardModel, as SearchRecord.Model is in AWS', async () => {
      await sageMaker.send(
        new CreateModelCommand({
          ModelName: 'searched-model',
          ExecutionRoleArn: ROLE,
          PrimaryContainer: { Image: 'img' },
          VpcConfig: { Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
          EnableNetworkIsolation: true,
          Tags: [{ Key: 'TeamName', Value: 'fraud-detection' }],
        }),
      );
      const { Results } = await sageMaker.send(
        new SearchCommand({ Resource: 'Model' }),
      );
      expect(Results).toHaveLength(1);
      // SearchRecord.Model is a ModelDashboardModel; the model itself is its `Model`.
      const dashboard = Results![0].Model!;
      expect(Object.keys(Results![0])).toEqual(['Model']);
      expect(dashboard).not.toHaveProperty('ModelName');
      expect(dashboard.Model).toMatchObject({
        ModelName: 'searched-model',
        ModelArn:
          'arn:aws:sagemaker:us-east-1:123456789012:model/searched-model',
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: 'img' },
        VpcConfig: { Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
        EnableNetworkIsolation: true,
        Tags: [{ Key: 'TeamName', Value: 'fraud-detection' }],
      });
      expect(dashboard.Model?.CreationTime).toBeInstanceOf(Date);
    });

    it('rejects unsupported resources and operators with ValidationException', async () => {
      expect(
        (
          await errorOf(() =>
            sageMaker.send(new SearchCommand({ Resource: 'Pipeline' })),
          )
        ).name,
      ).toBe('ValidationException');
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new SearchCommand({
                Resource: 'TrainingJob',
                SearchExpression: {
                  Filters: [{ Name: 'X', Operator: 'Near' as any }],
                },
              }),
            ),
          )
        ).name,
      ).toBe('ValidationException');
    });
  });

  describe('tags', () => {
    it('AddTags, ListTags with paging and DeleteTags on any resource ARN', async () => {
      const { TrainingJobArn } = await sageMaker.send(
        new CreateTrainingJobCommand(
          trainingJob('tagged', { Tags: [{ Key: 'a', Value: '1' }] }),
        ),
      );
      await sageMaker.send(
        new AddTagsCommand({
          ResourceArn: TrainingJobArn,
          Tags: [
            { Key: 'b', Value: '2' },
            { Key: 'a', Value: '3' },
          ],
        }),
      );
      const first = await sageMaker.send(
        new ListTagsCommand({ ResourceArn: TrainingJobArn, MaxResults: 1 }),
      );
      const second = await sageMaker.send(
        new ListTagsCommand({
          ResourceArn: TrainingJobArn,
          NextToken: first.NextToken,
        }),
      );
      expect([...first.Tags!, ...second.Tags!]).toEqual([
        { Key: 'a', Value: '3' },
        { Key: 'b', Value: '2' },
      ]);
      await sageMaker.send(
        new DeleteTagsCommand({ ResourceArn: TrainingJobArn, TagKeys: ['a'] }),
      );
      expect(
        (
          await sageMaker.send(
            new ListTagsCommand({ ResourceArn: TrainingJobArn }),
          )
        ).Tags,
      ).toEqual([{ Key: 'b', Value: '2' }]);
    });

    it('fails with ResourceNotFound for an unknown ARN and ValidationException past 50 tags', async () => {
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new ListTagsCommand({
                ResourceArn:
                  'arn:aws:sagemaker:us-east-1:123456789012:model/none',
              }),
            ),
          )
        ).name,
      ).toBe('ResourceNotFound');
      const { ModelArn } = await sageMaker.send(
        new CreateModelCommand({ ModelName: 'm', ExecutionRoleArn: ROLE }),
      );
      const tags = Array.from({ length: 51 }, (_, index) => ({
        Key: `k${index}`,
        Value: 'v',
      }));
      expect(
        (
          await errorOf(() =>
            sageMaker.send(
              new AddTagsCommand({ ResourceArn: ModelArn, Tags: tags }),
            ),
          )
        ).name,
      ).toBe('ValidationException');
    });
  });
});
