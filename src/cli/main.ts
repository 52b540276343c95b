// The headless runner: `npm run sim -- FILE.json` prints the result (backlog-result/1) of running a scenario
// through the same model the web worker uses; `--out-dir DIR A.json B.json …` writes DIR/<name>.json for each;
// `--summary` leaves out packets and per-client entries (for runs with millions of clients).
// Exit 0 on success, 2 on bad input.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatErrors, parseScenarioText } from '../sim/validate.ts';
import { runScenario } from '../sim/run.ts';
import { parse_args, USAGE } from './args.ts';

function fail(msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  const args = parse_args(argv);
  if ('error' in args) fail(`sim: ${args.error}\n${USAGE}`);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // validate every file before running any, so bad input never leaves half the outputs written
  const scenarios = args.files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fail(`sim: cannot read ${file}: ${(e as Error).message}`);
    }
    const v = parseScenarioText(text);
    if (!v.ok) fail(`sim: ${file}: invalid scenario:\n${formatErrors(v.errors)}`);
    return { file, scenario: args.seed === null ? v.scenario : { ...v.scenario, seed: args.seed } };
  });
  if (args.out_dir !== null) mkdirSync(args.out_dir, { recursive: true });
  for (const { scenario } of scenarios) {
    const result = runScenario(scenario, { summary: args.summary });
    const json = `${JSON.stringify(result, null, args.out_dir !== null ? 1 : 2)}\n`;
    if (args.out_dir !== null) writeFileSync(join(args.out_dir, `${scenario.name}.json`), json);
    else process.stdout.write(json);
  }
}

main(process.argv.slice(2));
