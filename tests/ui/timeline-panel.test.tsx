// @vitest-environment happy-dom
// Time travel on the page, with the real store and bridge and a fake worker: the Step back button, the timeline
// slider (ARIA values, keys that seek one at a time, [ ] that open a counter's decision) and the live region that
// narrates each step.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogLine, TimelineMark } from '../../src/worker/protocol.ts';
import { Controls } from '../../src/ui/Controls.tsx';
import { Timeline } from '../../src/ui/timeline/Timeline.tsx';
import { LiveNarration } from '../../src/ui/LiveNarration.tsx';
import { useShortcuts } from '../../src/ui/shortcuts/useShortcuts.ts';
import { makeFrame } from '../fixtures/frames.ts';
import { mount, unmountAll, type Page } from './knobs-harness.tsx';

afterEach(unmountAll);

function Page() {
  useShortcuts();
  return (
    <>
      <Controls />
      <Timeline />
      <LiveNarration />
    </>
  );
}

const slider = (p: Page) => p.host.querySelector<HTMLElement>('[role="slider"]')!;
const seeks = (p: Page) => p.sent.flatMap((m) => (m.type === 'seek' ? [m.to] : []));
const sentTypes = (p: Page) => p.sent.map((m) => m.type);

const MARKS: TimelineMark[] = [
  { bucket: 10, field: 'ListenOverflows', moves: 3, first_event: 120 },
  { bucket: 10, field: 'ListenDrops', moves: 3, first_event: 120 },
  { bucket: 30, field: 'SyncookiesSent', moves: 5, first_event: 400 },
];

const line = (event: number, over: Partial<LogLine> = {}): LogLine => ({
  seq: event, t_ms: 1250, event, fn: 'tcp_check_req', code: 'req_overflow_acked', mib: ['InSegs', 'ListenOverflows', 'ListenDrops'],
  client: 7, req: 70, sock: null, args: { acc: 5, backlog: 4 }, ...over,
});

describe('Step back', () => {
  it('is named "Step back", disabled at event 0, and undoes one kernel event', () => {
    const p = mount(<Page />);
    const back = p.button('Step back');
    expect(back.disabled).toBe(true);
    expect(back.getAttribute('aria-keyshortcuts')).toBe('ArrowLeft');
    p.frame(makeFrame({ t_ms: 30, events: 12 }));
    expect(back.disabled).toBe(false);
    p.click(back);
    expect(p.sent.at(-1)).toEqual({ type: 'step_back' });
    // at the end of the run it still goes back
    p.frame(makeFrame({ t_ms: 10_000, events: 900, done: true }));
    expect(back.disabled).toBe(false);
  });
});

describe('timeline slider', () => {
  it('says where the run is', () => {
    const p = mount(<Page />, { first: makeFrame({ t_ms: 1250, events: 1234 }) });
    const s = slider(p);
    expect(s.getAttribute('aria-label')).toBe('Time in the run');
    expect(s.getAttribute('aria-valuemin')).toBe('0');
    expect(s.getAttribute('aria-valuemax')).toBe('10000');
    expect(s.getAttribute('aria-valuenow')).toBe('1250');
    expect(s.getAttribute('aria-valuetext')).toBe('1.250 s of 10.000 s, event 1,234');
    expect(s.tabIndex).toBe(0);
  });

  it('keys seek, one seek in flight, from where the run is heading; the page’s own ← → do not step', () => {
    const p = mount(<Page />, { first: makeFrame({ t_ms: 2000, events: 50 }) });
    const s = slider(p);
    p.focus(s);
    p.key(s, 'ArrowRight');
    expect(seeks(p)).toEqual([{ t_ms: 2025 }]);
    // held key: the next targets wait for the answer, and only the latest is sent
    p.key(s, 'ArrowRight');
    p.key(s, 'ArrowRight');
    expect(seeks(p)).toHaveLength(1);
    p.frame(makeFrame({ t_ms: 2025, events: 60, replace: true }));
    expect(seeks(p)).toEqual([{ t_ms: 2025 }, { t_ms: 2075 }]);
    p.frame(makeFrame({ t_ms: 2075, events: 70, replace: true }));
    p.key(s, 'PageDown');
    expect(seeks(p).at(-1)).toEqual({ t_ms: 1075 });
    p.frame(makeFrame({ t_ms: 1075, events: 20, replace: true }));
    p.key(s, 'Home');
    expect(seeks(p).at(-1)).toEqual({ events: 0 });
    p.frame(makeFrame({ t_ms: 0, events: 0, replace: true }));
    p.key(s, 'End');
    expect(seeks(p).at(-1)).toEqual({ t_ms: 10_000 });
    // never clamped below 0 or past the end
    p.frame(makeFrame({ t_ms: 0, events: 0, replace: true }));
    p.key(s, 'PageDown');
    expect(seeks(p).at(-1)).toEqual({ t_ms: 0 });
    expect(sentTypes(p)).not.toContain('step_back');
    expect(sentTypes(p)).not.toContain('step');
    expect(sentTypes(p)).not.toContain('run_to_end');
  });

  it('draws a tick per family and bucket; ] pauses, opens the next decision and selects its counter', () => {
    const p = mount(<Page />, { first: makeFrame({ t_ms: 100, events: 5, playing: true, timeline: MARKS, replace: true }) });
    const ticks = p.all('[data-testid="timeline-tick"]');
    expect(ticks.map((t) => t.getAttribute('data-key'))).toEqual(['drops:10', 'cookies:30']);
    expect(ticks[0].getAttribute('data-fields')).toBe('ListenOverflows ListenDrops');
    const s = slider(p);
    p.focus(s);
    p.key(s, ']');
    expect(p.sent.slice(-2)).toEqual([{ type: 'pause' }, { type: 'seek', to: { events: 120 } }]);
    expect(p.store.getState().selectedCounter).toBe('ListenOverflows');
    const tip = p.host.querySelector('[data-testid="timeline-tip"]');
    expect(tip?.textContent).toContain('ListenOverflows ×3 from 0.25 s');
    expect(tip?.textContent).toContain('ListenDrops ×3 from 0.25 s');
    // the selected counter's ticks stand out, the others step back
    expect(p.all('.tl-tick.sel').map((t) => t.getAttribute('data-key'))).toEqual(['drops:10']);
    expect(p.all('.tl-tick.dim').map((t) => t.getAttribute('data-key'))).toEqual(['cookies:30']);
    p.frame(makeFrame({ t_ms: 250, events: 120, replace: true, timeline: MARKS }));
    p.key(s, ']');
    expect(p.sent.at(-1)).toEqual({ type: 'seek', to: { events: 400 } });
    expect(p.store.getState().selectedCounter).toBe('SyncookiesSent');
    p.frame(makeFrame({ t_ms: 750, events: 400, replace: true, timeline: MARKS }));
    p.key(s, '[');
    expect(p.sent.at(-1)).toEqual({ type: 'seek', to: { events: 120 } });
    // nothing further that way: nothing sent
    p.frame(makeFrame({ t_ms: 250, events: 120, replace: true, timeline: MARKS }));
    const n = p.sent.length;
    p.key(s, '[');
    expect(p.sent).toHaveLength(n);
  });
});

describe('live narration', () => {
  const region = (p: Page) => p.host.querySelector('[data-testid="live-narration"]')!;

  it('says what the event just run decided, the counters it moved and the queues', () => {
    const p = mount(<Page />, { first: makeFrame({ t_ms: 1200, events: 1233 }) });
    expect(region(p).getAttribute('aria-live')).toBe('polite');
    expect(region(p).textContent).toBe('');
    p.frame(makeFrame({ t_ms: 1250, events: 1234, log: [line(1233, { client: 3 }), line(1234)], syn_queue: { len: 2, limit: 5 }, accept_queue: { len: 5, limit: 5 } }));
    const said = region(p).textContent ?? '';
    expect(said).toMatch(/^Event 1,234 at 1\.250 s: tcp_check_req\(\): /);
    expect(said).toContain('(ListenOverflows +1, ListenDrops +1)');
    expect(said).toContain('SYN queue 2 of 5, accept queue 5 of 5.');
    // only the decision of that event, not the one before it
    expect(said).not.toContain('client 3');
  });

  it('an event without a decision of the listener says so; playing says only that it plays; the end says so', () => {
    const p = mount(<Page />, { lang: 'zh-CN' });
    p.frame(makeFrame({ t_ms: 5, events: 1 }));
    expect(region(p).textContent).toContain('监听套接字没有做决策');
    p.frame(makeFrame({ t_ms: 10, events: 2, playing: true }));
    expect(region(p).textContent).toBe('正在播放。');
    p.frame(makeFrame({ t_ms: 900, events: 80, playing: true }));
    expect(region(p).textContent).toBe('正在播放。');
    p.frame(makeFrame({ t_ms: 10_000, events: 99, done: true }));
    expect(region(p).textContent).toBe('已结束：10.000 秒，第 99 个事件。');
  });
});

describe('the strip on the page', () => {
  it('is not focusable before a run is loaded', () => {
    const p = mount(<Page />, { loaded: false });
    act(() => {});
    expect(slider(p).tabIndex).toBe(-1);
    expect(slider(p).getAttribute('aria-disabled')).toBe('true');
  });
});
