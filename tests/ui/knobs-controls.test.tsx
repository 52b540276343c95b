// @vitest-environment happy-dom
// The controls bar: buttons keep their English names, follow the worker's frame (playing, done), the speed list
// runs 0.1× … 1000× and reaches the worker while playing, and the clock shows simulated time and kernel events.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SPEEDS } from '../../src/store/prefs.ts';
import { Controls } from '../../src/ui/Controls.tsx';
import { makeFrame } from '../fixtures/frames.ts';
import { mount, unmountAll } from './knobs-harness.tsx';

afterEach(unmountAll);

const BUTTONS = ['Play', 'Pause', 'Step', 'Run to end', 'Reset'] as const;

describe('controls bar', () => {
  it('names its buttons in English and enables them from the frame', () => {
    const p = mount(<Controls />);
    const enabled = () => BUTTONS.filter((b) => !p.button(b).disabled);
    expect(enabled()).toEqual(['Play', 'Step', 'Run to end', 'Reset']);
    expect(p.button('Step').title).toBe('Run one kernel event');
    p.frame(makeFrame({ t_ms: 5, playing: true }));
    expect(enabled()).toEqual(['Pause', 'Step', 'Run to end', 'Reset']);
    p.frame(makeFrame({ t_ms: 10_000, done: true }));
    expect(enabled()).toEqual(['Reset']);
    expect(p.host.querySelector('[data-testid="run-status"]')?.getAttribute('data-status')).toBe('done');
  });

  it('sends each button’s command', () => {
    const p = mount(<Controls />);
    p.click(p.button('Step'));
    p.click(p.button('Run to end'));
    p.click(p.button('Play'));
    expect(p.sent.slice(-3)).toEqual([{ type: 'step' }, { type: 'run_to_end' }, { type: 'play', speed: p.store.getState().speed }]);
  });

  it('offers 0.1× to 1000× and sends a new speed to a playing run', () => {
    const p = mount(<Controls />, { first: makeFrame({ playing: true, t_ms: 1 }) });
    const select = p.byLabel<HTMLSelectElement>('Speed');
    const labels = [...select.options].map((o) => o.textContent);
    expect(labels).toEqual(['0.1×', '0.25×', '0.5×', '1× (real time)', '2×', '5×', '10×', '100×', '1000×']);
    expect([...select.options].map((o) => Number(o.value))).toEqual([...SPEEDS]);
    act(() => {
      select.value = '1000';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(p.store.getState().speed).toBe(1000);
    expect(p.sent.at(-1)).toEqual({ type: 'play', speed: 1000 });
  });

  it('shows simulated time and the kernel event count of the last frame', () => {
    const p = mount(<Controls />);
    p.frame(makeFrame({ t_ms: 1234.5, events: 12345 }));
    const time = p.host.querySelector('[data-testid="sim-time"]')!;
    expect(time.getAttribute('data-ms')).toBe('1234.5');
    expect(time.textContent).toBe('1.235 s of 10.000 s');
    const events = p.host.querySelector('[data-testid="sim-events"]')!;
    expect(events.getAttribute('data-value')).toBe('12345');
    expect(events.textContent).toBe('12,345');
  });

  it('speaks Chinese, speed labels included', () => {
    const p = mount(<Controls />, { lang: 'zh-CN' });
    expect(p.button('运行到结束').disabled).toBe(false);
    expect([...p.byLabel<HTMLSelectElement>('速度').options].map((o) => o.textContent)).toContain('1×（实时）');
    expect(p.host.textContent).toContain('内核事件');
  });
});
