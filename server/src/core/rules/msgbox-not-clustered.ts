import { defineRule } from './api';
import { checkDatabaseClustered } from './shared';
import { HADB, PPFT } from './sources';

export default defineRule({
  meta: {
    id: 'msgbox-not-clustered',
    description: 'The SQL Server instance that holds the MessageBox database (BizTalkMsgBoxDb) is neither a failover cluster instance nor in an availability group.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: true,
    fixKinds: ['fix', 'suggestion'],
    byEnvironment: 'availability',
    sources: [PPFT, HADB],
  },
  check(ctx) {
    checkDatabaseClustered(
      ctx,
      'BizTalkMsgBoxDb',
      'the MessageBox database',
      'Every message, subscription and orchestration state passes through the MessageBox: Microsoft says to put it on a SQL Server failover cluster.',
      true,
    );
  },
});
