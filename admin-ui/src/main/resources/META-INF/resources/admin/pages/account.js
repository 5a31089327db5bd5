// The signed-in user's own page: who they are, changing their password, and their personal API tokens.

import { api } from '../api.js';
import { SIGNED_IN, user } from '../session.js';
import { announce, clearErrors, field, h, showError, table } from '../ui.js';

function passwordForm() {
  const current = h('input', { type: 'password', name: 'current', autocomplete: 'current-password', required: true,
    'data-field': 'current' });
  const next = h('input', { type: 'password', name: 'new', autocomplete: 'new-password', required: true,
    'data-field': 'new' });
  const repeat = h('input', { type: 'password', name: 'repeat', autocomplete: 'new-password', required: true,
    'data-field': 'repeat' });
  const done = h('p', { class: 'ok', id: 'password-changed', role: 'status' });
  const form = h('form', { class: 'card', id: 'password-form', 'aria-labelledby': 'password-title' },
    h('h2', { id: 'password-title' }, 'Change your password'),
    field('Current password', current),
    field('New password', next, 'At least 12 characters; a few unrelated words make a strong one.'),
    field('Repeat the new password', repeat),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, 'Change password'),
    done);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    done.textContent = '';
    if (next.value !== repeat.value) {
      showError(form, { field: 'repeat', message: 'The two new passwords are not the same.' });
      return;
    }
    try {
      await api.put('me/password', { current: current.value, new: next.value });
      form.reset();
      done.textContent = 'Your password is changed. Your other browser sessions were signed out.';
      announce('Password changed');
    } catch (e) {
      showError(form, e);
    }
  });
  return form;
}

function tokenSection() {
  const list = h('div', { id: 'token-list' });
  const secret = h('div', { id: 'new-token', 'aria-live': 'polite' });
  const name = h('input', { name: 'name', required: true, maxlength: 100, 'data-field': 'name' });
  const form = h('form', { id: 'token-form', 'aria-label': 'Create an API token' },
    field('Name', name, 'What the token is for, e.g. "CI deploy".'),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, 'Create token'));

  async function load() {
    const { tokens } = await api.get('tokens');
    list.replaceChildren(tokens.length === 0 ? h('p', {}, 'You have no API tokens.') : h('div', { class: 'table-wrap' },
      table([
        { title: 'Name', value: (t) => t.name },
        { title: 'Created', value: (t) => new Date(t.createdAt).toLocaleString() },
        { title: 'Last used', value: (t) => (t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : 'never') },
        { title: 'Actions', value: (t) => h('button', { type: 'button', class: 'danger',
          'aria-label': `Revoke ${t.name}`, onclick: async () => {
            if (!window.confirm(`Revoke the token "${t.name}"? Scripts using it stop working at once.`)) {
              return;
            }
            await api.del(`tokens/${encodeURIComponent(t.id)}`);
            announce(`Token ${t.name} revoked`);
            await load();
          } }, 'Revoke') },
      ], tokens, 'Your API tokens')));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const created = await api.post('tokens', { name: name.value.trim() });
      const value = h('code', { id: 'new-token-value' }, created.token);
      const copy = h('button', { type: 'button', onclick: async () => {
        try {
          await navigator.clipboard.writeText(created.token);
          copy.textContent = 'Copied';
        } catch (e) {
          window.getSelection().selectAllChildren(value);
          copy.textContent = 'Selected: press Ctrl+C';
        }
      } }, 'Copy');
      secret.replaceChildren(h('div', { class: 'card token-secret' },
        h('p', {}, `Token "${created.name}" created. Copy it now: it is shown only this once.`),
        h('p', {}, value, ' ', copy)));
      form.reset();
      announce('Token created');
      await load();
    } catch (e) {
      showError(form, e);
    }
  });
  return { section: h('section', { class: 'card', 'aria-labelledby': 'tokens-title' },
    h('h2', { id: 'tokens-title' }, 'Personal API tokens'),
    h('p', { class: 'hint' },
      'For scripts: send as "Authorization: Bearer <token>". A token acts as you, with your role.'),
    secret, list, form), load };
}

export default {
  path: 'account',
  title: 'Account',
  // Every signed-in user may change their own password and tokens (the server's @AnyRole routes).
  role: SIGNED_IN,
  async render(main) {
    const me = user();
    const tokens = tokenSection();
    main.append(
      h('h1', {}, 'Account'),
      h('dl', { class: 'facts card' },
        h('dt', {}, 'Username'), h('dd', { id: 'account-username' }, me.username),
        h('dt', {}, 'Role'), h('dd', { id: 'account-role' }, me.role.toLowerCase()),
        h('dt', {}, 'Signed in with'), h('dd', {}, me.via || 'session')),
      passwordForm(),
      tokens.section);
    await tokens.load();
  },
};
