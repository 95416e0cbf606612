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

const http = require('node:http');

/**
 * A plain HTTP proxy on 127.0.0.1 in front of the sandbox. The sandbox has no
 * per-call log or hook, so AWS calls are counted here, where the backend's SDK
 * clients send them: every attempt (SDK retries included), by operation
 * (X-Amz-Target, or the query protocol's Action), by HTTP status and by
 * error type, with the time the sandbox took to answer (to the response
 * headers) by operation.
 *
 * `onCall`, when given, is called once per answered call with the operation,
 * the HTTP status, the AWS error type (if any) and the request body as text,
 * so a benchmark can attribute calls to its own requests.
 */
async function startCountingProxy(targetUrl, { onCall } = {}) {
  const target = new URL(targetUrl);
  const agent = new http.Agent({ keepAlive: true });
  let counts = emptyCounts();

  const server = http.createServer((incoming, outgoing) => {
    const amzTarget = String(incoming.headers['x-amz-target'] ?? '');
    // JSON protocols name the operation in X-Amz-Target; the query protocol
    // (CloudFormation) in the body's Action, known once the body is read.
    let operation = amzTarget.split('.').pop() || 'unknown';
    const tally = counts;
    const sent = process.hrtime.bigint();
    tally.calls += 1;
    const chunks = [];
    incoming.on('data', chunk => chunks.push(chunk));
    incoming.on('end', () => {
      if (!amzTarget) {
        const action = /(?:^|&)Action=(\w+)/.exec(
          Buffer.concat(chunks).toString('utf8'),
        );
        if (action) operation = action[1];
      }
      tally.byOperation[operation] = (tally.byOperation[operation] ?? 0) + 1;
    });
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
        agent,
      },
      response => {
        const status = String(response.statusCode);
        const ms = Number(process.hrtime.bigint() - sent) / 1_000_000;
        const latency = (tally.latencyMsByOperation[operation] ??= {
          total: 0,
          max: 0,
        });
        latency.total += ms;
        latency.max = Math.max(latency.max, ms);
        tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
        let errorType;
        if (response.statusCode >= 400) {
          errorType = String(
            response.headers['x-amzn-errortype'] ?? 'unknown',
          ).split(':')[0];
          tally.errors[errorType] = (tally.errors[errorType] ?? 0) + 1;
          const byType = (tally.errorsByOperation[operation] ??= {});
          byType[errorType] = (byType[errorType] ?? 0) + 1;
        }
        if (onCall) {
          onCall({
            operation,
            status: response.statusCode,
            errorType,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        }
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', error => {
      tally.byStatus.proxyError = (tally.byStatus.proxyError ?? 0) + 1;
      outgoing.destroy(error);
    });
    incoming.pipe(upstream);
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** Returns the counts since the last call and starts new ones. */
    take() {
      const taken = counts;
      counts = emptyCounts();
      return taken;
    },
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise(resolve => server.close(() => resolve()));
    },
  };
}

function emptyCounts() {
  return {
    calls: 0,
    byOperation: {},
    byStatus: {},
    errors: {},
    errorsByOperation: {},
    latencyMsByOperation: {},
  };
}

module.exports = { startCountingProxy };
