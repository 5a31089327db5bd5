// The "Then" half of the rule editor: the callflow steps in order, each drawn from its action provider's parameter
// metadata (GET /api/plugins), built-in and plugin actions alike — the form knows no action by name. Steps can be
// added, removed and moved; parameters left empty are not written, so the rule set's defaults and the provider's
// own defaults apply (both are shown as placeholders).

import { h } from '../ui.js';
import { errorSlot, uid } from './controls.js';

// Long texts (what the caller hears) get a text area; the rest a one-line input.
const LONG_TEXT = 200;

function placeholderOf(spec, setDefault) {
  if (setDefault !== undefined) {
    return `rule set default: ${setDefault}`;
  }
  if (spec.default !== null && spec.default !== undefined) {
    return `default: ${spec.default}`;
  }
  return spec.type === 'PHONE_NUMBER' ? '+6562221234 or ${virtualNumber}' : '';
}

/** One parameter's control, by type; value() converts to the JSON type the server expects. */
function parameterControl(spec, initial, setDefault) {
  const id = uid(`p-${spec.name}`);
  const placeholder = placeholderOf(spec, setDefault);
  const text = initial === undefined || initial === null ? '' : String(initial);
  let input;
  let value;
  switch (spec.type) {
    case 'BOOLEAN': {
      const fallback = setDefault !== undefined ? setDefault : spec.default;
      input = h('select', { id },
        h('option', { value: '' }, fallback === null || fallback === undefined ? '(not set)' : `default (${fallback})`),
        h('option', { value: 'true', selected: text === 'true' }, 'yes'),
        h('option', { value: 'false', selected: text === 'false' }, 'no'));
      value = () => (input.value === '' ? undefined : input.value === 'true');
      break;
    }
    case 'CHOICE':
      input = h('select', { id }, h('option', { value: '' }, placeholder || '(not set)'),
        (spec.choices || []).map((c) => h('option', { value: c, selected: c === text }, c)));
      value = () => (input.value === '' ? undefined : input.value);
      break;
    case 'INTEGER':
    case 'NUMBER':
      input = h('input', { id, type: 'number', step: spec.type === 'INTEGER' ? '1' : 'any', min: spec.min ?? null,
        max: spec.max ?? null, value: text, placeholder });
      value = () => (input.value.trim() === '' ? undefined : Number(input.value));
      break;
    case 'SECRET':
      input = h('input', { id, type: 'password', autocomplete: 'off', value: text });
      value = () => (input.value === '' ? undefined : input.value);
      break;
    default: {
      const long = spec.type === 'TEXT' && (spec.max === null || spec.max === undefined || spec.max > LONG_TEXT)
        && /text|message/i.test(spec.name);
      input = long ? h('textarea', { id, rows: 2, placeholder }, text)
        : h('input', { id, type: 'text', value: text, placeholder, autocomplete: 'off',
          inputmode: spec.type === 'PHONE_NUMBER' ? 'tel' : (spec.type === 'AUDIO_URL' ? 'url' : null) });
      value = () => (input.value.trim() === '' ? undefined : input.value);
    }
  }
  input.setAttribute('data-parameter', spec.name);
  const required = spec.required && setDefault === undefined;
  const label = h('label', { for: id }, spec.label || spec.name, required ? h('span', { class: 'required' }, ' (required)')
    : null);
  return {
    name: spec.name,
    label: spec.label || spec.name,
    required,
    input,
    element: h('div', { class: 'field' }, label, input, spec.help ? h('p', { class: 'hint' }, spec.help) : null,
      errorSlot(input)),
    value,
  };
}

function actionTitle(action) {
  return action.displayName && action.displayName !== action.id ? `${action.displayName} (${action.id})` : action.id;
}

/** One step: its action's parameters, plus any parameter the metadata does not list, kept as written. */
function stepEditor(step, actions, defaults, handlers) {
  const [actionId, parameters] = typeof step === 'string' ? [step, {}] : (Object.entries(step)[0] || ['', {}]);
  const action = actions.find((a) => a.id === actionId)
    || { id: actionId, displayName: actionId, description: 'Not provided by any enabled plugin.', parameters: [] };
  const given = parameters || {};
  const setDefaults = defaults[actionId] || {};
  const controls = action.parameters.map((spec) => parameterControl(spec, given[spec.name], setDefaults[spec.name]));
  const unknown = Object.entries(given).filter(([name]) => !action.parameters.some((p) => p.name === name));
  const extra = unknown.map(([name, value]) => parameterControl({ name, type: 'TEXT', label: `${name} (not in the`
    + ' action’s parameter list)' }, value, undefined));
  const legend = h('legend', {});
  const up = h('button', { type: 'button', onclick: () => handlers.move(editor, -1) }, 'Move up');
  const down = h('button', { type: 'button', onclick: () => handlers.move(editor, 1) }, 'Move down');
  const remove = h('button', { type: 'button', class: 'remove', onclick: () => handlers.remove(editor) }, 'Remove step');
  // What must be filled in, or already is, stays in view; the optional rest folds away so a step reads short.
  const shown = controls.filter((c) => c.required || given[c.name] !== undefined);
  const folded = controls.filter((c) => !shown.includes(c));
  const fieldset = h('fieldset', { class: 'step', 'data-action': actionId, tabindex: '-1' }, legend,
    action.description ? h('p', { class: 'hint' }, action.description) : null,
    controls.length || extra.length ? h('div', { class: 'step-parameters' }, shown.map((c) => c.element),
      extra.map((c) => c.element), folded.length ? h('details', { class: 'optional-parameters' },
        h('summary', {}, `Optional settings (${folded.map((c) => c.label).join(', ')})`),
        folded.map((c) => c.element)) : null) : h('p', { class: 'hint' }, 'No parameters.'),
    h('div', { class: 'step-buttons' }, up, down, remove));
  const stepError = errorSlot(fieldset);
  fieldset.append(stepError);
  const editor = {
    element: fieldset,
    focus: () => (controls[0] ? controls[0].input : up).focus(),
    renumber(i, total) {
      legend.textContent = `Step ${i + 1}: ${actionTitle(action)}`;
      up.disabled = i === 0;
      down.disabled = i === total - 1;
      for (const button of [up, down, remove]) {
        button.setAttribute('aria-label', `${button.textContent}: step ${i + 1}`);
      }
      fieldset.setAttribute('data-path', `then.steps[${i}]`);
      for (const control of [...controls, ...extra]) {
        control.input.setAttribute('data-path', `then.steps[${i}].${actionId}.${control.name}`);
      }
    },
    value() {
      const out = {};
      for (const control of [...controls, ...extra]) {
        const value = control.value();
        if (value !== undefined) {
          out[control.name] = value;
        }
      }
      // "- hangup" rather than "- hangup: {}", as people write it.
      return Object.keys(out).length ? { [actionId]: out } : actionId;
    },
  };
  return editor;
}

/**
 * The steps editor. `actions` are the enabled providers' metadata ({id, displayName, description, parameters}),
 * `defaults` the rule set's per-action defaults. Returns {element, value()}.
 */
export function stepsEditor(steps, actions, defaults) {
  const editors = [];
  const list = h('div', { class: 'steps-editor', 'data-path': 'then.steps', tabindex: '-1', id: 'steps-list' });
  const renumber = () => {
    list.replaceChildren(...editors.map((e) => e.element));
    editors.forEach((e, i) => e.renumber(i, editors.length));
  };
  const handlers = {
    move(editor, by) {
      const at = editors.indexOf(editor);
      const to = at + by;
      if (to >= 0 && to < editors.length) {
        editors.splice(at, 1);
        editors.splice(to, 0, editor);
        renumber();
        editor.element.focus();
      }
    },
    remove(editor) {
      editors.splice(editors.indexOf(editor), 1);
      renumber();
      adder.focus();
    },
  };
  for (const step of steps || []) {
    editors.push(stepEditor(step, actions, defaults, handlers));
  }
  const adder = h('select', { id: 'add-step' }, h('option', { value: '' }, 'Add a step…'),
    actions.map((a) => h('option', { value: a.id }, actionTitle(a))));
  adder.addEventListener('change', () => {
    if (adder.value) {
      const editor = stepEditor(adder.value, actions, defaults, handlers);
      editors.push(editor);
      adder.value = '';
      renumber();
      editor.focus();
    }
  });
  renumber();
  return {
    element: h('div', {}, list, errorSlot(list), h('div', { class: 'field add-step' },
      h('label', { for: 'add-step' }, 'Add a step'), adder)),
    value: () => editors.map((e) => e.value()),
  };
}
