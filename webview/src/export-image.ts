/** PNG and SVG of what is drawn: PNG through Cytoscape, SVG from the positions (export-svg.ts). */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { RISK_STYLE } from './style';
import { SvgBox, SvgEdge, SvgNode, SvgScene, renderSvg } from './export-svg';
import { Palette } from './theme';

/** Base64 PNG of the whole graph (not only the viewport), at twice the screen's scale, capped in size. */
export function exportPng(cy: Core, palette: Palette): string {
  return cy.png({ output: 'base64', full: true, scale: 2, bg: palette.background, maxWidth: 8000, maxHeight: 8000 });
}

export function exportSvg(cy: Core, palette: Palette): string {
  return renderSvg(sceneOf(cy, palette));
}

export function sceneOf(cy: Core, palette: Palette): SvgScene {
  const shown = cy.elements().filter((element) => element.visible());
  const boxes: SvgBox[] = [];
  const nodes: SvgNode[] = [];
  const edges: SvgEdge[] = [];
  shown.nodes().forEach((node) => {
    if (node.isParent()) boxes.push(boxOf(node));
    else nodes.push(nodeOf(node));
  });
  // Outer boxes first, so inner ones are drawn over them.
  boxes.sort((a, b) => b.width * b.height - a.width * a.height);
  shown.edges().forEach((edge) => {
    const svgEdge = edgeOf(edge);
    if (svgEdge) edges.push(svgEdge);
  });
  return { background: palette.background, foreground: palette.foreground, fontFamily: palette.fontFamily, boxes, nodes, edges };
}

function boxOf(node: NodeSingular): SvgBox {
  const box = node.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
  return {
    x: box.x1,
    y: box.y1,
    width: box.w,
    height: box.h,
    label: String(node.data('label') ?? ''),
    fill: node.style('background-color'),
    stroke: node.style('border-color'),
    strokeWidth: parseFloat(node.style('border-width')),
    dashed: node.style('border-style') === 'dashed',
    opacity: parseFloat(node.style('border-opacity')),
  };
}

function nodeOf(node: NodeSingular): SvgNode {
  const position = node.position();
  return {
    x: position.x,
    y: position.y,
    width: node.width(),
    height: node.height(),
    shape: node.style('shape'),
    label: String(node.data('label') ?? ''),
    labelInside: node.style('text-valign') === 'center',
    fill: node.style('background-color'),
    stroke: node.style('border-color'),
    strokeWidth: Math.min(3, parseFloat(node.style('border-width'))),
    double: node.style('border-style') === 'double',
    opacity: parseFloat(node.style('opacity')),
  };
}

function edgeOf(edge: EdgeSingular): SvgEdge | undefined {
  const start = edge.sourceEndpoint();
  const end = edge.targetEndpoint();
  if (!start || !end || !Number.isFinite(start.x) || !Number.isFinite(end.x)) return undefined;
  const risk = (edge.data('risk') as keyof typeof RISK_STYLE | undefined) ?? 'none';
  const controls = edge.style('curve-style') === 'bezier' ? (edge.controlPoints() ?? []) : [];
  return {
    points: [start, ...controls, end],
    colour: edge.style('line-color'),
    width: parseFloat(edge.style('width')),
    dashed: edge.style('line-style') === 'dashed',
    hollowArrow: edge.style('target-arrow-fill') === 'hollow',
    marker: RISK_STYLE[risk].marker,
    label: String(edge.data('label') ?? ''),
    opacity: parseFloat(edge.style('opacity')),
  };
}
