// `--format html`: one self-contained page with each environment's platform drawn (its elements
// coloured by their worst finding, its single points of failure marked) and the findings grouped by
// rule and by file. The page is built by the renderer the editor's webview shares (server/src/render).

import { platformsOf } from '../../core/model/platform';
import { renderReport } from '../../render/report';
import { docsUrl } from '../../host/docs';
import type { FormatInput } from './index';

export function html({ findings, documents, display, position, version }: FormatInput): string {
  return renderReport({
    findings,
    platforms: platformsOf(documents ?? [], findings),
    display,
    line: (uri, offset) => position(uri, offset).line,
    version,
    ruleUrl: docsUrl,
  });
}
