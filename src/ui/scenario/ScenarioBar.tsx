// The scenario bar: which scenario runs (presets, imported files, links) and its two-line explanation.
// (The import/export controls are being built.)
import { ScenarioIntro } from './ScenarioIntro.tsx';
import { PresetList } from './PresetList.tsx';

export function ScenarioBar() {
  return (
    <div className="scenario-bar">
      <PresetList />
      <ScenarioIntro />
    </div>
  );
}
