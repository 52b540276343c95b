// The packets panel's Export menu: the run's packets as a pcap file (made by the worker, which replays the run),
// and the ladder as drawn, as SVG or PNG. A disclosure: the button opens a short list of buttons; Escape, a
// choice, or focus leaving closes it. Files are made in the page and handed over as downloads: nothing is sent.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { AppState } from '../../store/store.ts';
import { ladderSvg } from '../../viz/svg_export_ladder.ts';
import { svgToPng } from '../../viz/svg_export.ts';
import { useApp, useAppStore, useBridge, useT } from '../context.ts';
import type { Translate } from '../i18n/index.ts';
import { saveFile } from '../save_file.ts';
import './export.css';

type Choice = 'pcap' | 'svg' | 'png';
const CHOICES: readonly Choice[] = ['pcap', 'svg', 'png'];

/** files are named after the scenario and the moment, as the pcap the bridge saves: slow-accept-1234ms-ladder.svg */
function fileBase(s: AppState): string {
  return s.run.phase === 'live' ? `${s.run.meta.name}-${Math.round(s.run.frame.t_ms)}ms` : 'backlog-lab';
}

function titleOf(s: AppState, t: Translate): string {
  if (s.run.phase !== 'live') return t('app.title');
  return t('export.title', { scenario: s.run.meta.name, time: (s.run.frame.t_ms / 1000).toFixed(3) });
}

export function ExportMenu(props: { ladder: RefObject<HTMLElement | null> }) {
  const t = useT();
  const bridge = useBridge();
  const store = useAppStore();
  const live = useApp((s) => s.run.phase === 'live');
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // the list opens toward the side of the panel with room for it (the button sits left or right of the chips)
  const [align, setAlign] = useState<'left' | 'right'>('right');
  useLayoutEffect(() => {
    if (!open || !box.current) return;
    const panel = box.current.closest('.panel') ?? document.body;
    const list = box.current.querySelector('.export-list');
    const room = panel.getBoundingClientRect().right - box.current.getBoundingClientRect().left;
    setAlign(room >= (list?.getBoundingClientRect().width ?? 0) ? 'left' : 'right');
  }, [open]);

  // a click elsewhere closes the list
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  async function save(choice: Choice): Promise<void> {
    setOpen(false);
    setProblem(null);
    button.current?.focus();
    const s = store.getState();
    if (choice === 'pcap') return bridge.exportPcap();
    const host = props.ladder.current;
    const file = host ? ladderSvg(host, titleOf(s, t)) : null;
    if (!file) return;
    if (choice === 'svg') return saveFile(`${fileBase(s)}-ladder.svg`, file.text, 'image/svg+xml');
    try {
      saveFile(`${fileBase(s)}-ladder.png`, await svgToPng(file, 2), 'image/png');
    } catch (e) {
      setProblem(t('export.failed', { why: e instanceof Error ? e.message : String(e) }));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (!open) return;
    if (e.key === 'Escape') {
      // the list closes; nothing else on the page (a dialog, the lesson drawer) hears this Escape
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(box.current?.querySelectorAll<HTMLButtonElement>('.export-list button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowDown' ? (at + 1) % items.length : (at <= 0 ? items.length : at) - 1;
    items[next]?.focus();
  }

  return (
    <div
      className="export-menu"
      ref={box}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (open && !box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="export-toggle"
        aria-label={t('export.button_label')}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        disabled={!live}
        data-testid="export-menu"
        onClick={() => setOpen(!open)}
      >
        {t('export.button')}
        <span aria-hidden="true"> ▾</span>
      </button>
      <ul id={`${id}-list`} className={`export-list align-${align}`} hidden={!open}>
        {CHOICES.map((c) => (
          <li key={c}>
            <button type="button" aria-labelledby={`${id}-${c}-name`} aria-describedby={`${id}-${c}`} data-testid={`export-${c}`} onClick={() => void save(c)}>
              <span className="export-name" id={`${id}-${c}-name`}>
                {t(`export.${c}`)}
              </span>
              <span className="export-hint" id={`${id}-${c}`}>
                {t(`export.${c}_hint`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="export-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
