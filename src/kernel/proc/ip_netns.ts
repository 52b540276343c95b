// `ip netns` (iproute2 ip/ipnetns.c): `ip netns` and `ip netns list` print the named namespaces, one per line;
// `ip netns exec NAME CMD…` runs CMD inside NAME, which the lab can do for the namespace it is showing.

export type IpNetns =
  | { readonly kind: 'output'; readonly stdout: string; readonly stderr?: string; readonly exit: number }
  /** run this command line inside the namespace the lab shows */
  | { readonly kind: 'exec'; readonly argv: readonly string[] };

export function ip_command(args: readonly string[], current: string, netns: readonly string[]): IpNetns {
  const fail = (stderr: string, exit = 255): IpNetns => ({ kind: 'output', stdout: '', stderr, exit });
  if (args.length === 0) return fail('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       where  OBJECT := { netns | … }\n');
  if (!'netns'.startsWith(args[0]) || args[0].length < 2) return fail(`Object "${args[0]}" is unknown, try "ip help".\n`);
  const [cmd = 'list', name, ...rest] = args.slice(1);
  if (cmd === 'list' || cmd === 'show' || cmd === 'ls') return { kind: 'output', stdout: netns.map((n) => `${n}\n`).join(''), exit: 0 };
  if (cmd === 'identify') return { kind: 'output', stdout: `${current}\n`, exit: 0 };
  if (cmd !== 'exec') return fail(`Command "${cmd}" is unknown, try "ip netns help".\n`);
  if (!name || rest.length === 0) return fail('No netns name specified\n');
  if (!netns.includes(name)) return fail(`Cannot open network namespace "${name}": No such file or directory\n`);
  if (name !== current) return fail(`lab: only namespace "${current}" can be inspected here; select it first\n`, 1);
  return { kind: 'exec', argv: rest };
}
