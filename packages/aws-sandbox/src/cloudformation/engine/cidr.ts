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

import { TemplateError } from './types';

function ipv4ToNumber(address: string): number {
  const octets = address.split('.').map(Number);
  if (
    octets.length !== 4 ||
    octets.some(octet => !Number.isInteger(octet) || octet < 0 || octet > 255)
  ) {
    throw new TemplateError(
      `Template error: Fn::Cidr requires a valid IPv4 CIDR block, got ${address}`,
    );
  }
  return octets.reduce((total, octet) => total * 256 + octet, 0);
}

function numberToIpv4(value: number): string {
  return [24, 16, 8, 0]
    .map(shift => Math.floor(value / 2 ** shift) % 256)
    .join('.');
}

/** `Fn::Cidr`: `count` consecutive subnets of `hostBits` host bits, carved from `block` (IPv4). */
export function cidrSubnets(
  block: string,
  count: number,
  hostBits: number,
): string[] {
  const [address, prefixText] = block.split('/');
  const prefix = Number(prefixText);
  const subnetPrefix = 32 - hostBits;
  if (
    !Number.isInteger(prefix) ||
    subnetPrefix < prefix ||
    count < 1 ||
    count > 256
  ) {
    throw new TemplateError(
      `Template error: Fn::Cidr cannot carve ${count} subnets of /${subnetPrefix} from ${block}`,
    );
  }
  if (count > 2 ** (subnetPrefix - prefix)) {
    throw new TemplateError(
      `Template error: Fn::Cidr: ${block} holds fewer than ${count} subnets of /${subnetPrefix}`,
    );
  }
  const size = 2 ** hostBits;
  const base =
    Math.floor(ipv4ToNumber(address) / 2 ** (32 - prefix)) * 2 ** (32 - prefix);
  return Array.from(
    { length: count },
    (_, index) => `${numberToIpv4(base + index * size)}/${subnetPrefix}`,
  );
}
