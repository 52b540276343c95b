// English messages. This object defines the translation keys (MsgKey); every other language must give all of
// them (zh-CN.ts is typed against it). Placeholders are {name}; kernel names (listen(), SYN-ACK, counter
// names) stay untranslated in every language, as in the kernel's own tools.
import { knobsEn } from '../knobs/messages.ts';
import { queuesEn } from '../queues/messages.ts';
import { countersEn } from '../counters/messages.ts';
import { packetsEn } from '../packets/messages.ts';
import { exportEn } from '../export/messages.ts';
import { clientsEn } from '../clients/messages.ts';
import { logEn } from '../log/messages.ts';
import { terminalEn } from '../terminal/messages.ts';
import { scenarioEn } from '../scenario/messages.ts';
import { timelineEn } from '../timeline/messages.ts';
import { shortcutsEn } from '../shortcuts/messages.ts';
import { projectorEn } from '../projector/messages.ts';
import { lessonsEn } from '../lessons/messages.ts';
import { shareEn } from '../share/messages.ts';

export const en = {
  ...knobsEn,
  ...queuesEn,
  ...countersEn,
  ...packetsEn,
  ...exportEn,
  ...clientsEn,
  ...logEn,
  ...terminalEn,
  ...scenarioEn,
  ...timelineEn,
  ...shortcutsEn,
  ...projectorEn,
  ...lessonsEn,
  ...shareEn,

  'app.title': 'Backlog Lab',
  'app.tagline': 'What Linux 6.18 does with a listening TCP socket',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.zh-CN': '中文',

  'presets.loading': 'Loading scenarios…',
  'presets.failed': 'The scenario list could not be loaded.',


  'controls.label': 'Playback',
  'controls.play': 'Play',
  'controls.pause': 'Pause',
  'controls.step': 'Step',
  'controls.run_to_end': 'Run to end',
  'controls.reset': 'Reset',
  'controls.speed': 'Speed',
  'controls.speed_value': '{x}×',
  'controls.speed_real': '{x}× (real time)',
  'controls.speed_title': 'Simulated time per wall-clock time',
  'controls.play_title': 'Run at the chosen speed',
  'controls.step_title': 'Run one kernel event',
  'controls.run_to_end_title': 'Run the rest of the scenario at once',
  'controls.reset_title': 'Start the scenario again from 0 ms',
  'time.label': 'Simulated time',
  'time.value': '{t} s of {end} s',
  'time.events': 'Kernel events',
  'status.ready': 'Ready',
  'status.playing': 'Playing',
  'status.paused': 'Paused',
  'status.done': 'Finished',


  'summary.heading': 'Listen socket',
  'summary.effective_backlog': 'Effective backlog',
  'summary.requested': 'asked listen(fd, {n})',
  'summary.relisten': 'then {backlog} after listen() again at {ms} ms',
  'summary.port': 'Port',
  'summary.port_auto': 'chosen by the kernel',
  'summary.peaks': 'Queue peaks (sampled)',
  'summary.peak_syn': 'SYN queue',
  'summary.peak_accept': 'Accept queue',
  'summary.after_run': 'Run the scenario to the end to see the peaks and how every client fared.',



  'problem.heading': 'Something went wrong',
  'problem.bad_message': 'The page sent the worker a message it did not understand.',
  'problem.bad_json': 'The scenario file is not valid JSON.',
  'problem.invalid_scenario': 'The scenario file is not valid:',
  'problem.no_scenario': 'No scenario is loaded.',
  'problem.bad_action': 'That change was refused; nothing was changed:',
  'problem.sim_failed': 'The kernel model stopped on an internal error. Reset to start again.',
  'problem.worker_failed': 'The simulation worker failed.',
  'problem.presets_failed': 'The scenario list could not be loaded.',
  'problem.fetch_failed': 'The scenario file could not be loaded.',
  'problem.ui_failed': 'This part of the page failed to draw:',

  'footer.source': 'Results from {source}',
} as const satisfies Record<string, string>;
