// The page: every panel on one screen (1366×768 and up), in a grid whose areas are named after the panels.
// Each panel lives in its own folder (component, messages, styles) and reads the store through narrow selectors.
import { Controls } from './Controls.tsx';
import { Header } from './Header.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { ProblemBanner } from './ProblemBanner.tsx';
import { useUrlSync } from './useUrlSync.ts';
import { ScenarioBar } from './scenario/ScenarioBar.tsx';
import { KnobsPanel } from './knobs/KnobsPanel.tsx';
import { QueuesPanel } from './queues/QueuesPanel.tsx';
import { CountersPanel } from './counters/CountersPanel.tsx';
import { PacketsPanel } from './packets/PacketsPanel.tsx';
import { ClientsPanel } from './clients/ClientsPanel.tsx';
import { LogPanel } from './log/LogPanel.tsx';
import { TerminalPanel } from './terminal/TerminalPanel.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import { LiveNarration } from './LiveNarration.tsx';
import { HelpOverlay } from './shortcuts/HelpOverlay.tsx';
import { useShortcuts } from './shortcuts/useShortcuts.ts';
import { useProjector } from './projector/useProjector.ts';
import { LessonsDrawer } from './lessons/LessonsDrawer.tsx';

export function App() {
  useUrlSync();
  useProjector();
  useShortcuts();
  return (
    <div className="app">
      <Header />
      <ScenarioBar />
      <Controls />
      <ProblemBanner />
      <main className="grid">
        <PanelBoundary area="knobs">
          <KnobsPanel />
        </PanelBoundary>
        <PanelBoundary area="queues">
          <QueuesPanel />
        </PanelBoundary>
        <PanelBoundary area="counters">
          <CountersPanel />
        </PanelBoundary>
        <PanelBoundary area="packets">
          <PacketsPanel />
        </PanelBoundary>
        <PanelBoundary area="clients">
          <ClientsPanel />
        </PanelBoundary>
        <PanelBoundary area="log">
          <LogPanel />
        </PanelBoundary>
        <PanelBoundary area="terminal">
          <TerminalPanel />
        </PanelBoundary>
        <LessonsDrawer />
      </main>
      <PanelBoundary area="timeline">
        <Timeline />
      </PanelBoundary>
      <LiveNarration />
      <HelpOverlay />
    </div>
  );
}
