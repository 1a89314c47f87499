// `btslint/platform`: the picture of each environment's platform from the latest check, drawn by the
// renderer `btslint --format html` uses (server/src/render), with where each element is declared
// (data-uri, data-line, data-character) so that the client's webview can reveal it.

import type { BtsDocument, Finding } from '../../core';
import { platformsOf } from '../../core/model/platform';
import { relativePath } from '../../core/config';
import { PLATFORM_CSS } from '../../render/platformSvg';
import { PAGE_CSS, platformSection } from '../../render/report';
import { isInside, uriToPath } from '../paths';
import type { PlatformResult } from '../protocol';

export function platform(docs: BtsDocument[], findings: Finding[], folders: string[]): PlatformResult {
  const byUri = new Map(docs.map((d) => [d.uri, d] as const));
  const position = (uri: string, offset: number) => byUri.get(uri)?.lines().position(offset) ?? { line: 0, character: 0 };
  const display = (uri: string) => {
    const p = uriToPath(uri);
    const root = p && folders.find((f) => isInside(p, f));
    return p ? (root ? relativePath(root, p) : p) : uri;
  };
  const platforms = platformsOf(docs, findings);
  const html = platforms
    .map((p) => {
      const section = platformSection(p, {
        display,
        line: (uri, offset) => position(uri, offset).line,
        data: (el) => {
          const at = position(el.uri, el.range.start);
          return { uri: el.uri, line: at.line, character: at.character };
        },
      });
      return `<section class="env">${section}</section>`;
    })
    .join('\n');
  return { css: PAGE_CSS + PLATFORM_CSS, html, environments: platforms.length };
}
