import type { Finding, Position } from '../../core';
import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';

export interface FormatInput {
  findings: Finding[];
  /** The path to show for a finding's uri (relative to the current folder when inside it). */
  display(uri: string): string;
  position(uri: string, offset: number): Position;
  color: boolean;
  cwd: string;
  version: string;
}

export const FORMATTERS: Record<string, (input: FormatInput) => string> = { stylish, json, sarif };
