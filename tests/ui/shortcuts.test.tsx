// @vitest-environment happy-dom
// Keyboard shortcuts: which key means what and where a key is left alone (typing, Space on a button, a widget's
// own arrows); the commands reach the worker as the buttons would; the help dialog opens with ?, closes with Esc
// or Close, keeps Tab inside and gives the focus back; P toggles projector mode (class on <html>, ?projector=1).
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { commandOf, type KeyPress } from '../../src/ui/shortcuts/keys.ts';
import { useShortcuts } from '../../src/ui/shortcuts/useShortcuts.ts';
import { HelpOverlay } from '../../src/ui/shortcuts/HelpOverlay.tsx';
import { useProjector, projectorZoom } from '../../src/ui/projector/useProjector.ts';
import { RoomButtons } from '../../src/ui/projector/RoomButtons.tsx';
import { makeFrame } from '../fixtures/frames.ts';
import { mount, unmountAll, type Page } from './knobs-harness.tsx';

afterEach(() => {
  unmountAll();
  document.documentElement.className = '';
  window.history.replaceState(null, '', '/');
});

function press(key: string, target: Element | null = null, over: Partial<KeyPress> = {}): ReturnType<typeof commandOf> {
  return commandOf({ key, target, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...over });
}

function el(html: string): Element {
  const box = document.createElement('div');
  box.innerHTML = html;
  document.body.append(box);
  return box.querySelector('[data-t]')!;
}

describe('which key means what', () => {
  it('maps the keys of the help', () => {
    expect([' ', 'ArrowLeft', 'ArrowRight', 'Home', 'End', '?', 'p', 'P', 'x', 'Enter'].map((k) => press(k, document.body))).toEqual([
      'play_pause', 'step_back', 'step', 'start', 'end', 'help', 'projector', 'projector', null, null,
    ]);
  });

  it('leaves keys to fields, buttons and widgets that use them, and to the browser with a modifier', () => {
    expect(press(' ', el('<input data-t type="text">'))).toBeNull();
    expect(press('ArrowLeft', el('<input data-t type="number">'))).toBeNull();
    expect(press('p', el('<textarea data-t></textarea>'))).toBeNull();
    expect(press('?', el('<select data-t></select>'))).toBeNull();
    expect(press('ArrowRight', el('<div contenteditable="true"><span data-t>x</span></div>'))).toBeNull();
    // Space presses a focused button or link; arrows move radio groups and sliders
    expect(press(' ', el('<button data-t>b</button>'))).toBeNull();
    expect(press(' ', el('<a data-t href="#">a</a>'))).toBeNull();
    expect(press('ArrowRight', el('<div role="radiogroup"><button data-t role="radio">1</button></div>'))).toBeNull();
    expect(press('ArrowLeft', el('<div data-t role="slider" tabindex="0"></div>'))).toBeNull();
    // but the other keys still work there
    expect(press('ArrowRight', el('<button data-t>b</button>'))).toBe('step');
    expect(press(' ', el('<div data-t role="slider" tabindex="0"></div>'))).toBe('play_pause');
    expect(press('p', document.body, { ctrlKey: true })).toBeNull();
    expect(press('ArrowLeft', document.body, { altKey: true })).toBeNull();
    expect(press('ArrowLeft', document.body, { metaKey: true })).toBeNull();
    // a held Space or ? does not toggle back and forth; held arrows step on
    expect(press(' ', document.body, { repeat: true })).toBeNull();
    expect(press('?', document.body, { repeat: true })).toBeNull();
    expect(press('ArrowRight', document.body, { repeat: true })).toBe('step');
  });
});

function Page() {
  useShortcuts();
  useProjector();
  return (
    <>
      <RoomButtons />
      <input aria-label="typing" />
      <button type="button">Elsewhere</button>
      <HelpOverlay />
    </>
  );
}

const keyOn = (p: Page, target: Element, key: string, over: KeyboardEventInit = {}) =>
  act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...over })));
const dialog = (p: Page) => p.host.querySelector('dialog')!;

describe('commands', () => {
  it('do what the buttons do, and nothing when the button would be disabled', () => {
    const p = mount(<Page />);
    const body = document.body;
    keyOn(p, body, 'ArrowLeft'); // event 0: nothing to undo
    keyOn(p, body, ' ');
    expect(p.sent.slice(-1)).toEqual([{ type: 'play', speed: 0.25 }]);
    p.frame(makeFrame({ t_ms: 40, events: 9, playing: true }));
    keyOn(p, body, ' ');
    keyOn(p, body, 'ArrowLeft');
    keyOn(p, body, 'ArrowRight');
    keyOn(p, body, 'Home');
    keyOn(p, body, 'End');
    expect(p.sent.slice(-5)).toEqual([{ type: 'pause' }, { type: 'step_back' }, { type: 'step' }, { type: 'seek', to: { events: 0 } }, { type: 'run_to_end' }]);
    const n = p.sent.length;
    p.frame(makeFrame({ t_ms: 10_000, events: 99, done: true }));
    keyOn(p, body, ' ');
    keyOn(p, body, 'ArrowRight');
    keyOn(p, body, 'End');
    expect(p.sent).toHaveLength(n);
    // typing in a field sends nothing
    keyOn(p, p.byLabel('typing'), 'ArrowLeft');
    keyOn(p, p.byLabel('typing'), ' ');
    expect(p.sent).toHaveLength(n);
  });

  it('a key the page uses is not also the browser’s (Space does not scroll)', () => {
    const p = mount(<Page />);
    const e = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    act(() => void document.body.dispatchEvent(e));
    expect(e.defaultPrevented).toBe(true);
    const other = new KeyboardEvent('keydown', { key: 'x', bubbles: true, cancelable: true });
    act(() => void document.body.dispatchEvent(other));
    expect(other.defaultPrevented).toBe(false);
    expect(p.sent.at(-1)?.type).toBe('play');
  });
});

describe('help dialog', () => {
  it('opens with ?, lists the shortcuts, closes with Esc and gives the focus back', () => {
    const p = mount(<Page />);
    const elsewhere = p.button('Elsewhere');
    p.focus(elsewhere);
    keyOn(p, elsewhere, '?');
    expect(dialog(p).open).toBe(true);
    expect(p.store.getState().help).toBe(true);
    expect(document.activeElement?.textContent).toBe('Close');
    const text = dialog(p).textContent ?? '';
    for (const s of ['Play / Pause', 'Step back one kernel event', 'Run to the end', 'Projector mode on / off', 'Previous / next counter tick']) expect(text).toContain(s);
    // while it is open, the page's shortcuts wait
    keyOn(p, document.activeElement!, 'ArrowRight');
    expect(p.sent.map((m) => m.type)).not.toContain('step');
    keyOn(p, document.activeElement!, 'Escape');
    expect(dialog(p).open).toBe(false);
    expect(document.activeElement).toBe(elsewhere);
  });

  it('keeps Tab inside, closes with its button or ? again, and opens from the header’s ? button (zh-CN)', () => {
    const p = mount(<Page />, { lang: 'zh-CN' });
    p.click(p.button('键盘快捷键'));
    expect(dialog(p).open).toBe(true);
    expect(dialog(p).querySelector('h2')?.textContent).toBe('键盘快捷键');
    const close = p.host.querySelector<HTMLButtonElement>('dialog button')!;
    expect(document.activeElement).toBe(close);
    // the Close button is the only control: Tab and Shift+Tab stay on it
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    act(() => void close.dispatchEvent(tab));
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(close);
    keyOn(p, close, '?');
    expect(dialog(p).open).toBe(false);
    keyOn(p, document.body, '?');
    expect(dialog(p).open).toBe(true);
    p.click(p.host.querySelector<HTMLButtonElement>('dialog button')!);
    expect(dialog(p).open).toBe(false);
  });
});

describe('projector mode', () => {
  it('P and the header button toggle it: a class on <html>, the zoom and ?projector=1', () => {
    const p = mount(<Page />);
    const root = document.documentElement;
    expect(root.classList.contains('projector')).toBe(false);
    keyOn(p, document.body, 'p');
    expect(p.store.getState().projector).toBe(true);
    expect(root.classList.contains('projector')).toBe(true);
    expect(root.style.getPropertyValue('--projector-zoom')).toBe(String(projectorZoom(window.innerWidth, window.innerHeight)));
    expect(new URL(window.location.href).searchParams.get('projector')).toBe('1');
    const toggle = p.button('Projector');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    p.click(toggle);
    expect(root.classList.contains('projector')).toBe(false);
    expect(new URL(window.location.href).searchParams.has('projector')).toBe(false);
  });

  it('?projector=1 opens the page in it', () => {
    window.history.replaceState(null, '', '/?lang=en&projector=1');
    const p = mount(<Page />);
    expect(p.store.getState().projector).toBe(true);
    expect(document.documentElement.classList.contains('projector')).toBe(true);
    expect(new URL(window.location.href).searchParams.get('lang')).toBe('en');
  });

  it('zooms the 1366×768 layout to fill the screen, never below 1', () => {
    expect(projectorZoom(1920, 1080)).toBe(1.4);
    expect(projectorZoom(1366, 768)).toBe(1);
    expect(projectorZoom(1280, 720)).toBe(1);
    expect(projectorZoom(3840, 2160)).toBe(2.5);
    expect(projectorZoom(2560, 1080)).toBe(1.4);
  });
});
