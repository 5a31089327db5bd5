// A new, empty rule set (#/rules?new=set): its name, what it is for and the zone its times are read in. Rules are
// then added one by one in the rule editor. The server checks the name; its message is shown at the field.

import { api } from '../api.js';
import { field, h, showError } from '../ui.js';
import { zoneDatalist } from '../rule-form/time-windows.js';

export async function renderNewRuleSet(main) {
  const name = h('input', { id: 'set-name', name: 'ruleSet', type: 'text', required: true, 'data-field': '$.ruleSet',
    autocomplete: 'off', placeholder: 'sg-sales' });
  const description = h('input', { id: 'set-description', type: 'text', 'data-field': '$.description' });
  const zone = h('input', { id: 'set-zone', type: 'text', list: zoneDatalist(), 'data-field': '$.defaultZone',
    autocomplete: 'off', placeholder: 'Asia/Singapore' });
  const form = h('form', { class: 'card', id: 'rule-set-form', novalidate: true },
    field('Name', name, 'Letters, digits, _ . - ; rule sets are taken in name order for equal priorities.'),
    field('Description', description),
    field('Default time zone', zone, 'The zone of days-and-hours conditions that name none (IANA, e.g. Europe/London).'),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, 'Create rule set'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const document = { ruleSet: name.value.trim(), rules: [] };
    if (description.value.trim()) {
      document.description = description.value.trim();
    }
    if (zone.value.trim()) {
      document.defaultZone = zone.value.trim();
    }
    try {
      await api.post('rule-sets', document);
      location.hash = `#/rules?set=${encodeURIComponent(document.ruleSet)}&new=rule`;
    } catch (e) {
      showError(form, e);
    }
  });
  main.append(h('p', {}, h('a', { href: '#/rules' }, '← All rules')), h('h1', {}, 'New rule set'), form);
}
