// The text filters a student pipes tool output into: grep, head, tail, wc -l (GNU coreutils / grep behaviour
// for the options listed). Each takes the previous stage's stdout and returns its own.

export interface FilterResult {
  readonly stdout: string;
  readonly stderr?: string;
  readonly exit: number;
}

const lines_of = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
const join_lines = (ls: readonly string[]) => ls.map((l) => `${l}\n`).join('');

/** grep [-i] [-v] [-c] [-E] [-F] [-w] PATTERN; exit 1 when nothing matched, like grep */
function grep(args: readonly string[], input: string): FilterResult {
  const flags = new Set<string>();
  let pattern: string | null = null;
  for (const a of args) {
    if (pattern === null && /^-[ivcEFw]+$/.test(a)) for (const ch of a.slice(1)) flags.add(ch);
    else if (pattern === null) pattern = a;
  }
  if (pattern === null) return { stdout: '', stderr: 'Usage: grep [OPTION]... PATTERNS [FILE]...\n', exit: 2 };
  let source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern;
  if (!flags.has('E') && !flags.has('F')) source = source.replace(/\\([|(){}+?])/g, '$1'); // BRE: \| \( \) are the operators
  if (flags.has('w')) source = `\\b(?:${source})\\b`;
  let re: RegExp;
  try { re = new RegExp(source, flags.has('i') ? 'i' : ''); } catch { return { stdout: '', stderr: 'grep: Invalid regular expression\n', exit: 2 }; }
  const hits = lines_of(input).filter((l) => re.test(l) !== flags.has('v'));
  return { stdout: flags.has('c') ? `${hits.length}\n` : join_lines(hits), exit: hits.length ? 0 : 1 };
}

/** head/tail -n N, -N */
function count_arg(args: readonly string[]): number | null {
  if (args.length === 0) return 10;
  const m = /^-(?:n)?(\d+)$/.exec(args.join(''));
  return m ? Number(m[1]) : null;
}

function head(args: readonly string[], input: string, from_end: boolean): FilterResult {
  const n = count_arg(args);
  if (n === null) return { stdout: '', stderr: `${from_end ? 'tail' : 'head'}: invalid number of lines\n`, exit: 1 };
  const ls = lines_of(input);
  return { stdout: join_lines(from_end ? ls.slice(Math.max(0, ls.length - n)) : ls.slice(0, n)), exit: 0 };
}

function wc(args: readonly string[], input: string): FilterResult {
  if (args.join(' ') !== '-l') return { stdout: '', stderr: 'wc: only `wc -l` is available here\n', exit: 1 };
  return { stdout: `${(input.match(/\n/g) ?? []).length}\n`, exit: 0 };
}

export const TEXT_FILTERS: Readonly<Record<string, (args: readonly string[], input: string) => FilterResult>> = {
  grep,
  head: (args, input) => head(args, input, false),
  tail: (args, input) => head(args, input, true),
  wc,
};
