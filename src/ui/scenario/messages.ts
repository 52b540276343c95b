// The scenario bar's messages in every language: keys 'scenario.…', and 'problem.…' for the refusals the bar makes
// itself before anything reaches the worker (a file too large, a broken link). English defines the keys; zh-CN must
// give all of them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay
// untranslated.
export const scenarioEn = {
  'scenario.loading': 'Loading the scenario…',
  'scenario.bar': 'Scenario',
  'scenario.picker': 'Scenario',
  'scenario.imported': '{title} · from {file}',
  'scenario.from_link': '{title} · from a link',
  'scenario.import': 'Import…',
  'scenario.import_hint': 'Open a scenario file (.json); you can also drop one anywhere on the page',
  'scenario.export': 'Export',
  'scenario.export_hint': 'Download the running scenario as {file}',
  'scenario.drop': 'Drop the scenario file to open it',
  'scenario.drop_hint': 'A .json file in the backlog-scenario/1 format, at most 1 MB',
  'scenario.facts': 'Set-up',
  'scenario.listen': 'listen(fd, {backlog})',
  'scenario.port_auto': 'no bind(): the kernel picks the port',
  'scenario.port_picked': 'no bind(): the kernel picked port {port}',
  'scenario.normal': '{n} clients',
  'scenario.spoofed': '{n} spoofed SYNs',
  'scenario.sysctl_hint': '{name} = {value}, set by the scenario in the server’s namespace',
  'scenario.host': 'host: {name}={value}',
  'scenario.host_hint': '{name} = {value} in the host’s namespace (init_net); the server’s namespace does not inherit it',

  'problem.too_large': 'That scenario is too large to open (at most 1 MB); nothing was changed:',
  'problem.bad_link': 'This scenario link cannot be read (it must be #scenario= followed by the base64url of the scenario’s JSON):',
  'problem.read_failed': 'The file could not be read; nothing was changed:',
} as const satisfies Record<`scenario.${string}` | `problem.${string}`, string>;

export const scenarioZhCN: Readonly<Record<keyof typeof scenarioEn, string>> = {
  'scenario.loading': '正在加载场景…',
  'scenario.bar': '场景',
  'scenario.picker': '场景',
  'scenario.imported': '{title} · 来自 {file}',
  'scenario.from_link': '{title} · 来自链接',
  'scenario.import': '导入…',
  'scenario.import_hint': '打开场景文件（.json）；也可以把文件拖放到页面任意位置',
  'scenario.export': '导出',
  'scenario.export_hint': '把当前场景下载为 {file}',
  'scenario.drop': '松开鼠标即可打开场景文件',
  'scenario.drop_hint': 'backlog-scenario/1 格式的 .json 文件，不超过 1 MB',
  'scenario.facts': '设置',
  'scenario.listen': 'listen(fd, {backlog})',
  'scenario.port_auto': '未 bind()：由内核选择端口',
  'scenario.port_picked': '未 bind()：内核选了端口 {port}',
  'scenario.normal': '{n} 个客户端',
  'scenario.spoofed': '{n} 个伪造 SYN',
  'scenario.sysctl_hint': '{name} = {value}，由场景在服务器的命名空间中设置',
  'scenario.host': '宿主机：{name}={value}',
  'scenario.host_hint': '宿主机命名空间（init_net）中 {name} = {value}；服务器所在的命名空间不会继承它',

  'problem.too_large': '场景太大，无法打开（上限 1 MB）；未做任何改动：',
  'problem.bad_link': '无法读取这个场景链接（格式应为 #scenario= 加上场景 JSON 的 base64url 编码）：',
  'problem.read_failed': '无法读取该文件；未做任何改动：',
};
