/** Design tokens: the one place for sizes, colours and spacing. Elderly mode multiplies the scale. */
export const tokens = {
  color: {
    background: '#f3f6fa',
    surface: '#ffffff',
    text: '#1b1f24',
    textMuted: '#4a5563',
    primary: '#0b57d0',
    primaryText: '#ffffff',
    primaryPressed: '#083f99',
    accent: '#b3261e',
    accentText: '#ffffff',
    success: '#146c2e',
    warning: '#8a5300',
    focus: '#e8a200',
    overlay: '#0a1428',
    overlayText: '#ffffff',
    /** the attract screen's gradient, top and bottom, with white text on both */
    attractTop: '#0b3d91',
    attractBottom: '#0b57d0',
    attractText: '#ffffff',
    /** notices (printing paused, offline): warning text on a pale amber */
    banner: '#fff4e5',
    /** hairlines between the bars and the content (decoration, not text) */
    rule: '#d0d7e0',
  },
  /** px; every interactive element is at least `touchTarget` high and wide. */
  size: {
    touchTarget: 72,
    fontBody: 26,
    fontSmall: 24,
    fontTitle: 40,
    fontHero: 64,
    radius: 16,
    gap: 24,
    /** smaller steps of the spacing scale */
    space1: 4,
    space2: 8,
    space3: 12,
    space4: 16,
    /** line widths: hairline rules, control borders, emphasis, focus ring */
    lineThin: 1,
    line: 3,
    lineThick: 4,
    lineAccent: 8,
    focusRing: 6,
    /** height of the fixed top and bottom bars' controls share touchTarget; drawings use multiples of `unit` */
    unit: 1,
  },
  scale: {
    standard: 1,
    // 1.34 keeps the smallest text (24 px) at ≥ 32 px and targets at ≥ 88 px
    elderly: 1.34,
  },
} as const;

/** The floor the UI must never go below (issue #2: touch targets ≥ 64 px, text ≥ 24 px). */
export const minimums = { touchTarget: 64, fontSize: 24, elderlyScale: 1.25, contrast: 4.5 } as const;

/** The floor in 长辈模式 (issue #12): targets ≥ 88 px, text ≥ 32 px. */
export const elderlyMinimums = { touchTarget: 88, fontSize: 32 } as const;

function luminance(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG 2 contrast ratio between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text/background pairs the UI actually uses; each must reach `minimums.contrast`. */
export const colorPairs: [string, string][] = [
  [tokens.color.text, tokens.color.background],
  [tokens.color.text, tokens.color.surface],
  [tokens.color.textMuted, tokens.color.surface],
  [tokens.color.textMuted, tokens.color.background],
  [tokens.color.primaryText, tokens.color.primary],
  [tokens.color.primaryText, tokens.color.primaryPressed],
  [tokens.color.accentText, tokens.color.accent],
  [tokens.color.overlayText, tokens.color.overlay],
  [tokens.color.success, tokens.color.surface],
  [tokens.color.warning, tokens.color.surface],
  [tokens.color.primary, tokens.color.surface],
  [tokens.color.attractText, tokens.color.attractTop],
  [tokens.color.attractText, tokens.color.attractBottom],
  [tokens.color.warning, tokens.color.banner],
  [tokens.color.primary, tokens.color.background],
];

/** CSS custom properties for the given mode, applied on the root element. */
export function cssVariables(elderly: boolean): Record<string, string> {
  const k = elderly ? tokens.scale.elderly : tokens.scale.standard;
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(tokens.color)) vars[`--color-${name}`] = value;
  for (const [name, value] of Object.entries(tokens.size))
    vars[`--size-${name}`] = name === 'unit' ? `${value * k}px` : `${Math.round(value * k)}px`;
  vars['--scale'] = String(k);
  return vars;
}
