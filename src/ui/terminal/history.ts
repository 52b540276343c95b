// Command history the way bash's readline walks it: ↑ goes back through the lines run before, ↓ comes forward,
// and coming past the newest gives back what was being typed (the draft) untouched. Pure, so it is tested alone.

export const HISTORY_MAX = 100;

export interface History {
  /** lines run, oldest first (no empty lines, no immediate repeats) */
  readonly lines: readonly string[];
  /** the line shown: lines.length means the draft */
  readonly at: number;
  /** what was typed before the first ↑ */
  readonly draft: string;
}

export const emptyHistory: History = { lines: [], at: 0, draft: '' };

/** after running `line`: remember it (bash's ignoredups) and go back to an empty draft */
export function pushHistory(h: History, line: string): History {
  const keep = line.trim() !== '' && h.lines[h.lines.length - 1] !== line;
  const lines = keep ? [...h.lines, line].slice(-HISTORY_MAX) : h.lines;
  return { lines, at: lines.length, draft: '' };
}

/** ↑ (-1) or ↓ (+1) from the input's current text; null when there is nowhere to go */
export function moveHistory(h: History, dir: -1 | 1, current: string): { history: History; text: string } | null {
  const at = h.at + dir;
  if (at < 0 || at > h.lines.length) return null;
  const draft = h.at === h.lines.length ? current : h.draft;
  return { history: { ...h, at, draft }, text: at === h.lines.length ? draft : h.lines[at] };
}
