// @vitest-environment happy-dom
// The ladder view keeps an arrow's node for as long as its packet is on the page: new packets add arrows, older
// ones leaving the ring remove theirs, and a change of lanes moves arrows instead of drawing them again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLadderView, type LadderInput } from '../../src/viz/ladder.ts';
import type { LadderPacket } from '../../src/viz/ladder_layout.ts';

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => host.remove());

const P = (seq: number, client: number, dir: 'in' | 'out', flags: string, why: string | null = null, t_ms = seq): LadderPacket => ({ seq, t_ms, dir, client, flags, why });

function input(packets: readonly LadderPacket[], ids: readonly number[] = [0, 1]): LadderInput {
  return {
    packets,
    lanes: ids.map((id) => ({ id, title: `#${id}`, sub: 'retrying', tone: 'retrying' })),
    server: { title: 'server', sub: 'port 8080' },
    words: { retry: (n) => `retry ${n}`, rtx_timer: 'again (timer)', rtx_syn: 'again (SYN)', cookie: 'cookie', time: (t) => `${t} ms` },
    now: { time: '1 s', label: 'now' },
    empty: 'nothing yet',
    follow: 'follow',
    describe: (r) => `${r.flags} #${r.client}`,
    aria_label: 'packets',
    duration_ms: 0,
  };
}

const arrows = () => [...host.querySelectorAll<SVGGElement>('[data-testid="ladder-arrow"]')];
const bySeq = (seq: number) => host.querySelector<SVGGElement>(`[data-testid="ladder-arrow"][data-seq="${seq}"]`);

describe('createLadderView', () => {
  it('draws one labelled arrow per packet of a watched client, with its flags and why as data', () => {
    const view = createLadderView(host);
    view.update(input([P(1, 0, 'in', 'SYN'), P(2, 0, 'out', 'SYN|ACK', 'synack_cookie'), P(3, 5, 'in', 'SYN'), P(4, 1, 'out', 'RST|ACK', 'rst')]));
    expect(arrows().map((a) => a.dataset.seq)).toEqual(['1', '2', '4']);
    const cookie = bySeq(2)!;
    expect(cookie.dataset.flags).toBe('SYN|ACK');
    expect(cookie.dataset.why).toBe('synack_cookie');
    expect(cookie.classList.contains('cookie')).toBe(true);
    expect(cookie.querySelector('text.label')?.textContent).toBe('SYN-ACKcookie');
    expect(bySeq(4)!.querySelector('.flag')?.textContent).toBe('RST');
    expect(bySeq(4)!.querySelector('title')?.textContent).toBe('RST|ACK #1');
    expect(host.querySelectorAll('.lane-client').length).toBe(2);
    view.destroy();
  });

  it('keeps the same node for a packet across updates, and drops the nodes of packets that left', () => {
    const view = createLadderView(host);
    const first = [P(1, 0, 'in', 'SYN'), P(2, 0, 'out', 'SYN|ACK', 'synack')];
    view.update(input(first));
    const node2 = bySeq(2);
    expect(node2).not.toBeNull();
    // a frame adds a packet, and the ring lets the oldest go
    view.update(input([first[1], P(3, 0, 'in', 'ACK')]));
    expect(bySeq(2)).toBe(node2);
    expect(bySeq(1)).toBeNull();
    expect(arrows().map((a) => a.dataset.seq)).toEqual(['2', '3']);
    // the arrow that is now first moved up to the top row
    expect(node2!.getAttribute('transform')).toBe('translate(0,0)');
    view.destroy();
  });

  it('moves arrows, keeping their nodes, when the lanes change', () => {
    const view = createLadderView(host);
    const ps = [P(1, 1, 'in', 'SYN')];
    view.update(input(ps, [0, 1]));
    const node = bySeq(1)!;
    const x1 = node.querySelector('line.arrow')!.getAttribute('x1');
    view.update(input(ps, [1]));
    expect(bySeq(1)).toBe(node);
    expect(node.querySelector('line.arrow')!.getAttribute('x1')).not.toBe(x1);
  });

  it('draws a new node when a seq names another packet (a reset run with other settings)', () => {
    const view = createLadderView(host);
    view.update(input([P(1, 0, 'out', 'SYN|ACK', 'synack')]));
    const before = bySeq(1);
    view.update(input([P(1, 0, 'out', 'RST|ACK', 'rst')]));
    expect(bySeq(1)).not.toBe(before);
    expect(bySeq(1)!.dataset.flags).toBe('RST|ACK');
  });

  it('moves only the present when a frame brings no packet', () => {
    const view = createLadderView(host);
    const ps = [P(1, 0, 'in', 'SYN')];
    view.update(input(ps));
    const label = bySeq(1)!.querySelector('text.label')!;
    view.update({ ...input(ps), now: { time: '2 s', label: 'now' } });
    expect(host.querySelector('.now-time')?.textContent).toBe('2 s');
    expect(bySeq(1)!.querySelector('text.label')).toBe(label);
    view.destroy();
  });

  it('says so when there is nothing to draw, and removes everything on destroy', () => {
    const view = createLadderView(host);
    view.update(input([]));
    expect(host.querySelector('text.empty')?.textContent).toBe('nothing yet');
    view.update(input([P(1, 0, 'in', 'SYN')]));
    expect(host.querySelector('text.empty')?.textContent).toBe('');
    view.destroy();
    expect(host.children.length).toBe(0);
  });
});
