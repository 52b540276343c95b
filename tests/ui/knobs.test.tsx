// @vitest-environment happy-dom
// The knobs panel with the real store and bridge and a fake worker: values shown are the frame's; a change goes to
// the worker as an 'act' (the sysctl value as typed) and shows only when the worker's frame carries it; a refusal
// shows the kernel's rule and leaves the value as it was; notes explain what a change does not do yet and offer
// listen() again.
import { afterEach, describe, expect, it } from 'vitest';
import { KNOB_NAMES } from '../../src/worker/protocol.ts';
import { KnobsPanel } from '../../src/ui/knobs/KnobsPanel.tsx';
import { frameWith, mount, unmountAll } from './knobs-harness.tsx';

afterEach(unmountAll);

const SOMAXCONN = 'net.core.somaxconn';
const REFUSAL = 'sysctl: setting key "net.core.somaxconn": Invalid argument — net.core.somaxconn: proc_dointvec_minmax accepts 0..2147483647, got -1';

describe('knobs panel', () => {
  it('names every knob input after its sysctl and shows the frame’s values', () => {
    const p = mount(<KnobsPanel />, { first: frameWith({ 'net.core.somaxconn': 128, 'net.ipv4.tcp_synack_retries': 3 }, { listen_backlog: 511, accept_interval_ms: 200 }, { backlog: 128 }) });
    for (const name of KNOB_NAMES.filter((n) => n !== 'net.ipv4.tcp_syncookies')) expect(p.byLabel(name).tagName, name).toBe('INPUT');
    expect(p.byLabel(SOMAXCONN).value).toBe('128');
    expect(p.byLabel('net.ipv4.tcp_synack_retries').value).toBe('3');
    expect(p.byLabel('net.ipv4.tcp_max_syn_backlog').value).toBe('512');
    const cookies = p.byLabel<HTMLElement>('net.ipv4.tcp_syncookies');
    expect(cookies.getAttribute('role')).toBe('radiogroup');
    expect(cookies.querySelector<HTMLInputElement>('input:checked')?.value).toBe('1');
    expect(p.byLabel('listen(fd, backlog)').value).toBe('511');
    expect(p.byLabel('accept() every').value).toBe('200');
    expect(p.host.querySelector('[data-testid="knobs-backlog"]')?.getAttribute('data-value')).toBe('128');
    expect(p.host.textContent).toContain('only when the SYN queue is full');
    expect(p.host.textContent).toContain('One accept() every 200 ms: at most 5 connections a second');
  });

  it('sends the value as typed on Enter and shows it only once the worker’s frame carries it', () => {
    const p = mount(<KnobsPanel />);
    const input = p.byLabel(SOMAXCONN);
    p.focus(input);
    expect(p.host.textContent).toContain('proc_dointvec_minmax: 0 … 2147483647');
    p.type(input, '128');
    expect(p.acts()).toEqual([]);
    p.key(input, 'Enter');
    expect(p.acts()).toEqual([{ kind: 'sysctl', name: SOMAXCONN, value: '128' }]);
    expect(input.value).toBe('128');
    expect(input.getAttribute('aria-busy')).toBe('true');
    expect(p.host.textContent).toContain('waiting for the kernel');
    // 'acted' comes before the frame: the field neither flashes the old value nor claims the new one is applied
    p.acted({ kind: 'sysctl', name: SOMAXCONN, value: '128' }, []);
    expect(input.value).toBe('128');
    expect(input.getAttribute('aria-busy')).toBe('true');
    p.frame(frameWith({ 'net.core.somaxconn': 128 }));
    expect(input.value).toBe('128');
    expect(input.getAttribute('aria-busy')).toBe('false');
    expect(input.classList.contains('edited')).toBe(false);
    // and a later frame (say the terminal's sysctl -w) is shown as it comes
    p.frame(frameWith({ 'net.core.somaxconn': 64 }));
    expect(input.value).toBe('64');
  });

  it('flags a value the kernel would refuse while typing, lets the worker judge it, and shows its rule', () => {
    const p = mount(<KnobsPanel />);
    const input = p.byLabel(SOMAXCONN);
    p.focus(input);
    p.type(input, '-1');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(p.host.textContent).toContain('Out of range');
    p.type(input, '12x');
    expect(p.host.textContent).toContain('Not an integer');
    p.type(input, '-1');
    p.key(input, 'Enter');
    expect(p.acts()).toEqual([{ kind: 'sysctl', name: SOMAXCONN, value: '-1' }]);
    p.refuse([{ path: SOMAXCONN, message: REFUSAL }]);
    const refused = p.all('[data-testid="knob-refused"]');
    expect(refused).toHaveLength(1);
    expect(refused[0].dataset.row).toBe(SOMAXCONN);
    expect(refused[0].getAttribute('role')).toBe('alert');
    expect(refused[0].textContent).toContain(REFUSAL);
    // nothing changed: the field shows the kernel's value again
    expect(input.value).toBe('4096');
    expect(input.getAttribute('aria-busy')).toBe('false');
    p.click(refused[0].querySelector('button')!);
    expect(p.all('[data-testid="knob-refused"]')).toHaveLength(0);
  });

  it('Esc goes back to the kernel’s value; leaving a changed setting applies it; leaving listen() calls nothing', () => {
    const p = mount(<KnobsPanel />);
    const retries = p.byLabel('net.ipv4.tcp_synack_retries');
    p.focus(retries);
    p.type(retries, '2');
    p.key(retries, 'Escape');
    expect(retries.value).toBe('5');
    p.blur(retries);
    expect(p.acts()).toEqual([]);
    p.focus(retries);
    p.type(retries, '2');
    p.blur(retries);
    expect(p.acts()).toEqual([{ kind: 'sysctl', name: 'net.ipv4.tcp_synack_retries', value: '2' }]);

    const listen = p.byLabel('listen(fd, backlog)');
    p.focus(listen);
    p.type(listen, '64');
    p.blur(listen);
    expect(p.acts()).toHaveLength(1);
    p.key(listen, 'Enter');
    expect(p.acts().at(-1)).toEqual({ kind: 'listen', backlog: 64 });
  });

  it('after a new somaxconn says why the listener keeps its backlog and offers listen() again', () => {
    const p = mount(<KnobsPanel />, { first: frameWith({}, { listen_backlog: 4096 }, { backlog: 4096, events: 7 }) });
    const input = p.byLabel(SOMAXCONN);
    p.type(input, '128');
    p.key(input, 'Enter');
    const after = frameWith({ 'net.core.somaxconn': 128 }, { listen_backlog: 4096 }, { backlog: 4096, events: 7 });
    p.acted({ kind: 'sysctl', name: SOMAXCONN, value: '128' }, [{ kind: 'next_listen', knob: SOMAXCONN, backlog_now: 4096, backlog_after_listen: 128 }], after);
    const notes = p.all('[data-testid="knob-notes"]');
    expect(notes).toHaveLength(1);
    expect(notes[0].dataset.row).toBe(SOMAXCONN);
    expect(notes[0].textContent).toContain('The listener keeps backlog 4096');
    expect(notes[0].textContent).toContain('__sys_listen_socket()');
    expect(notes[0].textContent).toContain('would give 128');
    // the listener's backlog is still the frame's
    expect(p.host.querySelector('[data-testid="knobs-backlog"]')?.getAttribute('data-value')).toBe('4096');

    p.click(p.button('Call listen(fd, 4096) again'));
    expect(p.acts().at(-1)).toEqual({ kind: 'listen', backlog: 4096 });
    p.acted({ kind: 'listen', backlog: 4096 }, [{ kind: 'capped', requested: 4096, somaxconn: 128 }, { kind: 'backlog_changed', from: 4096, to: 128 }], frameWith({ 'net.core.somaxconn': 128 }, { listen_backlog: 4096 }, { backlog: 128, events: 7 }));
    const [listenNotes] = p.all('[data-testid="knob-notes"]');
    expect(listenNotes.dataset.row).toBe('listen');
    expect(listenNotes.textContent).toContain('listen(fd, 4096) was capped at somaxconn = 128');
    expect(listenNotes.textContent).toContain('from 4096 to 128');
    expect(p.host.querySelector('[data-testid="knobs-backlog"]')?.getAttribute('data-value')).toBe('128');
    // answered: the listen() field and button are ready again (nothing typed there, so nothing to wait for)
    expect(p.button('Call listen()').disabled).toBe(false);
    expect(p.byLabel('listen(fd, backlog)').getAttribute('aria-busy')).toBe('false');
    // stepped back to before the change: the notes no longer describe the run
    p.frame(frameWith({}, { listen_backlog: 4096 }, { backlog: 4096, events: 0 }));
    expect(p.all('[data-testid="knob-notes"]')).toHaveLength(0);
  });

  it('tcp_syncookies: a choice of 0, 1, 2 that stays on the kernel’s value until the frame changes', () => {
    const p = mount(<KnobsPanel />);
    const group = p.byLabel<HTMLElement>('net.ipv4.tcp_syncookies');
    const radio = (v: string) => group.querySelector<HTMLInputElement>(`input[value="${v}"]`)!;
    p.click(radio('2'));
    expect(p.acts()).toEqual([{ kind: 'sysctl', name: 'net.ipv4.tcp_syncookies', value: '2' }]);
    expect(radio('1').checked).toBe(true);
    p.acted({ kind: 'sysctl', name: 'net.ipv4.tcp_syncookies', value: '2' }, [], frameWith({ 'net.ipv4.tcp_syncookies': 2 }));
    expect(radio('2').checked).toBe(true);
    expect(p.host.textContent).toContain('2: always');
    // a scenario's other value (the kernel takes 0…255) is shown as it is
    p.frame(frameWith({ 'net.ipv4.tcp_syncookies': 3 }));
    expect(radio('3').checked).toBe(true);
  });

  it('accept(): Stop stops calling it, Start resumes at the last pace; a typed interval applies', () => {
    const p = mount(<KnobsPanel />, { first: frameWith({}, { accept_interval_ms: 200 }) });
    p.click(p.button('Stop calling accept()'));
    expect(p.acts().at(-1)).toEqual({ kind: 'accept', interval_ms: null });
    p.acted({ kind: 'accept', interval_ms: null }, [], frameWith({}, { accept_interval_ms: null }));
    expect(p.host.textContent).toContain('does not call accept()');
    expect(p.byLabel('accept() every').value).toBe('');
    p.click(p.button('Start calling accept()'));
    expect(p.acts().at(-1)).toEqual({ kind: 'accept', interval_ms: 200 });
    p.acted({ kind: 'accept', interval_ms: 200 }, [], frameWith({}, { accept_interval_ms: 200 }));
    const every = p.byLabel('accept() every');
    p.type(every, '50');
    p.key(every, 'Enter');
    expect(p.acts().at(-1)).toEqual({ kind: 'accept', interval_ms: 50 });
    // not a number: nothing to send, and the field says so
    p.acted({ kind: 'accept', interval_ms: 50 }, [], frameWith({}, { accept_interval_ms: 50 }));
    p.type(every, 'fast');
    p.key(every, 'Enter');
    expect(p.acts()).toHaveLength(3);
    expect(p.host.textContent).toContain('Type a number.');
  });

  it('traffic: each rate is sent with the other one as the frame has it', () => {
    const p = mount(<KnobsPanel />, { first: frameWith({}, { normal_per_s: 20, flood_per_s: 0 }) });
    const flood = p.byLabel('SYN flood / s');
    p.type(flood, '5000');
    p.key(flood, 'Enter');
    expect(p.acts()).toEqual([{ kind: 'traffic', normal_per_s: 20, flood_per_s: 5000 }]);
    p.refuse([{ path: 'action.flood_per_s', message: 'expected a number from 0 to 1000000, got 5000000' }]);
    expect(p.all('[data-testid="knob-refused"]')[0].dataset.row).toBe('traffic');
    expect(flood.value).toBe('0');
  });

  it('puts tcp_syn_retries with the clients and says why after a change', () => {
    const p = mount(<KnobsPanel />);
    const retries = p.byLabel('net.ipv4.tcp_syn_retries');
    expect(retries.closest('[data-knob]')?.previousElementSibling?.getAttribute('data-knob')).toBe('traffic');
    p.type(retries, '2');
    p.key(retries, 'Enter');
    p.acted({ kind: 'sysctl', name: 'net.ipv4.tcp_syn_retries', value: '2' }, [{ kind: 'client_side', knob: 'net.ipv4.tcp_syn_retries' }], frameWith({ 'net.ipv4.tcp_syn_retries': 2 }));
    const [notes] = p.all('[data-testid="knob-notes"]');
    expect(notes.dataset.row).toBe('net.ipv4.tcp_syn_retries');
    expect(notes.textContent).toContain('read by the connecting side');
    expect(retries.value).toBe('2');
  });

  it('is disabled until a run is loaded', () => {
    const p = mount(<KnobsPanel />, { loaded: false });
    expect(p.byLabel(SOMAXCONN).disabled).toBe(true);
    expect(p.button('Call listen()').disabled).toBe(true);
    p.type(p.byLabel(SOMAXCONN), '1');
    expect(p.acts()).toEqual([]);
  });

  it('speaks Chinese with the kernel’s names unchanged', () => {
    const p = mount(<KnobsPanel />, { lang: 'zh-CN' });
    expect(p.byLabel(SOMAXCONN).value).toBe('4096');
    expect(p.host.textContent).toContain('内核（sysctl -w）');
    expect(p.host.textContent).toContain('仅在半连接队列已满时');
    expect(p.button('调用 listen()')).toBeTruthy();
  });
});
