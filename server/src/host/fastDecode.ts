// The Node shells' fast UTF-16LE decoder for the core (core/text.ts setUtf16leDecoder): Buffer's,
// which keeps every code unit as the core's exact decoder does, 2 to 3 times faster than TextDecoder
// on large UTF-16 binding exports (BizTalk's usual encoding). The CLI and the Node language server
// install it at start; the browser's server has no Buffer and keeps TextDecoder.

import { setUtf16leDecoder } from '../core';

export function useNodeDecoders(): void {
  setUtf16leDecoder((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf16le'));
}
