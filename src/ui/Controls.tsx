// Playback: the commands go to the worker through the bridge; what the buttons allow follows the worker's last
// frame (playing, done), never a guess made here.
import { SPEEDS, type Speed } from '../store/prefs.ts';
import type { AppState } from '../store/store.ts';
import { useApp, useBridge, useT } from './context.ts';
import type { MsgKey } from './i18n/index.ts';
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

export function Controls() {
  const t = useT();
  const bridge = useBridge();
  const status = useApp(statusOf);
  const speed = useApp((s) => s.speed);
  const idle = status === 'none';
  const over = idle || status === 'done';
  return (
    <section className="controls" aria-label={t('controls.label')}>
      <div className="buttons">
        <button type="button" className="primary" disabled={over || status === 'playing'} onClick={bridge.play}>
          {t('controls.play')}
        </button>
        <button type="button" disabled={status !== 'playing'} onClick={bridge.pause}>
          {t('controls.pause')}
        </button>
        <button type="button" disabled={over} onClick={bridge.step}>
          {t('controls.step')}
        </button>
        <button type="button" disabled={over} onClick={bridge.runToEnd}>
          {t('controls.run_to_end')}
        </button>
        <button type="button" disabled={idle} onClick={bridge.reset}>
          {t('controls.reset')}
        </button>
      </div>
      <label className="speed">
        {t('controls.speed')}
        <select value={speed} onChange={(e) => bridge.setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('controls.speed_value', { x: s })}
            </option>
          ))}
        </select>
      </label>
      <span className="status" data-testid="run-status" data-status={status}>
        {status !== 'none' && t(STATUS_KEY[status])}
      </span>
      <SimClock />
    </section>
  );
}
