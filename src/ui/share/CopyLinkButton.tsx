// "Copy link": the link of this very moment (made at the click: the worker reports the event count and the changes),
// put on the clipboard with a short confirmation. Where the browser refuses the clipboard (an http page, a denied
// permission, an old browser) the link is shown in a field, selected, for the viewer to copy.
import { useEffect, useRef, useState } from 'react';
import { useApp, useAppStore, useBridge, useT } from '../context.ts';
import { currentLink } from './current_link.ts';
import './share.css';

type Shown = { readonly kind: 'idle' } | { readonly kind: 'copied'; readonly url: string } | { readonly kind: 'manual'; readonly url: string };

/** how long "Link copied" stays */
const COPIED_MS = 2500;

async function toClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function ManualCopy(props: { url: string; onClose(): void }) {
  const t = useT();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [props.url]);
  return (
    <div className="share-manual" role="dialog" aria-label={t('share.manual_label')} onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <label>
        <span>{t('share.manual_label')}</span>
        <input ref={field} type="text" readOnly value={props.url} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p>{t('share.manual_hint')}</p>
      <button type="button" onClick={props.onClose}>
        {t('share.close')}
      </button>
    </div>
  );
}

export function CopyLinkButton() {
  const t = useT();
  const store = useAppStore();
  const bridge = useBridge();
  const ready = useApp((s) => s.run.phase === 'live');
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (shown.kind !== 'copied') return;
    const timer = setTimeout(() => setShown({ kind: 'idle' }), COPIED_MS);
    return () => clearTimeout(timer);
  }, [shown]);

  async function copy(): Promise<void> {
    setBusy(true);
    try {
      const url = await currentLink(store, bridge, () => new URL(window.location.href));
      if (url === null) return;
      setShown({ kind: (await toClipboard(url.href)) ? 'copied' : 'manual', url: url.href });
    } finally {
      setBusy(false);
    }
  }

  const close = () => {
    setShown({ kind: 'idle' });
    button.current?.focus();
  };
  return (
    <div className="share">
      <button
        ref={button}
        type="button"
        className="share-copy"
        title={ready ? t('share.copy_title') : t('share.unavailable')}
        disabled={!ready || busy}
        aria-expanded={shown.kind === 'manual'}
        onClick={() => void copy()}
        data-testid="copy-link"
      >
        {t('share.copy')}
      </button>
      <span className="share-status" role="status" data-testid="copy-link-status" data-link={shown.kind === 'copied' ? shown.url : undefined}>
        {shown.kind === 'copied' ? `✓ ${t('share.copied')}` : ''}
      </span>
      {shown.kind === 'manual' && <ManualCopy url={shown.url} onClose={close} />}
    </div>
  );
}
