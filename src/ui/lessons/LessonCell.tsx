// A grid cell of the page, marked by the open lesson: highlighted (the panel that matters now) or covered (it would
// give a prediction away; `inert` also keeps it out of the keyboard and screen-reader order until the reveal).
import type { ReactNode } from 'react';
import { useApp, useT } from '../context.ts';
import { markOf } from './useLessons.ts';
import type { Panel } from '../../lessons/types.ts';
import { PANELS } from '../../lessons/types.ts';
import './lessons.css';

const isPanel = (area: string): area is Panel => (PANELS as readonly string[]).includes(area);

export function LessonCell(props: { area: string; children: ReactNode }) {
  const t = useT();
  const { area } = props;
  const mark = useApp((s) => (isPanel(area) ? markOf(s, area) : null));
  return (
    <div
      className={`cell cell-${area}`}
      style={{ gridArea: area }}
      data-lesson-mark={mark ?? undefined}
      data-lesson-label={mark === 'conceal' ? t('lessons.covered') : mark === 'highlight' ? t('lessons.look_here') : undefined}
      inert={mark === 'conceal'}
    >
      {props.children}
    </div>
  );
}
