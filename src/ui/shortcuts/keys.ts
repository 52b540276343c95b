// Which page command a key press means, if any. The page's shortcuts never take a key from something that uses it
// itself: typing in a field (input, textarea, select, contenteditable), Space on a button or a link (it presses
// it), arrows in a radio group, a tab list or a slider (the timeline moves itself). Modified keys (Ctrl, Alt, ⌘)
// belong to the browser.
export type Command = 'play_pause' | 'step_back' | 'step' | 'start' | 'end' | 'help' | 'projector';

export interface KeyPress {
  readonly key: string;
  readonly target: EventTarget | null;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly repeat: boolean;
}

const TEXT_INPUTS = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week', 'color', 'range']);
/** roles whose widget moves with the arrow keys itself */
const ARROW_ROLES = new Set(['slider', 'radio', 'radiogroup', 'tab', 'tablist', 'listbox', 'option', 'menu', 'menuitem', 'menubar', 'spinbutton', 'grid', 'tree', 'treeitem']);
/** what Space presses */
const PRESSABLE = new Set(['BUTTON', 'A', 'SUMMARY']);
const PRESS_ROLES = new Set(['button', 'link', 'checkbox', 'switch', 'menuitem', 'tab', 'option', 'radio']);

function isElement(x: EventTarget | null): x is Element {
  return x !== null && typeof (x as Element).tagName === 'string';
}

/** typing goes there: every key but Escape is the field's */
export function isTyping(el: Element): boolean {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName === 'INPUT') return TEXT_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  return (el as HTMLElement).isContentEditable === true || el.closest('[contenteditable=""], [contenteditable="true"]') !== null;
}

const roleOf = (el: Element): string => el.getAttribute('role') ?? '';

/** a focused box that scrolls that way (a wide terminal output): the arrows and Home/End scroll it */
function scrolls(el: Element, axis: 'x' | 'y'): boolean {
  const h = el as HTMLElement;
  if (typeof getComputedStyle !== 'function' || !(axis === 'x' ? h.scrollWidth > h.clientWidth : h.scrollHeight > h.clientHeight)) return false;
  const o = getComputedStyle(h)[axis === 'x' ? 'overflowX' : 'overflowY'];
  return o === 'auto' || o === 'scroll';
}

function ownsArrows(el: Element, axis: 'x' | 'y'): boolean {
  return ARROW_ROLES.has(roleOf(el)) || el.tagName === 'INPUT' || el.closest('[role="radiogroup"], [role="tablist"], [role="slider"]') !== null || scrolls(el, axis);
}

export function commandOf(e: KeyPress): Command | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const el = isElement(e.target) ? e.target : null;
  if (el && isTyping(el)) return null;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      if (e.repeat || (el && (PRESSABLE.has(el.tagName) || PRESS_ROLES.has(roleOf(el)) || el.tagName === 'INPUT'))) return null;
      return 'play_pause';
    case 'ArrowLeft':
    case 'ArrowRight':
      if (el && ownsArrows(el, 'x')) return null;
      return e.key === 'ArrowLeft' ? 'step_back' : 'step';
    case 'Home':
    case 'End':
      if (el && ownsArrows(el, 'y')) return null;
      return e.key === 'Home' ? 'start' : 'end';
    case '?':
      return e.repeat ? null : 'help';
    case 'p':
    case 'P':
      return e.repeat ? null : 'projector';
    default:
      return null;
  }
}
