// How ss (iproute2 6.1 misc/ss.c) lays out its output: every cell is buffered as a token, column widths are the
// longest token seen, and render() pads. With stdout a pipe (no terminal width) columns stay compact: a width is
// the longest cell plus the one-blank delimiter, left-aligned cells are padded on the right (so rows end in
// blanks) and the two address columns are right-aligned. Quirks kept on purpose:
//  - The header for the extension column reads "Process" (the 6.1 enum lists COL_EXT before COL_PROC but the
//    header table the other way round), and ss -e / -o text lands in that column.
//  - The last row's extension cell is never flushed, so its length does not count toward the column width:
//    `ss -ltne` prints `PortProcess` unpadded in the header even though the row's `ino:… sk:…` text is long.

export type Align = 'left' | 'right';

interface Column {
  readonly align: Align;
  readonly header: string;
  readonly ldelim: string;
}

/** columns[] of ss.c, in order: Netid State Recv-Q Send-Q Local Address: Port Peer Address: Port Ext Proc */
const COLUMNS: readonly Column[] = [
  { align: 'left', header: 'Netid', ldelim: '' },
  { align: 'left', header: 'State', ldelim: ' ' },
  { align: 'left', header: 'Recv-Q', ldelim: ' ' },
  { align: 'left', header: 'Send-Q', ldelim: ' ' },
  { align: 'right', header: 'Local Address:', ldelim: ' ' },
  { align: 'left', header: 'Port', ldelim: '' },
  { align: 'right', header: 'Peer Address:', ldelim: ' ' },
  { align: 'left', header: 'Port', ldelim: '' },
  { align: 'left', header: 'Process', ldelim: '' },
  { align: 'left', header: '', ldelim: '' },
];
export const COL_NETID = 0;
export const COL_STATE = 1;
const COL_EXT = 8;
const COL_LAST = COLUMNS.length - 1;

export interface SsTable {
  /** false with -H */
  readonly header: boolean;
  readonly show_netid: boolean;
  readonly show_state: boolean;
  /** one row per socket: the cells of columns 0..8 (Netid … Port, then the extension text) */
  readonly rows: readonly (readonly string[])[];
}

interface Token {
  readonly col: number;
  readonly text: string;
}

/** The token stream ss builds: header cells, then each row's cells, an empty Proc cell closing every row. */
function tokens(t: SsTable, enabled: (col: number) => boolean): Token[] {
  const out: Token[] = [];
  const line = (cells: readonly string[], close: boolean) => {
    cells.forEach((text, col) => { if (enabled(col)) out.push({ col, text }); });
    if (close) out.push({ col: COL_LAST, text: '' });
  };
  if (t.header) line(COLUMNS.slice(0, COL_EXT + 1).map((c) => c.header), true);
  // The last row is still being written when ss renders: it never gets its closing Proc cell.
  t.rows.forEach((cells, i) => line(cells, i < t.rows.length - 1));
  return out;
}

/** render_calc_width() for a pipe: no screen width, so no spreading. */
function widths(toks: readonly Token[], enabled: (col: number) => boolean): number[] {
  const max_len = COLUMNS.map(() => 0);
  // field_flush() measures every token but the one still open when render() runs
  toks.slice(0, -1).forEach((tk) => { max_len[tk.col] = Math.max(max_len[tk.col], tk.text.length); });
  let first = true;
  return COLUMNS.map((c, col) => {
    if (!enabled(col)) return 0;
    const width = !first && max_len[col] > 0 ? max_len[col] + c.ldelim.length : max_len[col];
    if (width > 0) first = false;
    return width;
  });
}

/** render(): delimiters, alignment padding and line ends. */
export function render_ss_table(t: SsTable): string {
  const enabled = (col: number) => (col !== COL_NETID || t.show_netid) && (col !== COL_STATE || t.show_state);
  const toks = tokens(t, enabled);
  const width = widths(toks, enabled);
  let out = '';
  let line_started = false;
  for (const tk of toks) {
    const c = COLUMNS[tk.col];
    let printed = 0;
    if (line_started) { out += c.ldelim; printed = c.ldelim.length; }
    line_started = true;
    if (c.align === 'right') {
      const s = width[tk.col] - tk.text.length - printed;
      if (width[tk.col] && s > 0) { out += ' '.repeat(s); printed += s; }
    }
    out += tk.text;
    printed += tk.text.length;
    if (c.align === 'left' && width[tk.col] && width[tk.col] - printed > 0) out += ' '.repeat(width[tk.col] - printed);
    if (tk.col === COL_LAST) { out += '\n'; line_started = false; }
  }
  return line_started ? `${out}\n` : out;
}
