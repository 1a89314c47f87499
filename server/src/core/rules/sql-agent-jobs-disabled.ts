import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { NodePath } from './nodePath';
import type { LNode } from '../readers/yamlNode';
import { isBlank, missingAnchor } from './shared';
import { insertKeys } from './hostHelpers';
import { DB_JOBS, KB919776, PLANNING_TRACKING } from './sources';

const DTA = 'dtaPurgeAndArchive';
const DEFAULTS = 'defaultJobsEnabled';
const DTA_FACT = placeholder('true once DTA Purge and Archive is configured and enabled');
const DEFAULTS_FACT = placeholder('true if every default BizTalk job is enabled');

/** The message ids of each key, and the placeholder that declares it. */
const WHAT: Record<string, { declaredOff: string; undeclared: string; fact: string }> = {
  [DTA]: { declaredOff: 'dtaDisabled', undeclared: 'dtaUndeclared', fact: DTA_FACT },
  [DEFAULTS]: { declaredOff: 'defaultsDisabled', undeclared: 'defaultsUndeclared', fact: DEFAULTS_FACT },
};

export default defineRule({
  meta: {
    id: 'sql-agent-jobs-disabled',
    description: 'The DTA Purge and Archive job, or another SQL Server Agent job BizTalk creates, is declared disabled or not declared enabled (sqlAgentJobs).',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'full',
    sources: [KB919776, PLANNING_TRACKING, DB_JOBS],
    messages: {
      undeclared: "The topology does not say that BizTalk's SQL Agent jobs are enabled (sqlAgentJobs); BizTalk leaves DTA Purge and Archive disabled. Enable it and the default jobs (all but MessageBox_Message_Cleanup_*), then declare them.",
      dtaDisabled: 'The DTA Purge and Archive (BizTalkDTADb) job is declared disabled, so the Tracking database grows until it slows the group. Configure its archive folder and purge ages, enable it, and declare dtaPurgeAndArchive: true.',
      dtaUndeclared: 'The topology does not say that the DTA Purge and Archive job is enabled (sqlAgentJobs.dtaPurgeAndArchive); BizTalk leaves it disabled. Configure and enable it, then declare dtaPurgeAndArchive: true.',
      defaultsDisabled: "BizTalk's default SQL Agent jobs are declared not all enabled; they clean up the MessageBox and release dead host instances' work. Enable every one except MessageBox_Message_Cleanup_*, then declare defaultJobsEnabled: true.",
      defaultsUndeclared: "The topology does not say that BizTalk's default SQL Agent jobs are enabled (sqlAgentJobs.defaultJobsEnabled). Check that every one except MessageBox_Message_Cleanup_* is enabled, then declare defaultJobsEnabled: true.",
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const jobs = topo.section('sqlAgentJobs');
    if (!jobs || !jobs.isMap) {
      if (jobs && !isBlank(jobs)) return; // not a mapping: the schema reports it
      const at = missingAnchor(topo, ['sqlAgentJobs']);
      ctx.report({
        doc: topo.doc,
        range: at.range,
        messageId: 'undeclared',
        nodePath: NodePath.topology('sqlAgentJobs'),
        fix: declaration('Declare the BizTalk SQL Agent jobs', jobs ? ctx.edit.replace(jobs, { [DTA]: DTA_FACT, [DEFAULTS]: DEFAULTS_FACT }) : ctx.edit.ensure(['sqlAgentJobs'], { [DTA]: DTA_FACT, [DEFAULTS]: DEFAULTS_FACT })),
      });
      return;
    }
    const missing: (typeof DTA | typeof DEFAULTS)[] = [];
    for (const key of [DTA, DEFAULTS] as const) {
      const node = jobs.get(key);
      if (node?.value === true) continue;
      if (isBlank(node)) {
        missing.push(key);
        continue;
      }
      // A placeholder a fix inserted: unfilled-placeholder reports it, at the same severity, until it is filled.
      if (isPlaceholderValue(node!.str)) continue;
      report(node!, key, WHAT[key].declaredOff);
    }
    if (missing.length === 2) {
      ctx.report({
        doc: topo.doc,
        range: jobs.keyRange,
        messageId: 'undeclared',
        nodePath: NodePath.topology('sqlAgentJobs'),
        fix: declaration('Declare the BizTalk SQL Agent jobs', fill(jobs, missing)),
      });
    } else if (missing.length === 1) {
      const key = missing[0];
      ctx.report({
        doc: topo.doc,
        range: jobs.get(key)?.entryRange ?? jobs.keyRange,
        messageId: WHAT[key].undeclared,
        nodePath: NodePath.topology('sqlAgentJobs', key),
        fix: declaration(`Declare ${key}`, fill(jobs, missing)),
      });
    }

    function report(node: LNode, key: string, messageId: string): void {
      ctx.report({ doc: topo!.doc, range: node.range, messageId, nodePath: NodePath.topology('sqlAgentJobs', key) });
    }

    /** Inserts the missing keys (or fills a key written empty) with placeholders. */
    function fill(map: LNode, keys: string[]) {
      const empty = keys.map((k) => map.get(k)).filter((n): n is LNode => !!n);
      if (empty.length === 1 && keys.length === 1) return ctx.edit.replace(empty[0], WHAT[keys[0]].fact);
      if (empty.length) return undefined;
      return insertKeys(ctx, map, Object.fromEntries(keys.map((k) => [k, WHAT[k].fact])));
    }
  },
});
