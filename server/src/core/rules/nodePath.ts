// The nodePath of a finding: its structural identity, independent of lines and columns. It is the third
// part of a baseline fingerprint (ruleId, file, nodePath; core/baseline), so a team's committed baseline
// matches a finding only while its rule builds the same string: never change what a builder returns
// (test/ci/fingerprints.test.ts records the example workspace's). Rules build every nodePath here:
// Report.nodePath is a NodePath, never a hand-written template. (Not a rule: rules are the kebab-case
// files of this folder.)
//
// The grammar: topology keys joined with `.` (`backup.biztalkJob.enabled`); a list item by its
// identifying key, `[name=SQLBTS]` or `[drive=E:]`, or by its value, `[SQLDR]`; a qualifier after `:`
// that tells apart findings at one node (`sqlInstances[name=SQLBTS]:msgbox`). Binding files use their
// XML structure, `/`-separated (`ReceivePort[Name=P]/ReceiveLocation[Name=L]/ReceiveHandler`).

import type { HandlerRef, OrchestrationRef } from '../model/join';
import type { LNode } from '../readers/yamlNode';

type Part = string | number | undefined;

export class NodePath {
  private constructor(private readonly text: string) {}

  /** Topology keys from the root: `NodePath.topology('backup', 'biztalkJob')` is `backup.biztalkJob`. */
  static topology(...keys: string[]): NodePath {
    return new NodePath(keys.join('.'));
  }

  /** A top-level list item by name: `sqlInstances[name=SQLBTS]`, `hosts[name=Rcv]`, `servers[name=BTS01]`. */
  static item(list: 'sqlInstances' | 'hosts' | 'servers', name: Part): NodePath {
    return new NodePath(list).item('name', name);
  }

  /** `sqlInstances[name=<name>]`. */
  static sqlInstance(name: Part): NodePath {
    return NodePath.item('sqlInstances', name);
  }

  /** `hosts[name=<name>]`. */
  static host(name: Part): NodePath {
    return NodePath.item('hosts', name);
  }

  /** `servers[name=<name>]`. */
  static server(name: Part): NodePath {
    return NodePath.item('servers', name);
  }

  /** The path of a topology node as LNode.path writes it (`sqlInstances[SQLBTS].volumes[E:]`), for a node found by walking. */
  static of(node: LNode): NodePath {
    return new NodePath(node.path);
  }

  /** An identity that is no node of a file: `NodePath.id('token', 'receivehost')` is `token:receivehost`. */
  static id(...parts: Part[]): NodePath {
    return new NodePath(parts.map(String).join(':'));
  }

  /** A binding endpoint: `ReceivePort[Name=P]/ReceiveLocation[Name=L]` or `SendPort[Name=S]`. */
  static endpoint(h: Pick<HandlerRef, 'port' | 'location'>): NodePath {
    if (h.location) return new NodePath(`ReceivePort[Name=${h.location.receivePort}]/ReceiveLocation[Name=${h.location.name}]`);
    if (h.port) return new NodePath(`SendPort[Name=${h.port.name}]`);
    return new NodePath('');
  }

  /** A binding handler: the endpoint, then `/ReceiveHandler` or `/SendHandler`. */
  static handler(h: Pick<HandlerRef, 'port' | 'location' | 'side'>): NodePath {
    return NodePath.endpoint(h).child(h.side === 'receive' ? 'ReceiveHandler' : 'SendHandler');
  }

  /** An orchestration's host: `ModuleRef[Name=<assembly>]/Service[Name=<name>]/Host`. */
  static orchestrationHost(o: Pick<OrchestrationRef, 'orchestration'>): NodePath {
    return new NodePath(`ModuleRef[Name=${o.orchestration.assembly}]/Service[Name=${o.orchestration.name}]/Host`);
  }

  /** A database server of a configuration export: `SQL[DisplayName=<display name>]/Server`. */
  static exportServer(displayName: Part): NodePath {
    return new NodePath(`SQL[DisplayName=${displayName}]/Server`);
  }

  /** A value of an SSO configuration export (`FILE[ID=<id>]/Value`). */
  static exportFileValue(id: string): NodePath {
    return new NodePath(`FILE[ID=${id}]/Value`);
  }

  /** Keys below this path: `.key.key`. */
  key(...keys: string[]): NodePath {
    return new NodePath(this.text + keys.map((k) => `.${k}`).join(''));
  }

  /** A list item by its identifying key: `[name=X]`, `[drive=E:]`. */
  item(by: 'name' | 'drive', value: Part): NodePath {
    return new NodePath(`${this.text}[${by}=${value}]`);
  }

  /** A list item by its value (a list of names): `[SQLDR]`; or a group within the node: `[ag-mgmt]`. */
  label(value: Part): NodePath {
    return new NodePath(`${this.text}[${value}]`);
  }

  /** `.databases[name=<name>]`. */
  database(name: Part): NodePath {
    return this.key('databases').item('name', name);
  }

  /** `.volumes[drive=<drive>]`. */
  volume(drive: Part): NodePath {
    return this.key('volumes').item('drive', drive);
  }

  /** A child element of a binding path: `/Name`. */
  child(element: string): NodePath {
    return new NodePath(`${this.text}/${element}`);
  }

  /** Qualifiers that tell apart findings at one node: `:msgbox`, `:file-local`. */
  tag(...qualifiers: Part[]): NodePath {
    return new NodePath(this.text + qualifiers.map((q) => `:${q}`).join(''));
  }

  toString(): string {
    return this.text;
  }
}
