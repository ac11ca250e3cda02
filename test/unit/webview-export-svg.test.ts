/** webview/src/export-svg.ts: the SVG written from a laid-out scene. */
import * as assert from 'node:assert/strict';
import { SvgScene, renderSvg } from '../../webview/src/export-svg';

const SCENE: SvgScene = {
  background: 'rgb(255, 255, 255)',
  foreground: 'rgb(0, 0, 0)',
  fontFamily: 'Segoe UI, "Helvetica Neue", sans-serif',
  boxes: [{ x: 0, y: 40, width: 300, height: 200, label: 'prod (222222222222)\nenvironment: prod', fill: '#eee', stroke: '#999', strokeWidth: 2, dashed: false, opacity: 1 }],
  nodes: [
    { x: 60, y: 100, width: 28, height: 28, shape: 'round-rectangle', label: 'deploy <admin>', labelInside: false, fill: '#1a73e8', stroke: '#000', strokeWidth: 5, double: true, opacity: 1 },
    { x: 240, y: 180, width: 28, height: 28, shape: 'ellipse', label: 'ci & co', labelInside: false, fill: '#2e7d32', stroke: '#000', strokeWidth: 1.5, double: false, opacity: 0.18 },
  ],
  edges: [
    {
      points: [
        { x: 226, y: 172 },
        { x: 150, y: 120 },
        { x: 74, y: 108 },
      ],
      colour: 'rgb(198, 40, 40)',
      width: 6,
      dashed: true,
      hollowArrow: false,
      marker: 'square',
      label: '',
      opacity: 1,
    },
  ],
};

describe('webview SVG export', () => {
  const svg = renderSvg(SCENE);

  it('is a standalone SVG sized to the scene with a margin', () => {
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="380" height="\d+" viewBox="0 0 380 \d+" font-family="Segoe UI, &quot;Helvetica Neue&quot;, sans-serif">/);
    assert.match(svg, /<rect width="100%" height="100%" fill="rgb\(255, 255, 255\)"\/>/);
    assert.ok(svg.trimEnd().endsWith('</svg>'));
  });

  it('writes the account box with both label lines, and node labels escaped', () => {
    assert.match(svg, /<rect x="0" y="40" width="300" height="200" rx="8" fill="#eee" stroke="#999" stroke-width="2"\/>/);
    assert.match(svg, /<tspan x="150" dy="0">prod \(222222222222\)<\/tspan><tspan x="150" dy="15">environment: prod<\/tspan>/);
    assert.ok(svg.includes('>deploy &lt;admin&gt;</tspan>'));
    assert.ok(svg.includes('>ci &amp; co</tspan>'));
  });

  it('draws shapes by kind, a second outline for admin roles, and faded nodes translucent', () => {
    assert.match(svg, /<ellipse cx="240" cy="180" rx="14" ry="14" fill="#2e7d32"/);
    assert.match(svg, /<g opacity="0.18"><ellipse/);
    assert.match(svg, /<rect x="50" y="90" width="20" height="20" rx="3" fill="none" stroke="#000" stroke-width="1.5"\/>/);
  });

  it('draws the edge as its bezier curve, dashed, with an arrow head and the risk marker at its middle', () => {
    assert.ok(svg.includes('<path d="M226 172 Q150 120 74 108" fill="none" stroke="rgb(198, 40, 40)" stroke-width="6" stroke-dasharray="8 5"/>'));
    assert.match(svg, /<polygon points="74,108 [^"]+" fill="rgb\(198, 40, 40\)"/);
    // The curve's midpoint: (226 + 2*150 + 74)/4, (172 + 2*120 + 108)/4 = (150, 130); a 10 px square around it.
    assert.ok(svg.includes('<rect x="145" y="125" width="10" height="10" fill="rgb(198, 40, 40)"/>'));
  });
});
