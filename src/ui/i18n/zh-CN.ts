// 简体中文。术语：SYN queue = 半连接队列，accept queue = 全连接队列；backlog、SYN cookie、SYN-ACK、listen() 及
// 计数器名保留英文（与 ss、nstat 等工具的输出一致）。
import type { Messages } from './keys.ts';

import { knobsZhCN } from '../knobs/messages.ts';
import { queuesZhCN } from '../queues/messages.ts';
import { countersZhCN } from '../counters/messages.ts';
import { packetsZhCN } from '../packets/messages.ts';
import { exportZhCN } from '../export/messages.ts';
import { clientsZhCN } from '../clients/messages.ts';
import { logZhCN } from '../log/messages.ts';
import { terminalZhCN } from '../terminal/messages.ts';
import { scenarioZhCN } from '../scenario/messages.ts';
import { timelineZhCN } from '../timeline/messages.ts';
import { shortcutsZhCN } from '../shortcuts/messages.ts';
import { projectorZhCN } from '../projector/messages.ts';
import { lessonsZhCN } from '../lessons/messages.ts';
import { shareZhCN } from '../share/messages.ts';

export const zhCN: Messages = {
  ...knobsZhCN,
  ...queuesZhCN,
  ...countersZhCN,
  ...packetsZhCN,
  ...exportZhCN,
  ...clientsZhCN,
  ...logZhCN,
  ...terminalZhCN,
  ...scenarioZhCN,
  ...timelineZhCN,
  ...shortcutsZhCN,
  ...projectorZhCN,
  ...lessonsZhCN,
  ...shareZhCN,

  'app.title': 'Backlog Lab',
  'app.tagline': 'Linux 6.18 如何处理一个处于监听状态的 TCP 套接字',
  'lang.label': '语言',
  'lang.en': 'English',
  'lang.zh-CN': '中文',

  'presets.loading': '正在加载场景列表…',
  'presets.failed': '无法加载场景列表。',


  'controls.label': '播放控制',
  'controls.play': '播放',
  'controls.pause': '暂停',
  'controls.step': '单步',
  'controls.run_to_end': '运行到结束',
  'controls.reset': '重置',
  'controls.speed': '速度',
  'controls.speed_value': '{x}×',
  'controls.speed_real': '{x}×（实时）',
  'controls.speed_title': '模拟时间与真实时间之比',
  'controls.play_title': '按所选速度运行',
  'controls.step_title': '执行一个内核事件',
  'controls.run_to_end_title': '立即运行完场景的剩余部分',
  'controls.reset_title': '从 0 毫秒重新开始场景',
  'time.label': '模拟时间',
  'time.value': '{t} 秒 / 共 {end} 秒',
  'time.events': '内核事件',
  'status.ready': '就绪',
  'status.playing': '播放中',
  'status.paused': '已暂停',
  'status.done': '已结束',


  'summary.heading': '监听套接字',
  'summary.effective_backlog': '实际 backlog',
  'summary.requested': '调用 listen(fd, {n})',
  'summary.relisten': '{ms} 毫秒时再次 listen() 后为 {backlog}',
  'summary.port': '端口',
  'summary.port_auto': '由内核选择',
  'summary.peaks': '队列峰值（采样）',
  'summary.peak_syn': '半连接队列',
  'summary.peak_accept': '全连接队列',
  'summary.after_run': '运行到结束后可查看队列峰值及每个客户端的结果。',



  'problem.heading': '出错了',
  'problem.bad_message': '页面向 worker 发送了无法识别的消息。',
  'problem.bad_json': '场景文件不是有效的 JSON。',
  'problem.invalid_scenario': '场景文件无效：',
  'problem.no_scenario': '尚未加载场景。',
  'problem.bad_action': '该修改被拒绝，状态未改变：',
  'problem.sim_failed': '内核模型因内部错误停止，请重置后重新开始。',
  'problem.worker_failed': '模拟 worker 出错。',
  'problem.presets_failed': '无法加载场景列表。',
  'problem.fetch_failed': '无法加载场景文件。',
  'problem.ui_failed': '页面的这一部分绘制失败：',

  'footer.source': '结果来自 {source}',
};
