// The part of ss's filter language (iproute2 misc/ssfilter.y) a student uses on a listener: `sport = :8080`,
// `dport != :22`, `src 192.0.2.1`, `dst 192.0.2.0/24:20000`, joined by `and` / `or` (evaluated left to right;
// parentheses are accepted and ignored) and negated with `not` / `!`.
import type { Endpoints } from './tcp_table.ts';

type Key = 'sport' | 'dport' | 'src' | 'dst';
type Op = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';

interface Cond {
  readonly key: Key;
  readonly op: Op;
  readonly negate: boolean;
  /** null: any port */
  readonly port: number | null;
  /** [network, prefix length]; null: any address */
  readonly addr: readonly [number, number] | null;
}

export interface SsFilter {
  readonly conds: readonly Cond[];
  /** joins[i] combines conds[i] with conds[i + 1] */
  readonly joins: readonly ('and' | 'or')[];
}

const OPS: Readonly<Record<string, Op>> = {
  '=': 'eq', '==': 'eq', eq: 'eq', '!=': 'ne', ne: 'ne', neq: 'ne', '>': 'gt', gt: 'gt', '<': 'lt', lt: 'lt',
  '>=': 'ge', ge: 'ge', geq: 'ge', '<=': 'le', le: 'le', leq: 'le',
};

const syntax_error = (what: string) => ({
  ok: false as const,
  stderr: `ss: bison bellows (while parsing filter): "syntax error!" near "${what}"\nSorry.\n`,
});

/** "192.0.2.1", "192.0.2.0/24", ":8080", "*:8080", "8080" (ports only), "192.0.2.1:8080" */
function parse_value(key: Key, text: string): Pick<Cond, 'port' | 'addr'> | null {
  const port_only = key === 'sport' || key === 'dport';
  const m = /^(?:(\*|\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?)?(?::(\d+|\*))?$/.exec(text);
  if (port_only && /^\d+$/.test(text)) return { port: Number(text), addr: null };
  if (!m || (port_only && m[1] !== undefined && m[1] !== '*')) return null;
  if (!m[1] && m[3] === undefined) return null;
  const port = m[3] === undefined || m[3] === '*' ? null : Number(m[3]);
  if (!m[1] || m[1] === '*') return { port, addr: null };
  const addr = m[1].split('.').reduce((a, o) => ((a << 8) | Number(o)) >>> 0, 0);
  const len = m[2] === undefined ? 32 : Number(m[2]);
  return { port, addr: [addr, len] };
}

export function parse_ss_filter(args: readonly string[]): { ok: true; filter: SsFilter | null } | { ok: false; stderr: string } {
  const toks = args.join(' ').replace(/[()]/g, ' ').split(/\s+/).filter((t) => t.length > 0);
  if (toks.length === 0) return { ok: true, filter: null };
  const conds: Cond[] = [];
  const joins: ('and' | 'or')[] = [];
  let i = 0;
  while (i < toks.length) {
    let negate = false;
    if (toks[i] === 'not' || toks[i] === '!') { negate = true; i++; }
    const key = toks[i] as Key;
    if (!['sport', 'dport', 'src', 'dst'].includes(key)) return syntax_error(toks[i] ?? '');
    i++;
    const op: Op = OPS[toks[i]] ?? 'eq';
    if (toks[i] in OPS) i++;
    const value = toks[i] === undefined ? null : parse_value(key, toks[i]);
    if (!value) return syntax_error(toks[i] ?? key);
    conds.push({ key, op, negate, ...value });
    i++;
    if (i < toks.length) {
      const j = toks[i];
      if (j === 'and' || j === '&&') joins.push('and');
      else if (j === 'or' || j === '||') joins.push('or');
      else { joins.push('and'); continue; } // ss treats juxtaposed conditions as `and`
      i++;
    }
  }
  if (joins.length !== conds.length - 1) return syntax_error(toks[toks.length - 1]);
  return { ok: true, filter: { conds, joins } };
}

function compare(op: Op, a: number, b: number): boolean {
  switch (op) {
    case 'eq': return a === b;
    case 'ne': return a !== b;
    case 'gt': return a > b;
    case 'lt': return a < b;
    case 'ge': return a >= b;
    case 'le': return a <= b;
  }
}

function cond_matches(c: Cond, e: Endpoints): boolean {
  const local = c.key === 'sport' || c.key === 'src';
  const addr = local ? e.loc_addr : e.rmt_addr;
  const port = local ? e.loc_port : e.rmt_port;
  const mask = c.addr && c.addr[1] > 0 ? (~0 << (32 - c.addr[1])) >>> 0 : 0;
  const addr_ok = !c.addr || ((addr & mask) >>> 0) === ((c.addr[0] & mask) >>> 0);
  const port_ok = c.port === null || compare(c.op, port, c.port);
  const hit = c.addr && c.op === 'ne' ? !addr_ok || !port_ok : addr_ok && port_ok;
  return c.negate ? !hit : hit;
}

export function ss_filter_matches(f: SsFilter | null, e: Endpoints): boolean {
  if (!f) return true;
  let acc = cond_matches(f.conds[0], e);
  f.joins.forEach((j, k) => {
    const next = cond_matches(f.conds[k + 1], e);
    acc = j === 'and' ? acc && next : acc || next;
  });
  return acc;
}
