// Never losing a byte, over every file of the real corpus (../shared/corpus) and the examples (see
// roundtrip.ts; the same suites over the fixtures: roundtrip.test.ts).
import { roundtripSuites } from './roundtrip';

roundtripSuites('corpus');
