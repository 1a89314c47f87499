// Reads ApplicationDefinition.adf, the manifest at the root of every BizTalk application MSI (extract
// the MSI with `msiexec /a` or msiextract): the application's properties (DisplayName, Guid, Version)
// and its resources, among them the binding files (System.BizTalk:BizTalkBinding) that the MSI imports.
// A workspace of extracted MSIs is then understood: btslint knows which application each BindingInfo.xml
// beside the .adf belongs to.

import { attr, attrValue, children } from '../xml/dom';
import type { XmlDocument, XmlElement } from '../xml/parser';
import type { OffsetRange } from '../text';

export interface AdfProperty {
  name: string;
  value: string;
  range: OffsetRange;
}

export interface AdfResource {
  /** e.g. System.BizTalk:BizTalkAssembly, System.BizTalk:BizTalkBinding, System.BizTalk:WebDirectory. */
  type: string;
  luid: string;
  range: OffsetRange;
  properties: Record<string, string>;
  files: { relativePath: string; key?: string; range: OffsetRange }[];
  element: XmlElement;
}

export interface AppDefinitionModel {
  properties: AdfProperty[];
  /** The application's name (the DisplayName property). */
  displayName?: string;
  resources: AdfResource[];
  /** The binding resources (System.BizTalk:BizTalkBinding). */
  bindings: AdfResource[];
  /** The applications this one references (References/Reference@Name). */
  references: string[];
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function kids(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? children(el).filter((c) => local(c.name) === name) : [];
}

function valueRange(el: XmlElement, name: string): OffsetRange {
  const a = attr(el, name);
  return a ? { start: a.valueStart, end: a.valueEnd } : { start: el.start, end: el.nameEnd };
}

export const BINDING_RESOURCE = 'System.BizTalk:BizTalkBinding';

export function readAppDefinition(xml: XmlDocument): AppDefinitionModel {
  const model: AppDefinitionModel = { properties: [], resources: [], bindings: [], references: [] };
  const root = xml.root;
  if (!root) return model;
  for (const p of kids(kids(root, 'Properties')[0], 'Property')) {
    const name = attrValue(p, 'Name');
    if (!name) continue;
    model.properties.push({ name, value: attrValue(p, 'Value') ?? '', range: valueRange(p, 'Value') });
  }
  model.displayName = model.properties.find((p) => p.name === 'DisplayName')?.value || undefined;
  for (const r of kids(kids(root, 'Resources')[0], 'Resource')) {
    const properties: Record<string, string> = {};
    for (const p of kids(kids(r, 'Properties')[0], 'Property')) {
      const name = attrValue(p, 'Name');
      if (name) properties[name] = attrValue(p, 'Value') ?? '';
    }
    const resource: AdfResource = {
      type: attrValue(r, 'Type') ?? '',
      luid: attrValue(r, 'Luid') ?? '',
      range: valueRange(r, 'Luid'),
      properties,
      files: kids(kids(r, 'Files')[0], 'File').map((f) => ({ relativePath: attrValue(f, 'RelativePath') ?? '', key: attrValue(f, 'Key'), range: valueRange(f, 'RelativePath') })),
      element: r,
    };
    model.resources.push(resource);
    if (resource.type.toLowerCase() === BINDING_RESOURCE.toLowerCase()) model.bindings.push(resource);
  }
  for (const ref of kids(kids(root, 'References')[0], 'Reference')) {
    const name = attrValue(ref, 'Name');
    if (name) model.references.push(name);
  }
  return model;
}
