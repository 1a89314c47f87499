// A small glob matcher for the config file's include, exclude and topologies patterns.
// Patterns are relative to the config file's folder and use `/` (a `\` is read as `/`, so patterns
// written on Windows work everywhere). Matching is case-insensitive, as names are on Windows.
//
//   *        any characters except `/`          **      any number of folders (also none)
//   ?        one character except `/`           {a,b}   either alternative (may nest)
//
// Like .gitignore: a pattern without a `/` matches a file or folder name at any depth (`*.bak.xml`,
// `legacy`), and a pattern that matches a folder matches everything inside it (`src/legacy`).
//
// Patterns come from repositories, so the matcher holds two invariants: nothing recurses on the
// pattern's depth (braces are parsed with an explicit stack), and nothing backtracks (a pattern is
// compiled to an NFA, simulated as a lazily built DFA: each path character costs one table look-up
// once warm, never more than one pass over the NFA's states). A regular expression or picomatch would
// backtrack: picomatch 4.0.7 takes 33 s on eight chained `**/d*` against a 40-folder path.
// `patternProblem` states the size limits; an over-limit pattern matches nothing.

export interface Glob {
  pattern: string;
  test(relativePath: string): boolean;
}

/** Size limits of one pattern (a list's length is limited by read.ts MAX_CONFIG_PATTERNS). */
export const GLOB_LIMITS = Object.freeze({ patternLength: 1024, braces: 64 });

/** Why a pattern is refused (over a size limit), or undefined when it may be used. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > GLOB_LIMITS.patternLength) return `This pattern is ${pattern.length} characters long; the limit is ${GLOB_LIMITS.patternLength}.`;
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) if (pattern.charCodeAt(i) === 123 /* { */) braces++;
  if (braces > GLOB_LIMITS.braces) return `This pattern has ${braces} braces; the limit is ${GLOB_LIMITS.braces}.`;
  return undefined;
}

/** Normalises a pattern: forward slashes, no leading `./` or `/`, no trailing `/`. */
export function normalizePattern(pattern: string): string {
  let p = pattern.trim().replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  p = p.replace(/^\/+/, '').replace(/\/+$/, '');
  return p;
}

const cache = new Map<string, Matcher | null>();
const CACHE_LIMIT = 2000;

export function compileGlob(pattern: string): Glob {
  let m = cache.get(pattern);
  if (m === undefined) {
    m = patternProblem(pattern) ? null : new Matcher(normalizePattern(pattern).toLowerCase());
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, m);
  }
  const matcher = m;
  return { pattern, test: (rel: string) => (matcher ? matcher.test(rel.replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase()) : false) };
}

/** Whether a relative path matches any of the patterns. */
export function matchesAny(patterns: string[], relativePath: string): boolean {
  return patterns.some((p) => compileGlob(p).test(relativePath));
}

/** The leading part of a pattern without glob characters (where a walk for it can start). */
export function globBase(pattern: string): { base: string; rest: string } {
  const segs = normalizePattern(pattern).split('/');
  let i = 0;
  while (i < segs.length - 1 && !/[*?{}]/.test(segs[i])) i++;
  if (i === segs.length - 1 && !/[*?{}]/.test(segs[i])) return { base: segs.slice(0, -1).join('/'), rest: segs[i] };
  return { base: segs.slice(0, i).join('/'), rest: segs.slice(i).join('/') };
}

// ---- the NFA -------------------------------------------------------------------------------------

/** What an edge consumes: one given character, any character but `/`, or any character. */
const ANY = -1;
const ALL = -2;

interface NfaState {
  eps: number[];
  /** Consuming edges: [class (a UTF-16 code or ANY/ALL), target]. */
  edges: [number, number][];
}

interface Fragment {
  start: number;
  end: number;
}

/** One alternation being parsed: the alternatives done so far and the one being built. */
interface Group {
  alts: Fragment[];
  cur: Fragment;
}

const DFA_STATE_LIMIT = 4096;

class Matcher {
  private readonly states: NfaState[] = [];
  private readonly accept: number;
  private readonly startSet: DfaState;
  private dfa = new Map<string, DfaState>();

  constructor(p: string) {
    const whole = this.empty();
    // A pattern without a `/` matches at any depth: `(?:.*/)?` before it.
    if (!p.includes('/')) {
      const prefix = this.empty();
      this.append(prefix, this.loop(ALL));
      this.append(prefix, this.one('/'.charCodeAt(0)));
      this.append(whole, this.alternation([prefix, this.empty()]));
    }
    this.append(whole, this.translate(p));
    // A pattern that matches a folder matches everything inside it: `(?:/.*)?` after it.
    const suffix = this.empty();
    this.append(suffix, this.one('/'.charCodeAt(0)));
    this.append(suffix, this.loop(ALL));
    this.append(whole, this.alternation([suffix, this.empty()]));
    this.accept = whole.end;
    this.startSet = this.dfaState(this.closure([whole.start]));
  }

  test(path: string): boolean {
    let d = this.startSet;
    for (let i = 0; i < path.length && d.set.length; i++) {
      const c = path.charCodeAt(i);
      let next = d.next.get(c);
      if (!next) {
        if (this.dfa.size > DFA_STATE_LIMIT) this.dfa = new Map(); // bounded memory; states are rebuilt
        next = this.dfaState(this.closure(this.step(d.set, c)));
        d.next.set(c, next);
      }
      d = next;
    }
    return d.accepting;
  }

  private newState(): number {
    this.states.push({ eps: [], edges: [] });
    return this.states.length - 1;
  }

  private empty(): Fragment {
    const s = this.newState();
    return { start: s, end: s };
  }

  private one(cls: number): Fragment {
    const start = this.newState();
    const end = this.newState();
    this.states[start].edges.push([cls, end]);
    return { start, end };
  }

  /** Zero or more characters of a class. */
  private loop(cls: number): Fragment {
    const s = this.newState();
    this.states[s].edges.push([cls, s]);
    return { start: s, end: s };
  }

  /** `(?:[^/]*\/)*`: any number of whole folders. */
  private folders(): Fragment {
    const s = this.newState();
    const inName = this.newState();
    this.states[s].eps.push(inName);
    this.states[inName].edges.push([ANY, inName], ['/'.charCodeAt(0), s]);
    return { start: s, end: s };
  }

  private alternation(alts: Fragment[]): Fragment {
    const start = this.newState();
    const end = this.newState();
    for (const a of alts) {
      this.states[start].eps.push(a.start);
      this.states[a.end].eps.push(end);
    }
    return { start, end };
  }

  /** Appends `b` to `a` in place (a's end becomes b's end). */
  private append(a: Fragment, b: Fragment): void {
    this.states[a.end].eps.push(b.start);
    a.end = b.end;
  }

  /** Builds the NFA of a pattern; braces use an explicit stack, never recursion. */
  private translate(p: string): Fragment {
    const braces = matchingBraces(p);
    const top = this.empty();
    const stack: Group[] = [];
    const current = (): Fragment => (stack.length ? stack[stack.length - 1].cur : top);
    let altStart = -1;
    let i = 0;
    while (i < p.length) {
      const c = p[i];
      if (c === '*') {
        if (p[i + 1] === '*') {
          const atStart = i === 0 || p[i - 1] === '/' || altStart === i; // an alternative starts a segment too
          if (atStart && p[i + 2] === '/') {
            this.append(current(), this.folders());
            i += 3;
            continue;
          }
          this.append(current(), this.loop(ALL));
          i += 2;
          continue;
        }
        this.append(current(), this.loop(ANY));
        i++;
        continue;
      }
      if (c === '?') {
        this.append(current(), this.one(ANY));
        i++;
        continue;
      }
      if (c === '{' && braces.closes[i] > i) {
        stack.push({ alts: [], cur: this.empty() });
        altStart = ++i;
        continue;
      }
      if (stack.length && c === ',' && !braces.literalComma.has(i)) {
        const g = stack[stack.length - 1];
        g.alts.push(g.cur);
        g.cur = this.empty();
        altStart = ++i;
        continue;
      }
      if (stack.length && c === '}' && braces.isClose.has(i)) {
        const g = stack.pop()!;
        g.alts.push(g.cur);
        this.append(current(), this.alternation(g.alts));
        i++;
        continue;
      }
      this.append(current(), this.one(c.charCodeAt(0)));
      i++;
    }
    return top;
  }

  private closure(seeds: number[]): number[] {
    const seen = new Set<number>();
    const todo = [...seeds];
    while (todo.length) {
      const s = todo.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const t of this.states[s].eps) if (!seen.has(t)) todo.push(t);
    }
    // Only states that consume, or accept, matter for the DFA state's identity.
    return [...seen].filter((s) => s === this.accept || this.states[s].edges.length).sort((a, b) => a - b);
  }

  private step(set: number[], c: number): number[] {
    const out: number[] = [];
    const slash = c === 47;
    for (const s of set) {
      for (const [cls, t] of this.states[s].edges) {
        if (cls === c || cls === ALL || (cls === ANY && !slash)) out.push(t);
      }
    }
    return out;
  }

  private dfaState(set: number[]): DfaState {
    const key = set.join(',');
    let d = this.dfa.get(key);
    if (!d) {
      d = { set, accepting: set.includes(this.accept), next: new Map() };
      this.dfa.set(key, d);
    }
    return d;
  }
}

interface DfaState {
  set: number[];
  accepting: boolean;
  next: Map<number, DfaState>;
}

/**
 * Pairs braces with a stack. `closes[i]` is the close of the `{` at i (-1 when unpaired); a `,`
 * separates alternatives only when the innermost brace around it is paired.
 */
function matchingBraces(p: string): { closes: number[]; isClose: Set<number>; literalComma: Set<number> } {
  const closes: number[] = new Array<number>(p.length).fill(-1);
  const isClose = new Set<number>();
  const open: number[] = [];
  for (let k = 0; k < p.length; k++) {
    if (p[k] === '{') open.push(k);
    else if (p[k] === '}' && open.length) {
      const o = open.pop()!;
      closes[o] = k;
      isClose.add(k);
    }
  }
  // A `,` is literal when the innermost brace around it is unpaired.
  const literalComma = new Set<number>();
  const inner: number[] = [];
  for (let k = 0; k < p.length; k++) {
    if (p[k] === '{') inner.push(k);
    else if (isClose.has(k)) {
      while (inner.length && closes[inner[inner.length - 1]] !== k) inner.pop();
      inner.pop();
    } else if (p[k] === ',' && (!inner.length || closes[inner[inner.length - 1]] < 0)) literalComma.add(k);
  }
  return { closes, isClose, literalComma };
}
