// Import (a file chooser; dropping a file anywhere on the page does the same) and Export (the running scenario's
// text, as the file it came from, named after the scenario).
import { useRef } from 'react';
import { useApp, useBridge, useT } from '../context.ts';
import { saveFile } from '../save_file.ts';
import { importFile } from './importFile.ts';

export function ImportButton() {
  const t = useT();
  const bridge = useBridge();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" title={t('scenario.import_hint')} onClick={() => input.current?.click()}>
        {t('scenario.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // the same file chosen again must fire change again
          e.target.value = '';
          if (file) void importFile(file, bridge);
        }}
      />
    </>
  );
}

export function ExportButton() {
  const t = useT();
  const text = useApp((s) => s.scenarioText);
  const name = useApp((s) => (s.run.phase === 'live' ? s.run.meta.name : null));
  const file = `${name ?? 'scenario'}.json`;
  return (
    <button
      type="button"
      data-testid="export"
      title={t('scenario.export_hint', { file })}
      disabled={text === null || name === null}
      onClick={() => text !== null && saveFile(file, text, 'application/json')}
    >
      {t('scenario.export')}
    </button>
  );
}
