// The first page: pick a preset, run it in the worker, read what the model reports.
import { Controls } from './Controls.tsx';
import { CountersPanel } from './CountersPanel.tsx';
import { Header } from './Header.tsx';
import { OutcomesPanel } from './OutcomesPanel.tsx';
import { PresetList } from './PresetList.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { ProblemBanner } from './ProblemBanner.tsx';
import { QueuesPanel } from './QueuesPanel.tsx';
import { ScenarioIntro } from './ScenarioIntro.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import { useUrlSync } from './useUrlSync.ts';

export function App() {
  useUrlSync();
  return (
    <div className="app">
      <Header />
      <div className="body">
        <aside className="side">
          <PresetList />
        </aside>
        <main className="main">
          <ScenarioIntro />
          <Controls />
          <ProblemBanner />
          <PanelBoundary>
            <div className="row">
              <QueuesPanel />
              <SummaryPanel />
            </div>
            <div className="row">
              <CountersPanel />
              <OutcomesPanel />
            </div>
          </PanelBoundary>
        </main>
      </div>
    </div>
  );
}
