// The lab's terminal: run_command() answers a line a student types inside the server's namespace with what the
// real tool would print for the model's state. Pure: the state comes in, text (and any sysctl write or new
// nstat history, for the caller to keep) goes out.
import type { Net } from '../net_namespace.ts';
import type { Jiffies } from '../types.ts';
import type { KernelProfile } from '../profiles.ts';
import { ss } from './ss.ts';
import { netstat } from './netstat_cmd.ts';
import { nstat, NSTAT_USAGE, parse_nstat_args, type NstatHistory } from './nstat.ts';
import { proc_net_tcp } from './proc_net_tcp.ts';
import { proc_net_netstat, proc_net_snmp } from './proc_net_snmp.ts';
import { snmp_reader, type ExtraCounters } from './snmp_counters.ts';
import { sysctl_names, sysctl_text, sysctl_tool, type SysctlAssignment } from './sysctl_tool.ts';
import { ip_command } from './ip_netns.ts';
import { split_pipeline } from './shell_words.ts';
import { TEXT_FILTERS } from './text_filters.ts';
import { HELP_TEXT, unknown_command } from './shell_help.ts';

export interface ShellState {
  readonly net: Net;
  /** jiffies now */
  readonly now: Jiffies;
  readonly profile: KernelProfile;
  /** the namespaces `ip netns list` shows */
  readonly netns: readonly string[];
  /** nstat's history file from the previous `nstat`; null or absent before the first one */
  readonly nstat_history?: NstatHistory | null;
  /** counters the model does not count (e.g. "IpExt:InOctets"); absent ones print 0 */
  readonly extra_counters?: ExtraCounters;
}

export interface CommandResult {
  readonly stdout: string;
  readonly stderr?: string;
  readonly exit: number;
  /** `sysctl -w` writes the kernel accepted, in order: the caller applies them */
  readonly sysctl_write?: readonly SysctlAssignment[];
  /** nstat rewrote its history file: keep this for the next call */
  readonly nstat_history?: NstatHistory | null;
}

type Tool = (args: readonly string[], s: ShellState) => CommandResult;

function cat(files: readonly string[], s: ShellState): CommandResult {
  if (files.length === 0) return { stdout: '', stderr: 'cat: give a file, e.g. cat /proc/net/tcp\n', exit: 1 };
  const read = snmp_reader(s.net, s.extra_counters);
  let stdout = '', stderr = '';
  for (const file of files) {
    const sysctl = sysctl_names(s.profile).find((n) => file === `/proc/sys/${n.replace(/\./g, '/')}`);
    if (file === '/proc/net/tcp') stdout += proc_net_tcp(s.net, s.now, s.profile);
    else if (file === '/proc/net/snmp') stdout += proc_net_snmp(read);
    else if (file === '/proc/net/netstat') stdout += proc_net_netstat(read);
    else if (sysctl) stdout += `${sysctl_text(s.net, sysctl)}\n`;
    else stderr += `cat: ${file}: No such file or directory\n`;
  }
  return { stdout, stderr: stderr || undefined, exit: stderr ? 1 : 0 };
}

const TOOLS: Readonly<Record<string, Tool>> = {
  ss: (args, s) => ss(s.net, s.now, s.profile, args),
  netstat: (args, s) => netstat(s.net, s.now, s.profile, snmp_reader(s.net, s.extra_counters), args),
  nstat: (args, s) => {
    const o = parse_nstat_args(args);
    if (!o) return { stdout: '', stderr: NSTAT_USAGE, exit: 255 };
    const r = nstat(snmp_reader(s.net, s.extra_counters), o, s.nstat_history ?? null);
    return { stdout: r.stdout, exit: 0, nstat_history: r.history };
  },
  cat,
  sysctl: (args, s) => {
    const r = sysctl_tool(s.net, s.profile, args);
    return { stdout: r.stdout, stderr: r.stderr || undefined, exit: r.exit, ...(r.writes.length ? { sysctl_write: r.writes } : {}) };
  },
  help: () => ({ stdout: HELP_TEXT, exit: 0 }),
};

function run_argv(argv: readonly string[], s: ShellState): CommandResult {
  const [cmd, ...args] = argv[0] === 'sudo' ? argv.slice(1) : argv;
  if (cmd === undefined) return { stdout: '', exit: 0 };
  if (cmd === 'ip') {
    const r = ip_command(args, s.net.name, s.netns);
    if (r.kind === 'exec') return run_argv(r.argv, s);
    return { stdout: r.stdout, exit: r.exit, ...(r.stderr ? { stderr: r.stderr } : {}) };
  }
  const tool = Object.prototype.hasOwnProperty.call(TOOLS, cmd) ? TOOLS[cmd] : null;
  return tool ? tool(args, s) : unknown_command(cmd);
}

/** One command line, possibly piped into grep / head / tail / wc -l. */
export function run_command(line: string, state: ShellState): CommandResult {
  const p = split_pipeline(line.trim());
  if (!p.ok) return { stdout: '', stderr: `lab: ${p.error}\n`, exit: 2 };
  const [first, ...filters] = p.stages;
  let result = run_argv(first, state);
  for (const [name, ...args] of filters) {
    const filter = Object.prototype.hasOwnProperty.call(TEXT_FILTERS, name) ? TEXT_FILTERS[name] : null;
    if (!filter) return unknown_command(name);
    const r = filter(args, result.stdout);
    const stderr = (result.stderr ?? '') + (r.stderr ?? '');
    result = { ...result, stdout: r.stdout, stderr: stderr || undefined, exit: r.exit };
  }
  return result;
}
