// A scenario file chosen or dropped by the viewer: refused before it is read when larger than the worker would take
// (so a 2 GB file never lands in memory), else read as UTF-8 text (a byte-order mark is dropped) and opened.
import { MAX_SCENARIO_CHARS } from '../../worker/protocol.ts';
import type { Bridge } from '../../store/bridge.ts';

/** a UTF-8 file of at most this many bytes has at most as many characters, which the worker takes */
export const MAX_FILE_BYTES = MAX_SCENARIO_CHARS;

export interface ScenarioFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

export async function importFile(file: ScenarioFile, bridge: Pick<Bridge, 'loadText' | 'report'>): Promise<void> {
  if (file.size > MAX_FILE_BYTES) {
    return bridge.report({ code: 'too_large', issues: [{ path: file.name, message: `${megabytes(file.size)} (${file.size} bytes); at most ${MAX_FILE_BYTES} bytes` }] });
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return bridge.report({ code: 'read_failed', issues: [{ path: file.name, message: e instanceof Error ? e.message : String(e) }] });
  }
  bridge.loadText(text, file.name);
}
