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
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { build, BuildOptions } from 'esbuild';
import { createZip } from './zip';
import { PackagingError } from './packagingError';

/** @public */
export interface LambdaBundle {
  zip: Buffer;
  /** First 16 hex digits of the zip's SHA-256, for a content-addressed key. */
  hash: string;
  entry: string;
}

/**
 * Bundles a TypeScript Lambda entry with its dependencies into one CommonJS
 * file (`index.js`, handler `index.handler`) and zips it.
 *
 * @public
 */
export async function bundleLambda(entry: string): Promise<LambdaBundle> {
  if (!existsSync(entry)) {
    throw new PackagingError(
      `the detective-control Lambda entry ${entry} does not exist; build packages/detective-control (src/index.ts exporting handler) or pass --lambda-entry`,
    );
  }
  const common: BuildOptions = { entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', write: false, logLevel: 'silent' };
  // An ESM build only to read the entry's export names from the metafile.
  let exportsFound: string[];
  try {
    const probe = await build({ ...common, format: 'esm', metafile: true, outfile: 'probe.mjs' });
    exportsFound = Object.values(probe.metafile?.outputs ?? {}).flatMap(output => output.exports);
  } catch (error) {
    throw new PackagingError(`cannot bundle ${entry}: ${firstBuildError(error)}`);
  }
  if (!exportsFound.includes('handler')) {
    throw new PackagingError(`${entry} does not export handler (exports: ${exportsFound.join(', ') || 'none'})`);
  }
  const result = await build({ ...common, format: 'cjs', minify: true, sourcemap: false, outfile: 'index.js' });
  const output = result.outputFiles?.[0];
  if (!output) throw new PackagingError(`esbuild produced no output for ${entry}`);
  const code = Buffer.from(output.contents);
  const zip = createZip([{ name: 'index.js', data: code }]);
  return { zip, hash: createHash('sha256').update(zip).digest('hex').slice(0, 16), entry };
}

function firstBuildError(error: unknown): string {
  const errors = (error as { errors?: Array<{ text: string; location?: { file: string; line: number } }> }).errors;
  const first = errors?.[0];
  if (!first) return (error as Error).message;
  return first.location ? `${first.location.file}:${first.location.line}: ${first.text}` : first.text;
}
