// Never losing a byte, over the fixtures of test/fixtures and the examples (see roundtrip.ts; the same
// suites over the real corpus: roundtrip.corpus.test.ts).
import { roundtripSuites } from './roundtrip';

roundtripSuites('fixtures');
