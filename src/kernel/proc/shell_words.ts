// Splitting a typed command line the way a POSIX shell would for the simple lines the lab accepts: words
// separated by blanks, '…' and "…" quoting, backslash escapes, and a pipeline split on unquoted `|`.

export type Pipeline = { readonly ok: true; readonly stages: string[][] } | { readonly ok: false; readonly error: string };

export function split_pipeline(line: string): Pipeline {
  const stages: string[][] = [[]];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  const end_word = () => { if (word !== null) stages[stages.length - 1].push(word); word = null; };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) word += line[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (ch === '|') {
      end_word();
      stages.push([]);
    } else if (/\s/.test(ch)) {
      end_word();
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) return { ok: false, error: `unexpected EOF while looking for matching \`${quote}'` };
  end_word();
  if (stages.length > 1 && stages.some((s) => s.length === 0)) return { ok: false, error: "syntax error near unexpected token `|'" };
  return { ok: true, stages };
}
