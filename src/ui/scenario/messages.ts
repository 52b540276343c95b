// The scenario panel's messages in every language: keys 'scenario.…'. English defines the keys; zh-CN must give all of
// them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay untranslated.
export const scenarioEn = {
  'scenario.loading': 'Loading the scenario…',
  'scenario.listen': 'listen(fd, {backlog})',
  'scenario.port': 'port {port}',
  'scenario.port_auto': 'no bind(): the kernel picks the port',
  'scenario.normal': '{n} clients',
  'scenario.spoofed': '{n} spoofed SYNs',
  'scenario.duration': '{s} s simulated',
} as const satisfies Record<`scenario.${string}`, string>;

export const scenarioZhCN: Readonly<Record<keyof typeof scenarioEn, string>> = {
  'scenario.loading': '正在加载场景…',
  'scenario.listen': 'listen(fd, {backlog})',
  'scenario.port': '端口 {port}',
  'scenario.port_auto': '未 bind()：由内核选择端口',
  'scenario.normal': '{n} 个客户端',
  'scenario.spoofed': '{n} 个伪造 SYN',
  'scenario.duration': '模拟 {s} 秒',
};
