// Playback: the commands go to the worker through the bridge; what the buttons allow follows the worker's last
// frame (playing, done), never a guess made here.
import { useLayoutEffect, useRef } from 'react';
import { SPEEDS, type Lang, type Speed } from '../store/prefs.ts';
import type { AppState } from '../store/store.ts';
import { useApp, useBridge, useT } from './context.ts';
import type { MsgKey, Translate } from './i18n/index.ts';
import { SimClock } from './SimClock.tsx';

type Status = 'none' | 'ready' | 'playing' | 'paused' | 'done';

function statusOf(s: AppState): Status {
  if (s.run.phase !== 'live') return 'none';
  const f = s.run.frame;
  if (f.done) return 'done';
  if (f.playing) return 'playing';
  return f.t_ms > 0 ? 'paused' : 'ready';
}

const STATUS_KEY: Record<Exclude<Status, 'none'>, MsgKey> = {
  ready: 'status.ready',
  playing: 'status.playing',
  paused: 'status.paused',
  done: 'status.done',
};

/** "0.1×", "0.25×", "1× (real time)", "1000×": speed is simulated ms per wall-clock ms */
function speedLabel(t: Translate, lang: Lang, s: Speed): string {
  const x = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, useGrouping: false }).format(s);
  return s === 1 ? t('controls.speed_real', { x }) : t('controls.speed_value', { x });
}

export function Controls() {
  const t = useT();
  const bridge = useBridge();
  const status = useApp(statusOf);
  const speed = useApp((s) => s.speed);
  const lang = useApp((s) => s.lang);
  const canStepBack = useApp((s) => s.run.phase === 'live' && s.run.frame.events > 0);
  const idle = status === 'none';
  const over = idle || status === 'done';
  // A button that disables itself (Play, Pause, Step at the end, Run to end, Step back at the start) would drop the
  // keyboard's focus to the page, where a screen reader loses its place: it goes to the button that acts next
  const box = useRef<HTMLDivElement>(null);
  const play = useRef<HTMLButtonElement>(null);
  const pause = useRef<HTMLButtonElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const step = useRef<HTMLButtonElement>(null);
  const reset = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    // run right after the buttons changed, before the browser moves focus off the one just disabled
    const on = document.activeElement;
    if (!(on instanceof HTMLButtonElement) || !on.disabled || !box.current?.contains(on)) return;
    const next = status === 'playing' ? [pause] : [on === back.current ? step : play, play, reset];
    next.map((r) => r.current).find((b) => b && !b.disabled)?.focus();
  }, [status, canStepBack]);
  return (
    <section className="controls" aria-label={t('controls.label')}>
      <div className="buttons" ref={box}>
        <button ref={play} type="button" className="primary" title={t('controls.play_title')} aria-keyshortcuts="Space" disabled={over || status === 'playing'} onClick={bridge.play}>
          {t('controls.play')}
        </button>
        <button ref={pause} type="button" aria-keyshortcuts="Space" disabled={status !== 'playing'} onClick={bridge.pause}>
          {t('controls.pause')}
        </button>
        <button ref={back} type="button" title={t('controls.step_back_title')} aria-keyshortcuts="ArrowLeft" disabled={!canStepBack} onClick={bridge.stepBack}>
          {t('controls.step_back')}
        </button>
        <button ref={step} type="button" title={t('controls.step_title')} aria-keyshortcuts="ArrowRight" disabled={over} onClick={bridge.step}>
          {t('controls.step')}
        </button>
        <button type="button" title={t('controls.run_to_end_title')} aria-keyshortcuts="End" disabled={over} onClick={bridge.runToEnd}>
          {t('controls.run_to_end')}
        </button>
        <button ref={reset} type="button" title={t('controls.reset_title')} disabled={idle} onClick={bridge.reset}>
          {t('controls.reset')}
        </button>
      </div>
      <div className="speed" title={t('controls.speed_title')}>
        <label htmlFor="speed">{t('controls.speed')}</label>
        <select id="speed" value={speed} onChange={(e) => bridge.setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(t, lang, s)}
            </option>
          ))}
        </select>
      </div>
      <span className="status" data-testid="run-status" data-status={status}>
        {status !== 'none' && t(STATUS_KEY[status])}
      </span>
      <SimClock />
    </section>
  );
}
