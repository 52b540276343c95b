// Time travel's messages in every language: the Step back button, the timeline under the panels ('timeline.…') and
// what the live region says after each step ('live.…'). English defines the keys; zh-CN must give all of them.
// Counter and kernel function names stay untranslated.
export const timelineEn = {
  'controls.step_back': 'Step back',
  'controls.step_back_title': 'Undo the last kernel event (the run is replayed from the nearest checkpoint) · ←',
  'timeline.heading': 'Timeline of the run',
  'timeline.label': 'Time in the run',
  'timeline.valuetext': '{t} s of {end} s, event {events}',
  'timeline.hint': 'Drag or click to move in the run. Keys: ← → a little, Page Up / Page Down a lot, Home / End, [ and ] the previous or next counter tick. A tick opens the decision that moved its counter.',
  'timeline.family.drops': 'drops',
  'timeline.family.cookies': 'cookies',
  'timeline.family.retrans': 'retrans',
  'timeline.family.opens': 'opens',
  'timeline.tick': '{counter} ×{n} from {t} s',
  'timeline.tick_open': 'Click: go to the decision that moved {counter}',
  'timeline.seconds': '{t} s',

  'live.label': 'What the last step did',
  'live.step': 'Event {events} at {t} s: {what}',
  'live.decision': '{fn}(): {text}',
  'live.moved': '({moved})',
  'live.no_decision': 'no decision of the listener (a client’s or the application’s event).',
  'live.queues': 'SYN queue {syn} of {syn_limit}, accept queue {acc} of {acc_limit}.',
  'live.more': 'and {n} more decisions.',
  'live.playing': 'Playing.',
  'live.done': 'Finished at {t} s, event {events}.',
} as const satisfies Record<string, string>;

export const timelineZhCN: Readonly<Record<keyof typeof timelineEn, string>> = {
  'controls.step_back': '后退一步',
  'controls.step_back_title': '撤销上一个内核事件（从最近的检查点重放这次运行）· ←',
  'timeline.heading': '运行时间线',
  'timeline.label': '运行中的时间',
  'timeline.valuetext': '第 {t} 秒（共 {end} 秒），第 {events} 个事件',
  'timeline.hint': '拖动或点击以在运行中移动。按键：← → 小步移动，Page Up / Page Down 大步移动，Home / End 到开头 / 结尾，[ 和 ] 跳到上一个或下一个计数器刻度。点击刻度会打开让该计数器变化的那次内核决策。',
  'timeline.family.drops': '丢弃',
  'timeline.family.cookies': 'cookie',
  'timeline.family.retrans': '重传',
  'timeline.family.opens': '建立',
  'timeline.tick': '{counter} ×{n}，自 {t} 秒起',
  'timeline.tick_open': '点击：跳到让 {counter} 变化的那次决策',
  'timeline.seconds': '{t} 秒',

  'live.label': '上一步做了什么',
  'live.step': '第 {events} 个事件，{t} 秒：{what}',
  'live.decision': '{fn}()：{text}',
  'live.moved': '（{moved}）',
  'live.no_decision': '监听套接字没有做决策（这是客户端或应用程序的事件）。',
  'live.queues': '半连接队列 {syn} / {syn_limit}，全连接队列 {acc} / {acc_limit}。',
  'live.more': '另有 {n} 次决策。',
  'live.playing': '正在播放。',
  'live.done': '已结束：{t} 秒，第 {events} 个事件。',
};
