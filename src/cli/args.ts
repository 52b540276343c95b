// Command-line arguments of the headless runner, parsed without side effects so they can be tested.

export const USAGE = `usage: npm run sim -- [--summary] [--seed N] FILE.json
       npm run sim -- [--summary] [--seed N] --out-dir DIR A.json B.json …`;

export interface CliArgs {
  files: string[];
  out_dir: string | null;
  summary: boolean;
  seed: number | null;
  help: boolean;
}

export function parse_args(argv: string[]): CliArgs | { error: string } {
  const a: CliArgs = { files: [], out_dir: null, summary: false, seed: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--summary') a.summary = true;
    else if (x === '--help' || x === '-h') a.help = true;
    else if (x === '--out-dir') {
      if (i + 1 >= argv.length) return { error: '--out-dir needs a directory' };
      a.out_dir = argv[++i];
    } else if (x === '--seed') {
      const v = argv[++i];
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > 0xffffffff) return { error: '--seed needs an integer 0..4294967295' };
      a.seed = Number(v);
    } else if (x.startsWith('-')) return { error: `unknown option ${x}` };
    else a.files.push(x);
  }
  if (a.help) return a;
  if (a.files.length === 0) return { error: 'no scenario file given' };
  if (a.out_dir === null && a.files.length > 1) return { error: 'several files need --out-dir DIR' };
  return a;
}
