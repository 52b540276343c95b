// The bridge between the worker and the store, and the page's commands. It writes the store with setState only
// (no React here), drops worker replies about runs other than the latest (`gen`), and fetches presets with
// URLs relative to the page, so the app works under any base path.
import { MAX_SCENARIO_CHARS, assertNever, type FromWorker, type LiveAction, type RecordedChange, type SeekTarget, type SimFrame, type ToWorkerBody } from '../worker/protocol.ts';
import type { SimClient } from '../worker/client.ts';
import type { AppState, AppStore } from './store.ts';
import { parsePresetIndex } from './preset_index.ts';
import type { Lang, Speed } from './prefs.ts';
import type { Problem } from './run.ts';
import { initialLive, withFrame, withTerminalAnswer, withTerminalAsk } from './live.ts';

/** What the page opens instead of a preset at start (a #scenario= link): its text, or why it could not be read. */
export type Opening = { readonly text: string; readonly label: string } | { readonly problem: Problem };

export interface Bridge {
  /**
   * Load the preset list, then the preset `wanted` (or the list's default). With an `opening`, open that scenario
   * instead; if it is refused (or could not be read), open the preset and keep the refusal on screen.
   */
  start(wanted: string | null, opening?: Opening): Promise<void>;
  select(id: string): Promise<void>;
  play(): void;
  pause(): void;
  step(): void;
  runToEnd(): void;
  reset(): void;
  setSpeed(speed: Speed): void;
  setLang(lang: Lang): void;
  /** a live change (knob, listen(), accept rate, traffic); the worker answers 'acted' or an error */
  act(action: LiveAction): void;
  /** a terminal line; its answer lands in the store's `terminal` */
  shell(line: string): void;
  /** which clients the ladder follows */
  watch(clients: readonly number[]): void;
  stepBack(): void;
  seek(to: SeekTarget): void;
  /** open a scenario given as text (an imported file, a #scenario= link); not one of the presets. Refused whole
   *  (the run stays as it was, a problem says why) when longer than MAX_SCENARIO_CHARS or invalid */
  loadText(text: string, label: string): void;
  /** show a problem the page found before anything reached the worker (a file too large, a broken link); nothing
   *  else changes */
  report(problem: Problem): void;
  /** filter the log to the decisions that moved this counter (null: all) */
  selectCounter(field: string | null): void;
  /** ask the worker for a pcap of the run so far; it is saved when it arrives */
  exportPcap(): void;
  /** what makes this moment of the run (for a link that reopens it); null when no run answers */
  getMoment(): Promise<Moment | null>;
  /** reopen a moment in the loaded run (after the link's scenario has loaded) */
  openMoment(events: number, changes: readonly RecordedChange[]): void;
}

export interface Moment {
  readonly events: number;
  readonly t_ms: number;
  readonly changes: readonly RecordedChange[];
}

export interface BridgeDeps {
  store: AppStore;
  /** starts the worker; the bridge hands it its message handler */
  connect(onMessage: (msg: FromWorker) => void): SimClient;
  fetchText(url: string): Promise<string>;
  /** URL the preset folder is relative to (the page's base URL) */
  baseUrl: string;
  /** hands a file to the viewer (a download in the browser) */
  saveFile?(name: string, bytes: Uint8Array, mime: string): void;
}

const fail = (code: Problem['code'], e: unknown): Problem => ({ code, issues: [{ path: '', message: e instanceof Error ? e.message : String(e) }] });

/** The refusal of a scenario text too long for the worker to take, or null. */
function oversize(text: string, label: string): Problem | null {
  if (text.length <= MAX_SCENARIO_CHARS) return null;
  return { code: 'too_large', issues: [{ path: label, message: `${text.length} characters; at most ${MAX_SCENARIO_CHARS}` }] };
}

export function createBridge({ store, connect, fetchText, baseUrl, saveFile }: BridgeDeps): Bridge {
  const presetsUrl = new URL('scenarios/', baseUrl);

  function onMessage(msg: FromWorker): void {
    const s = store.getState();
    // a terminal answer is about the line typed, whichever run it ran in: shell ids are unique per page
    if (msg.type === 'shell_out') return store.setState({ terminal: withTerminalAnswer(s, msg.id, msg.stdout, msg.stderr, msg.exit) });
    if (msg.gen !== null && msg.gen !== s.gen) return; // about an older run
    switch (msg.type) {
      case 'loaded':
        if (pending?.gen === msg.gen) fallback = null;
        return store.setState({
          scenarioText: pending?.gen === msg.gen ? pending.text : s.scenarioText,
          run: { phase: 'live', meta: msg.meta, frame: msg.frame, result: null },
          // a refusal that made the page fall back to this scenario stays on screen
          problem: carried?.gen === msg.gen ? carried.problem : null,
          ...initialLive,
          terminal: s.terminal,
          selectedCounter: s.selectedCounter,
          ...withFrame(initialLive, msg.frame),
        });
      case 'frame':
        // tell the worker this frame is taken, so it keeps posting (it holds back while the page is behind)
        client.ack?.();
        if (s.run.phase === 'live') store.setState({ run: { ...s.run, frame: msg.frame, result: frameResult(s.run.result, msg.frame) }, ...withFrame(s, msg.frame) });
        return;
      case 'result':
        if (s.run.phase === 'live') store.setState({ run: { ...s.run, frame: msg.frame, result: msg.result }, ...withFrame(s, msg.frame) });
        return;
      case 'pcap': {
        const name = `${s.run.phase === 'live' ? s.run.meta.name : 'backlog-lab'}-${Math.round(s.run.phase === 'live' ? s.run.frame.t_ms : 0)}ms.pcap`;
        saveFile?.(name, msg.bytes, 'application/vnd.tcpdump.pcap');
        return;
      }
      case 'moment': {
        const waiting = momentWaiters.splice(0);
        for (const w of waiting) w({ events: msg.events, t_ms: msg.t_ms, changes: msg.changes });
        return;
      }
      case 'acted':
        return store.setState({ notice: { action: msg.action, notes: msg.notes }, problem: null });
      case 'error':
        if (pending && msg.gen === pending.gen && pending.prior.run.phase === 'live') {
          // the worker refused the new scenario and kept the old run going: show that run again, unchanged
          const { prior } = pending;
          pending = null;
          return store.setState({ ...prior, problem: { code: msg.code, issues: msg.issues } });
        }
        if (pending && msg.gen === pending.gen && fallback !== null) {
          // nothing ran before (a link at start): open the preset instead, and say why
          const id = fallback;
          pending = fallback = null;
          return void open(id, { code: msg.code, issues: msg.issues });
        }
        return store.setState({ problem: { code: msg.code, issues: msg.issues }, run: s.run.phase === 'loading' ? { phase: 'empty' } : s.run });
      default:
        return assertNever(msg);
    }
  }

  /** a result stays while the run is at its end; a seek back makes the run live again */
  function frameResult<R>(result: R | null, frame: SimFrame): R | null {
    return frame.done ? result : null;
  }

  const client = connect(onMessage);
  let shellId = 0;
  /** callers waiting for the worker's 'moment' answer */
  const momentWaiters: ((m: Moment | null) => void)[] = [];
  /** the preset to open if the worker refuses the scenario loading now (set by start() with an opening) */
  let fallback: string | null = null;
  /** a problem to keep on screen when the run of that gen loads (why the page fell back to it) */
  let carried: { gen: number; problem: Problem } | null = null;
  /** the load in flight, and what to go back to if the worker refuses it */
  let pending: { gen: number; text: string; prior: Pick<AppState, 'gen' | 'run' | 'selected' | 'custom'> } | null = null;

  function load(text: string, gen: number, prior: Pick<AppState, 'gen' | 'run' | 'selected' | 'custom'>): void {
    pending = { gen, text, prior };
    send({ type: 'load', gen, text });
  }

  function priorOf(): Pick<AppState, 'gen' | 'run' | 'selected' | 'custom'> {
    const { gen, run, selected, custom } = store.getState();
    return { gen, run, selected, custom };
  }
  const send = (msg: ToWorkerBody) => client.send(msg);
  const nextGen = () => {
    const gen = store.getState().gen + 1;
    store.setState({ gen });
    return gen;
  };

  /** Opens a preset; `carry` is a problem to keep showing once it runs. */
  async function open(id: string, carry: Problem | null): Promise<void> {
    const p = store.getState().presets;
    const entry = p.status === 'ready' ? p.entries.find((e) => e.id === id) : undefined;
    if (!entry) return;
    const prior = priorOf();
    const gen = nextGen();
    fallback = null;
    carried = carry ? { gen, problem: carry } : null;
    store.setState({ selected: id, custom: null, run: { phase: 'loading' }, ...(carry ? { problem: carry } : {}) });
    try {
      const text = await fetchText(new URL(entry.file, presetsUrl).href);
      if (store.getState().gen === gen) load(text, gen, prior);
    } catch (e) {
      if (store.getState().gen === gen) store.setState({ run: { phase: 'empty' }, problem: fail('fetch_failed', e) });
    }
  }

  function loadText(text: string, label: string): void {
    const refused = oversize(text, label);
    if (refused) return store.setState({ problem: refused });
    const prior = priorOf();
    const gen = nextGen();
    fallback = carried = null;
    store.setState({ selected: null, custom: label, run: { phase: 'loading' } });
    load(text, gen, prior);
  }

  async function start(wanted: string | null, opening?: Opening): Promise<void> {
    const text = opening && 'text' in opening ? opening : null;
    const problem = opening && 'problem' in opening ? opening.problem : text && oversize(text.text, text.label);
    try {
      const parsed = parsePresetIndex(JSON.parse(await fetchText(new URL('index.json', presetsUrl).href)));
      if (!parsed.ok) {
        store.setState({ presets: { status: 'error', issues: parsed.issues }, problem: { code: 'presets_failed', issues: parsed.issues } });
        return text && !problem ? loadText(text.text, text.label) : undefined;
      }
      const { entries, default_id } = parsed.index;
      store.setState({ presets: { status: 'ready', entries, default_id } });
      const id = wanted !== null && entries.some((e) => e.id === wanted) ? wanted : default_id;
      if (!text || problem) return await open(id, problem ?? null);
      loadText(text.text, text.label);
      fallback = id;
    } catch (e) {
      const failed = fail('presets_failed', e);
      store.setState({ presets: { status: 'error', issues: failed.issues }, problem: failed });
      // a link does not need the preset list
      if (text && !problem) loadText(text.text, text.label);
    }
  }

  return {
    start,
    select: (id) => open(id, null),
    play: () => send({ type: 'play', speed: store.getState().speed }),
    pause: () => send({ type: 'pause' }),
    step: () => send({ type: 'step' }),
    runToEnd: () => send({ type: 'run_to_end' }),
    reset: () => send({ type: 'reset', gen: nextGen() }),
    setSpeed: (speed) => {
      store.setState({ speed });
      const r = store.getState().run;
      if (r.phase === 'live' && r.frame.playing) send({ type: 'play', speed });
    },
    setLang: (lang) => store.setState({ lang }),
    act: (action) => send({ type: 'act', action }),
    shell: (line) => {
      const id = ++shellId;
      store.setState({ terminal: withTerminalAsk(store.getState(), id, line) });
      send({ type: 'shell', id, line });
    },
    watch: (clients) => {
      store.setState({ watch: clients });
      send({ type: 'watch', clients });
    },
    stepBack: () => send({ type: 'step_back' }),
    seek: (to) => send({ type: 'seek', to }),
    loadText,
    report: (problem) => store.setState({ problem }),
    selectCounter: (field) => store.setState({ selectedCounter: field }),
    exportPcap: () => send({ type: 'export_pcap' }),
    getMoment: () => {
      if (store.getState().run.phase !== 'live') return Promise.resolve(null);
      return new Promise<Moment | null>((resolve) => {
        momentWaiters.push(resolve);
        send({ type: 'moment_get' });
      });
    },
    openMoment: (events, changes) => send({ type: 'moment_open', events, changes }),
  };
}
