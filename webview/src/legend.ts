/** The legend: what widths, markers, dashes and shapes mean. Drawn with SVG samples styled by graph.css. */
import { h, svg } from './dom';
import { RISK_STYLE } from './style';

const RISKS = ['high', 'medium', 'low', 'none'] as const;

export function legend(): HTMLElement {
  const edgeRows = RISKS.map((risk) => row(edgeSample(`risk-${risk}`, RISK_STYLE[risk].width, RISK_STYLE[risk].marker, false, false), risk === 'none' ? 'no risk' : `${risk} risk`));
  edgeRows.push(
    row(edgeSample('risk-none', 1.5, 'none', true, false), 'with conditions (dashed)'),
    row(edgeSample('risk-none', 1.5, 'none', false, true), 'trust only: caller\u2019s policies not seen (hollow arrow)'),
  );
  const nodeRows = [
    row(nodeSample('round-rectangle', 'kind-role'), 'role'),
    row(nodeSample('round-rectangle', 'kind-role admin'), 'admin-equivalent role'),
    row(nodeSample('ellipse', 'kind-user'), 'IAM user'),
    row(nodeSample('hexagon', 'kind-service'), 'AWS service'),
    row(nodeSample('diamond', 'kind-provider'), 'OIDC or SAML provider'),
    row(nodeSample('tag', 'kind-identity-center'), 'Identity Center group'),
    row(nodeSample('octagon', 'kind-outside'), 'outside account'),
    row(nodeSample('star', 'kind-anyone'), 'anyone (any AWS principal)'),
    row(nodeSample('box', 'account'), 'account (thick: production)'),
  ];
  return h(
    'section',
    { className: 'legend', attrs: { 'aria-label': 'Legend' } },
    h('div', {}, h('h2', {}, 'Edges: can assume'), h('ul', {}, ...edgeRows)),
    h('div', {}, h('h2', {}, 'Nodes'), h('ul', {}, ...nodeRows)),
  );
}

function row(sample: SVGElement, text: string): HTMLLIElement {
  return h('li', {}, sample, h('span', {}, text));
}

function edgeSample(riskClass: string, width: number, marker: string, dashed: boolean, hollow: boolean): SVGElement {
  const line = svg('line', { x1: 2, y1: 9, x2: 40, y2: 9, 'stroke-width': width, class: `edge ${riskClass}${dashed ? ' dashed' : ''}` });
  const arrow = svg('polygon', { points: '48,9 38,4 38,14', class: `arrow ${riskClass}${hollow ? ' hollow' : ''}` });
  const parts: SVGElement[] = [line, arrow];
  if (marker === 'circle') parts.push(svg('circle', { cx: 21, cy: 9, r: 3.5, class: `marker ${riskClass}` }));
  if (marker === 'diamond') parts.push(svg('polygon', { points: '21,3.5 26.5,9 21,14.5 15.5,9', class: `marker ${riskClass}` }));
  if (marker === 'square') parts.push(svg('rect', { x: 16, y: 4, width: 10, height: 10, class: `marker ${riskClass}` }));
  return svg('svg', { width: 52, height: 18, viewBox: '0 0 52 18', 'aria-hidden': 'true' }, ...parts);
}

function nodeSample(shape: string, className: string): SVGElement {
  const cls = `node ${className}`;
  const shapes: Record<string, SVGElement> = {
    'round-rectangle': svg('rect', { x: 3, y: 2, width: 14, height: 14, rx: 3, class: cls }),
    ellipse: svg('ellipse', { cx: 10, cy: 9, rx: 7, ry: 7, class: cls }),
    hexagon: svg('polygon', { points: '6,2 14,2 18,9 14,16 6,16 2,9', class: cls }),
    diamond: svg('polygon', { points: '10,1 18,9 10,17 2,9', class: cls }),
    tag: svg('polygon', { points: '2,3 13,3 18,9 13,15 2,15', class: cls }),
    octagon: svg('polygon', { points: '7,2 13,2 17,6 17,12 13,16 7,16 3,12 3,6', class: cls }),
    star: svg('polygon', { points: '10,1 12.3,6.8 18.5,7.2 13.7,11.1 15.3,17.1 10,13.8 4.7,17.1 6.3,11.1 1.5,7.2 7.7,6.8', class: cls }),
    box: svg('rect', { x: 1, y: 2, width: 46, height: 14, rx: 3, class: cls }),
  };
  const width = shape === 'box' ? 50 : 20;
  return svg('svg', { width, height: 18, viewBox: `0 0 ${width} 18`, 'aria-hidden': 'true' }, shapes[shape]!);
}
