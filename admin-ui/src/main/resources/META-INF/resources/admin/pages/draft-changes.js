// What the drafts change compared with the live version, from the server's semantic diff
// (GET /api/versions/live/diff/draft): which rules are new or changed, and a one-line count for badges.

/** {changed: Set of "set/ruleId" that are new or different in the drafts, newSets: Set, counts: {...}}. */
export function draftChanges(diff) {
  const changed = new Set();
  const newSets = new Set(diff.ruleSetsAdded || []);
  const counts = { added: 0, changed: 0, removed: 0, ruleSetsAdded: newSets.size,
    ruleSetsRemoved: (diff.ruleSetsRemoved || []).length, settings: 0 };
  for (const set of diff.ruleSetsChanged || []) {
    for (const id of set.rulesAdded || []) {
      changed.add(`${set.name}/${id}`);
      counts.added += 1;
    }
    for (const rule of set.rulesChanged || []) {
      changed.add(`${set.name}/${rule.id}`);
      counts.changed += 1;
    }
    counts.removed += (set.rulesRemoved || []).length;
    counts.settings += (set.changes || []).length + (set.ruleOrderChanged ? 1 : 0);
  }
  return { changed, newSets, counts, identical: diff.identical };
}

/** "differ from live: 2 rules changed, 1 rule added" — or "are the same as live" (after "Drafts"). */
export function changeSentence(changes) {
  if (changes.identical) {
    return 'are the same as live';
  }
  const c = changes.counts;
  const parts = [
    [c.changed, 'rule changed', 'rules changed'], [c.added, 'rule added', 'rules added'],
    [c.removed, 'rule removed', 'rules removed'], [c.ruleSetsAdded, 'rule set added', 'rule sets added'],
    [c.ruleSetsRemoved, 'rule set removed', 'rule sets removed'],
    [c.settings, 'rule set setting changed', 'rule set settings changed'],
  ].filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return `differ from live: ${parts.join(', ') || 'changed'}`;
}
