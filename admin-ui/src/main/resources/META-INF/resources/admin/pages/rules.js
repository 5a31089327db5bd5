// The Rules page: every draft rule set and its rules in plain words, searchable and filterable by virtual number,
// menu and whether the draft changed the rule compared with live. A rule opens in the form editor
// (#/rules?set=<set>&rule=<id>, rule-editor.js); editors also create rules and rule sets, and export/import a set as
// YAML (#/rules?yaml=<set>, rule-yaml.js).

import { api } from '../api.js';
import { can } from '../session.js';
import { h } from '../ui.js';
import { changeSentence, draftChanges } from './draft-changes.js';
import { conditionWords, menusOf, numbersOf, stepWords } from './rule-words.js';
import { renderRuleEditor } from './rule-editor.js';
import { renderNewRuleSet } from './rule-set-new.js';
import { renderYamlEditor } from './rule-yaml.js';

function ruleItem(set, rule, changed) {
  const conditions = conditionWords(rule.when);
  const steps = stepWords(rule.then);
  const nextMenu = rule.then && rule.then.menu;
  const item = h('li', { class: 'rule-item', 'data-rule-id': rule.id, 'data-rule-set': set },
    h('div', { class: 'rule-head' },
      h('a', { class: 'rule-id', href: `#/rules?set=${encodeURIComponent(set)}&rule=${encodeURIComponent(rule.id)}`,
        'aria-label': `${can('EDITOR') ? 'Edit' : 'Open'} rule ${rule.id}` }, h('code', {}, rule.id)),
      h('span', { class: 'rule-priority' }, `priority ${rule.priority === undefined ? 0 : rule.priority}`),
      changed ? h('span', { class: 'badge warning changed-badge' }, 'changed in draft') : null,
      rule.enabled === false ? h('span', { class: 'badge disabled-badge' }, 'disabled') : null),
    rule.description ? h('p', { class: 'rule-description' }, rule.description) : null,
    h('p', { class: 'rule-when' }, h('strong', {}, 'When '), conditions.join(' and ')),
    h('div', { class: 'rule-then' }, h('strong', {}, 'Then'),
      steps.length ? h('ol', {}, steps.map((s) => h('li', {}, s))) : h('span', {}, ' no steps'),
      nextMenu ? h('p', {}, 'Next menu: ', h('code', {}, nextMenu)) : null));
  // What the search and filters look at, computed once.
  item.searchText = [set, rule.id, rule.description, ...conditions, ...steps, nextMenu].join(' ').toLowerCase();
  item.numbers = numbersOf(rule);
  item.menus = menusOf(rule);
  item.changed = changed;
  return item;
}

function select(id, label, options) {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id }, h('option', { value: '' }, 'all'), options.map((o) => h('option', { value: o }, o))));
}

export default {
  path: 'rules',
  title: 'Rules',
  role: 'VIEWER',
  async render(main, { parameters }) {
    if (parameters.get('yaml')) {
      await renderYamlEditor(main, parameters.get('yaml'));
      return;
    }
    if (parameters.get('set') && (parameters.get('rule') || parameters.get('new') === 'rule')) {
      await renderRuleEditor(main, parameters.get('set'), parameters.get('rule'));
      return;
    }
    if (parameters.get('new') === 'set') {
      await renderNewRuleSet(main);
      return;
    }
    const [sets, diff] = await Promise.all([api.get('rule-sets'), api.get('versions/live/diff/draft')]);
    const lists = await Promise.all(sets.map((set) => api.get(`rule-sets/${encodeURIComponent(set.name)}/rules`)));
    const changes = draftChanges(diff);

    const sections = sets.map((set, index) => {
      const items = lists[index].rules.map(({ rule }) => ruleItem(set.name, rule,
        changes.newSets.has(set.name) || changes.changed.has(`${set.name}/${rule.id}`)));
      const section = h('section', { class: 'card rule-set-card', 'data-rule-set': set.name,
        'aria-labelledby': `set-${index}` },
      h('div', { class: 'rule-set-head' },
        h('h2', { id: `set-${index}` }, set.name),
        h('span', { class: 'hint' }, `${set.rules} rules · revision ${set.revision} by ${set.updatedBy}`),
        can('EDITOR') ? h('span', { class: 'set-links' },
          h('a', { href: `#/rules?set=${encodeURIComponent(set.name)}&new=rule`, class: 'new-rule',
            'aria-label': `New rule in ${set.name}` }, 'New rule'),
          h('a', { href: `#/rules?yaml=${encodeURIComponent(set.name)}`, class: 'yaml-link' },
            `Export / import ${set.name} as YAML`)) : null),
      set.description ? h('p', {}, set.description) : null,
      h('ul', { class: 'rule-list' }, items));
      section.items = items;
      return section;
    });
    const allItems = sections.flatMap((s) => s.items);
    const distinct = (pick) => [...new Set(allItems.flatMap(pick))].sort();

    const search = h('input', { id: 'rule-search', type: 'search', placeholder: 'id, words, prompt text…' });
    const filters = h('form', { class: 'card rule-filters', role: 'search', 'aria-label': 'Filter rules' },
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: 'rule-search' }, 'Search'), search),
        select('filter-number', 'Virtual number', distinct((i) => i.numbers)),
        select('filter-menu', 'Menu', distinct((i) => i.menus)),
        h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'),
          h('select', { id: 'filter-status' }, h('option', { value: '' }, 'all'),
            h('option', { value: 'changed' }, 'changed in draft'), h('option', { value: 'same' }, 'same as live')))));
    const count = h('p', { id: 'rule-count', 'aria-live': 'polite' });
    const number = filters.querySelector('#filter-number');
    const menu = filters.querySelector('#filter-menu');
    const status = filters.querySelector('#filter-status');
    number.value = parameters.get('number') || '';
    menu.value = parameters.get('menu') || '';

    const apply = () => {
      const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const section of sections) {
        let visible = 0;
        for (const item of section.items) {
          const show = words.every((w) => item.searchText.includes(w))
            && (!number.value || item.numbers.includes(number.value))
            && (!menu.value || item.menus.includes(menu.value))
            && (!status.value || (status.value === 'changed') === item.changed);
          item.hidden = !show;
          visible += show ? 1 : 0;
        }
        section.hidden = visible === 0;
        shown += visible;
      }
      count.textContent = `${shown} of ${allItems.length} rules shown`;
    };
    filters.addEventListener('input', apply);
    filters.addEventListener('change', apply);
    filters.addEventListener('submit', (event) => event.preventDefault());

    main.append(
      h('div', { class: 'page-head' }, h('h1', {}, 'Rules'),
        h('span', { id: 'draft-status', class: `badge ${changes.identical ? 'ok' : 'warning'}` },
          `Drafts ${changeSentence(changes)}`),
        changes.identical ? null : h('a', { href: '#/publish' }, 'Review and publish')),
      h('p', { class: 'hint' }, 'The drafts: what the next publish makes live. Open a rule by its id to ',
        can('EDITOR') ? 'change it in a form. ' : 'see it in a form. ',
        can('EDITOR') ? h('a', { href: '#/rules?new=set', id: 'new-rule-set' }, 'New rule set') : null),
      filters, count, ...(sets.length ? sections : [h('p', {}, 'There are no rule sets yet.')]));
    apply();
  },
};
