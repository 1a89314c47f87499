// Helpers the host-and-adapter rules share: the topology host behind a binding handler, how to name an
// endpoint in a message, the related locations that explain a finding, and the "mark the host
// clustered" fix. (Not a rule: rules are the kebab-case files of this folder.)

import type { HandlerRef } from '../model/join';
import type { HostNode } from '../model/join';
import { isUnresolved } from '../model/join';
import type { LNode } from '../readers/yamlNode';
import type { Fix, RelatedLocation, TextEdit } from '../types';
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
