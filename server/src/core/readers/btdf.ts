// Reads a Deployment Framework for BizTalk project (Deployment.btdfproj, an MSBuild project): its
// properties (IncludeSSO, UsingMasterBindings, ...), the IIS virtual directories it deploys (the old
// VDirList items and BTDF 5's IISApp/IISAppPool items, when IncludeVirtualDirectories is not false),
// the hosts it restarts, and the settings it takes from the environment settings file. Nothing in it is
// about availability; it tells the rules which platform pieces a deployment brings (IIS, SSO).

import { attrValue, children, contentRange, textOf } from '../xml/dom';
import type { XmlDocument, XmlElement } from '../xml/parser';
import type { OffsetRange } from '../text';

export interface BtdfProperty {
  name: string;
  value: string;
  range: OffsetRange;
  /** The MSBuild Condition on the property or its PropertyGroup, when there is one. */
  condition?: string;
}

export interface BtdfItem {
  /** The item type (VDirList, IISApp, BizTalkHosts, ...). */
  type: string;
  /** The Include value. */
  include: string;
  range: OffsetRange;
  /** Child metadata (Vdir, Physdir, AppPool, PhysicalPath, VirtualPath, LocationPath, ...). */
  metadata: Record<string, string>;
  condition?: string;
  element: XmlElement;
}

export interface BtdfVirtualDirectory {
  /** The virtual path (/MyApp) or the item's Include. */
  name: string;
  physicalPath?: string;
  appPool?: string;
  range: OffsetRange;
}

export interface BtdfProjectModel {
  properties: BtdfProperty[];
  items: BtdfItem[];
  /** The value of a property: the unconditional definition, else the first one. */
  property(name: string): BtdfProperty | undefined;
  /** IncludeSSO: the deployment creates an SSO affiliate application for its settings. */
  includeSSO?: boolean;
  usingMasterBindings?: boolean;
  /** IncludeVirtualDirectories (false turns the virtual directory items off). */
  includeVirtualDirectories?: boolean;
  /** The IIS virtual directories and applications the deployment creates. */
  virtualDirectories: BtdfVirtualDirectory[];
  /** Hosts the deployment restarts (BizTalkHosts items). */
  hosts: string[];
  /** Names of the settings turned into MSBuild properties (PropsFromEnvSettings). */
  propsFromEnvSettings: string[];
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  const t = v.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  return undefined;
}

export function readBtdfProject(xml: XmlDocument): BtdfProjectModel {
  const properties: BtdfProperty[] = [];
  const items: BtdfItem[] = [];
  const root = xml.root;
  for (const group of root ? children(root) : []) {
    const kind = local(group.name);
    const groupCondition = attrValue(group, 'Condition');
    if (kind === 'PropertyGroup') {
      for (const p of children(group)) {
        const condition = attrValue(p, 'Condition') ?? groupCondition;
        properties.push({ name: local(p.name), value: textOf(xml, p).trim(), range: contentRange(xml, p), condition });
      }
    } else if (kind === 'ItemGroup') {
      for (const it of children(group)) {
        const include = attrValue(it, 'Include');
        if (include === undefined) continue;
        const metadata: Record<string, string> = {};
        for (const m of children(it)) metadata[local(m.name)] = textOf(xml, m).trim();
        const a = it.attrs.find((x) => x.name === 'Include')!;
        items.push({
          type: local(it.name),
          include,
          range: { start: a.valueStart, end: a.valueEnd },
          metadata,
          condition: attrValue(it, 'Condition') ?? groupCondition,
          element: it,
        });
      }
    }
  }
  const property = (name: string) => {
    const lower = name.toLowerCase();
    const all = properties.filter((p) => p.name.toLowerCase() === lower);
    return all.find((p) => !p.condition) ?? all[0];
  };
  const includeVirtualDirectories = bool(property('IncludeVirtualDirectories')?.value);
  const virtualDirectories: BtdfVirtualDirectory[] = [];
  if (includeVirtualDirectories !== false) {
    const seen = new Set<string>();
    for (const it of items) {
      let vd: BtdfVirtualDirectory | undefined;
      if (it.type === 'VDirList') {
        vd = { name: it.metadata.Vdir || it.include, physicalPath: it.metadata.Physdir || undefined, appPool: it.metadata.AppPool || undefined, range: it.range };
      } else if (it.type === 'IISApp' || it.type === 'IISVDir') {
        vd = { name: it.metadata.VirtualPath || it.include, physicalPath: it.metadata.PhysicalPath || undefined, appPool: it.metadata.AppPoolName || undefined, range: it.range };
      }
      if (vd && !seen.has(vd.name.toLowerCase())) {
        seen.add(vd.name.toLowerCase());
        virtualDirectories.push(vd);
      }
    }
  }
  const hosts = [...new Set(items.filter((i) => i.type === 'BizTalkHosts').flatMap((i) => i.include.split(';')).map((s) => s.trim()).filter(Boolean))];
  const propsFromEnvSettings = [...new Set(items.filter((i) => i.type === 'PropsFromEnvSettings').flatMap((i) => i.include.split(';')).map((s) => s.trim()).filter(Boolean))];
  return {
    properties,
    items,
    property,
    includeSSO: bool(property('IncludeSSO')?.value),
    usingMasterBindings: bool(property('UsingMasterBindings')?.value),
    includeVirtualDirectories,
    virtualDirectories,
    hosts,
    propsFromEnvSettings,
  };
}
