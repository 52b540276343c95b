// The building blocks of scenario validation: a collector of errors and readers for JSON values that say *where*
// the input is wrong and what was expected there. A reader never throws: on bad input it records an error and
// returns undefined (callers fill a placeholder), and validateScenario() hands back nothing once any error exists,
// so a placeholder never reaches the simulator.

export interface ValidationError {
  /** where the bad value is, as in the document: `clients[2].interval_ms`, `sysctl["net.core.somaxconn"]`; '' = the whole document */
  readonly path: string;
  readonly message: string;
}

export class Errors {
  readonly list: ValidationError[] = [];
  add(path: string, message: string): undefined {
    this.list.push({ path, message });
    return undefined;
  }
  expected(path: string, what: string, got: unknown): undefined {
    return this.add(path, `expected ${what}, got ${show(got)}`);
  }
}

/** The path of a member: `.key` for plain names, `["net.core.somaxconn"]` for others, `[i]` for indices. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** A value as a message shows it: numbers and short strings as written, containers by kind, a missing one as nothing. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'boolean') return String(v);
  return `a ${typeof v}`;
}

export type Obj = Readonly<Record<string, unknown>>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own member only: `{}` must not yield Object.prototype's `constructor` or `toString` as a field. */
export function member(o: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

export function object(e: Errors, path: string, v: unknown, what = 'an object'): Obj | undefined {
  return isObj(v) ? v : e.expected(path, what, v);
}

export function array(e: Errors, path: string, v: unknown, what = 'an array'): readonly unknown[] | undefined {
  return Array.isArray(v) ? v : e.expected(path, what, v);
}

export function string(e: Errors, path: string, v: unknown): string | undefined {
  return typeof v === 'string' ? v : e.expected(path, 'a string', v);
}

/**
 * What a number must be. `what` names the whole rule for messages; `range`, if given, replaces it when only the
 * bounds are wrong (so a C int reads "expected an integer, got "8"" and the bounds appear only when they matter).
 */
export interface NumRule {
  readonly integer?: boolean;
  readonly min?: number;
  /** exclusive lower bound */
  readonly above?: number;
  readonly max?: number;
  readonly what: string;
  readonly range?: string;
}

export function number(e: Errors, path: string, v: unknown, rule: NumRule): number | undefined {
  // JSON has no NaN or Infinity, but a caller may hand us any JS value
  if (typeof v !== 'number' || !Number.isFinite(v) || (rule.integer && !Number.isInteger(v))) return e.expected(path, rule.what, v);
  const inside =
    (rule.min === undefined || v >= rule.min) && (rule.above === undefined || v > rule.above) && (rule.max === undefined || v <= rule.max);
  return inside ? v : e.expected(path, rule.range ?? rule.what, v);
}

export function oneOf<T extends string>(e: Errors, path: string, v: unknown, allowed: readonly T[]): T | undefined {
  if ((allowed as readonly unknown[]).includes(v)) return v as T;
  return e.expected(path, allowed.length === 1 ? JSON.stringify(allowed[0]) : `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, v);
}

/** Reads an optional member: omitted (undefined) gives the default, anything else goes through `read`. */
export function optional<T>(v: unknown, fallback: T, read: (v: unknown) => T | undefined): T | undefined {
  return v === undefined ? fallback : read(v);
}

// Rules used in more than one place.
export const MS_AT_LEAST_0: NumRule = { min: 0, what: 'a number ≥ 0' };
export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
export const C_INT: NumRule = {
  integer: true,
  min: INT_MIN,
  max: INT_MAX,
  what: 'an integer',
  range: `an integer in the C int range ${INT_MIN}..${INT_MAX}`,
};
