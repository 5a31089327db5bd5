// An admin's form for one plugin, generated from the settings metadata the plugin declares: each type gets its
// input, SECRETs are never shown (only whether one is stored), and the server's check of a setting is shown at it.

import { api } from '../api.js';
import { announce, clearErrors, field, h, showError } from '../ui.js';

function input(setting, id) {
  const common = { id, name: setting.name, 'data-field': `settings.${setting.name}`, required: setting.required };
  switch (setting.type) {
    case 'BOOLEAN':
      return h('input', { ...common, type: 'checkbox', required: false,
        checked: (setting.value ?? setting.default) === 'true' });
    case 'INTEGER':
    case 'NUMBER':
      return h('input', { ...common, type: 'number', step: setting.type === 'INTEGER' ? '1' : 'any',
        min: setting.min ?? null, max: setting.max ?? null, value: setting.value ?? '' });
    case 'CHOICE':
      return h('select', common, setting.required ? null : h('option', { value: '' }, '(none)'),
        (setting.choices || []).map((choice) => h('option', { value: choice, selected: choice === setting.value },
          choice)));
    case 'SECRET':
      // Never pre-filled: the server does not return secrets; empty means "keep what is stored".
      return h('input', { ...common, type: 'password', autocomplete: 'new-password',
        required: setting.required && !setting.set, placeholder: setting.set ? 'stored — leave empty to keep' : '' });
    default:
      return h('input', { ...common, type: setting.type === 'AUDIO_URL' ? 'url' : 'text',
        inputmode: setting.type === 'PHONE_NUMBER' ? 'tel' : null, value: setting.value ?? '' });
  }
}

function hint(setting) {
  const parts = [];
  if (setting.help) {
    parts.push(setting.help);
  }
  if (setting.default !== null && setting.default !== undefined && setting.type !== 'SECRET') {
    parts.push(`Default: ${setting.default}.`);
  }
  if (setting.type === 'SECRET') {
    parts.push(setting.set ? 'A value is stored.' : 'No value is stored.');
  }
  return parts.join(' ') || null;
}

/** The value to send for a setting, or undefined to leave the stored one as it is. */
function valueOf(setting, element) {
  if (setting.type === 'BOOLEAN') {
    return element.checked;
  }
  if (setting.type === 'SECRET') {
    return element.value === '' ? undefined : element.value;
  }
  if (element.value === '') {
    return null;
  }
  return setting.type === 'INTEGER' || setting.type === 'NUMBER' ? Number(element.value) : element.value;
}

/** The form of a (non built-in) plugin; {@code reload} redraws the page with a message. */
export function settingsForm(plugin, reload) {
  const slug = plugin.name.replace(/[^A-Za-z0-9_-]/g, '_');
  const elements = plugin.settings.map((setting) => [setting, input(setting, `plugin-${slug}-${setting.name}`)]);
  // novalidate: the server checks every setting (range, URL, required before enabling) and its sentence is shown at
  // the field, the same for every input; the browser's own bubbles would say less and look different per field.
  const form = h('form', { class: 'plugin-settings', id: `plugin-form-${slug}`,
    'aria-label': `Settings of ${plugin.name}`, novalidate: true },
    elements.length === 0 ? h('p', {}, 'This plugin has no settings.') : h('div', { class: 'row' },
      elements.map(([setting, element]) => field(
        `${setting.label || setting.name}${setting.required ? ' (required)' : ''}`, element, hint(setting)))),
    h('p', { class: 'form-error', role: 'alert' }),
    elements.length === 0 ? null : h('button', { type: 'submit', class: 'primary' }, 'Save settings'), ' ',
    plugin.status === 'enabled'
      ? h('button', { type: 'button', name: 'disable', onclick: () => send({ enabled: false }, 'disabled') }, 'Disable')
      // Enabling takes what the form shows: a plugin whose required settings were just typed in must not be refused
      // for lacking them because Save was not pressed first.
      : h('button', { type: 'button', name: 'enable',
        onclick: () => send({ enabled: true, settings: formSettings() }, 'enabled') }, 'Enable'));

  function formSettings() {
    const settings = {};
    for (const [setting, element] of elements) {
      const value = valueOf(setting, element);
      if (value !== undefined) {
        settings[setting.name] = value;
      }
    }
    return settings;
  }

  async function send(body, done) {
    clearErrors(form);
    try {
      const { body: answer } = await api.put(`plugins/${encodeURIComponent(plugin.name)}`, body);
      // Saved, but a plugin that then fails to start (its own check of the settings) says why instead of "saved".
      const result = answer && answer.status === 'failed'
        ? `${plugin.name} ${done}, but it failed to start: ${answer.reason}`
        : `${plugin.name} ${done}.`;
      announce(result);
      await reload(result);
    } catch (e) {
      showError(form, e);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send({ settings: formSettings() }, 'saved');
  });
  return form;
}
