// Dropping a file anywhere on the page opens it as a scenario. Only drags that carry files show the overlay (text or
// links dragged inside the page, e.g. to the terminal, pass through), and a dropped file never makes the browser
// navigate away from the lab.
import { useEffect, useState } from 'react';
import { useBridge, useT } from '../context.ts';
import { importFile } from './importFile.ts';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function DropZone() {
  const t = useT();
  const bridge = useBridge();
  const [over, setOver] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed: count them
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overPage = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(file, bridge);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overPage);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overPage);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [bridge]);
  if (!over) return null;
  return (
    <div className="sb-drop" data-testid="drop-overlay" aria-hidden="true">
      <div>
        <strong>{t('scenario.drop')}</strong>
        <span>{t('scenario.drop_hint')}</span>
      </div>
    </div>
  );
}
