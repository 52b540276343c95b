// The export menu's messages in every language: keys 'export.…'. English defines the keys; zh-CN must give all of
// them. "pcap", "SVG", "PNG", Wireshark and tcpdump stay untranslated.
export const exportEn = {
  'export.button': 'Export',
  'export.button_label': 'Export packets',
  'export.pcap': 'Packets (.pcap)',
  'export.pcap_hint': 'Every packet of the run so far, for Wireshark or tcpdump -r',
  'export.svg': 'Ladder (.svg)',
  'export.svg_hint': 'The ladder as drawn here, as a vector picture',
  'export.png': 'Ladder (.png)',
  'export.png_hint': 'The ladder as drawn here, as a picture at twice the size (for slides)',
  'export.title': 'Backlog Lab · {scenario} · {time} s',
  'export.failed': 'The picture could not be made: {why}',
} as const satisfies Record<`export.${string}`, string>;

export const exportZhCN: Readonly<Record<keyof typeof exportEn, string>> = {
  'export.button': '导出',
  'export.button_label': '导出数据包',
  'export.pcap': '数据包（.pcap）',
  'export.pcap_hint': '本次运行到目前为止的全部数据包，可用 Wireshark 或 tcpdump -r 打开',
  'export.svg': '时序图（.svg）',
  'export.svg_hint': '按这里画出的样子导出时序图，矢量图',
  'export.png': '时序图（.png）',
  'export.png_hint': '按这里画出的样子导出时序图图片，两倍大小（适合幻灯片）',
  'export.title': 'Backlog Lab · {scenario} · {time} 秒',
  'export.failed': '无法生成图片：{why}',
};
