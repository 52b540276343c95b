// Embed mode's query parameters, for course pages that put the lab in an iframe:
//
//   ?embed=1                      only the panels, no header or scenario bar
//   &panels=queues,counters       which panels, in this order (any of PANEL_NAMES; default: queues,counters)
//   &controls=0                   no playback strip (the page drives the lab through postMessage only)
//   &origin=https://a.example     accept messages only from these origins (comma-separated), and send events only
//                                 to them; without it, messages from the parent window of any origin are accepted
//
// Unknown panel names are left out (a typo does not blank the embed); no known name at all means the default.
export const PANEL_NAMES = ['queues', 'counters', 'terminal', 'packets', 'log', 'knobs', 'clients', 'timeline'] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

export const DEFAULT_PANELS: readonly PanelName[] = ['queues', 'counters'];

export interface EmbedConfig {
  readonly panels: readonly PanelName[];
  /** the playback strip (Play, Pause, Step…, the clock) */
  readonly controls: boolean;
  /** origins allowed to drive the embed (null: the parent window, whatever its origin) */
  readonly origins: readonly string[] | null;
}

const isPanel = (x: string): x is PanelName => (PANEL_NAMES as readonly string[]).includes(x);

/** An origin as the browser writes MessageEvent.origin: scheme://host[:port], nothing after. */
function origin(x: string): string | null {
  try {
    const u = new URL(x);
    return u.origin !== 'null' && (u.protocol === 'https:' || u.protocol === 'http:') ? u.origin : null;
  } catch {
    return null;
  }
}

/** The embed settings of a page's query string, or null when the page is not embedded. */
export function readEmbed(search: string): EmbedConfig | null {
  const q = new URLSearchParams(search);
  const on = q.get('embed');
  if (on === null || on === '0' || on === 'false') return null;
  const asked = (q.get('panels') ?? '').split(',').map((p) => p.trim().toLowerCase());
  const panels = [...new Set(asked.filter(isPanel))];
  const origins = q.get('origin');
  const allowed = origins === null ? null : origins.split(',').map((o) => origin(o.trim())).filter((o): o is string => o !== null);
  return {
    panels: panels.length > 0 ? panels : DEFAULT_PANELS,
    controls: q.get('controls') !== '0',
    origins: allowed,
  };
}
