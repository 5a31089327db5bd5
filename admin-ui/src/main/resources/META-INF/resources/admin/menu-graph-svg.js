// Draws a menu graph (menu-graph.js) as inline SVG, left to right: the call start, then each menu in the column of
// its breadth-first depth, with every rule as a labelled box between the menu it applies in and where it leads.
// Rules leading back to an earlier menu (a retry, "9 for the main menu") end in a small "↩ menu" marker instead of
// a long curve across the drawing, which keeps the picture readable; the list beside it has every edge in words.

import { edgeWhen, nodeProblems, ruleHref } from './menu-graph.js';

const NS = 'http://www.w3.org/2000/svg';
const NODE_WIDTH = 180;
const BOX_WIDTH = 200;
const GAP = 40;
const LINE = 16;
const PAD = 8;
const SPACE = 12;
// The drawing's font is 13 px; at most 8 px per character (DejaVu Sans, digits) decides where a line breaks.
const CHAR = 8;

/** An SVG element, like ui.js' h() but in the SVG namespace (h() makes HTML elements). */
function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value);
    }
  }
  children.flat().filter((c) => c !== null && c !== undefined && c !== false)
    .forEach((c) => element.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return element;
}

/** A text as lines that fit `width`, broken between words; a single word too long is cut (its full text is in the
 * item's <title>, shown on hover, and in the list under the drawing). */
function wrap(text, width) {
  const max = Math.floor((width - 2 * PAD) / CHAR);
  const lines = [];
  for (const word of text.split(' ')) {
    const last = lines.length ? lines[lines.length - 1] : null;
    if (last !== null && last.length + 1 + word.length <= max) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word.length > max ? `${word.slice(0, max - 1)}…` : word);
    }
  }
  return lines;
}

/** Lines wrapped to the width of their column: [{text, class, href?}] → one entry per drawn line. */
function wrapped(lines, width) {
  return lines.flatMap((line) => wrap(line.text, width).map((text) => ({ ...line, text })));
}

/** Lines of a node: [{text, class}]. */
function nodeLines(n, number) {
  const head = n.kind === 'start'
    ? [{ text: '▶ Call starts', class: 'title' }, { text: number, class: 'sub' }]
    : [{ text: n.id, class: 'title' }];
  if (n.kind === 'menu' && !n.reached) {
    head.push({ text: 'not reached from the start', class: 'sub' });
  }
  return [...head, ...nodeProblems(n).map((p) => ({ text: p.text, class: `problem ${p.kind}` }))];
}

function boxLines(edge) {
  return [{ text: edgeWhen(edge), class: 'title' },
    edge.to && edge.connects ? { text: edge.connects, class: 'sub' } : null,
    { text: edge.rule, class: 'rule-link', href: ruleHref(edge) }].filter(Boolean);
}

function leafLines(edge, target) {
  if (!edge.to) {
    return [{ text: `${edge.connects ? '☎' : '■'} ${edge.end}`, class: 'title' }];
  }
  return [{ text: `↩ ${edge.to === edge.from ? 'again: ' : 'back to '}${edge.to}`, class: 'title' },
    ...(target ? nodeProblems(target).map((p) => ({ text: p.text, class: `problem ${p.kind}` })) : [])];
}

/** Works out where everything goes: columns of nodes and rule boxes, each item below the previous one. */
function layout(graph) {
  const columns = [];
  const item = (column, kind, lines, wantY, extra) => {
    while (columns.length <= column) {
      columns.push({ bottom: 0, items: [] });
    }
    const col = columns[column];
    const shown = wrapped(lines, column % 2 ? BOX_WIDTH : NODE_WIDTH);
    const placed = { column, kind, lines: shown, title: lines.map((l) => l.text).join(' — '),
      y: Math.max(col.bottom, wantY), height: 2 * PAD + LINE * shown.length, ...extra };
    col.bottom = placed.y + placed.height + SPACE;
    col.items.push(placed);
    return placed;
  };
  const placedNodes = new Map();
  const links = [];
  for (const id of graph.order) {
    const n = graph.nodes.get(id);
    if (!placedNodes.has(id)) {
      // A root: the call start, or a menu the start never leads to (its own run, at the left).
      placedNodes.set(id, item(0, n.kind, nodeLines(n, graph.number), 0, { node: n }));
    }
    const from = placedNodes.get(id);
    let wantY = from.y;
    for (const edge of n.out) {
      const box = item(from.column + 1, 'rule', boxLines(edge), wantY, { edge });
      wantY = box.y + box.height + SPACE;
      links.push([from, box, false]);
      const target = edge.to && graph.nodes.get(edge.to);
      if (target && target.depth === n.depth + 1 && target.reached === n.reached && !placedNodes.has(target.id)) {
        placedNodes.set(target.id, item(from.column + 2, target.kind, nodeLines(target, graph.number), box.y,
          { node: target }));
      }
      const forward = target && placedNodes.get(target.id);
      if (forward && forward.column === from.column + 2) {
        links.push([box, forward, true]);
      } else {
        links.push([box, item(from.column + 2, edge.to ? 'ref' : 'end', leafLines(edge, target), box.y, { edge }),
          true]);
      }
    }
  }
  let x = 0;
  columns.forEach((col, i) => {
    col.x = x;
    col.width = i % 2 ? BOX_WIDTH : NODE_WIDTH;
    x += col.width + GAP;
  });
  return { columns, links, width: Math.max(x - GAP, NODE_WIDTH),
    height: Math.max(...columns.map((c) => c.bottom)) };
}

function drawItem(placed, x, width) {
  const attributes = { class: `g-${placed.kind}`, transform: `translate(${x} ${placed.y})` };
  if (placed.node) {
    attributes['data-node'] = placed.node.id;
    const problems = nodeProblems(placed.node);
    attributes.class += problems.map((p) => ` has-${p.kind}`).join('');
  }
  if (placed.edge) {
    Object.assign(attributes, { 'data-rule': placed.edge.rule, 'data-set': placed.edge.set,
      'data-from': placed.edge.from, 'data-to': placed.edge.to || '', 'data-end': placed.edge.end || '' });
  }
  const texts = placed.lines.map((line, i) => {
    const text = s('text', { x: PAD, y: PAD + LINE * (i + 1) - 4, class: line.class }, line.text);
    // Links stay out of the tab order: the list under the drawing has the same links for keyboard users.
    return line.href ? s('a', { href: line.href, tabindex: '-1' }, text) : text;
  });
  return s('g', attributes, s('title', {}, placed.title),
    s('rect', { width, height: placed.height, rx: placed.kind === 'rule' ? 4 : 10 }), texts);
}

/** The graph as an <svg> (role img, summarised in its title); its size is the drawing's, so a container scrolls. */
export function menuGraphSvg(graph, summary) {
  const { columns, links, width, height } = layout(graph);
  const edgePaths = links.map(([from, to, arrow]) => {
    const a = columns[from.column];
    const b = columns[to.column];
    const x1 = a.x + a.width;
    const y1 = from.y + Math.min(from.height / 2, PAD + LINE);
    const x2 = b.x;
    const y2 = to.y + Math.min(to.height / 2, PAD + LINE);
    const bend = (x2 - x1) / 2;
    return s('path', { class: arrow ? 'g-edge' : 'g-edge g-edge-out',
      d: `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2 - (arrow ? 2 : 0)} ${y2}`,
      'marker-end': arrow ? 'url(#menu-arrow)' : null });
  });
  const items = columns.flatMap((col) => col.items.map((placed) => drawItem(placed, col.x, col.width)));
  return s('svg', { class: 'menu-graph', width: width + 2, height: height + 2,
    viewBox: `-1 -1 ${width + 2} ${height + 2}`, role: 'img', 'aria-labelledby': 'menu-graph-title',
    'data-number': graph.number },
  s('title', { id: 'menu-graph-title' }, summary),
  s('defs', {}, s('marker', { id: 'menu-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8,
    markerHeight: 8, orient: 'auto-start-reverse' }, s('path', { d: 'M0 0 L10 5 L0 10 z', class: 'g-arrow' }))),
  edgePaths, items);
}
