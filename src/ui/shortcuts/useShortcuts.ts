// The page's keyboard shortcuts (listed in the help overlay): one keydown listener on the window, after every
// widget had its turn (a widget that uses a key stops it, see the timeline). A command does what the matching
// button would, and nothing when that button would be disabled. While the help is open only ? (and Esc, the
// dialog's own) act.
import { useEffect } from 'react';
import type { AppStore } from '../../store/store.ts';
import type { Bridge } from '../../store/bridge.ts';
import { useAppStore, useBridge } from '../context.ts';
import { setProjector } from '../projector/useProjector.ts';
import { commandOf, type Command } from './keys.ts';

export function setHelp(store: AppStore, open: boolean): void {
  store.setState({ help: open });
}

/** Runs a command; false when it does not apply now (the key is then left to the browser). */
export function runCommand(cmd: Command, store: AppStore, bridge: Bridge): boolean {
  const s = store.getState();
  if (cmd === 'help') return setHelp(store, !s.help), true;
  if (s.help) return false;
  if (cmd === 'projector') return setProjector(store, !s.projector), true;
  const f = s.run.phase === 'live' ? s.run.frame : null;
  if (!f) return false;
  switch (cmd) {
    case 'play_pause':
      if (f.playing) bridge.pause();
      else if (!f.done) bridge.play();
      return true;
    case 'step_back':
      if (f.events > 0) bridge.stepBack();
      return true;
    case 'step':
      if (!f.done) bridge.step();
      return true;
    case 'start':
      bridge.seek({ events: 0 });
      return true;
    case 'end':
      if (!f.done) bridge.runToEnd();
      return true;
  }
}

export function useShortcuts(): void {
  const store = useAppStore();
  const bridge = useBridge();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const cmd = commandOf(e);
      if (cmd && runCommand(cmd, store, bridge)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, bridge]);
}
