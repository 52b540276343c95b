// The timeline under the panels: a slider over the whole run (drag, click or keys move the run there by seeking;
// the worker replays from its nearest checkpoint) with a tick wherever a key counter moved. A tick opens the
// decision that moved it: the run pauses, seeks to that event, and the counter is selected so the log ends with
// that decision. The d3 picture is fed by a store subscription (no React render per frame for the ticks); React
// renders the slider's ARIA values and the tooltip.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { SeekTarget } from '../../worker/protocol.ts';
import type { AppState } from '../../store/store.ts';
import { createTimelineView, type TimelineInput, type TimelineView } from '../../viz/timeline.ts';
import { useApp, useAppStore, useBridge, useT } from '../context.ts';
import { numberFormat } from '../i18n/index.ts';
import { createSeeker, type Seeker } from './seeker.ts';
import { headOf, tickAfter, type LaneTick } from './ticks.ts';
import { axisOf, lanesOf, tickTip, ticksMemo } from './view_input.ts';
import './timeline.css';

/** ← → move by one bucket of the run; Page Up / Page Down by a tenth */
const FINE = 1 / 400;
const COARSE = 1 / 10;
/** a press that moves less than this (px) is a click, not a drag */
const DRAG_PX = 4;
/** a tooltip closer than this (px) to an end of the strip extends away from it */
const TIP_ROOM = 160;

const frameOf = (s: AppState) => (s.run.phase === 'live' ? s.run.frame : null);

interface Tip {
  readonly key: string;
  /** the tick's middle, in the strip's CSS pixels */
  readonly x: number;
  /** which way it extends from there, so that it stays on the page near the strip's ends */
  readonly align: 'start' | 'middle' | 'end';
  readonly lines: readonly string[];
  readonly hint: string;
}

interface Press {
  readonly x: number;
  readonly tick: LaneTick | null;
  moved: boolean;
}

export function Timeline() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const store = useAppStore();
  const bridge = useBridge();
  const live = useApp((s) => s.run.phase === 'live');
  const t_ms = useApp((s) => frameOf(s)?.t_ms ?? 0);
  const end_ms = useApp((s) => frameOf(s)?.end_ms ?? 0);
  const events = useApp((s) => frameOf(s)?.events ?? 0);
  const hintId = useId();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<TimelineView | null>(null);
  const seeker = useRef<Seeker | null>(null);
  const ticks = useMemo(() => ticksMemo(), []);
  /** the tick under the pointer or just opened (drawn outlined) */
  const hot = useRef<string | null>(null);
  /** where a drag holds the cursor until the run gets there */
  const drag = useRef<number | null>(null);
  const press = useRef<Press | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const lanes = useMemo(() => lanesOf(t), [t]);
  const axis = useMemo(() => axisOf(end_ms, t, lang), [end_ms, t, lang]);
  const statics = useRef({ lanes, axis });
  const redraw = useRef<() => void>(() => {});

  useEffect(() => {
    if (!host.current) return;
    const v = createTimelineView(host.current);
    const s = createSeeker(store, bridge.seek);
    view.current = v;
    seeker.current = s;
    let shown: Omit<TimelineInput, 'cursor'> & { cursor: number } = { lanes: [], axis: [], ticks: [], cursor: -1, hot: null };
    const push = () => {
      const st = store.getState();
      const f = frameOf(st);
      const end = f?.end_ms ?? 0;
      const going = s.heading();
      const at = drag.current ?? (going && 't_ms' in going && end > 0 ? going.t_ms / end : f && end > 0 ? f.t_ms / end : 0);
      const input = { ...statics.current, ticks: ticks(st.timeline, st.selectedCounter).view, cursor: at, hot: hot.current };
      if (input.ticks === shown.ticks && input.cursor === shown.cursor && input.hot === shown.hot && input.lanes === shown.lanes && input.axis === shown.axis) return;
      shown = input;
      v.update(input);
    };
    redraw.current = push;
    push();
    const unsubscribe = store.subscribe(push);
    return () => {
      unsubscribe();
      redraw.current = () => {};
      s.destroy();
      v.destroy();
      view.current = seeker.current = null;
    };
  }, [store, bridge, ticks]);

  useEffect(() => {
    statics.current = { lanes, axis };
    redraw.current();
  }, [lanes, axis]);

  /** a tick's tooltip, shown over it */
  function showTip(tick: LaneTick | null): void {
    hot.current = tick?.key ?? null;
    redraw.current();
    const f = frameOf(store.getState());
    const c = tick && view.current?.tickCenter(tick.key);
    const w = host.current?.clientWidth ?? 0;
    const align = c && c.x < TIP_ROOM ? 'start' : c && c.x > w - TIP_ROOM ? 'end' : 'middle';
    setTip(tick && c && f ? { key: tick.key, x: c.x, align, ...tickTip(tick, f.end_ms, t, lang) } : null);
  }

  function seek(to: SeekTarget): void {
    seeker.current?.to(to);
    redraw.current();
  }

  /** the decision behind a tick: pause there (playing on would scroll it away at once) and filter the log to it */
  function open(tick: LaneTick): void {
    const f = frameOf(store.getState());
    if (!f) return;
    if (f.playing) bridge.pause();
    const head = headOf(tick);
    seek({ events: head.first_event });
    bridge.selectCounter(head.field);
    showTip(tick);
  }

  /** what is under the pointer, in the strip's CSS pixels (the page may be zoomed: projector mode) */
  function under(e: PointerEvent<HTMLDivElement>) {
    const el = host.current;
    if (!el || !view.current) return null;
    const r = el.getBoundingClientRect();
    const scale = el.clientWidth > 0 ? r.width / el.clientWidth : 1;
    const p = view.current.pick((e.clientX - r.left) / scale, (e.clientY - r.top) / scale);
    return { fraction: p.fraction, tick: p.tick ? (ticks(store.getState().timeline, store.getState().selectedCounter).byKey.get(p.tick.key) ?? null) : null };
  }

  const endOf = () => frameOf(store.getState())?.end_ms ?? 0;

  function onPointerDown(e: PointerEvent<HTMLDivElement>): void {
    if (!live || e.button !== 0) return;
    const p = under(e);
    if (!p) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    press.current = { x: e.clientX, tick: p.tick, moved: false };
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>): void {
    const p = under(e);
    if (!p) return;
    const pr = press.current;
    if (!pr) {
      if (p.tick?.key !== hot.current) showTip(p.tick);
      return;
    }
    if (!pr.moved && Math.abs(e.clientX - pr.x) < DRAG_PX) return;
    pr.moved = true;
    if (tip) showTip(null);
    drag.current = p.fraction;
    seek({ t_ms: p.fraction * endOf() });
  }

  function onPointerUp(e: PointerEvent<HTMLDivElement>): void {
    const pr = press.current;
    press.current = null;
    if (!pr) return;
    const p = under(e);
    if (!pr.moved && pr.tick) open(pr.tick);
    else if (p) seek({ t_ms: p.fraction * endOf() });
    drag.current = null;
    redraw.current();
  }

  function onPointerCancel(): void {
    press.current = null;
    drag.current = null;
    redraw.current();
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const st = store.getState();
    const f = frameOf(st);
    if (!f) return;
    const going = seeker.current?.heading();
    const from = going && 't_ms' in going ? going.t_ms : f.t_ms;
    const by = (part: number) => seek({ t_ms: Math.min(f.end_ms, Math.max(0, from + part * f.end_ms)) });
    const tickThere = (dir: 1 | -1) => {
      const tick = tickAfter(ticks(st.timeline, st.selectedCounter).lane, f.events, dir);
      if (tick) open(tick);
    };
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        by(-FINE);
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        by(FINE);
        break;
      case 'PageDown':
        by(-COARSE);
        break;
      case 'PageUp':
        by(COARSE);
        break;
      case 'Home':
        seek({ events: 0 });
        break;
      case 'End':
        seek({ t_ms: f.end_ms });
        break;
      case '[':
        tickThere(-1);
        break;
      case ']':
        tickThere(1);
        break;
      default:
        return;
    }
    // the page's own shortcuts (← → step, Home, End) must not act on the same key
    e.preventDefault();
    e.stopPropagation();
  }

  const s3 = numberFormat(lang, 3);
  return (
    <section className="timeline" aria-label={t('timeline.heading')}>
      <div
        ref={host}
        className="timeline-host"
        role="slider"
        tabIndex={live ? 0 : -1}
        aria-label={t('timeline.label')}
        aria-describedby={hintId}
        aria-disabled={!live}
        aria-valuemin={0}
        aria-valuemax={end_ms}
        aria-valuenow={t_ms}
        aria-valuetext={t('timeline.valuetext', { t: s3.format(t_ms / 1000), end: s3.format(end_ms / 1000), events: numberFormat(lang).format(events) })}
        aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End [ ]"
        data-testid="timeline"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        onPointerLeave={() => press.current === null && tip && showTip(null)}
        onBlur={() => tip && showTip(null)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="sr-only">
        {t('timeline.hint')}
      </p>
      {tip && (
        <div className={`timeline-tip ${tip.align}`} role="tooltip" data-testid="timeline-tip" style={{ left: tip.x }}>
          {tip.lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
          <div className="timeline-tip-hint">{tip.hint}</div>
        </div>
      )}
    </section>
  );
}
