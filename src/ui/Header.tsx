// The page header: name, what it teaches, Copy link (this moment as a link), the room's buttons (projector mode,
// shortcuts' help) and the language switch.
import { LANGS } from '../store/prefs.ts';
import { useApp, useBridge, useT } from './context.ts';
import { RoomButtons } from './projector/RoomButtons.tsx';
import { LessonsButton } from './lessons/LessonsDrawer.tsx';
import { CopyLinkButton } from './share/CopyLinkButton.tsx';

export function Header() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const bridge = useBridge();
  return (
    <header className="header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p>{t('app.tagline')}</p>
      </div>
      <LessonsButton />
      <div className="header-end">
        <CopyLinkButton />
        <RoomButtons />
        <nav className="langs" aria-label={t('lang.label')}>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => bridge.setLang(l)}>
              {t(`lang.${l}`)}
            </button>
          ))}
        </nav>
      </div>
    </header>
  );
}
