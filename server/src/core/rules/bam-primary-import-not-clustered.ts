import { defineRule } from './api';
import { checkDatabaseClustered } from './shared';
import { HADB, PPFT } from './sources';

export default defineRule({
  meta: {
    id: 'bam-primary-import-not-clustered',
    description: 'The SQL Server instance that holds the BAM Primary Import database is neither a failover cluster instance nor in an availability group.',
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
      'BAMPrimaryImport',
      'the BAM Primary Import database',
      'Lost BAM events can never be regenerated, so Microsoft says it is especially important to cluster this database.',
      false,
    );
  },
});
