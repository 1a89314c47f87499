// msgbox-mdf-ldf-same-disk: the MessageBox data and log on one volume.
import rule from '../../server/src/core/rules/msgbox-mdf-ldf-same-disk';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const HEAD = 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n';

ruleTester(rule, {
  valid: [
    { name: 'separate volumes', files: { [T]: HEAD + "    databases:\n      - { name: BizTalkMsgBoxDb, dataVolume: 'E:', logVolume: 'L:' }\n" } },
    { name: 'another database on one volume', files: { [T]: HEAD + "    databases:\n      - { name: BizTalkDTADb, dataVolume: 'E:', logVolume: 'E:' }\n" } },
    { name: 'only one of the two declared', files: { [T]: HEAD + "    databases:\n      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }\n" } },
    { name: 'volumes separate data and logs', files: { [T]: HEAD + "    volumes:\n      - { drive: 'E:', holds: [data] }\n      - { drive: 'L:', holds: [log] }\n    databases: [{ name: BizTalkMsgBoxDb }]\n" } },
  ],
  invalid: [
    {
      name: 'same dataVolume and logVolume: at the logVolume',
      files: { [T]: HEAD + "    databases:\n      - { name: BizTalkMsgBoxDb, dataVolume: 'E:', logVolume: 'e:' }\n" },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1].databases[name=BizTalkMsgBoxDb].logVolume',
          range: [6, 63, 6, 67],
          severity: 'warning',
          messageId: 'sameVolume',
          fixOutput: null,
        },
      ],
    },
    {
      name: 'an extra MessageBox by role; the only volume holds both data and log',
      files: { [T]: HEAD + "    volumes:\n      - { drive: 'D:', holds: [data, log] }\n    databases:\n      - { name: MsgBox2, role: messagebox }\n" },
      errors: [{ nodePath: 'sqlInstances[name=SQL1].volumes[drive=D:].holds:MsgBox2', fixOutput: null, range: [6, 31, 6, 42], messageId: 'onlyVolume' }],
    },
  ],
});
