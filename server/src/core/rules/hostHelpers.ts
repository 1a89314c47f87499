// Helpers the host-and-adapter rules share: the topology host behind a binding handler, how to name an
// endpoint in a message, the related locations that explain a finding, and the "mark the host
// clustered" fix. (Not a rule: rules are the kebab-case files of this folder.)

import type { HandlerRef } from '../model/join';
import type { HostNode } from '../model/join';
import { isUnresolved } from '../model/join';
import type { LNode } from '../readers/yamlNode';
import type { Fix, RelatedLocation, TextEdit } from '../types';
import type { OffsetRange } from '../text';
import { RuleContext, suggestion } from './api';
import { itemAnchor } from './shared';

export interface HostInfo {
  node: HostNode;
  name: string;
  /** Servers that run an instance, as declared. */
  instances: string[];
  clustered: boolean;
  /** The `clustered:` node, when declared. */
  clusteredNode?: LNode;
}

/**
 * The topology host a handler runs in. Undefined without a topology, for a host token no settings
 * resolve (unresolved-token reports it) and for a host the topology does not declare
 * (handler-host-unknown reports it).
 */
export function hostOf(ctx: RuleContext, h: HandlerRef): HostInfo | undefined {
  const topo = ctx.topology;
  if (!topo || isUnresolved(h.hostName)) return undefined;
  const node = topo.findHost(h.hostName);
  if (!node) return undefined;
  const clusteredNode = node.get('clustered');
  return {
    node,
    name: node.get('name')?.str ?? h.hostName,
    instances: (node.get('instances')?.strings() ?? []).map((s) => s.str),
    clustered: clusteredNode?.value === true,
    clusteredNode,
  };
}

/** `Receive location "X"` or `Send port "Y"`. */
export function endpointLabel(h: HandlerRef): string {
  return h.location ? `Receive location "${h.location.name}"` : `Send port "${h.port?.name}"`;
}

/** Where the host is declared, where the handler names it, and where a token got its value. */
export function hostRelated(ctx: RuleContext, h: HandlerRef, host: HostInfo, includeHandler: boolean): RelatedLocation[] {
  const out: RelatedLocation[] = [{ uri: ctx.topology!.uri, range: itemAnchor(host.node), message: `Host ${host.name} is declared here` }];
  if (includeHandler && h.transport.host) out.push({ uri: h.doc.uri, range: h.transport.host.range, message: `${endpointLabel(h)} runs in ${h.hostToken ? `${h.hostToken} = ` : ''}${host.name}` });
  if (h.hostSource) out.push({ uri: h.hostSource.doc.uri, range: h.hostSource.range, message: `${h.hostToken} is ${h.hostSource.value} in ${h.hostSource.origin}` });
  return out;
}

/**
 * The suggestion to declare a host clustered: it changes what the topology says of the host, so it is
 * only ever a suggestion, and its title says what must be true first.
 */
export function clusterSuggestion(ctx: RuleContext, host: HostInfo): Fix | undefined {
  return suggestion(`Host ${host.name} is now clustered (one active instance at a time): declare it`, markClustered(ctx, host));
}

/** Sets `clustered: true` on a topology host (replacing the value or inserting the key). */
export function markClustered(ctx: RuleContext, host: HostInfo): TextEdit | undefined {
  return host.clusteredNode ? ctx.edit.replace(host.clusteredNode, true) : ctx.edit.insertKey(host.node, 'clustered', true);
}

/** "has 2 instances (BTS01, BTS02)". */
export function instancesPhrase(host: HostInfo): string {
  const n = host.instances.length;
  return `has ${n} instance${n === 1 ? '' : 's'}${n ? ` (${host.instances.join(', ')})` : ''}`;
}

/** Several keys inserted into one mapping as a single edit (two insertions at one offset would race). */
export function insertKeys(ctx: RuleContext, map: LNode, values: Record<string, unknown>): TextEdit | undefined {
  const edits = Object.entries(values).map(([k, v]) => ctx.edit.insertKey(map, k, v));
  if (!edits.length || edits.some((e) => !e)) return undefined;
  return { ...edits[0]!, newText: edits.map((e) => e!.newText).join('') };
}

/**
 * The BizTalk edition the topology declares, when it is one that allows a single BizTalk server per
 * group and no host clustering (Standard, Branch): advice for such a group must not ask for either.
 */
export function limitedEdition(ctx: RuleContext): string | undefined {
  const ed = ctx.topology?.section('biztalk')?.get('edition')?.str;
  return ed && /^(standard|branch)$/i.test(ed.trim()) ? ed.trim() : undefined;
}

/**
 * Items grouped by binding file and cause, in the order they come (a cause: one host the topology
 * leaves unsafe, say): a cause repeated across the endpoints of one file is reported once, at its first
 * endpoint, with the others as related locations and counted in the message (othersOfFile). An item
 * whose key is undefined is left out.
 */
export function byFileAndCause<T extends { h: HandlerRef }>(items: Iterable<T>, key: (x: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    if (k === undefined) continue;
    const id = `${x.h.doc.uri}\u0000${k}`;
    const list = groups.get(id);
    if (list) list.push(x);
    else groups.set(id, [x]);
  }
  return [...groups.values()];
}

/** ` (and 2 other receive locations of this file)`; empty when there are none. */
export function othersOfFile(n: number, noun: string): string {
  return n > 0 ? ` (and ${n} other ${noun}${n === 1 ? '' : 's'} of this file)` : '';
}

/** `receive location` or `send port`, as othersOfFile counts them; `endpoint` when a group holds both. */
export function endpointNoun(list: readonly { h: HandlerRef }[]): string {
  const side = list[0].h.side;
  if (list.some((x) => x.h.side !== side)) return 'endpoint';
  return side === 'receive' ? 'receive location' : 'send port';
}

/** The endpoints after a group's first, as related locations: at most five, as other rules list them. */
export function othersRelated<T extends { h: HandlerRef }>(list: readonly T[], range: (x: T) => OffsetRange, message: (x: T) => string): RelatedLocation[] {
  return list.slice(1, 6).map((x) => ({ uri: x.h.doc.uri, range: range(x), message: message(x) }));
}
