import type { Finding, Position } from '../../core';
import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';
import { junit } from './junit';
import { github } from './github';
import { azureDevops } from './azureDevops';

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
}

export const FORMATTERS: Record<string, (input: FormatInput) => string> = { stylish, json, sarif, junit, github, 'azure-devops': azureDevops };
