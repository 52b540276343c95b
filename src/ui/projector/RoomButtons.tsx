// The header's buttons for a room: projector mode on/off, and the keyboard shortcuts' help.
import { useApp, useAppStore, useT } from '../context.ts';
import { setHelp } from '../shortcuts/useShortcuts.ts';
import { setProjector } from './useProjector.ts';

export function RoomButtons() {
  const t = useT();
  const store = useAppStore();
  const projector = useApp((s) => s.projector);
  return (
    <div className="room">
      <button type="button" aria-pressed={projector} title={t('projector.title')} aria-keyshortcuts="P" onClick={() => setProjector(store, !projector)}>
        {t('projector.toggle')}
      </button>
      <button type="button" className="help" aria-label={t('shortcuts.open')} title={t('shortcuts.open_title')} aria-keyshortcuts="?" aria-haspopup="dialog" onClick={() => setHelp(store, true)}>
        ?
      </button>
    </div>
  );
}
