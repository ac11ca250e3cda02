/**
 * The Cytoscape stylesheet. Risk is never told by colour alone: each level has its own line width
 * and a marker in the middle of the edge (none: plain, low: circle, medium: diamond, high: square),
 * conditions make the line dashed, and a trust-only edge has a hollow arrow head.
 */
import type { StylesheetJson } from 'cytoscape';
import { PACKING } from './packed-layout';
import { Palette } from './theme';

/** Node sizes the packed layout plans with; the stylesheet draws them so. */
export const NODE_SIZE = 28;
export const LABEL_MAX_WIDTH = 160;
const LABEL_LINE = 14;

export const RISK_STYLE = {
  none: { width: 1.5, marker: 'none' },
  low: { width: 2.5, marker: 'circle' },
  medium: { width: 4, marker: 'diamond' },
  high: { width: 6, marker: 'square' },
} as const;

/** The size a node takes with its label below, for the packed layout. */
export function nodeFootprint(label: string, summary: boolean): { width: number; height: number } {
  if (summary) return { width: 230, height: 80 };
  return { width: Math.max(NODE_SIZE, Math.min(LABEL_MAX_WIDTH, label.length * 6.6)), height: NODE_SIZE + 4 + LABEL_LINE };
}

export function stylesheet(p: Palette): StylesheetJson {
  const line = p.highContrast ? 1.5 : 1;
  const kindColour: [string, string][] = [
    ['role', p.role],
    ['permission-set', p.role],
    ['user', p.user],
    ['group', p.user],
    ['service', p.service],
    ['oidc-provider', p.provider],
    ['saml-provider', p.provider],
    ['sso-group', p.identityCenter],
    ['sso-user', p.identityCenter],
    ['external-account', p.outside],
    ['anyone', p.anyone],
  ];
  const kindShape: [string, string][] = [
    ['role', 'round-rectangle'],
    ['permission-set', 'cut-rectangle'],
    ['user', 'ellipse'],
    ['group', 'barrel'],
    ['service', 'hexagon'],
    ['oidc-provider', 'diamond'],
    ['saml-provider', 'diamond'],
    ['sso-group', 'round-tag'],
    ['sso-user', 'round-tag'],
    ['external-account', 'octagon'],
    ['anyone', 'star'],
  ];
  return [
    {
      selector: 'node',
      style: {
        width: NODE_SIZE,
        height: NODE_SIZE,
        shape: 'round-rectangle',
        'background-color': p.role,
        'border-width': 1.5 * line,
        'border-color': p.foreground,
        label: 'data(label)',
        color: p.foreground,
        'font-family': p.fontFamily,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': `${LABEL_MAX_WIDTH}px`,
        'min-zoomed-font-size': 7,
      },
    },
    ...kindColour.map(([kind, colour]) => ({ selector: `node.kind-${kind}`, style: { 'background-color': colour } })),
    ...kindShape.map(([kind, shape]) => ({ selector: `node.kind-${kind}`, style: { shape } })),
    // Admin-equivalent: a double border, so it reads without colour.
    { selector: 'node.admin', style: { 'border-width': 5, 'border-style': 'double', 'border-color': p.high } },
    { selector: 'node.unresolved', style: { 'border-style': 'dashed' } },
    {
      selector: 'node.account-box, node.area',
      style: {
        shape: 'round-rectangle',
        'background-color': p.box,
        'background-opacity': p.highContrast ? 0 : 1,
        'border-color': p.border,
        'border-width': 1.5 * line,
        'border-style': 'solid',
        padding: `${PACKING.padding}px`,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'text-wrap': 'wrap',
        'text-max-width': '400px',
        'font-size': 13,
        'font-weight': 'bold',
        color: p.foreground,
        'min-zoomed-font-size': 5,
      },
    },
    { selector: 'node.empty-account', style: { width: 160, height: 50, 'text-valign': 'center' } },
    // Production accounts stand out by a heavier border.
    { selector: 'node.env-prod, node.env-production', style: { 'border-width': 3.5 * line } },
    { selector: 'node.area', style: { 'background-color': p.area, 'border-style': 'dashed', 'font-weight': 'normal', color: p.muted } },
    {
      selector: 'node.collapsed',
      style: {
        shape: 'round-rectangle',
        width: 230,
        height: 80,
        'background-color': p.box,
        'border-color': p.border,
        'border-width': 2.5 * line,
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-wrap': 'wrap',
        'text-max-width': '220px',
        'font-size': 12,
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        width: RISK_STYLE.none.width * line,
        'line-color': p.none,
        'target-arrow-color': p.none,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        'mid-target-arrow-color': p.none,
        'mid-target-arrow-shape': 'none',
      },
    },
    // Only merged edges have a label (how many they stand for); a label costs every edge a text measure.
    {
      selector: 'edge.summary',
      style: {
        label: 'data(label)',
        'font-size': 10,
        color: p.foreground,
        'text-background-color': p.background,
        'text-background-opacity': 1,
        'text-background-padding': '2px',
        'min-zoomed-font-size': 8,
      },
    },
    ...(['low', 'medium', 'high'] as const).map((risk) => ({
      selector: `edge.risk-${risk}`,
      style: {
        width: RISK_STYLE[risk].width * line,
        'line-color': p[risk],
        'target-arrow-color': p[risk],
        'mid-target-arrow-color': p[risk],
        'mid-target-arrow-shape': RISK_STYLE[risk].marker,
      },
    })),
    { selector: 'edge.conditional', style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 5] } },
    { selector: 'edge.trust-only', style: { 'target-arrow-fill': 'hollow' } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: 'node.faded, edge.faded', style: { opacity: 0.18 } },
    // A box's opacity would dim what it holds too: fade only its own paint.
    { selector: 'node.faded.container', style: { opacity: 1, 'border-opacity': 0.35, 'background-opacity': 0.2, 'text-opacity': 0.45 } },
    { selector: 'node.match', style: { 'border-width': 4, 'border-color': p.focus, 'border-style': 'solid' } },
    {
      selector: ':selected, .keyboard-focus',
      style: { 'underlay-color': p.focus, 'underlay-opacity': 0.35, 'underlay-padding': 6, 'underlay-shape': 'round-rectangle' },
    },
    { selector: 'node:selected', style: { 'border-color': p.focus, 'border-width': 3 } },
    { selector: 'edge.keyboard-focus, node.keyboard-focus', style: { 'overlay-color': p.focus, 'overlay-opacity': 0.2, 'overlay-padding': 5 } },
  ] as StylesheetJson;
}
