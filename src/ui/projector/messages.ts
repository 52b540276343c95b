// Projector mode's messages in every language ('projector.…').
export const projectorEn = {
  'projector.toggle': 'Projector',
  'projector.title': 'Projector mode: large type, high contrast, thick lines, for the back of a room (P)',
} as const satisfies Record<string, string>;

export const projectorZhCN: Readonly<Record<keyof typeof projectorEn, string>> = {
  'projector.toggle': '投影模式',
  'projector.title': '投影模式：大字号、高对比度、粗线条，教室后排也看得清（P）',
};
