// Sharing (the header's Copy link) and embed mode (the strip a course page's iframe shows).
export const shareEn = {
  'share.copy': 'Copy link',
  'share.copy_title': 'Copy a link that reopens this exact moment: the scenario, the time, your changes, the lesson step and the language',
  'share.copied': 'Link copied',
  'share.manual_label': 'Link to this moment',
  'share.manual_hint': 'This browser did not let the page copy. Copy the link yourself (Ctrl+C, or ⌘C on a Mac).',
  'share.close': 'Close',
  'share.unavailable': 'No link yet: the scenario is still loading.',
  'embed.label': 'Backlog Lab (embedded)',
  'embed.open_full': 'Open in Backlog Lab',
  'embed.open_full_title': 'Open this moment in the full app, in a new tab',
};

export const shareZhCN: Record<keyof typeof shareEn, string> = {
  'share.copy': '复制链接',
  'share.copy_title': '复制一个链接，打开后回到此刻：同一个场景、同一时间点、你做过的改动、课程的同一步和同一种语言',
  'share.copied': '链接已复制',
  'share.manual_label': '此刻的链接',
  'share.manual_hint': '浏览器不允许页面直接复制。请自己复制这个链接（Ctrl+C，Mac 上用 ⌘C）。',
  'share.close': '关闭',
  'share.unavailable': '还没有链接：场景仍在加载。',
  'embed.label': 'Backlog Lab（嵌入）',
  'embed.open_full': '在 Backlog Lab 中打开',
  'embed.open_full_title': '在新标签页的完整应用中打开此刻',
};
