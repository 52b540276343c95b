// The terminal: a shell in the server's network namespace. A typed line goes to the worker as text (bridge.shell),
// never evaluated here; the answer is the model's ss, nstat, netstat, /proc and sysctl output, shown as printed.
// The page itself only keeps the history (↑/↓), clears the screen (`clear`, Ctrl+L) and refuses over-long lines.
import { useMemo, useRef, useState, type KeyboardEvent, type WheelEvent } from 'react';
import type { TerminalEntry } from '../../store/live.ts';
import { useApp, useAppStore, useBridge, useT } from '../context.ts';
import { emptyHistory, moveHistory, pushHistory } from './history.ts';
import { exampleCommands, isClear, MAX_LINE, PROMPT } from './commands.ts';
import { Transcript, type ShownEntry } from './Transcript.tsx';
import './terminal.css';

type Refusal = { readonly kind: 'too_long'; readonly len: number } | { readonly kind: 'not_ready' };

/** what the transcript shows after the last `clear`, with the run each line was asked in */
function shown(terminal: readonly TerminalEntry[], clearedThrough: number, askedIn: ReadonlyMap<number, number>, gen: number): ShownEntry[] {
  let prevGen: number | undefined;
  return terminal.filter((e) => e.id > clearedThrough).map((entry) => {
    const g = askedIn.get(entry.id);
    const newRun = g !== undefined && prevGen !== undefined && g !== prevGen;
    prevGen = g ?? prevGen;
    return { entry, newRun, lost: entry.stdout === null && g !== undefined && g !== gen };
  });
}

/** the examples are one row that scrolls sideways: a mouse wheel scrolls it too */
function wheelSideways(e: WheelEvent<HTMLElement>): void {
  if (e.deltaX === 0) e.currentTarget.scrollLeft += e.deltaY;
}

export function TerminalPanel() {
  const t = useT();
  const bridge = useBridge();
  const store = useAppStore();
  const terminal = useApp((s) => s.terminal);
  const gen = useApp((s) => s.gen);
  const live = useApp((s) => s.run.phase === 'live');
  const port = useApp((s) => (s.run.phase === 'live' ? s.run.frame.port : null));
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [history, setHistory] = useState(emptyHistory);
  const [clearedThrough, setClearedThrough] = useState(0);
  /** entry id → the run (gen) it was asked in: an answer about a run the page left never comes */
  const [askedIn, setAskedIn] = useState<ReadonlyMap<number, number>>(new Map());
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  /** shown over the page, for outputs wider than the grid cell (/proc/net/tcp is 149 columns) */
  const [large, setLarge] = useState(false);

  const entries = useMemo(() => shown(terminal, clearedThrough, askedIn, gen), [terminal, clearedThrough, askedIn, gen]);
  const examples = useMemo(() => exampleCommands(port), [port]);

  function clearScreen(): void {
    setClearedThrough(store.getState().terminal.at(-1)?.id ?? 0);
  }

  function run(line: string): void {
    if (line.length > MAX_LINE) return setRefusal({ kind: 'too_long', len: line.length });
    const command = line.trim() !== '' && !isClear(line);
    if (command && !live) return setRefusal({ kind: 'not_ready' }); // the line stays in the input for later
    setRefusal(null);
    setText('');
    setHistory((h) => pushHistory(h, line));
    if (!command) return isClear(line) ? clearScreen() : undefined;
    bridge.shell(line);
    const s = store.getState();
    const id = s.terminal.at(-1)?.id;
    if (id === undefined) return;
    // keep only the ids the store still holds, so the map stays as small as the transcript
    setAskedIn((m) => new Map([...[...m].filter(([k]) => s.terminal.some((e) => e.id === k)), [id, s.gen]]));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    if (e.nativeEvent.isComposing) return; // an IME (pinyin) is still composing: Enter picks a word, not runs
    if (e.key === 'Enter') {
      e.preventDefault();
      run(text);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const moved = moveHistory(history, e.key === 'ArrowUp' ? -1 : 1, text);
      if (!moved) return;
      setHistory(moved.history);
      setText(moved.text);
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      clearScreen();
    }
  }

  function onChange(value: string): void {
    setText(value);
    setRefusal(value.length > MAX_LINE ? { kind: 'too_long', len: value.length } : null);
  }

  function runExample(cmd: string): void {
    run(cmd);
    input.current?.focus();
  }

  function toggleLarge(): void {
    setLarge((l) => !l);
    input.current?.focus();
  }

  return (
    <>
      {large && <div className="term-backdrop" onClick={toggleLarge} />}
      <section
        className={large ? 'panel terminal large' : 'panel terminal'}
        aria-labelledby="terminal-heading"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && large) setLarge(false);
        }}
      >
        <div className="panel-head">
          <h2 id="terminal-heading">{t('terminal.heading')}</h2>
          <p className="note term-hint" title={t('terminal.prompt_title')}>{t('terminal.hint')}</p>
          <button type="button" className="term-large" aria-pressed={large} title={t('terminal.expand_title')} onClick={toggleLarge}>
            {large ? t('terminal.shrink') : t('terminal.expand')}
          </button>
        </div>
        <div className="term-examples" role="group" aria-label={t('terminal.examples')} onWheel={wheelSideways}>
          {examples.map((cmd) => (
            <button key={cmd} type="button" title={t('terminal.example_title', { cmd })} onClick={() => runExample(cmd)}>
              {cmd}
            </button>
          ))}
        </div>
        <div className="term-screen">
          <Transcript entries={entries} />
          <div className="term-input-row">
            <label htmlFor="terminal-input" className="term-prompt" title={t('terminal.prompt_title')}>{PROMPT}</label>
            <input
              ref={input}
              id="terminal-input"
              data-testid="terminal-input"
              type="text"
              value={text}
              aria-label={t('terminal.input_label')}
              placeholder={t('terminal.placeholder')}
              aria-invalid={refusal?.kind === 'too_long'}
              aria-describedby={refusal ? 'terminal-refusal' : undefined}
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              onChange={(e) => onChange(e.target.value)}
              onKeyDown={onKeyDown}
            />
          </div>
        </div>
        {refusal && (
          <p id="terminal-refusal" className="term-refusal" role="alert">
            {refusal.kind === 'too_long' ? t('terminal.too_long', { len: refusal.len, max: MAX_LINE }) : t('terminal.not_ready')}
          </p>
        )}
      </section>
    </>
  );
}
