// The scenario bar: one compact row (the picker, whose value is the running scenario's title; the facts that set it
// up; Import and Export), then the two-line explanation. Files dropped anywhere on the page open here too.
import { useT } from '../context.ts';
import { DropZone } from './DropZone.tsx';
import { PresetList } from './PresetList.tsx';
import { ScenarioFacts } from './ScenarioFacts.tsx';
import { ExportButton, ImportButton } from './ScenarioFileButtons.tsx';
import { ScenarioIntro } from './ScenarioIntro.tsx';
import './scenario.css';

export function ScenarioBar() {
  const t = useT();
  return (
    <section className="scenario-bar" aria-label={t('scenario.bar')} data-testid="scenario-bar">
      <div className="sb-row">
        <PresetList />
        <ScenarioFacts />
        <div className="sb-actions">
          <ImportButton />
          <ExportButton />
        </div>
      </div>
      <ScenarioIntro />
      <DropZone />
    </section>
  );
}
