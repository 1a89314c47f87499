import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { NodePath } from './nodePath';
import type { LNode } from '../readers/yamlNode';
import { isBlank } from './shared';
import { insertKeys } from './hostHelpers';
import { AG } from './sources';

const JOBS = 'replicatedJobs';
const LOGINS = 'replicatedLogins';
const FACT: Record<string, string> = {
  [JOBS]: placeholder('true once the jobs are on every replica, guarded'),
  [LOGINS]: placeholder('true once the logins are on every replica'),
};

export default defineRule({
  meta: {
    id: 'ag-jobs-logins-not-replicated',
    description: "An availability group holding BizTalk databases does not declare BizTalk's SQL Agent jobs (guarded by sys.fn_hadr_is_primary_replica) and logins replicated on every replica.",
    defaultSeverity: 'warning',
    category: 'clustering',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [AG],
    messages: {
      jobsNotReplicated: "The BizTalk SQL Agent jobs of \"{{instance}}\" are declared not replicated; after a failover nothing backs up or cleans up the databases. Create them on every replica, each step inside IF (sys.fn_hadr_is_primary_replica('db') = 1), then declare replicatedJobs: true.",
      loginsNotReplicated: 'The BizTalk logins of "{{instance}}" are declared not replicated; after a failover the host instances cannot log in. Create them on every replica, then declare replicatedLogins: true.',
      bothUndeclared: "The availability group of \"{{instance}}\" does not say that BizTalk's SQL Agent jobs and logins exist on every replica (replicatedJobs, replicatedLogins); an availability group copies neither. Script them onto each replica, each job step guarded by sys.fn_hadr_is_primary_replica, then declare both.",
      jobsUndeclared: "The availability group of \"{{instance}}\" does not say that BizTalk's SQL Agent jobs exist on every replica, each step guarded by sys.fn_hadr_is_primary_replica (replicatedJobs). Script them onto each replica with the guard, then declare replicatedJobs: true.",
      loginsUndeclared: "The availability group of \"{{instance}}\" does not say that BizTalk's logins exist on every replica (replicatedLogins). Script them onto each replica, then declare replicatedLogins: true.",
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const ag = inst.get('availabilityGroup');
      if (!ag || !ag.isMap) continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      const path = NodePath.sqlInstance(name).key('availabilityGroup');
      const missing: (typeof JOBS | typeof LOGINS)[] = [];
      for (const key of [JOBS, LOGINS] as const) {
        const node = ag.get(key);
        if (node?.value === true) continue;
        if (isBlank(node)) {
          missing.push(key);
          continue;
        }
        if (isPlaceholderValue(node!.str)) continue; // unfilled-placeholder reports it until it is filled
        ctx.report({
          doc: topo.doc,
          range: node!.range,
          messageId: key === JOBS ? 'jobsNotReplicated' : 'loginsNotReplicated',
          data: { instance: name },
          nodePath: path.key(key),
        });
      }
      if (!missing.length) continue;
      const messageId = missing.length === 2 ? 'bothUndeclared' : missing[0] === JOBS ? 'jobsUndeclared' : 'loginsUndeclared';
      ctx.report({
        doc: topo.doc,
        range: missing.length === 1 && ag.get(missing[0]) ? ag.get(missing[0])!.entryRange : ag.keyRange,
        messageId,
        data: { instance: name },
        nodePath: missing.length === 2 ? path : path.key(missing[0]),
        fix: declaration(missing.length === 2 ? 'Declare the replicated jobs and logins' : `Declare ${missing[0]}`, fill(ag, missing)),
      });
    }

    /** Inserts the missing keys (or fills one written empty) with placeholders. */
    function fill(map: LNode, keys: string[]) {
      const empty = keys.map((k) => map.get(k)).filter((n): n is LNode => !!n);
      if (empty.length === 1 && keys.length === 1) return ctx.edit.replace(empty[0], FACT[keys[0]]);
      if (empty.length) return undefined;
      return insertKeys(ctx, map, Object.fromEntries(keys.map((k) => [k, FACT[k]])));
    }
  },
});
