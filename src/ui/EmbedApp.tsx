// Embed mode (?embed=1&panels=…, src/embed/params.ts): the chosen panels only, in the order given, in a grid that
// fits any iframe from 480 px wide (one column, then as many columns of at least 440 px as fit; each panel scrolls
// inside its cell), under a slim strip: the scenario's title, playback and the clock, and a link that opens the
// same moment in the full app. No header, scenario bar or lessons. The course page drives it through postMessage
// (src/embed/api.ts).
import { useEffect, type ReactNode } from 'react';
import { startEmbedApi } from '../embed/api.ts';
import type { EmbedConfig, PanelName } from '../embed/params.ts';
import { useApp, useAppStore, useBridge, useT } from './context.ts';
import { Controls } from './Controls.tsx';
import { LiveNarration } from './LiveNarration.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { ProblemBanner } from './ProblemBanner.tsx';
import { useUrlSync } from './useUrlSync.ts';
import { fullAppUrl } from './share/current_link.ts';
import { KnobsPanel } from './knobs/KnobsPanel.tsx';
import { QueuesPanel } from './queues/QueuesPanel.tsx';
import { CountersPanel } from './counters/CountersPanel.tsx';
import { PacketsPanel } from './packets/PacketsPanel.tsx';
import { ClientsPanel } from './clients/ClientsPanel.tsx';
import { LogPanel } from './log/LogPanel.tsx';
import { TerminalPanel } from './terminal/TerminalPanel.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import '../embed/embed.css';

const VIEWS: Record<Exclude<PanelName, 'timeline'>, () => ReactNode> = {
  knobs: () => <KnobsPanel />,
  queues: () => <QueuesPanel />,
  counters: () => <CountersPanel />,
  packets: () => <PacketsPanel />,
  clients: () => <ClientsPanel />,
  log: () => <LogPanel />,
  terminal: () => <TerminalPanel />,
};

function useEmbedApi(config: EmbedConfig): void {
  const store = useAppStore();
  const bridge = useBridge();
  useEffect(() => {
    const framed = window.parent !== window;
    const api = startEmbedApi({
      store,
      bridge,
      config,
      win: {
        addEventListener: (type, fn) => window.addEventListener(type, fn),
        removeEventListener: (type, fn) => window.removeEventListener(type, fn),
        parent: framed ? window.parent : null,
        referrer: document.referrer,
      },
    });
    return () => api.stop();
  }, [store, bridge, config]);
}

function OpenFull() {
  const t = useT();
  return (
    <a
      className="embed-open"
      href={fullAppUrl(window.location.href).href}
      target="_blank"
      rel="noopener"
      title={t('embed.open_full_title')}
      // the address bar follows the run (a second behind at most): the link is made from it at the click
      onClick={(e) => (e.currentTarget.href = fullAppUrl(window.location.href).href)}
      data-testid="embed-open-full"
    >
      {t('embed.open_full')} ↗
    </a>
  );
}

function Title() {
  const title = useApp((s) => (s.run.phase !== 'live' ? null : s.lang === 'zh-CN' ? (s.run.meta.title_zh ?? s.run.meta.title) : s.run.meta.title) ?? null);
  const name = useApp((s) => (s.run.phase === 'live' ? s.run.meta.name : null));
  return (
    <p className="embed-title" data-testid="scenario-title" data-name={name ?? undefined}>
      {title ?? name}
    </p>
  );
}

export function EmbedApp(props: { config: EmbedConfig }) {
  const t = useT();
  useUrlSync();
  useEmbedApi(props.config);
  const { panels, controls } = props.config;
  const cells = panels.filter((p): p is Exclude<PanelName, 'timeline'> => p !== 'timeline');
  return (
    <div className="app embed" data-testid="embed" data-panels={panels.join(',')}>
      {controls && (
        <div className="embed-strip">
          <div className="embed-top">
            <Title />
            <OpenFull />
          </div>
          <Controls />
        </div>
      )}
      <ProblemBanner />
      <main className="grid embed-grid" aria-label={t('embed.label')}>
        {cells.map((p) => (
          <PanelBoundary key={p} area={p}>
            {VIEWS[p]()}
          </PanelBoundary>
        ))}
      </main>
      {/* the timeline is a strip under the panels, as in the full app, not a cell of their grid */}
      {panels.includes('timeline') && (
        <PanelBoundary area="timeline">
          <Timeline />
        </PanelBoundary>
      )}
      <LiveNarration />
    </div>
  );
}
