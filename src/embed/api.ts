// The embed's postMessage adapter: checked commands from the course page go to the bridge; the store's changes go
// back as events. Who may talk to it, and who hears it:
// - only the parent window (the course page) is listened to; messages from any other window are ignored, and with
//   ?origin= only those origins;
// - a reply goes to the window that asked, at the origin it asked from (event.origin);
// - events the page did not ask for (ready, loaded, frame, counter-changed, error) go to the parent window only, at
//   the ?origin= origins, else at the origin the page last spoke from, else at the origin of the page that embedded
//   the lab (document.referrer); with none of those known they are not sent. postMessage delivers a message only
//   when the receiving window is at that origin, so a parent that navigated elsewhere hears nothing.
// Events carry what the embed shows anyway (the simulation's numbers), never anything of the page's own.
import type { Bridge } from '../store/bridge.ts';
import type { Problem } from '../store/run.ts';
import type { AppState, AppStore } from '../store/store.ts';
import type { SimFrame } from '../worker/protocol.ts';
import type { EmbedConfig } from './params.ts';
import { COMMAND_NAMES, checkCommand, envelope, isForeign, type CommandId, type EmbedCommand, type EmbedEvent, type FrameSummary } from './protocol.ts';

/** the label of a scenario a course page loaded (the store's `custom`) */
export const EMBED_LABEL = 'embed';
/** at most this many 'frame' events (and counter checks) a second: a course page's list must not flood */
export const EVENT_MS = 250;

/** A window to post to, as the API uses it. */
export interface PostTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** The window the API lives in, narrowed to what it uses (a test passes a fake). */
export interface EmbedWindow {
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  /** the course page, null when the lab is not in a frame */
  readonly parent: PostTarget | null;
  /** the embedding page's URL as the browser reports it ('' when withheld) */
  readonly referrer: string;
}

export interface EmbedApiDeps {
  readonly store: AppStore;
  readonly bridge: Bridge;
  readonly config: EmbedConfig;
  readonly win: EmbedWindow;
}

export function summary(f: SimFrame): FrameSummary {
  return {
    t_ms: f.t_ms,
    end_ms: f.end_ms,
    events: f.events,
    playing: f.playing,
    done: f.done,
    syn_queue: { len: f.syn_queue.len, limit: f.syn_queue.limit },
    accept_queue: { len: f.accept_queue.len, limit: f.accept_queue.limit },
  };
}

const sameSummary = (a: FrameSummary | null, b: FrameSummary) => a !== null && JSON.stringify(a) === JSON.stringify(b);

function problemMessage(p: Problem): string {
  return p.issues.length > 0 ? `${p.code}: ${p.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}` : p.code;
}

function originOf(url: string): string | null {
  try {
    const o = new URL(url).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}

export function startEmbedApi({ store, bridge, config, win }: EmbedApiDeps): { stop(): void } {
  const parent = win.parent;
  /** the origin the course page last spoke from (a valid message) */
  let spoke: string | null = null;
  const referrer = originOf(win.referrer);

  function targets(): string[] {
    if (config.origins) return [...config.origins];
    if (spoke !== null) return [spoke];
    return referrer !== null ? [referrer] : [];
  }

  function post(e: EmbedEvent, to: readonly string[] = targets()): void {
    if (!parent) return;
    const msg = envelope(e);
    for (const origin of to) parent.postMessage(msg, origin);
  }

  // ---- commands in ----------------------------------------------------------------------------------------
  /** a load or preset the page asked for: its run's gen, to answer with 'loaded' or 'error' under its id */
  let asked: { gen: number; id: CommandId | null } | null = null;

  function stateEvent(id: CommandId | null): EmbedEvent {
    const s = store.getState();
    if (s.run.phase !== 'live') return { event: 'error', id, message: 'no scenario is running yet', issues: [] };
    const counters: Record<string, number> = {};
    for (const [k, v] of Object.entries(s.run.frame.counters)) if (typeof v === 'number') counters[k] = v;
    return { event: 'state', id, scenario: s.run.meta.name, counters, ...summary(s.run.frame) };
  }

  /** Runs a checked command; an error event when it cannot run now. */
  function run(c: EmbedCommand, id: CommandId | null, reply: (e: EmbedEvent) => void): void {
    const s = store.getState();
    switch (c.cmd) {
      case 'load':
        bridge.loadText(c.scenario, EMBED_LABEL);
        asked = { gen: store.getState().gen, id };
        return;
      case 'preset': {
        const p = s.presets;
        if (p.status !== 'ready' || !p.entries.some((e) => e.id === c.preset)) {
          const known = p.status === 'ready' ? `one of ${p.entries.map((e) => e.id).join(', ')}` : 'the preset list has not loaded';
          return reply({ event: 'error', id, message: `no preset ${JSON.stringify(c.preset)} (${known})`, issues: [{ path: 'preset', message: known }] });
        }
        void bridge.select(c.preset);
        asked = { gen: store.getState().gen, id };
        return;
      }
      case 'play':
        if (c.speed !== null) bridge.setSpeed(c.speed);
        return bridge.play();
      case 'pause':
        return bridge.pause();
      case 'step':
        return bridge.step();
      case 'step_back':
        return bridge.stepBack();
      case 'run_to_end':
        return bridge.runToEnd();
      case 'reset':
        return bridge.reset();
      case 'seek':
        return bridge.seek(c.to);
      case 'lang':
        return bridge.setLang(c.lang);
      case 'get':
        return reply(stateEvent(id));
    }
  }

  function onMessage(e: MessageEvent): void {
    if (!parent || e.source !== parent) return;
    if (config.origins && !config.origins.includes(e.origin)) return;
    if (isForeign(e.data)) return;
    // an opaque origin (a file:// page, a sandboxed frame) cannot be named: the reply goes to that window anyway
    const replyTo = e.origin === 'null' || e.origin === '' ? '*' : e.origin;
    const reply = (ev: EmbedEvent) => (e.source as PostTarget).postMessage(envelope(ev), replyTo);
    const checked = checkCommand(e.data);
    if (!checked.ok) {
      const message = `refused: ${checked.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`;
      return reply({ event: 'error', id: checked.id, message, issues: checked.issues });
    }
    if (replyTo !== '*') spoke = replyTo;
    run(checked.command, checked.id, reply);
  }
  win.addEventListener('message', onMessage);

  // ---- events out ---------------------------------------------------------------------------------------
  let ready = false;
  let loadedGen: number | null = null;
  let loadedMeta: unknown = null;
  let lastProblem: Problem | null = store.getState().problem;
  let sent: FrameSummary | null = null;
  let counters: Readonly<Record<string, number | undefined>> = {};
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** the throttled part: where the run is, and which counters moved since the last check */
  function tick(): void {
    timer = null;
    const s = store.getState();
    if (s.run.phase !== 'live') return;
    const f = s.run.frame;
    const now = summary(f);
    if (!sameSummary(sent, now)) {
      sent = now;
      post({ event: 'frame', ...now });
    }
    const fields = new Set([...Object.keys(counters), ...Object.keys(f.counters)]);
    for (const field of [...fields].sort()) {
      const value = f.counters[field as keyof typeof f.counters] ?? 0;
      const previous = counters[field] ?? 0;
      if (value !== previous) post({ event: 'counter-changed', field, value, previous, t_ms: f.t_ms });
    }
    counters = f.counters;
  }

  function onState(s: AppState): void {
    if (s.problem !== lastProblem) {
      lastProblem = s.problem;
      if (s.problem) {
        // a problem before the asked run loaded is its refusal (the bridge then puts the earlier run back)
        const refused = asked !== null && loadedGen !== asked.gen;
        const id = refused ? asked!.id : null;
        if (refused) asked = null;
        post({ event: 'error', id, message: problemMessage(s.problem), issues: s.problem.issues });
      }
    }
    if (s.run.phase !== 'live') return;
    if (!ready) {
      ready = true;
      post({ event: 'ready', panels: config.panels, controls: config.controls, lang: s.lang, commands: COMMAND_NAMES }, targets().length > 0 ? targets() : ['*']);
    }
    // a run that loaded (or reset) arrives with its own meta; the gen alone moves first, while the old run shows
    if (loadedMeta !== s.run.meta) {
      loadedMeta = s.run.meta;
      loadedGen = s.gen;
      const id = asked?.gen === s.gen ? asked.id : null;
      if (asked?.gen === s.gen) asked = null;
      const m = s.run.meta;
      post({ event: 'loaded', id, name: m.name, title: m.title, title_zh: m.title_zh, duration_ms: m.duration_ms });
      // a new run starts from its own counters: they did not "change"
      counters = s.run.frame.counters;
      sent = null;
    }
    if (timer === null) timer = setTimeout(tick, EVENT_MS);
  }
  const unsub = store.subscribe(onState);
  onState(store.getState());

  return {
    stop() {
      win.removeEventListener('message', onMessage);
      unsub();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
