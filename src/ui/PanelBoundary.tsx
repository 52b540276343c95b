// Keeps a failing panel from blanking the whole page: the rest stays usable and the failure is named.
import { Component, type ReactNode } from 'react';
import { useT } from './context.ts';
import { LessonCell } from './lessons/LessonCell.tsx';

function Failed(props: { message: string }) {
  const t = useT();
  return (
    <section className="problem" role="alert" data-testid="panel-failed">
      <strong>{t('problem.heading')}</strong> {t('problem.ui_failed')} <code>{props.message}</code>
    </section>
  );
}

/** `area`: the grid area the panel occupies (the boundary's box is the grid cell, so a failure keeps its place; an
 *  open lesson may mark the cell) */
export class PanelBoundary extends Component<{ area: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    return (
      <LessonCell area={this.props.area}>
        {this.state.error ? <Failed message={this.state.error.message} /> : this.props.children}
      </LessonCell>
    );
  }
}
