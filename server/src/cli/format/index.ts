import type { BtsDocument, Finding, Position } from '../../core';
import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';
import { junit } from './junit';
import { github } from './github';
import { azureDevops } from './azureDevops';
import { markdown } from './markdown';
import { html } from './html';

/** What the stylish summary announces about fixes (cli/run.ts fixableCounts). */
export interface FixableCounts {
  /** Fixes `btslint --fix` applies: exactly (the same plan). */
  fixes: number;
  /** Findings whose change is a declaration (--fix-type fix,declaration). */
  declarations: number;
  /** Findings with suggestions only (the editor). */
  suggestions: number;
}

export interface FormatInput {
  findings: Finding[];
  /** The path to show for a finding's uri (relative to the current folder when inside it). */
  display(uri: string): string;
  position(uri: string, offset: number): Position;
  color: boolean;
  cwd: string;
  version: string;
  /** The BizTalk files that were checked (uris), for formats that also list clean files (junit). */
  files?: string[];
  /** With --baseline: the baseline file and the findings it records (`findings` are then the new ones). */
  baseline?: { file: string; unchanged: Finding[] };
  /** The documents that were checked (the html and markdown formats draw each topology's platform). */
  documents?: BtsDocument[];
  /** For the summary: what --fix would apply and what else is offered. */
  fixable?: FixableCounts;
}

export const FORMATTERS: Record<string, (input: FormatInput) => string> = { stylish, json, sarif, junit, github, 'azure-devops': azureDevops, markdown, html };
