// Navigation over the parser's tree, and the second parse of escaped XML held in an element's text
// (BizTalk's TransportTypeData, AdapterConfig, BindingConfiguration, Filter...), with every inner offset
// mapped back to the outer file through one or more levels of escaping.

import { decodeWithMap, parseXml, XmlAttr, XmlDocument, XmlElement } from './parser';

export function children(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.kind === 'element' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function child(el: XmlElement | null | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.kind === 'element' && c.name === name) return c;
  return undefined;
}

/** Case-insensitive child lookup, for adapter settings whose casing varies between adapters. */
export function childI(el: XmlElement | null | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  const lower = name.toLowerCase();
  for (const c of el.children) if (c.kind === 'element' && c.name.toLowerCase() === lower) return c;
  return undefined;
}

export function path(el: XmlElement | null | undefined, ...names: string[]): XmlElement | undefined {
  let cur: XmlElement | undefined = el ?? undefined;
  for (const n of names) {
    cur = child(cur, n);
    if (!cur) return undefined;
  }
  return cur;
}

export function attr(el: XmlElement | null | undefined, name: string): XmlAttr | undefined {
  if (!el) return undefined;
  for (const a of el.attrs) if (a.name === name) return a;
  return undefined;
}

export function attrValue(el: XmlElement | null | undefined, name: string): string | undefined {
  return attr(el, name)?.value;
}

/** xsi:nil="true" marks an element as absent (e.g. `<SendHandler xsi:nil="true"/>`). */
export function isNil(el: XmlElement | null | undefined): boolean {
  if (!el) return true;
  const v = attrValue(el, 'xsi:nil');
  return v === 'true' || v === '1';
}

/** The element's text content with entities decoded (text and CDATA children, concatenated). */
export function textOf(doc: XmlDocument, el: XmlElement | null | undefined): string {
  if (!el) return '';
  let out = '';
  for (const c of el.children) {
    if (c.kind === 'text') out += decodeWithMap(doc.text, c.start, c.end, null);
    else if (c.kind === 'cdata') out += doc.text.slice(c.start, c.end);
  }
  return out;
}

/** The range the element's content occupies (between the tags), trimmed of surrounding whitespace. */
export function contentRange(doc: XmlDocument, el: XmlElement): { start: number; end: number } {
  if (el.selfClosing) return { start: el.start, end: el.end };
  let s = el.openEnd;
  let e = el.closeStart;
  const t = doc.text;
  while (s < e && /\s/.test(t[s])) s++;
  while (e > s && /\s/.test(t[e - 1])) e--;
  return { start: s, end: e };
}

/** Depth-first, document-order walk without recursion. Return false from `visit` to skip children. */
export function walk(root: XmlElement, visit: (el: XmlElement) => boolean | void): void {
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (visit(el) === false) continue;
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k];
      if (c.kind === 'element') stack.push(c);
    }
  }
}

/** A document parsed out of escaped text, with a map from its offsets to the outermost file's. */
export interface EmbeddedXml {
  doc: XmlDocument;
  /** Maps an offset in `doc.text` to an offset in the outer file. */
  toOuter(offset: number): number;
}

/**
 * Parses the escaped XML held in `el`'s text. `outer` maps the containing document's offsets to the
 * file's (identity for the file itself), so nesting composes: AdapterConfig inside TransportTypeData
 * is parsed from the embedded document of TransportTypeData.
 * Returns undefined when the element holds no markup.
 */
export function parseEmbedded(
  doc: XmlDocument,
  el: XmlElement,
  outer: (o: number) => number = identity,
): EmbeddedXml | undefined {
  const map: number[] = [];
  let text = '';
  for (const c of el.children) {
    if (c.kind === 'text') text += decodeWithMap(doc.text, c.start, c.end, map);
    else if (c.kind === 'cdata') {
      text += doc.text.slice(c.start, c.end);
      for (let k = c.start; k < c.end; k++) map.push(k);
    }
  }
  if (text.indexOf('<') < 0) return undefined;
  map.push(el.closeStart);
  const inner = parseXml(text);
  const toOuter = (o: number) => outer(map[Math.max(0, Math.min(o, map.length - 1))]);
  return { doc: inner, toOuter };
}

export function identity(o: number): number {
  return o;
}
