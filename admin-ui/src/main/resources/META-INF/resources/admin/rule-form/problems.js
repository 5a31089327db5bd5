// Puts the server's problems next to the controls they are about. The server names a place in the rule
// ("when.time.from", "then.steps[1].makeCall.destination"); controls carry the same address in data-path. A problem
// whose exact control is missing goes to the nearest enclosing one ("then.steps[1]"), else to the general list.

/** Candidate addresses for a path, most specific first: the path, its "[0]" form for a single window, its parents. */
function candidates(path) {
  const out = [];
  const add = (p) => {
    if (p && !out.includes(p)) {
      out.push(p);
    }
  };
  let current = path;
  while (current) {
    add(current);
    add(current.replace(/^when\.time(\.|$)/, 'when.time[0]$1'));
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut > 0 ? current.slice(0, cut) : '';
  }
  return out;
}

/** Removes every message and invalid mark that showProblems put inside {@code container}. */
export function clearProblems(container) {
  container.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  container.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
}

/**
 * Shows each {path, message} at its control; returns the problems no control took. The first control with a
 * problem gets the focus, so keyboard and screen-reader users land on it.
 */
export function showProblems(container, problems) {
  clearProblems(container);
  const unplaced = [];
  let first = null;
  for (const problem of problems) {
    const target = candidates(problem.path).map((p) => container.querySelector(`[data-path="${CSS.escape(p)}"]`))
      .find(Boolean);
    const slot = target && document.getElementById(`${target.id}-error`);
    if (!slot) {
      unplaced.push(problem);
      continue;
    }
    const folded = target.closest('details');
    if (folded) {
      folded.open = true;
    }
    target.setAttribute('aria-invalid', 'true');
    // At a step's parameter, its label already names it: "destination "6222 1234" is not…" reads "“6222 1234” is not…".
    const parameter = target.getAttribute('data-parameter');
    const message = parameter && problem.message.startsWith(`${parameter} `)
      ? problem.message.slice(parameter.length + 1) : problem.message;
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    first = first || target;
  }
  if (first) {
    first.focus();
  }
  return unplaced;
}
