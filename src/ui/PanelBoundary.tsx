// Keeps a failing panel from blanking the whole page: the rest stays usable and the failure is named.
import { Component, type ReactNode } from 'react';
import { useT } from './context.ts';

function Failed(props: { message: string }) {
  const t = useT();
  return (
    <section className="problem" role="alert" data-testid="panel-failed">
      <strong>{t('problem.heading')}</strong> {t('problem.ui_failed')} <code>{props.message}</code>
    </section>
  );
}

export class PanelBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    return this.state.error ? <Failed message={this.state.error.message} /> : this.props.children;
  }
}
