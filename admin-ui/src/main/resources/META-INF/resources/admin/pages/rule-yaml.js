// One rule set as YAML (#/rules?yaml=<set>): the canonical export in a textarea and, for editors, Save to import it
// back over the draft (If-Match: the revision the text was read at, so nobody's edit is overwritten unseen). The
// server saves drafts even with problems and lists them (path + message): they are shown next to the text.

import { api } from '../api.js';
import { can } from '../session.js';
import { announce, clearErrors, field, h, showError } from '../ui.js';

function problemList(problems) {
  return h('ul', { class: 'problem-list' }, problems.map((p) => h('li', {},
    h('code', {}, p.path), p.ruleId ? ` (rule ${p.ruleId})` : '', `: ${p.message}`)));
}

export async function renderYamlEditor(main, name) {
  const path = `rule-sets/${encodeURIComponent(name)}/yaml`;
  const exported = await api.getText(path);
  let etag = exported.etag;
  const editable = can('EDITOR');
  const text = h('textarea', { id: 'rule-yaml', name: 'yaml', rows: 28, spellcheck: 'false', 'data-field': 'yaml',
    readonly: !editable }, exported.body);
  const problems = h('div', { id: 'yaml-problems', class: 'yaml-problems', 'aria-live': 'polite' },
    h('p', { class: 'hint' }, editable ? 'Problems the server finds on Save are listed here.' : ''));
  const form = h('form', { class: 'card', id: 'yaml-form' },
    h('div', { class: 'yaml-layout' },
      h('div', {}, field(`${name}.yaml`, text, editable
        ? 'Saving replaces the whole draft; comments are not kept. Quote times, numbers and keys.' : null)),
      problems),
    h('p', { class: 'form-error', role: 'alert' }),
    editable ? h('button', { type: 'submit', class: 'primary', id: 'yaml-save' }, 'Save draft') : null);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const saved = await api.putText(path, text.value, etag);
      etag = saved.etag;
      const result = saved.body;
      problems.replaceChildren(result.valid
        ? h('p', { class: 'ok', id: 'yaml-saved' }, `Saved as revision ${result.revision}. No problems.`)
        : h('div', {}, h('p', { class: 'warning', id: 'yaml-saved' },
          `Saved as revision ${result.revision}, with problems that keep it from being published:`),
        problemList(result.problems)));
      announce(result.valid ? 'Draft saved' : `Draft saved with ${result.problems.length} problems`);
    } catch (e) {
      if (e.status === 409 && e.body && e.body.etag) {
        showError(form, { message: 'Someone saved this rule set after you opened it; nothing was saved. Reload'
          + ' the page to see their version, then make your change again.' });
      } else if (e.body && Array.isArray(e.body.problems)) {
        showError(form, e);
        problems.replaceChildren(problemList(e.body.problems));
      } else {
        // The field of a 422 is a JSON path into the document; show it with the message, next to the text.
        problems.replaceChildren(h('p', { class: 'bad' }, e.field ? h('code', {}, e.field) : null,
          e.field ? ': ' : null, e.message));
        showError(form, { message: `Not saved: ${e.message}` });
      }
    }
  });

  main.append(
    h('p', {}, h('a', { href: '#/rules' }, '← All rules')),
    h('h1', {}, `Rule set ${name} as YAML`),
    h('p', {}, h('a', { href: `../api/${path}`, download: `${name}.yaml` }, 'Download the file')),
    form);
}
