// Importing a file: larger than the worker takes is refused before the file is read (nothing is sent, the run stays);
// a file that cannot be read is reported; anything else is handed to the bridge as text, under the file's name.
import { describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES, importFile, type ScenarioFile } from '../../src/ui/scenario/importFile.ts';
import { MAX_SCENARIO_CHARS } from '../../src/worker/protocol.ts';

function fakeBridge() {
  return { loadText: vi.fn(), report: vi.fn() };
}
const file = (name: string, size: number, text: () => Promise<string> = async () => 'x'.repeat(size)): ScenarioFile & { text: ReturnType<typeof vi.fn> } => ({
  name,
  size,
  text: vi.fn(text),
});

describe('importFile', () => {
  it('takes up to the worker limit, 1 MB', () => {
    expect(MAX_FILE_BYTES).toBe(MAX_SCENARIO_CHARS);
    expect(MAX_SCENARIO_CHARS).toBe(1_000_000);
  });

  it('opens a file of the largest size as text, named after the file', async () => {
    const b = fakeBridge();
    await importFile(file('mine.json', MAX_FILE_BYTES), b);
    expect(b.loadText).toHaveBeenCalledWith('x'.repeat(MAX_FILE_BYTES), 'mine.json');
    expect(b.report).not.toHaveBeenCalled();
  });

  it('refuses a larger file without reading it', async () => {
    const b = fakeBridge();
    const f = file('huge.json', 2_500_000);
    await importFile(f, b);
    expect(f.text).not.toHaveBeenCalled();
    expect(b.loadText).not.toHaveBeenCalled();
    expect(b.report).toHaveBeenCalledWith({ code: 'too_large', issues: [{ path: 'huge.json', message: '2.5 MB (2500000 bytes); at most 1000000 bytes' }] });
  });

  it('reports a file that cannot be read', async () => {
    const b = fakeBridge();
    await importFile(file('gone.json', 10, () => Promise.reject(new Error('NotReadableError'))), b);
    expect(b.loadText).not.toHaveBeenCalled();
    expect(b.report).toHaveBeenCalledWith({ code: 'read_failed', issues: [{ path: 'gone.json', message: 'NotReadableError' }] });
  });

  it('reads a real Blob as UTF-8 and drops a byte-order mark', async () => {
    const b = fakeBridge();
    const blob = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), '{"title_zh":"全连接队列"}']);
    await importFile(Object.assign(blob, { name: 'bom.json' }), b);
    expect(b.loadText).toHaveBeenCalledWith('{"title_zh":"全连接队列"}', 'bom.json');
  });
});
