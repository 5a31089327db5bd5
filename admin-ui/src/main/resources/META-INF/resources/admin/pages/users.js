// User management for admins: who may sign in, with which role; create, change role, disable/enable, delete.

import { api } from '../api.js';
import { user } from '../session.js';
import { announce, clearErrors, field, h, showError, table } from '../ui.js';

const ROLES = ['VIEWER', 'EDITOR', 'PUBLISHER', 'ADMIN', 'MASKING'];
const ROLE_HELP = 'Viewer reads; editor changes drafts; publisher makes them live; admin also manages users and '
  + 'plugins; masking may only use the masking API.';

function roleSelect(attributes, selected) {
  return h('select', attributes, ROLES.map((role) => h('option', { value: role, selected: role === selected },
    role.toLowerCase())));
}

function createForm(reload) {
  const username = h('input', { name: 'username', autocomplete: 'off', required: true, 'data-field': 'username' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true,
    'data-field': 'password' });
  const role = roleSelect({ name: 'role', 'data-field': 'role' }, 'VIEWER');
  const form = h('form', { class: 'card', id: 'user-form', 'aria-labelledby': 'new-user-title' },
    h('h2', { id: 'new-user-title' }, 'New user'),
    h('div', { class: 'row' },
      field('Username', username, 'Letters, digits, dots, dashes or underscores.'),
      field('Password', password, 'At least 12 characters; tell it to the user privately.'),
      field('Role', role, ROLE_HELP)),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, 'Create user'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const created = await api.post('users', { username: username.value.trim(), password: password.value,
        role: role.value });
      form.reset();
      announce(`User ${created.username} created`);
      await reload(`User ${created.username} created.`);
    } catch (e) {
      showError(form, e);
    }
  });
  return form;
}

/** One user's row controls; errors (e.g. "the last enabled admin") go to the message area above the table. */
function controls(account, report, reload) {
  const self = user().username === account.username;
  async function change(body, done) {
    try {
      await api.put(`users/${encodeURIComponent(account.username)}`, body);
      await reload(done);
    } catch (e) {
      report(e);
    }
  }
  const role = roleSelect({ 'aria-label': `Role of ${account.username}`, class: 'inline',
    'data-username': account.username }, account.role);
  role.addEventListener('change', () => change({ role: role.value },
    `${account.username} is now ${role.value.toLowerCase()}.`));
  return h('span', { class: 'user-controls' }, role,
    h('button', { type: 'button', 'aria-label': `${account.disabled ? 'Enable' : 'Disable'} ${account.username}`,
      onclick: () => change({ disabled: !account.disabled },
        `${account.username} is ${account.disabled ? 'enabled' : 'disabled'}.`) },
    account.disabled ? 'Enable' : 'Disable'),
    h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${account.username}`, disabled: self,
      title: self ? 'You cannot delete yourself here.' : null,
      onclick: async () => {
        if (!window.confirm(`Delete the user ${account.username}, with their tokens and sessions?`)) {
          return;
        }
        try {
          await api.del(`users/${encodeURIComponent(account.username)}`);
          await reload(`${account.username} deleted.`);
        } catch (e) {
          report(e);
        }
      } }, 'Delete'));
}

export default {
  path: 'users',
  title: 'Users',
  role: 'ADMIN',
  async render(main) {
    const list = h('div', { id: 'user-list', class: 'table-wrap' });
    const message = h('p', { id: 'users-message', role: 'status' });
    const report = (e) => {
      message.className = 'form-error';
      message.textContent = e.message;
    };
    async function reload(done) {
      const { users } = await api.get('users');
      message.className = 'ok';
      message.textContent = done || '';
      if (done) {
        announce(done);
      }
      list.replaceChildren(table([
        { title: 'Username', value: (u) => u.username },
        { title: 'Role', value: (u) => u.role.toLowerCase() },
        { title: 'State', value: (u) => (u.disabled ? h('span', { class: 'badge bad' }, 'disabled')
          : h('span', { class: 'badge ok' }, 'enabled')) },
        { title: 'Created', value: (u) => new Date(u.createdAt).toLocaleString() },
        { title: 'Change', value: (u) => controls(u, report, reload) },
      ], users, `${users.length} user${users.length === 1 ? '' : 's'}`));
    }
    main.append(h('h1', {}, 'Users'), message, list, createForm(reload));
    await reload();
  },
};
