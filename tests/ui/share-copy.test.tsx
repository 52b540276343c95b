// @vitest-environment happy-dom
// "Copy link" on the real store, bridge and model: disabled until a run is open; a click asks the worker for the
// moment and puts the link of that moment on the clipboard, with a confirmation; where the clipboard is refused
// the link is shown in a selected field (Escape closes it and gives the focus back); in zh-CN the button says so.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppContext } from '../../src/ui/context.ts';
import { CopyLinkButton } from '../../src/ui/share/CopyLinkButton.tsx';
import { readLink } from '../../src/ui/share/link_state.ts';
import { makeLab, type Lab } from '../embed/harness.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let mounted: { root: Root; host: HTMLElement } | null = null;
afterEach(() => {
  if (mounted) act(() => mounted!.root.unmount());
  mounted?.host.remove();
  mounted = null;
  vi.restoreAllMocks();
});

function setClipboard(writeText: ((s: string) => Promise<void>) | null): void {
  Object.defineProperty(navigator, 'clipboard', { value: writeText ? { writeText } : undefined, configurable: true });
}

async function page(lang: 'en' | 'zh-CN' = 'en'): Promise<{ lab: Lab; host: HTMLElement; button: () => HTMLButtonElement }> {
  const lab = makeLab(lang);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted = { root, host };
  window.history.replaceState(null, '', '/?lang=en&preset=slow-accept');
  act(() =>
    root.render(
      <AppContext value={{ store: lab.store, bridge: lab.bridge }}>
        <CopyLinkButton />
      </AppContext>,
    ),
  );
  return { lab, host, button: () => host.querySelector<HTMLButtonElement>('[data-testid="copy-link"]')! };
}

/** clicks and lets the worker answer the moment and the clipboard resolve */
async function click(lab: Lab, el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
    await lab.settled();
    await lab.settled();
  });
}

describe('Copy link', () => {
  it('copies the link of the moment, and says so', async () => {
    const writeText = vi.fn(async (_s: string) => {});
    setClipboard(writeText);
    const { lab, host, button } = await page();
    expect(button().textContent).toBe('Copy link');
    expect(button().disabled).toBe(true);
    await act(async () => {
      await lab.bridge.start('slow-accept');
      await lab.settled();
    });
    expect(button().disabled).toBe(false);
    await act(async () => {
      for (let i = 0; i < 7; i++) lab.bridge.step();
      await lab.settled();
    });
    await click(lab, button());
    expect(writeText).toHaveBeenCalledTimes(1);
    const link = new URL(writeText.mock.calls[0][0]);
    expect(readLink(link).state).toMatchObject({ lang: 'en', preset: 'slow-accept', events: 7, changes: null });
    const status = host.querySelector('[data-testid="copy-link-status"]')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('✓ Link copied');
    expect(status.getAttribute('data-link')).toBe(link.href);
    expect(host.querySelector('[data-testid="share-link"]')).toBeNull();
  });

  it('shows the link to copy by hand when the clipboard is refused, in zh-CN', async () => {
    setClipboard(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    const { lab, host, button } = await page('zh-CN');
    await act(async () => {
      await lab.bridge.start('relisten');
      await lab.settled();
    });
    expect(button().textContent).toBe('复制链接');
    await click(lab, button());
    const field = host.querySelector<HTMLInputElement>('[data-testid="share-link"]')!;
    expect(field).not.toBeNull();
    expect(readLink(new URL(field.value)).state).toMatchObject({ lang: 'zh-CN', preset: 'relisten' });
    expect(document.activeElement).toBe(field);
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(host.querySelector('[data-testid="copy-link-status"]')!.textContent).toBe('');
    act(() => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(host.querySelector('[data-testid="share-link"]')).toBeNull();
    expect(document.activeElement).toBe(button());
  });

  it('works without any clipboard API', async () => {
    setClipboard(null);
    const { lab, host, button } = await page();
    await act(async () => {
      await lab.bridge.start('slow-accept');
      await lab.settled();
    });
    await click(lab, button());
    expect(host.querySelector<HTMLInputElement>('[data-testid="share-link"]')!.value).toMatch(/\?lang=en&preset=slow-accept$/);
  });
});
