/**
 * The colours of the current VS Code theme, read from its CSS variables (graph.css maps them to
 * `--iam-*` with fallbacks for the CLI's page). Cytoscape cannot read CSS variables, so the
 * stylesheet is rebuilt from these values whenever the theme changes.
 */

export interface Palette {
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly border: string;
  readonly box: string;
  readonly area: string;
  readonly focus: string;
  readonly high: string;
  readonly medium: string;
  readonly low: string;
  readonly none: string;
  readonly role: string;
  readonly user: string;
  readonly service: string;
  readonly provider: string;
  readonly identityCenter: string;
  readonly outside: string;
  readonly anyone: string;
  readonly fontFamily: string;
  /** High contrast themes: thicker lines, no translucent fills. */
  readonly highContrast: boolean;
}

const COLOUR_VARIABLES: Readonly<Record<Exclude<keyof Palette, 'fontFamily' | 'highContrast'>, string>> = {
  background: '--iam-background',
  foreground: '--iam-foreground',
  muted: '--iam-muted',
  border: '--iam-border',
  box: '--iam-box',
  area: '--iam-area',
  focus: '--iam-focus',
  high: '--iam-risk-high',
  medium: '--iam-risk-medium',
  low: '--iam-risk-low',
  none: '--iam-risk-none',
  role: '--iam-node-role',
  user: '--iam-node-user',
  service: '--iam-node-service',
  provider: '--iam-node-provider',
  identityCenter: '--iam-node-identity-center',
  outside: '--iam-node-outside',
  anyone: '--iam-node-anyone',
};

export function readPalette(document: Document): Palette {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.appendChild(probe);
  const style = getComputedStyle(document.body);
  const colours = {} as Record<keyof typeof COLOUR_VARIABLES, string>;
  for (const [key, variable] of Object.entries(COLOUR_VARIABLES) as [keyof typeof COLOUR_VARIABLES, string][]) {
    // Through the probe, any CSS colour (#rrggbbaa, named, var()) comes back computed, which Cytoscape reads.
    probe.style.color = style.getPropertyValue(variable).trim() || 'currentcolor';
    colours[key] = asRgb(getComputedStyle(probe).color);
  }
  probe.remove();
  const classes = document.body.classList;
  return {
    ...colours,
    fontFamily: style.fontFamily || 'sans-serif',
    highContrast: classes.contains('vscode-high-contrast') || classes.contains('vscode-high-contrast-light'),
  };
}

/** color-mix() computes to `color(srgb r g b [/ a])`, which Cytoscape does not read: as rgb()/rgba(). */
export function asRgb(colour: string): string {
  const match = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(colour);
  if (!match) return colour;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => Math.round(Math.min(1, Math.max(0, Number(part))) * 255));
  return match[4] === undefined ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Number(match[4])})`;
}

/** Calls back when VS Code switches theme (it changes the body's classes and the root's variables). */
export function onThemeChange(document: Document, callback: () => void): void {
  const observer = new MutationObserver(() => callback());
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
}
