// The terminal panel's messages in every language: keys 'terminal.…'. English defines the keys; zh-CN must give all of
// them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay untranslated, and so do
// commands and their output: the tools print English (LANG=C), as on a real server.
export const terminalEn = {
  'terminal.heading': 'Terminal',
  'terminal.hint': "root@lab is a shell in the server's network namespace · ↑↓ history · clear",
  'terminal.prompt_title': "A root shell inside the server's network namespace (ip netns exec …): the tools see the listener and its counters",
  'terminal.input_label': 'Command line',
  'terminal.output_label': 'Terminal output',
  'terminal.examples': 'Examples',
  'terminal.example_title': 'Run: {cmd}',
  'terminal.welcome': 'Type a command and press Enter, or click an example. help lists what this terminal knows.',
  'terminal.pending': 'running…',
  'terminal.exit': 'exit {code}',
  'terminal.exit_title': 'The command failed: exit status {code}',
  'terminal.lost': 'no answer: the run was reset or another scenario was opened',
  'terminal.new_run': 'new run',
  'terminal.too_long': 'This line has {len} characters; the terminal takes at most {max}. Shorten it.',
  'terminal.not_ready': 'No scenario is running yet: wait until it has loaded.',
} as const satisfies Record<`terminal.${string}`, string>;

export const terminalZhCN: Readonly<Record<keyof typeof terminalEn, string>> = {
  'terminal.heading': '终端',
  'terminal.hint': 'root@lab 是服务器网络命名空间里的 shell · ↑↓ 历史命令 · clear 清屏',
  'terminal.prompt_title': '服务器网络命名空间中的 root shell（ip netns exec …）：这些工具能看到监听套接字及其计数器',
  'terminal.input_label': '命令行',
  'terminal.output_label': '终端输出',
  'terminal.examples': '示例',
  'terminal.example_title': '运行：{cmd}',
  'terminal.welcome': '输入命令后按回车，或点击示例。输入 help 查看本终端支持的命令。',
  'terminal.pending': '运行中…',
  'terminal.exit': '退出码 {code}',
  'terminal.exit_title': '命令失败：退出状态 {code}',
  'terminal.lost': '无输出：运行已重置，或已打开其他场景',
  'terminal.new_run': '新的运行',
  'terminal.too_long': '该命令有 {len} 个字符，终端最多接受 {max} 个，请缩短。',
  'terminal.not_ready': '场景尚未开始运行，请等待加载完成。',
};
