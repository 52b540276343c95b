// The architecture rules of shared/style.md, checked on the source itself with the TypeScript parser (so comments,
// strings and property names such as `seg.window` never count):
// - src/kernel and src/sim are pure: no wall-clock time (Date, performance), no Math.random, no timers
//   (setTimeout, setInterval, requestAnimationFrame), no DOM (window, document), and no imports pointing outward
//   (src/ui, src/viz, src/store, src/worker, src/cli, react, d3, zustand; src/kernel not from src/sim either);
// - src/ui and src/viz never import src/kernel or src/sim, and from src/worker only protocol.ts;
// - every file in src/kernel opens with a head comment, naming the kernel source file(s) it models.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

function files_under(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files_under(p);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** repo-relative path with forward slashes */
const rel = (p: string): string => relative(ROOT, p).split(sep).join('/');

const FORBIDDEN_GLOBALS = new Set(['Date', 'performance', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'window', 'document']);

/** Is this identifier a property name (after a dot, an object-literal key, a member declaration) rather than a reference? */
function is_property_name(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p)) return p.name === id;
  if (ts.isQualifiedName(p)) return p.right === id;
  if (ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)
    || ts.isMethodSignature(p) || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p) || ts.isEnumMember(p)) {
    return p.name === id;
  }
  // `{ window: w } = o` renames a property; `{ window } = o` binds a name (a use)
  if (ts.isBindingElement(p) || ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) return p.propertyName === id;
  return ts.isJsxAttribute(p);
}

export interface Finding {
  readonly line: number;
  readonly what: string;
}

/** Uses of wall-clock time, randomness, timers and the DOM in one source text. */
export function impure_uses(file: string, text: string): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Finding[] = [];
  const line = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && FORBIDDEN_GLOBALS.has(n.text) && !is_property_name(n)) out.push({ line: line(n), what: n.text });
    // Math.random, Math['random'], globalThis.setTimeout …
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression)) {
      const obj = n.expression.text;
      const prop = n.name.text;
      if (obj === 'Math' && prop === 'random') out.push({ line: line(n), what: 'Math.random' });
      if ((obj === 'globalThis' || obj === 'self') && FORBIDDEN_GLOBALS.has(prop)) out.push({ line: line(n), what: `${obj}.${prop}` });
    }
    if (ts.isElementAccessExpression(n) && ts.isIdentifier(n.expression) && ts.isStringLiteral(n.argumentExpression)) {
      const obj = n.expression.text;
      const prop = n.argumentExpression.text;
      if (obj === 'Math' && prop === 'random') out.push({ line: line(n), what: 'Math.random' });
      if ((obj === 'globalThis' || obj === 'self') && FORBIDDEN_GLOBALS.has(prop)) out.push({ line: line(n), what: `${obj}.${prop}` });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Every module specifier a source text imports or re-exports (static, dynamic, `import('…')` types, require). */
export function imports_of(file: string, text: string): { spec: string; line: number }[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { spec: string; line: number }[] = [];
  const add = (lit: ts.Node | undefined): void => {
    if (lit && ts.isStringLiteralLike(lit)) out.push({ spec: lit.text, line: sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1 });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) add(n.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) add(n.moduleReference.expression);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n.argument.literal);
    else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))) add(n.arguments[0]);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Where an import points: a repo path (src/…) for relative specifiers, else the bare package name. */
function target_of(file: string, spec: string): { kind: 'path'; path: string } | { kind: 'package'; name: string } {
  if (spec.startsWith('.') || spec.startsWith('/')) return { kind: 'path', path: rel(resolve(dirname(file), spec)) };
  const parts = spec.split('/');
  return { kind: 'package', name: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

const OUTWARD_DIRS = ['src/ui', 'src/viz', 'src/store', 'src/worker', 'src/cli'];
const UI_PACKAGES = (name: string): boolean => ['react', 'react-dom', 'd3', 'zustand'].includes(name) || name.startsWith('d3-') || name.startsWith('react-');
const under = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);

/** Import rule violations of one src/kernel or src/sim file. */
export function outward_imports(file: string, text: string): string[] {
  const layer = rel(file).startsWith('src/kernel/') ? 'src/kernel' : 'src/sim';
  return imports_of(file, text).flatMap(({ spec, line }) => {
    const t = target_of(file, spec);
    if (t.kind === 'package') return UI_PACKAGES(t.name) ? [`${rel(file)}:${line} imports ${spec}`] : [];
    const banned = layer === 'src/kernel' ? [...OUTWARD_DIRS, 'src/sim'] : OUTWARD_DIRS;
    return banned.some((d) => under(t.path, d)) ? [`${rel(file)}:${line} imports ${spec} (${t.path})`] : [];
  });
}

/** Violations of one src/ui or src/viz file: no src/kernel or src/sim, from src/worker only protocol.ts. */
export function view_imports(file: string, text: string): string[] {
  return imports_of(file, text).flatMap(({ spec, line }) => {
    const t = target_of(file, spec);
    if (t.kind !== 'path') return [];
    if (under(t.path, 'src/kernel') || under(t.path, 'src/sim')) return [`${rel(file)}:${line} imports the model directly: ${spec}`];
    if (under(t.path, 'src/worker') && t.path.replace(/\.(ts|js)$/, '') !== 'src/worker/protocol') {
      return [`${rel(file)}:${line} imports ${spec}: only src/worker/protocol.ts is the view's contract`];
    }
    return [];
  });
}

/** The comment block a file opens with ('' if it opens with code). */
export function head_comment(text: string): string {
  const body = text.replace(/^\uFEFF/, '').replace(/^#![^\n]*\n/, '');
  const ranges = ts.getLeadingCommentRanges(body, 0) ?? [];
  if (ranges.length === 0 || body.slice(0, ranges[0].pos).trim() !== '') return '';
  return ranges.map((r) => body.slice(r.pos, r.end)).join('\n');
}

const KERNEL_FILE = /net\/ipv4\/|net\/ipv6\/|net\/core\/|net\/socket\.c|include\/|kernel\/time\//;
const NEEDS_JUST_A_HEAD = new Set(['types.ts', 'effects.ts', 'mib.ts', 'profiles.ts', 'sysctl.ts', 'net_namespace.ts', 'ipv4.ts']);

const read = (f: string): string => readFileSync(f, 'utf8');
const MODEL_FILES = [...files_under(join(SRC, 'kernel')), ...files_under(join(SRC, 'sim'))];

describe('the checks themselves', () => {
  it('find impure uses in code, not in comments, strings or property names', () => {
    const src = [
      '// Date.now() in a comment, the receive window, the result document',
      "const s = 'setTimeout(window)';",
      'const a = seg.window + o.document + x.performance;',
      'const o = { Date: 1, window: 2 };',
      'interface I { document: string }',
      'const t = Date.now();',
      'const r = Math.random();',
      "const q = Math['random']();",
      'setTimeout(() => 0, 1);',
      'const w = globalThis.requestAnimationFrame;',
      'let d: Date;',
      'const { performance } = globalThis;',
      'const k = { window };',
    ].join('\n');
    expect(impure_uses('x.ts', src).map((f) => `${f.line}:${f.what}`)).toEqual([
      '6:Date', '7:Math.random', '8:Math.random', '9:setTimeout', '10:globalThis.requestAnimationFrame', '11:Date', '12:performance', '13:window',
    ]);
  });

  it('find every kind of import', () => {
    const src = [
      "import a from 'react';",
      "import type { B } from '../ui/b.ts';",
      "export { c } from 'd3-scale';",
      "export * from '../store/x.ts';",
      "type K = import('../worker/host.ts').K;",
      "const m = await import('zustand/vanilla');",
      "const n = require('../cli/main.ts');",
      "import { ok } from './net_namespace.ts';",
    ].join('\n');
    expect(imports_of('x.ts', src).map((i) => i.spec)).toEqual([
      'react', '../ui/b.ts', 'd3-scale', '../store/x.ts', '../worker/host.ts', 'zustand/vanilla', '../cli/main.ts', './net_namespace.ts',
    ]);
    const file = join(SRC, 'kernel', 'x.ts');
    expect(outward_imports(file, src)).toHaveLength(7);
    expect(outward_imports(file, "import { s } from '../sim/run.ts';")).toHaveLength(1);
    expect(outward_imports(join(SRC, 'sim', 'x.ts'), "import { s } from '../kernel/types.ts';")).toEqual([]);
    const view = join(SRC, 'ui', 'X.tsx');
    expect(view_imports(view, "import type { F } from '../worker/protocol.ts';")).toEqual([]);
    expect(view_imports(view, "import { h } from '../worker/host.ts';")).toHaveLength(1);
    expect(view_imports(view, "import type { Net } from '../kernel/net_namespace.ts';")).toHaveLength(1);
    expect(view_imports(view, "import { runScenario } from '../sim/run.ts';")).toHaveLength(1);
  });

  it('read the head comment', () => {
    expect(head_comment('// net/ipv4/tcp_input.c: SYNs\n// more\nimport x from "y";')).toContain('net/ipv4/tcp_input.c');
    expect(head_comment('/* include/net/sock.h */\nexport {}')).toContain('include/net/sock.h');
    expect(head_comment('import x from "y";\n// net/ipv4/tcp_input.c')).toBe('');
  });
});

describe('architecture: the model is pure and points inward', () => {
  it('finds the model files', () => {
    expect(MODEL_FILES.length).toBeGreaterThan(10);
    expect(MODEL_FILES.map(rel)).toContain('src/kernel/tcp_input.ts');
    expect(MODEL_FILES.map(rel)).toContain('src/sim/run.ts');
  });

  it('src/kernel and src/sim use no Date, performance, Math.random, timers, window or document', () => {
    const bad = MODEL_FILES.flatMap((f) => impure_uses(f, read(f)).map((x) => `${rel(f)}:${x.line} uses ${x.what}`));
    expect(bad).toEqual([]);
  });

  it('src/kernel and src/sim import nothing from ui, viz, store, worker, cli, react, d3 or zustand (and kernel nothing from sim)', () => {
    const bad = MODEL_FILES.flatMap((f) => outward_imports(f, read(f)));
    expect(bad).toEqual([]);
  });

  // checked only where the folders exist (none of them: nothing to check)
  const views = [...files_under(join(SRC, 'ui')), ...files_under(join(SRC, 'viz'))];
  it('src/ui and src/viz never import src/kernel or src/sim, and from src/worker only protocol.ts', () => {
    const bad = views.flatMap((f) => view_imports(f, read(f)));
    expect(bad).toEqual([]);
  });
});

describe('architecture: every kernel file says what it models', () => {
  const kernel_files = files_under(join(SRC, 'kernel'));
  const top = kernel_files.filter((f) => dirname(f) === join(SRC, 'kernel'));

  it('every file in src/kernel opens with a head comment', () => {
    const bad = kernel_files.filter((f) => head_comment(read(f)).trim().length < 20).map(rel);
    expect(bad).toEqual([]);
  });

  it('every model file in src/kernel names the kernel source it models (net/ipv4/, include/, kernel/time/, net/core/, net/socket.c)', () => {
    const bad = top
      .filter((f) => !NEEDS_JUST_A_HEAD.has(f.slice(f.lastIndexOf(sep) + 1)))
      .filter((f) => !KERNEL_FILE.test(head_comment(read(f))))
      .map(rel);
    expect(top.length).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });
});
