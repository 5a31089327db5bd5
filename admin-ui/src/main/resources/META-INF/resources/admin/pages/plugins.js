// The plugins: what each one provides (actions for rules, facts for conditions), whether it runs, why not, and how
// often it was called and failed. Everyone signed in may look; admins enable, disable and configure.

import { api } from '../api.js';
import { can } from '../session.js';
import { h, table } from '../ui.js';
import { settingsForm } from './plugin-settings.js';

const STATUS_CLASS = { enabled: 'ok', disabled: 'unknown', failed: 'bad', incompatible: 'bad' };

function ms(value) {
  return typeof value === 'number' ? value.toFixed(1) : '';
}

function actionsTable(plugin) {
  const actions = plugin.providers.actions || [];
  if (actions.length === 0) {
    return null;
  }
  return h('div', { class: 'table-wrap' }, table([
    { title: 'Action', value: (a) => h('code', {}, a.id) },
    { title: 'Name', value: (a) => a.displayName || '' },
    { title: 'What it does', value: (a) => a.description || '' },
    { title: 'Parameters', value: (a) => (a.parameters || []).map((p) => p.name + (p.required ? '*' : '')).join(', ') },
    { title: 'Calls', value: (a) => String(a.metrics?.calls ?? 0) },
    { title: 'Errors', value: (a) => String(a.metrics?.errors ?? 0) },
    { title: 'Mean ms', value: (a) => ms(a.metrics?.meanMs) },
  ], actions, `Actions (${actions.length})`));
}

function factsTable(plugin) {
  const providers = plugin.providers.facts || [];
  if (providers.length === 0) {
    return null;
  }
  return h('div', { class: 'table-wrap' }, table([
    { title: 'Provider', value: (f) => h('code', {}, f.id) },
    { title: 'What it tells', value: (f) => f.description || f.displayName || '' },
    { title: 'Facts', value: (f) => (f.facts || []).map((fact) => `${fact.name} (${fact.type})`).join(', ') },
    { title: 'Calls', value: (f) => String(f.metrics?.calls ?? 0) },
    { title: 'Errors', value: (f) => String(f.metrics?.errors ?? 0) },
  ], providers, `Fact providers (${providers.length})`));
}

function readOnlySettings(plugin) {
  if (plugin.settings.length === 0) {
    return null;
  }
  return h('dl', { class: 'facts' }, plugin.settings.map((s) => [h('dt', {}, s.label || s.name),
    h('dd', {}, s.type === 'SECRET' ? (s.set ? 'set (hidden)' : 'not set') : (s.value ?? s.default ?? '—'))]));
}

function card(plugin, reload) {
  const id = `plugin-${plugin.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  let changes = null;
  if (plugin.builtin) {
    changes = h('p', { class: 'hint' }, 'Built in: always enabled.');
  } else if (can('ADMIN')) {
    changes = settingsForm(plugin, reload);
  } else {
    changes = readOnlySettings(plugin);
  }
  return h('section', { class: 'card plugin', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, plugin.name, ' ',
      h('span', { class: `badge ${STATUS_CLASS[plugin.status] || ''}`, 'data-status': plugin.status }, plugin.status)),
    plugin.reason ? h('p', { class: 'form-error plugin-reason' }, plugin.reason) : null,
    plugin.description ? h('p', {}, plugin.description) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Version'), h('dd', {}, plugin.version || '—'),
      h('dt', {}, 'Plugin API'), h('dd', {}, plugin.apiVersion || '—'),
      plugin.files && plugin.files.length ? [h('dt', {}, 'Files'), h('dd', {}, plugin.files.join(', '))] : null,
      h('dt', {}, 'Calls'), h('dd', { class: 'plugin-calls' }, String(plugin.calls ?? 0)),
      h('dt', {}, 'Errors'), h('dd', { class: 'plugin-errors' }, String(plugin.errors ?? 0))),
    actionsTable(plugin),
    factsTable(plugin),
    changes);
}

export default {
  path: 'plugins',
  title: 'Plugins',
  role: 'VIEWER',
  async render(main) {
    const message = h('p', { id: 'plugins-message', class: 'ok', role: 'status', tabindex: '-1' });
    const list = h('div', { id: 'plugin-list' });
    async function reload(done) {
      const answer = await api.get('plugins');
      message.textContent = done || '';
      list.replaceChildren(...answer.plugins.map((plugin) => card(plugin, reload)));
      if (done) {
        message.focus();   // the button just pressed was redrawn away; keep keyboard users at the result
      }
      intro.textContent = `This server offers plugin API ${answer.apiVersion}. Plugin jars added to the plugins`
        + ' directory show up here within seconds; new ones wait, disabled, until an admin enables them.';
    }
    const intro = h('p', { class: 'hint' });
    main.append(h('h1', {}, 'Plugins'), intro, message, list);
    await reload();
  },
};
