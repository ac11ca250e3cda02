/**
 * SVG export, written from the laid-out picture: boxes, nodes, edges with their risk markers, and
 * labels. (cytoscape-svg is GPL, so this is ours.) `renderSvg` is pure; `export-image.ts` reads the
 * scene out of Cytoscape.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface SvgBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly dashed: boolean;
  readonly opacity: number;
}

export interface SvgNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly shape: string;
  readonly label: string;
  /** The label is inside the shape (summaries) rather than below it. */
  readonly labelInside: boolean;
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly double: boolean;
  readonly opacity: number;
}

export interface SvgEdge {
  /** Source endpoint, bezier control points (none for a straight edge), target endpoint. */
  readonly points: readonly Point[];
  readonly colour: string;
  readonly width: number;
  readonly dashed: boolean;
  readonly hollowArrow: boolean;
  readonly marker: 'none' | 'circle' | 'diamond' | 'square';
  readonly label: string;
  readonly opacity: number;
}

export interface SvgScene {
  readonly background: string;
  readonly foreground: string;
  readonly fontFamily: string;
  readonly boxes: readonly SvgBox[];
  readonly nodes: readonly SvgNode[];
  readonly edges: readonly SvgEdge[];
}

const MARGIN = 40;

export function renderSvg(scene: SvgScene): string {
  const bounds = sceneBounds(scene);
  const width = Math.ceil(bounds.maxX - bounds.minX + 2 * MARGIN);
  const height = Math.ceil(bounds.maxY - bounds.minY + 2 * MARGIN);
  const dx = MARGIN - bounds.minX;
  const dy = MARGIN - bounds.minY;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xml(scene.fontFamily)}">`,
    `<title>Trust graph</title>`,
    `<rect width="100%" height="100%" fill="${xml(scene.background)}"/>`,
    `<g transform="translate(${num(dx)} ${num(dy)})">`,
  ];
  for (const box of scene.boxes) out.push(renderBox(box, scene.foreground));
  for (const edge of scene.edges) out.push(renderEdge(edge, scene));
  for (const node of scene.nodes) out.push(renderNode(node, scene.foreground));
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';
}

function renderBox(box: SvgBox, foreground: string): string {
  const lines = box.label.split('\n');
  const text = lines
    .map((line, index) => `<tspan x="${num(box.x + box.width / 2)}" dy="${index === 0 ? 0 : 15}">${xml(line)}</tspan>`)
    .join('');
  const labelTop = box.y - 8 - 15 * (lines.length - 1);
  return [
    `<g opacity="${fraction(box.opacity)}">`,
    `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="8" fill="${xml(box.fill)}" stroke="${xml(box.stroke)}" stroke-width="${num(box.strokeWidth)}"${box.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    `<text y="${num(labelTop)}" text-anchor="middle" font-size="13" font-weight="bold" fill="${xml(foreground)}">${text}</text>`,
    `</g>`,
  ].join('');
}

function renderNode(node: SvgNode, foreground: string): string {
  const shape = shapeElement(node);
  const lines = node.label.split('\n');
  const firstY = node.labelInside ? node.y - ((lines.length - 1) * 14) / 2 + 4 : node.y + node.height / 2 + 14;
  const text = lines.map((line, index) => `<tspan x="${num(node.x)}" dy="${index === 0 ? 0 : 14}">${xml(line)}</tspan>`).join('');
  return `<g opacity="${fraction(node.opacity)}">${shape}<text y="${num(firstY)}" text-anchor="middle" font-size="11" fill="${xml(foreground)}">${text}</text></g>`;
}

function shapeElement(node: SvgNode): string {
  const { x, y, width: w, height: h } = node;
  const paint = `fill="${xml(node.fill)}" stroke="${xml(node.stroke)}" stroke-width="${num(node.strokeWidth)}"`;
  const polygon = (points: readonly [number, number][]): string =>
    `<polygon points="${points.map(([px, py]) => `${num(x + (px * w) / 2)},${num(y + (py * h) / 2)}`).join(' ')}" ${paint}/>`;
  let outline: string;
  switch (node.shape) {
    case 'ellipse':
      outline = `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${paint}/>`;
      break;
    case 'diamond':
      outline = polygon([[0, -1], [1, 0], [0, 1], [-1, 0]]);
      break;
    case 'hexagon':
      outline = polygon([[-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1], [-1, 0]]);
      break;
    case 'octagon':
      outline = polygon([[-0.41, -1], [0.41, -1], [1, -0.41], [1, 0.41], [0.41, 1], [-0.41, 1], [-1, 0.41], [-1, -0.41]]);
      break;
    case 'star':
      outline = polygon(starPoints());
      break;
    case 'cut-rectangle':
      outline = polygon([[-0.6, -1], [0.6, -1], [1, -0.6], [1, 0.6], [0.6, 1], [-0.6, 1], [-1, 0.6], [-1, -0.6]]);
      break;
    case 'round-tag':
      outline = polygon([[-1, -1], [0.4, -1], [1, 0], [0.4, 1], [-1, 1]]);
      break;
    default:
      outline = `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${num(Math.min(w, h) / 5)}" ${paint}/>`;
  }
  if (!node.double) return outline;
  // Admin-equivalent roles: a second outline inside the first, as the graph draws them.
  const inner = `<rect x="${num(x - w / 2 + 4)}" y="${num(y - h / 2 + 4)}" width="${num(w - 8)}" height="${num(h - 8)}" rx="3" fill="none" stroke="${xml(node.stroke)}" stroke-width="1.5"/>`;
  return outline + inner;
}

function starPoints(): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? 1 : 0.45;
    points.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  return points;
}

function renderEdge(edge: SvgEdge, scene: SvgScene): string {
  const [start, ...rest] = edge.points;
  const end = rest[rest.length - 1];
  if (!start || !end) return '';
  const controls = rest.slice(0, -1);
  const d = edgePath(start, controls, end);
  const stroke = `stroke="${xml(edge.colour)}" stroke-width="${num(edge.width)}"`;
  const parts = [`<g opacity="${fraction(edge.opacity)}">`, `<path d="${d}" fill="none" ${stroke}${edge.dashed ? ' stroke-dasharray="8 5"' : ''}/>`];
  const last = controls[controls.length - 1] ?? start;
  parts.push(arrowHead(last, end, edge, scene.background));
  const middle = edgeMiddle(start, controls, end);
  if (edge.marker !== 'none') parts.push(marker(middle, edge));
  if (edge.label) {
    parts.push(
      `<text x="${num(middle.x)}" y="${num(middle.y - 8)}" text-anchor="middle" font-size="10" fill="${xml(scene.foreground)}">${xml(edge.label)}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

/** Cytoscape's bezier edges: one quadratic curve per control point, joined at the midpoints between them. */
function edgePath(start: Point, controls: readonly Point[], end: Point): string {
  if (controls.length === 0) return `M${num(start.x)} ${num(start.y)} L${num(end.x)} ${num(end.y)}`;
  const parts = [`M${num(start.x)} ${num(start.y)}`];
  controls.forEach((control, index) => {
    const next = controls[index + 1];
    const to = next ? { x: (control.x + next.x) / 2, y: (control.y + next.y) / 2 } : end;
    parts.push(`Q${num(control.x)} ${num(control.y)} ${num(to.x)} ${num(to.y)}`);
  });
  return parts.join(' ');
}

function edgeMiddle(start: Point, controls: readonly Point[], end: Point): Point {
  if (controls.length === 1) {
    const c = controls[0]!;
    return { x: 0.25 * start.x + 0.5 * c.x + 0.25 * end.x, y: 0.25 * start.y + 0.5 * c.y + 0.25 * end.y };
  }
  if (controls.length > 1) return controls[Math.floor(controls.length / 2)]!;
  return { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
}

function arrowHead(from: Point, tip: Point, edge: SvgEdge, background: string): string {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const length = 8 + edge.width * 1.2;
  const spread = 0.45;
  const a = { x: tip.x - length * Math.cos(angle - spread), y: tip.y - length * Math.sin(angle - spread) };
  const b = { x: tip.x - length * Math.cos(angle + spread), y: tip.y - length * Math.sin(angle + spread) };
  const fill = xml(edge.hollowArrow ? background : edge.colour);
  return `<polygon points="${num(tip.x)},${num(tip.y)} ${num(a.x)},${num(a.y)} ${num(b.x)},${num(b.y)}" fill="${fill}" stroke="${xml(edge.colour)}" stroke-width="1.5"/>`;
}

function marker(at: Point, edge: SvgEdge): string {
  const size = 4 + edge.width;
  const paint = `fill="${xml(edge.colour)}"`;
  switch (edge.marker) {
    case 'circle':
      return `<circle cx="${num(at.x)}" cy="${num(at.y)}" r="${num(size / 2)}" ${paint}/>`;
    case 'diamond':
      return `<polygon points="${num(at.x)},${num(at.y - size / 1.5)} ${num(at.x + size / 1.5)},${num(at.y)} ${num(at.x)},${num(at.y + size / 1.5)} ${num(at.x - size / 1.5)},${num(at.y)}" ${paint}/>`;
    case 'square':
      return `<rect x="${num(at.x - size / 2)}" y="${num(at.y - size / 2)}" width="${num(size)}" height="${num(size)}" ${paint}/>`;
    default:
      return '';
  }
}

function sceneBounds(scene: SvgScene): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const take = (x: number, y: number): void => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const box of scene.boxes) {
    take(box.x, box.y - 15 * box.label.split('\n').length - 8);
    take(box.x + box.width, box.y + box.height);
  }
  for (const node of scene.nodes) {
    const halfLabel = Math.min(70, Math.max(...node.label.split('\n').map((line) => line.length)) * 3.4);
    take(node.x - Math.max(node.width / 2, halfLabel), node.y - node.height / 2);
    take(node.x + Math.max(node.width / 2, halfLabel), node.y + node.height / 2 + (node.labelInside ? 0 : 20));
  }
  for (const edge of scene.edges) for (const point of edge.points) take(point.x, point.y);
  if (minX === Infinity) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return { minX, minY, maxX, maxY };
}

function fraction(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
