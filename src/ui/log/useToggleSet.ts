// A set of keys the viewer switched on one by one (opened lines, opened folds), belonging to one scope (a run, a
// filter): in another scope it starts empty, so a line opened in one run does not come up open in the next.
import { useCallback, useState } from 'react';

const EMPTY: ReadonlySet<string | number> = new Set();

export function useToggleSet<K extends string | number>(scope: string | number): [ReadonlySet<K>, (key: K) => void] {
  const [state, setState] = useState<{ scope: string | number; set: ReadonlySet<K> }>({ scope, set: EMPTY as ReadonlySet<K> });
  const toggle = useCallback(
    (key: K) =>
      setState((old) => {
        const next = new Set(old.scope === scope ? old.set : EMPTY as ReadonlySet<K>);
        if (!next.delete(key)) next.add(key);
        return { scope, set: next };
      }),
    [scope],
  );
  return [state.scope === scope ? state.set : (EMPTY as ReadonlySet<K>), toggle];
}
