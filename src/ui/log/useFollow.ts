// Keeps a growing list readable: while the viewer is at the bottom it follows the newest item; once they scroll
// up it stays where they are — even when the oldest items drop off the top (the page keeps a ring of lines),
// the item they were reading keeps its place on screen.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** how close to the bottom (px) still counts as "at the bottom": rounding and a half-rendered line */
const STICK_PX = 12;

export interface Follow {
  /** for the scrolling element */
  readonly scroller: RefObject<HTMLDivElement | null>;
  /** the viewer scrolled up: offer a way back to the newest item */
  readonly away: boolean;
  readonly onScroll: () => void;
  readonly toLatest: () => void;
  /** the viewer opened this item to read it: stop following and keep it where it is */
  readonly hold: (item: HTMLElement) => void;
}

/**
 * The scroller's first child must stay the same element (it is watched for size: lines opening, "Explain all").
 * `items`: the selector of the list's items, each with a `data-key` (plain word characters and dashes);
 * `content`: changes whenever the list does;
 * `restart`: changes when the list should start at the newest item again (a new filter).
 */
export function useFollow(items: string, content: unknown, restart: unknown): Follow {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  /** the first item in view while scrolled up, and how far below the top of the view it was */
  const anchor = useRef<{ key: string; offset: number } | null>(null);
  const [away, setAway] = useState(false);
  /** where this hook last put the list (scrollTop), to tell its own scrolls from the viewer's */
  const placed = useRef(0);
  const place = (el: HTMLElement, top: number) => {
    el.scrollTop = top;
    placed.current = el.scrollTop;
  };

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    // A scroll event comes a frame after the scroll, and lines may have arrived since: the event of a scroll this
    // hook made says nothing new (measuring then would take the not-yet-placed list for the viewer's), and while
    // following only a move up is the viewer's.
    if (Math.abs(el.scrollTop - placed.current) < 1) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_PX;
    if (stick.current && !atBottom && el.scrollTop > placed.current) return;
    stick.current = atBottom;
    setAway(!atBottom);
    anchor.current = null;
    if (atBottom) return;
    for (const item of el.querySelectorAll<HTMLElement>(items)) {
      if (item.offsetTop + item.offsetHeight > el.scrollTop) {
        anchor.current = { key: item.dataset.key ?? '', offset: item.offsetTop - el.scrollTop };
        break;
      }
    }
  };

  // stable, so items that take it as a prop stay memoized
  const toLatest = useCallback(() => {
    stick.current = true;
    setAway(false);
    const el = scroller.current;
    if (el) {
      el.scrollTop = el.scrollHeight;
      placed.current = el.scrollTop;
    }
  }, []);

  useLayoutEffect(() => {
    stick.current = true;
  }, [restart]);

  // Placing the list reads layout. Done once per animation frame, not per update: frames from the worker can come
  // faster than the screen, and a read after every commit would lay the whole page out again and again.
  const pending = useRef(0);
  useEffect(() => {
    const el = scroller.current;
    if (!el || pending.current) return;
    pending.current = requestAnimationFrame(() => {
      pending.current = 0;
      if (stick.current) {
        place(el, el.scrollHeight);
        return;
      }
      const a = anchor.current;
      const item = a ? el.querySelector<HTMLElement>(`${items}[data-key="${a.key}"]`) : null;
      if (a && item) place(el, item.offsetTop - a.offset);
    });
  }, [items, content]);
  useEffect(() => () => cancelAnimationFrame(pending.current), []);

  const hold = useCallback((item: HTMLElement) => {
    const el = scroller.current;
    if (!el) return;
    stick.current = false;
    setAway(true);
    anchor.current = { key: item.dataset.key ?? '', offset: item.offsetTop - el.scrollTop };
    placed.current = el.scrollTop;
  }, []);

  // The cell changes size with the page (other panels, the window) and the list without new items (lines opening,
  // "Explain all"): stay at the bottom if following.
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (stick.current) place(el, el.scrollHeight);
    });
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);

  return { scroller, away, onScroll, toLatest, hold };
}
