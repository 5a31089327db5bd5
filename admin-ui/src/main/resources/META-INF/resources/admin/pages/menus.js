// The Menus page: one number's IVR drawn from the draft rules (menu-graph.js, menu-graph-svg.js) with dead ends and
// unhandled keys marked, and the same graph as a list of edges in words for keyboard and screen-reader users.
// The number lives in the address (#/menus?number=…) so a graph can be shared and reloaded.

import { api } from '../api.js';
import { ANY_NUMBER, START, edgeTarget, edgeWhen, graphNumbers, menuGraph, nodeProblems, ruleHref }
  from '../menu-graph.js';
import { menuGraphSvg } from '../menu-graph-svg.js';
import { announce, field, h } from '../ui.js';

function numberLabel(number) {
  return number === ANY_NUMBER ? 'Rules that name no number (any number)' : number;
}

function nodeName(graph, id) {
  return id === START ? `Call starts (${numberLabel(graph.number)})` : id;
}

/** One node of the list: its name, its problems in words, and each rule leaving it. */
function nodeItem(graph, n) {
  const problems = nodeProblems(n);
  return h('li', { class: 'menu-list-node', 'data-node': n.id },
    h('strong', {}, nodeName(graph, n.id)),
    n.kind === 'menu' && !n.reached ? h('span', { class: 'hint' }, ' — not reached from the call start') : null,
    problems.length ? h('ul', { class: 'menu-problems-inline' },
      problems.map((p) => h('li', { class: `problem ${p.kind}` }, p.text))) : null,
    n.out.length ? h('ul', { class: 'menu-edges' }, n.out.map((edge) => h('li', {
      'data-rule': edge.rule, 'data-from': edge.from, 'data-to': edge.to || '', 'data-end': edge.end || '' },
    `${nodeName(graph, edge.from)} — ${edgeWhen(edge)} → ${edgeTarget(edge)}`,
    edge.to && edge.connects ? ` (${edge.connects})` : '',
    ' (rule ', h('a', { href: ruleHref(edge) }, `${edge.set}/${edge.rule}`), ')'))) : null);
}

/** The problems of the whole graph, in sentences: the analysis' own where it has one, else ours. */
function problemList(graph) {
  const items = [];
  for (const n of graph.nodes.values()) {
    if (n.deadEnd) {
      const senders = n.in.map((e) => `${e.set}/${e.rule}`).join(', ');
      items.push(h('li', { class: 'problem dead-end', 'data-node': n.id },
        `✖ Dead end: ${senders} send${n.in.length === 1 ? 's' : ''} callers to menu ${n.id}, `
        + 'but no rule answers there.'));
    }
    for (const finding of n.findings) {
      if (n.deadEnd && finding.code === 'no_way_out') {
        continue;   // the same dead end, said above
      }
      const icon = finding.code === 'no_way_out' ? '✖' : '⚠';
      items.push(h('li', { class: `problem ${finding.code === 'no_way_out' ? 'dead-end' : 'unhandled'}`,
        'data-node': n.id }, `${icon} ${finding.message}`));
    }
  }
  return items;
}

export default {
  path: 'menus',
  title: 'Menus',
  role: 'VIEWER',
  async render(main, { navigate, parameters }) {
    const sets = await api.get('rule-sets');
    const [lists, analysis] = await Promise.all([
      Promise.all(sets.map((set) => api.get(`rule-sets/${encodeURIComponent(set.name)}/rules`))),
      // Without the analysis the graph still shows, only unhandled keys and loops are not marked.
      api.get('analysis?version=draft').catch(() => null)]);
    const entries = lists.flatMap((list, i) => list.rules.map(({ rule }) => ({ set: sets[i].name, rule })));
    const numbers = graphNumbers(entries);
    const number = parameters.get('number') || numbers[0] || '';

    const numberInput = h('select', { id: 'menus-number', name: 'number' },
      numbers.map((n) => h('option', { value: n, selected: n === number }, numberLabel(n))),
      numbers.includes(number) || !number ? null : h('option', { value: number, selected: true }, number));
    const form = h('form', { id: 'menus-form', class: 'card', 'aria-label': 'Which number' },
      h('div', { class: 'row' }, field('Number', numberInput, 'As the rules name it')),
      h('button', { type: 'submit', class: 'primary' }, 'Show'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      navigate(`menus?number=${encodeURIComponent(numberInput.value)}`);
    });
    const result = h('section', { id: 'menus-result', 'aria-label': 'Menu graph' });
    main.append(h('h1', {}, 'Menus'),
      h('p', { class: 'hint' }, 'The draft rules (what the next publish makes live) drawn as a graph: menus are nodes, '
        + 'each rule an edge from the menu it applies in to the menu it leads to or to how the call ends.'),
      form, result);
    if (!number) {
      result.append(h('p', {}, 'The rules name no number yet.'));
      return;
    }

    const graph = menuGraph(entries, number, analysis ? analysis.findings : []);
    const menus = [...graph.nodes.values()].filter((n) => n.kind === 'menu');
    const problems = problemList(graph);
    const summary = `Menu graph of ${numberLabel(number)}: ${menus.length} menu${menus.length === 1 ? '' : 's'}, `
      + `${graph.rules} rule${graph.rules === 1 ? '' : 's'}, `
      + `${problems.length} problem${problems.length === 1 ? '' : 's'}.`
      + ' The list below says the same in words.';
    result.append(
      h('h2', {}, 'Problems'),
      problems.length ? h('ul', { id: 'menu-problems', class: 'menu-problems' }, problems)
        : h('p', { id: 'menu-problems' }, analysis ? 'No dead ends and no unhandled keys.'
          : 'No dead ends. (The analysis could not run, so unhandled keys are not checked.)'),
      h('h2', {}, 'Graph'),
      h('p', { class: 'hint' }, 'Rules are tried best-ranked first, top to bottom. ✖ marks a dead end, ⚠ unhandled '
        + 'keys, ↩ a rule leading back to an earlier menu.'),
      h('div', { class: 'menu-graph-wrap', tabindex: '0', role: 'region',
        'aria-label': 'Menu graph drawing (scrolls sideways)' },
        menuGraphSvg(graph, summary)),
      graph.notDrawn ? h('p', { class: 'hint' }, `${graph.notDrawn} rule${graph.notDrawn === 1 ? '' : 's'} of this `
        + 'number react to other events (not a new call, not a menu answer) and are not drawn.') : '',
      h('h2', { id: 'menu-list-heading' }, 'The graph in words'),
      h('ul', { id: 'menu-list', class: 'menu-list', 'aria-labelledby': 'menu-list-heading' },
        graph.order.map((id) => nodeItem(graph, graph.nodes.get(id)))));
    announce(summary);
  },
};
