// From the store to the timeline picture: the ticks with their weights and emphasis, the lanes' names and the time
// labels under them. Presentation only; memoised on the store's arrays so the picture redraws ticks only when the
// marks (or the selected counter) change.
import { TIMELINE_BUCKETS, type TimelineMark } from '../../worker/protocol.ts';
import type { Lang } from '../../store/prefs.ts';
import type { TimelineInput, TimelineLane, TimelineTick } from '../../viz/timeline.ts';
import { numberFormat, type Translate } from '../i18n/index.ts';
import { FAMILIES, bucketStartMs, headOf, laneTicker, laneTicks, type LaneTick } from './ticks.ts';

export interface Ticks {
  readonly lane: readonly LaneTick[];
  readonly view: readonly TimelineTick[];
  readonly byKey: ReadonlyMap<string, LaneTick>;
}

/** The picture's ticks: each lane's busiest tick is fully opaque, the others by the log of their moves. A tick
 *  whose look did not change is given as the same object as before (`was`), so the picture skips it. */
function viewTicks(lane: readonly LaneTick[], selected: string | null, was: WeakMap<LaneTick, TimelineTick>): TimelineTick[] {
  const busiest = new Map<number, number>();
  for (const t of lane) busiest.set(t.lane, Math.max(busiest.get(t.lane) ?? 0, t.moves));
  return lane.map((t): TimelineTick => {
    const most = busiest.get(t.lane) ?? 1;
    const weight = most > 1 ? Math.log(t.moves) / Math.log(most) : 1;
    const emphasis = selected === null ? null : t.parts.some((p) => p.field === selected) ? 'sel' : 'dim';
    const before = was.get(t);
    if (before && before.weight === weight && before.emphasis === emphasis) return before;
    const head = headOf(t);
    const view: TimelineTick = {
      key: t.key,
      lane: t.lane,
      cls: t.family,
      x0: t.bucket / TIMELINE_BUCKETS,
      x1: (t.bucket + 1) / TIMELINE_BUCKETS,
      weight,
      field: head.field,
      event: head.first_event,
      fields: t.parts.map((p) => p.field).join(' '),
      emphasis,
    };
    was.set(t, view);
    return view;
  });
}

const withKeys = (lane: readonly LaneTick[], view: readonly TimelineTick[]): Ticks => ({ lane, view, byKey: new Map(lane.map((t) => [t.key, t])) });

export function ticksOf(marks: readonly TimelineMark[], selected: string | null): Ticks {
  const lane = laneTicks(marks);
  return withKeys(lane, viewTicks(lane, selected, new WeakMap()));
}

/** ticksOf, memoised on its inputs' identities and reusing the ticks of buckets whose marks did not change. */
export function ticksMemo(): (marks: readonly TimelineMark[], selected: string | null) => Ticks {
  const lanes = laneTicker();
  const was = new WeakMap<LaneTick, TimelineTick>();
  let last: { marks: readonly TimelineMark[]; selected: string | null; out: Ticks } | null = null;
  return (marks, selected) => {
    if (last?.marks !== marks || last.selected !== selected) {
      const lane = lanes(marks);
      last = { marks, selected, out: withKeys(lane, viewTicks(lane, selected, was)) };
    }
    return last.out;
  };
}

export function lanesOf(t: Translate): TimelineLane[] {
  return FAMILIES.map((f) => ({ cls: f, label: t(`timeline.family.${f}`) }));
}

/** A step of 1, 2 or 5 × 10^k ms that puts at most `most` steps in the run. */
export function axisStep(end_ms: number, most: number): number {
  for (let k = 0; ; k++) {
    for (const m of [1, 2, 5]) {
      const step = m * 10 ** k;
      if (end_ms / step <= most) return step;
    }
  }
}

/** Time labels: every step from 0, and the end (unless a label sits too close to it). */
export function axisOf(end_ms: number, t: Translate, lang: Lang, most = 10): TimelineInput['axis'] {
  if (end_ms <= 0) return [];
  const step = axisStep(end_ms, most);
  const digits = step >= 1000 ? 0 : step >= 100 ? 1 : step >= 10 ? 2 : 3;
  const fmt = numberFormat(lang, digits);
  // the end with as many decimals as it needs (12 s, 2.5 s, 10.3 s), at least as many as the steps
  let endDigits = digits;
  while (endDigits < 3 && Math.round(end_ms / 10 ** (3 - endDigits)) * 10 ** (3 - endDigits) !== Math.round(end_ms)) endDigits++;
  const endFmt = numberFormat(lang, endDigits);
  const marks: { at: number; label: string }[] = [];
  for (let ms = 0; ms < end_ms - step * 0.4; ms += step) marks.push({ at: ms / end_ms, label: t('timeline.seconds', { t: fmt.format(ms / 1000) }) });
  marks.push({ at: 1, label: t('timeline.seconds', { t: endFmt.format(end_ms / 1000) }) });
  return marks;
}

/** The tooltip of a tick: one line per counter ("ListenOverflows ×12 from 1.20 s"), then what a click does. */
export function tickTip(tick: LaneTick, end_ms: number, t: Translate, lang: Lang): { lines: string[]; hint: string } {
  const bucket_ms = end_ms / TIMELINE_BUCKETS;
  const from = numberFormat(lang, bucket_ms >= 10 ? 2 : 3).format(bucketStartMs(tick.bucket, end_ms) / 1000);
  const n = numberFormat(lang);
  return {
    lines: tick.parts.map((p) => t('timeline.tick', { counter: p.field, n: n.format(p.moves), t: from })),
    hint: t('timeline.tick_open', { counter: headOf(tick).field }),
  };
}
