// Sign-in. The server sets an HttpOnly session cookie and gives a CSRF token for the requests that change things.

import { signIn } from '../session.js';
import { h, field, showError } from '../ui.js';

export function renderLogin(main, onSignedIn) {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, 'data-field': 'username' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true,
    'data-field': 'password' });
  const form = h('form', { class: 'card narrow', id: 'login-form', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Sign in to Callroute'),
    field('Username', username),
    field('Password', password),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await signIn(username.value.trim(), password.value);
      onSignedIn();
    } catch (e) {
      showError(form, e.status === 401 ? { message: 'Wrong username or password.' } : e);
      password.value = '';
      password.focus();
    }
  });
  main.append(form);
  username.focus();
}
