// The start page: is the server answering calls, which version is live, and where to go next.

import { api } from '../api.js';
import { h } from '../ui.js';

export default {
  path: 'home',
  title: 'Overview',
  role: 'VIEWER',
  async render(main) {
    const [health, versions] = await Promise.all([
      fetch('../health/ready', { headers: { Accept: 'application/json' } }).then((r) => r.json()
        .then((body) => ({ ok: r.ok, body }))),
      api.get('versions'),
    ]);
    main.append(
      h('h1', {}, 'Overview'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Calls'),
        h('dd', { class: health.ok ? 'up' : 'down', id: 'status' },
          health.ok ? 'answered by the rules' : `not answered by rules: ${health.body.reason || health.body.status}`),
        h('dt', {}, 'Live version'),
        h('dd', { id: 'live-version' }, versions.live ? `version ${versions.live}` : 'none yet'),
        h('dt', {}, 'Versions'),
        h('dd', {}, String(versions.versions.length))));
  },
};
