// `sysctl` (procps-ng 4.0.2 sysctl.c ReadSetting/WriteSetting/DisplayAll) over the sysctls the model has.
// A write is checked the way the kernel's proc handler would (sysctl_check_write) and handed back to the
// caller, who applies it: this module never changes the namespace.
import type { Net } from '../net_namespace.ts';
import type { KernelProfile } from '../profiles.ts';
import { SYSCTL_NAMES, isSysctlName, sysctl_check_write, type SysctlName } from '../sysctl.ts';

export interface SysctlAssignment {
  readonly name: SysctlName;
  readonly value: number | [number, number];
}

export interface SysctlOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
  /** accepted writes, in order, for the caller to apply */
  readonly writes: readonly SysctlAssignment[];
}

interface Flags {
  /** -n: values only */
  values_only: boolean;
  /** -N: names only */
  names_only: boolean;
  /** -q: no output for writes */
  quiet: boolean;
  /** -w: every argument is a write */
  write: boolean;
  /** -a / -A / -X: everything */
  all: boolean;
  /** -e: ignore unknown keys */
  ignore: boolean;
}

/** The sysctls this namespace has: all the model's, minus those the kernel version lacks. */
export function sysctl_names(profile: KernelProfile): SysctlName[] {
  return SYSCTL_NAMES.filter((n) => n !== 'net.ipv4.tcp_syn_linear_timeouts' || profile.has_syn_linear_timeouts);
}

/** The file's content without its newline: ip_local_port_range reads "32768\t60999". */
export function sysctl_text(net: Net, name: SysctlName): string {
  const v = net.sysctl[name];
  return Array.isArray(v) ? `${v[0]}\t${v[1]}` : String(v);
}

const proc_path = (name: string) => `/proc/sys/${name.replace(/\./g, '/')}`;

function known(name: string, profile: KernelProfile): name is SysctlName {
  return isSysctlName(name) && sysctl_names(profile).includes(name);
}

function show(name: string, value: string, f: Flags): string {
  if (f.names_only) return `${name}\n`;
  return f.values_only ? `${value}\n` : `${name} = ${value}\n`;
}

export function sysctl_tool(net: Net, profile: KernelProfile, args: readonly string[]): SysctlOutcome {
  const f: Flags = { values_only: false, names_only: false, quiet: false, write: false, all: false, ignore: false };
  const letters: Record<string, keyof Flags> = { n: 'values_only', N: 'names_only', q: 'quiet', w: 'write', a: 'all', A: 'all', X: 'all', e: 'ignore' };
  const operands: string[] = [];
  for (const arg of args) {
    if (arg === '--all') f.all = true;
    else if (arg === '--write') f.write = true;
    else if (/^-[A-Za-z]+$/.test(arg)) {
      for (const ch of arg.slice(1)) {
        if (!(ch in letters)) return { stdout: '', stderr: `sysctl: invalid option -- '${ch}'\nTry 'sysctl --help' for more information.\n`, exit: 1, writes: [] };
        f[letters[ch]] = true;
      }
    } else operands.push(arg);
  }
  let stdout = '', stderr = '', rc = 0;
  const writes: SysctlAssignment[] = [];
  if (f.all) {
    for (const n of [...sysctl_names(profile)].sort()) stdout += show(n, sysctl_text(net, n), f);
    return { stdout, stderr, exit: 0, writes };
  }
  if (operands.length === 0) return { stdout, stderr: 'sysctl: no variables specified\nTry `sysctl --help\' for more information.\n', exit: 1, writes };
  for (const operand of operands) {
    const eq = operand.indexOf('=');
    if (!f.write && eq < 0) {
      const name = operand.replace(/\//g, '.');
      if (known(name, profile)) stdout += show(name, sysctl_text(net, name), f);
      else if (!f.ignore) { stderr += `sysctl: cannot stat ${proc_path(name)}: No such file or directory\n`; rc += 1; }
      continue;
    }
    if (eq < 0) { stderr += `sysctl: "${operand}" must be of the form name=value\n`; rc -= 1; continue; }
    const name = operand.slice(0, eq).trim().replace(/\//g, '.');
    const value = operand.slice(eq + 1).trim();
    if (!name) { stderr += `sysctl: malformed setting "${operand}"\n`; rc -= 2; continue; }
    if (!known(name, profile)) {
      if (!f.ignore) { stderr += `sysctl: cannot stat ${proc_path(name)}: No such file or directory\n`; rc += 1; }
      continue;
    }
    const check = sysctl_check_write(name, value);
    if (!check.ok) { stderr += `sysctl: setting key "${name}": Invalid argument\n`; rc += 1; continue; }
    writes.push({ name, value: check.value });
    if (!f.quiet) stdout += show(name, value, f);
  }
  return { stdout, stderr, exit: rc & 0xff, writes };
}
