// The IVR of one number as a graph, worked out from the rules themselves: the call start and every menu state are
// nodes, every rule is an edge from the menu it applies in (`when.menu`) to the menu it sends callers to
// (`then.menu`) or to how it ends the call. Dead ends (menus nobody answers in) are found here; what only reasoning
// over every call can tell (keys nobody handles, menus with no way out) comes from the server's analysis findings.

import { numbersOf } from './pages/rule-words.js';

/** The select value for rules that name no number (they can answer calls to any number). */
export const ANY_NUMBER = '*';
export const START = 'start';

const RECEIVED = ['CALL_RECEIVED'];
const COMPLETED = ['ACTION_COMPLETED', 'DTMF_RECEIVED'];

function values(value) {
  if (value === undefined || value === null) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).filter((v) => typeof v !== 'object').map(String);
}

/** The numbers rules name, in the order written; ANY_NUMBER last when some rule names none. */
export function graphNumbers(entries) {
  const numbers = [...new Set(entries.flatMap(({ rule }) => numbersOf(rule)))];
  return entries.some(({ rule }) => numbersOf(rule).length === 0) ? [...numbers, ANY_NUMBER] : numbers;
}

/** The nodes a rule starts from: START for a new call, menu names, or every menu when it names none. */
function sourcesOf(rule) {
  const when = rule.when || {};
  const statuses = values(when.callStatus);
  const menus = values(when.menu);
  const sources = { start: false, menus: [], anyMenu: false };
  if ((!statuses.length || statuses.some((s) => RECEIVED.includes(s))) && (!menus.length || menus.includes('none'))) {
    sources.start = true;
  }
  if (!statuses.length || statuses.some((s) => COMPLETED.includes(s))) {
    sources.menus = menus.filter((m) => m !== 'none');
    sources.anyMenu = menus.length === 0;
  }
  return sources;
}

/** "key 1", "keys 1, 2", "any other key", "no key", "keys match [0-9]{4}"; null when the rule tests no keys. */
export function keyWords(dtmf) {
  if (dtmf === undefined || dtmf === null) {
    return null;
  }
  if (typeof dtmf === 'object' && !Array.isArray(dtmf)) {
    return dtmf.pattern ? `keys match ${dtmf.pattern}` : 'keys';
  }
  const keys = values(dtmf);
  if (keys.length === 1 && keys[0] === 'any') {
    return 'any other key';
  }
  if (keys.length === 1 && keys[0] === 'none') {
    return 'no key';
  }
  return keys.length === 1 ? `key ${keys[0]}` : `keys ${keys.join(', ')}`;
}

function timeShort(window) {
  if (!window || typeof window !== 'object') {
    return String(window);
  }
  const days = window.days ? values(window.days).join(', ') : '';
  const hours = window.from || window.to ? `${window.from || '00:00'}–${window.to || '24:00'}` : '';
  const dates = window.dates ? `on ${values(window.dates).join(', ')}` : '';
  return [days, hours, dates].filter(Boolean).join(' ') || 'any time';
}

const SHORT = {
  time: (v) => (Array.isArray(v) ? v : [v]).map(timeShort).join(' or '),
  schedule: (v) => (v && typeof v === 'object' ? `${v.name} ${values(v.is || 'open').join('/')}` : `${v} open`),
  sourceCountry: (v) => `from ${values(v).join('/')}`,
  destinationCountry: (v) => `to ${values(v).join('/')}`,
  source: (v) => `caller ${values(v).join('/')}`,
  masking: (v) => {
    const state = v && typeof v === 'object' ? v.is : v;
    const greeting = v && typeof v === 'object' && v.greeting !== undefined
      ? (v.greeting ? ' with greeting' : ' no greeting') : '';
    return state === 'none' ? 'no masking session' : `masking ${state}${greeting}`;
  },
  facts: (v) => Object.entries(v || {}).map(([k, x]) => `${k} ${values(x).join('/')}`).join(', '),
};
// Conditions the graph itself already shows (where the edge starts) are not repeated in its label.
const SHOWN_BY_POSITION = ['callStatus', 'menu', 'dtmf', 'virtualNumberRef', 'virtualNumber', 'destination'];

/** The rule's other conditions in a few words each: "sg-office holiday", "weekend", "from SG". */
export function conditionShort(when) {
  return Object.entries(when || {}).filter(([key]) => !SHOWN_BY_POSITION.includes(key))
    .map(([key, value]) => (SHORT[key] ? SHORT[key](value) : `${key} ${values(value).join('/')}`));
}

function stepName(step) {
  return typeof step === 'string' ? step : Object.keys(step || {})[0];
}

/** How the rule ends the call when it sets no next menu, and whom it connects the caller to (if anyone). */
function outcome(then) {
  const steps = (then && then.steps) || [];
  const call = steps.find((s) => stepName(s) === 'makeCall');
  const connects = call && call.makeCall ? `connects to ${call.makeCall.destination}` : null;
  if (then && then.menu) {
    return { connects, end: null };
  }
  return { connects, end: connects || (steps.some((s) => stepName(s) === 'hangup') ? 'hangs up' : 'ends the call') };
}

/** Keys as a short list: ["3","4","5","6","*"] → "3–6, *". */
export function keyRanges(keys) {
  const digits = keys.filter((k) => /^[0-9]$/.test(k)).map(Number).sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < digits.length; i += 1) {
    let j = i;
    while (j + 1 < digits.length && digits[j + 1] === digits[j] + 1) {
      j += 1;
    }
    parts.push(j - i >= 2 ? `${digits[i]}–${digits[j]}` : digits.slice(i, j + 1).join(', '));
    i = j;
  }
  return [...parts, ...keys.filter((k) => !/^[0-9]$/.test(k))].join(', ');
}

/**
 * The graph of `number`'s rules (or of the rules naming no number, for ANY_NUMBER).
 *
 * @param entries [{set, rule}] of every draft rule set, in the order written
 * @param findings the draft analysis' findings (may be empty when the analysis could not run)
 * @return {nodes: Map(id → node), order: [ids, breadth first from the call start], edges: [...], notDrawn: n}
 */
export function menuGraph(entries, number, findings) {
  const mine = entries.filter(({ rule }) => rule.enabled !== false && (number === ANY_NUMBER
    ? numbersOf(rule).length === 0 : numbersOf(rule).includes(number)));
  const nodes = new Map([[START, node(START, 'start')]]);
  const menuNode = (name) => {
    if (!nodes.has(name)) {
      nodes.set(name, node(name, 'menu'));
    }
    return nodes.get(name);
  };
  // Every menu a rule of this number reads or sets, so that "any menu" rules know where they apply.
  mine.forEach(({ rule }) => {
    sourcesOf(rule).menus.forEach(menuNode);
    if (rule.then && rule.then.menu) {
      menuNode(String(rule.then.menu));
    }
  });
  const edges = [];
  let notDrawn = 0;
  mine.forEach(({ set, rule }, index) => {
    const sources = sourcesOf(rule);
    const from = [...(sources.start ? [START] : []), ...(sources.anyMenu
      ? [...nodes.keys()].filter((id) => id !== START) : sources.menus)];
    if (!from.length) {
      notDrawn += 1;
    }
    const { connects, end } = outcome(rule.then);
    for (const source of from) {
      edges.push({ from: source, to: end ? null : String(rule.then.menu), end, connects, set, rule: rule.id,
        priority: Number(rule.priority) || 0, index, anyMenu: sources.anyMenu && source !== START,
        key: source === START ? null : keyWords((rule.when || {}).dtmf), conditions: conditionShort(rule.when) });
    }
  });
  // Best-ranked first within each node, as the engine tries them; ties in the order written.
  edges.sort((a, b) => b.priority - a.priority || a.index - b.index);
  edges.forEach((edge) => { nodes.get(edge.from).out.push(edge); });
  for (const source of nodes.values()) {
    source.out.forEach((edge, i) => { edge.otherwise = i > 0; });
    source.out.forEach((edge) => { if (edge.to) { nodes.get(edge.to).in.push(edge); } });
  }
  const order = depths(nodes);
  // Rules that name no number answer every number's calls too, so a menu one of them answers in is no dead end.
  const global = number === ANY_NUMBER ? [] : entries.filter(({ rule }) => rule.enabled !== false
    && numbersOf(rule).length === 0).map(({ rule }) => sourcesOf(rule));
  for (const menu of nodes.values()) {
    if (menu.kind === 'menu' && menu.in.length && !menu.out.length
        && !global.some((g) => g.anyMenu || g.menus.includes(menu.id))) {
      menu.deadEnd = `no rule answers in ${menu.id}`;
    }
  }
  attachFindings(nodes, findings, number);
  return { number, nodes, order, edges, notDrawn, rules: mine.length };
}

function node(id, kind) {
  return { id, kind, out: [], in: [], depth: null, reached: kind === 'start', deadEnd: null, noWayOut: [],
    unhandledKeys: [], findings: [] };
}

/** Breadth-first depths from the call start; menus it never reaches start further runs (depth 0, not reached). */
function depths(nodes) {
  const order = [];
  const run = (root, reached) => {
    root.depth = 0;
    const queue = [root];
    while (queue.length) {
      const current = queue.shift();
      current.reached = reached;
      order.push(current.id);
      for (const edge of current.out) {
        const next = edge.to && nodes.get(edge.to);
        if (next && next.depth === null) {
          next.depth = current.depth + 1;
          queue.push(next);
        }
      }
    }
  };
  run(nodes.get(START), true);
  for (const other of nodes.values()) {
    if (other.depth === null) {
      run(other, false);
    }
  }
  return order;
}

/** Puts the analysis' unhandled_key and no_way_out findings about this number on their menu nodes. */
function attachFindings(nodes, findings, number) {
  const wanted = number === ANY_NUMBER ? null : number;
  for (const finding of findings || []) {
    const details = finding.details || {};
    if (!['unhandled_key', 'no_way_out'].includes(finding.code) || (details.number ?? null) !== wanted) {
      continue;
    }
    const target = nodes.get(details.menu || START);
    if (!target) {
      continue;
    }
    target.findings.push(finding);
    if (finding.code === 'unhandled_key') {
      target.unhandledKeys.push(...(details.keys || []));
    } else {
      target.noWayOut.push(finding.message);
    }
  }
}

/** The short problem lines a node shows: dead end, no way out, unhandled keys (icons and words, not colour). */
export function nodeProblems(n) {
  const lines = [];
  if (n.deadEnd) {
    lines.push({ kind: 'dead-end', text: `✖ dead end: ${n.deadEnd}` });
  } else if (n.noWayOut.length) {
    lines.push({ kind: 'dead-end', text: '✖ dead end: no way out' });
  }
  if (n.unhandledKeys.length) {
    const keys = [...new Set(n.unhandledKeys)];
    lines.push({ kind: 'unhandled', text: `⚠ key${keys.length === 1 ? '' : 's'} ${keyRanges(keys)} unhandled` });
  }
  if (n.kind === 'start' && !n.out.length) {
    lines.push({ kind: 'dead-end', text: '✖ no rule answers a new call' });
  }
  return lines;
}

/** What an edge tests, in a few words: the key, then the other conditions ("otherwise" when it tests nothing). */
export function edgeWhen(edge) {
  const parts = [edge.key, ...edge.conditions].filter(Boolean);
  if (edge.anyMenu) {
    parts.push('in any menu');
  }
  if (!edge.key && !edge.conditions.length) {
    parts.unshift(edge.otherwise ? 'otherwise' : 'always');
  }
  return parts.join(', ');
}

/** Where an edge leads, in words: "post_call", "hangs up", "connects to +65…". */
export function edgeTarget(edge) {
  return edge.to || edge.end;
}

/** The rule editor's address for a rule. */
export function ruleHref(edge) {
  return `#/rules?set=${encodeURIComponent(edge.set)}&rule=${encodeURIComponent(edge.rule)}`;
}
