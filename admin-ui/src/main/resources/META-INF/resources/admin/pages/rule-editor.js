// One rule in a form (#/rules?set=<set>&rule=<id>, or &new=rule): what it is about, its conditions (rule-form/
// conditions.js) and its callflow steps (rule-form/steps.js). Save writes the rule into the draft with the ETag it
// was read at; the server's problems come back addressed to fields and are shown there, in its words. Viewers get
// the same form, read-only.

import { api } from '../api.js';
import { can } from '../session.js';
import { announce, h } from '../ui.js';
import { conditionsEditor } from '../rule-form/conditions.js';
import { clearProblems, showProblems } from '../rule-form/problems.js';
import { stepsEditor } from '../rule-form/steps.js';
import { errorSlot, listOf } from '../rule-form/controls.js';

/** What the controls suggest, gathered from every draft rule set and the enabled plugins. */
async function editingContext(setName) {
  const [sets, { plugins }] = await Promise.all([api.get('rule-sets'), api.get('plugins')]);
  const documents = await Promise.all(sets.map((s) => api.get(`rule-sets/${encodeURIComponent(s.name)}`)));
  const rules = documents.flatMap((d) => d.rules || []);
  const distinct = (values) => [...new Set(values.filter((v) => typeof v === 'string'))].sort();
  const enabled = plugins.filter((p) => p.status === 'enabled');
  const factTypes = {};
  enabled.flatMap((p) => p.providers.facts).flatMap((f) => f.facts).forEach((f) => { factTypes[f.name] = f.type; });
  const own = documents.find((d) => d.ruleSet === setName) || {};
  return {
    menus: distinct(rules.flatMap((r) => [...listOf((r.when || {}).menu), ...listOf((r.then || {}).menu)]))
      .filter((m) => m !== 'none'),
    references: distinct(rules.flatMap((r) => listOf((r.when || {}).virtualNumberRef))),
    schedules: distinct(documents.flatMap((d) => Object.keys(d.schedules || {}))),
    factTypes,
    actions: enabled.flatMap((p) => p.providers.actions),
    defaultZone: own.defaultZone,
    defaults: own.defaults || {},
    priorities: (own.rules || []).map((r) => ({ id: r.id, priority: r.priority || 0, when: r.when || {} })),
  };
}

function input(id, path, attributes) {
  return h('input', { id, 'data-path': path, autocomplete: 'off', ...attributes });
}

function labelled(label, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control,
    hint ? h('p', { class: 'hint' }, hint) : null, errorSlot(control));
}

/** The rule's JSON from the form: what the form does not show (unknown keys) is kept from the rule as read. */
function ruleFrom(original, about, conditions, menu, steps) {
  const rule = { ...original, id: about.id.value.trim() };
  const put = (key, value) => {
    if (value === undefined || value === '' || (typeof value === 'object' && !Array.isArray(value)
      && Object.keys(value).length === 0)) {
      delete rule[key];
    } else {
      rule[key] = value;
    }
  };
  put('description', about.description.value.trim());
  put('priority', about.priority.value.trim() === '' ? undefined : Number(about.priority.value));
  put('enabled', about.enabled.checked ? undefined : false);
  put('when', conditions.value());
  const then = { ...(original.then || {}) };
  if (menu.value.trim()) {
    then.menu = menu.value.trim();
  } else {
    delete then.menu;
  }
  then.steps = steps.value();
  rule.then = then;
  return rule;
}

/** A server path ($.rules[3].when.time.from, or $.when… for a rule body) relative to the rule. */
function relative(path) {
  return (path || '').replace(/^\$\.rules\[\d+]\.?/, '').replace(/^\$\.?/, '');
}

export async function renderRuleEditor(main, setName, ruleId) {
  const creating = !ruleId;
  const base = `rule-sets/${encodeURIComponent(setName)}/rules`;
  const [context, read] = await Promise.all([editingContext(setName),
    creating ? Promise.resolve(null) : api.getWithEtag(`${base}/${encodeURIComponent(ruleId)}`)]);
  const original = read ? read.body : { then: { steps: [] } };
  let etag = read ? read.etag : null;
  let currentId = ruleId;
  const editable = can('EDITOR');

  const about = {
    id: input('rule-id', 'id', { type: 'text', value: original.id || '', required: true,
      placeholder: 'sg-sales-weekdays' }),
    description: input('rule-description', 'description', { type: 'text', value: original.description || '',
      placeholder: 'What the rule is for, in a sentence' }),
    priority: input('rule-priority', 'priority', { type: 'number', step: '1', value: original.priority ?? '' }),
    enabled: h('input', { id: 'rule-enabled', type: 'checkbox', checked: original.enabled !== false }),
  };
  const others = context.priorities.filter((r) => r.id !== ruleId).map((r) => `${r.id} ${r.priority}`);
  const conditions = conditionsEditor(original.when, context);
  const menu = input('rule-menu', 'then.menu', { type: 'text', list: 'known-menus', value: (original.then || {}).menu
    || '', placeholder: 'e.g. main_menu — leave empty when the call needs no further choice' });
  const steps = stepsEditor((original.then || {}).steps, context.actions, context.defaults);
  const outcome = h('div', { id: 'rule-outcome', 'aria-live': 'polite' });
  const general = h('ul', { class: 'problem-list', id: 'rule-problems' });

  const form = h('form', { id: 'rule-form', class: editable ? 'rule-form' : 'rule-form read-only', novalidate: true },
    h('fieldset', { class: 'plain', disabled: !editable },
      h('section', { class: 'card', 'aria-labelledby': 'about-heading' }, h('h2', { id: 'about-heading' }, 'Rule'),
        h('div', { class: 'row' },
          labelled('Id', about.id, 'Letters, digits, _ . - ; unique in the rule set.'),
          labelled('Priority', about.priority, `Higher wins when several rules match.${others.length
            ? ` Others in ${setName}: ${others.slice(0, 12).join(', ')}${others.length > 12 ? '…' : ''}.` : ''}`)),
        labelled('Description', about.description),
        h('label', { class: 'inline', for: 'rule-enabled' }, about.enabled,
          'Enabled (a disabled rule is kept and checked, but never answers a call)')),
      h('section', { class: 'card', 'aria-labelledby': 'when-heading' }, h('h2', { id: 'when-heading' }, 'When'),
        h('p', { class: 'hint' }, 'Every condition must hold. A condition with several values holds for any of them.'),
        conditions.element),
      h('section', { class: 'card', 'aria-labelledby': 'then-heading' }, h('h2', { id: 'then-heading' }, 'Then'),
        h('p', { class: 'hint' }, 'The steps run in order; the caller hears them as listed.'),
        steps.element,
        h('datalist', { id: 'known-menus' }, context.menus.map((m) => h('option', { value: m }))),
        labelled('Next menu', menu, 'The menu the caller is in after these steps: rules with “Menu the caller is in”'
          + ' set to it answer the keys they press.'))),
    h('p', { class: 'form-error', role: 'alert' }),
    general,
    outcome,
    editable ? h('div', { class: 'form-buttons' },
      h('button', { type: 'submit', class: 'primary', id: 'rule-save' }, 'Save to draft'),
      h('a', { href: '#/rules' }, 'Back to all rules'),
      creating ? null : h('button', { type: 'button', class: 'danger', id: 'rule-delete' }, 'Delete rule')) : null);

  const formError = form.querySelector('.form-error');
  const report = (saved) => {
    const mine = saved.problems.filter((p) => p.ruleId === saved.ruleId);
    const otherCount = saved.problems.length - mine.length;
    const unplaced = showProblems(form, mine.map((p) => ({ ...p, path: relative(p.path) })));
    general.replaceChildren(...unplaced.map((p) => h('li', {}, p.path ? h('code', {}, p.path) : null,
      p.path ? ': ' : null, p.message)));
    const publish = h('a', { href: '#/publish' }, 'Review and publish');
    outcome.replaceChildren(mine.length === 0
      ? h('p', { class: 'ok', id: 'rule-saved' }, `Saved to the draft (revision ${saved.revision}). `,
        otherCount ? `Other rules of ${setName} have ${otherCount} problems. ` : null, publish)
      : h('p', { class: 'warning', id: 'rule-saved' }, `Saved to the draft (revision ${saved.revision}), but this rule`
        + ` has ${mine.length} ${mine.length === 1 ? 'problem' : 'problems'} to fix before it can be published;`
        + ' each is shown at its field.'));
    announce(mine.length ? `Saved with ${mine.length} problems` : 'Saved to the draft');
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    formError.textContent = '';
    general.replaceChildren();
    outcome.replaceChildren(h('p', { class: 'hint' }, 'Saving…'));
    let rule;
    try {
      rule = ruleFrom(original, about, conditions, menu, steps);
    } catch (e) {
      formError.textContent = `Not saved: ${e.message}`;
      outcome.replaceChildren();
      return;
    }
    try {
      const saved = creating && !currentId
        ? await api.post(base, rule)
        : (await api.put(`${base}/${encodeURIComponent(currentId)}`, rule, etag)).body;
      currentId = saved.ruleId;
      etag = saved.ruleEtag;
      Object.assign(original, rule);
      // The address follows the rule (new or renamed) without reloading the page and losing the outcome shown.
      history.replaceState(null, '', `#/rules?set=${encodeURIComponent(setName)}&rule=${encodeURIComponent(currentId)}`);
      report(saved);
    } catch (e) {
      outcome.replaceChildren();
      if (e.status === 409 && currentId) {
        formError.textContent = 'Someone changed this rule after you opened it, so nothing was saved. Your changes'
          + ' are still in the form: open the rule again in another tab to see theirs.';
      } else {
        const unplaced = showProblems(form, [{ path: relative(e.field), message: e.message }]);
        if (unplaced.length) {
          formError.textContent = `Not saved: ${e.message}`;
        }
      }
    }
  });

  const remove = form.querySelector('#rule-delete');
  if (remove) {
    remove.addEventListener('click', () => {
      const confirm = h('p', { class: 'confirm', role: 'alert' }, `Delete ${currentId} from the draft? Live calls are`
        + ' not affected until the next publish. ',
      h('button', { type: 'button', class: 'danger', id: 'rule-delete-confirm', onclick: async () => {
        try {
          await api.del(`${base}/${encodeURIComponent(currentId)}`, etag);
          location.hash = '#/rules';
        } catch (e) {
          formError.textContent = e.status === 409 ? 'Someone changed this rule after you opened it; it was not'
            + ' deleted.' : `Not deleted: ${e.message}`;
        }
      } }, 'Yes, delete'), ' ', h('button', { type: 'button', onclick: () => { confirm.remove(); remove.focus(); } },
        'Keep it'));
      outcome.replaceChildren(confirm);
      confirm.querySelector('#rule-delete-confirm').focus();
    });
  }

  main.append(
    h('p', {}, h('a', { href: '#/rules' }, '← All rules')),
    h('h1', {}, creating ? `New rule in ${setName}` : `Rule ${ruleId}`, h('span', { class: 'rule-set' }, ` · ${setName}`)),
    editable ? null : h('p', { class: 'hint' }, 'Your role can read rules but not change them.'),
    form);
}
