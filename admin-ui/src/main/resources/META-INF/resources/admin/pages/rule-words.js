// A rule's conditions and steps in plain words, for people who read rules without reading YAML (docs/RULES.md is
// the vocabulary). Unknown keys (plugin facts, plugin actions, future conditions) are still shown, generically, so
// that nothing a rule does is hidden from its reader.

const STATUS_WORDS = {
  CALL_RECEIVED: 'a new call arrives',
  ACTION_COMPLETED: 'the previous callflow has finished',
  DTMF_RECEIVED: 'keys were received (legacy event)',
};

/** ['a', 'b', 'c'] → "a, b or c"; a single value → itself. */
function anyOf(value) {
  const values = (Array.isArray(value) ? value : [value]).map(text);
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function text(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k} ${anyOf(v)}`).join(', ');
  }
  return String(value);
}

function timeWindow(window) {
  if (typeof window !== 'object' || window === null) {
    return text(window);
  }
  const days = window.days ? anyOf(window.days) : 'every day';
  const hours = window.from || window.to ? `${window.from || '00:00'}–${window.to || '24:00'}` : 'all day';
  const dates = window.dates ? ` on ${anyOf(window.dates)}` : '';
  const zone = window.zone ? ` (${window.zone === 'caller' || window.zone === 'callee'
    ? `the ${window.zone}'s time zone` : window.zone})` : '';
  return `${days} ${hours}${dates}${zone}`;
}

function dtmf(value) {
  if (value === 'any') {
    return 'some keys were pressed';
  }
  if (value === 'none') {
    return 'no keys were pressed';
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && value.pattern) {
    return `the keys pressed match ${value.pattern}`;
  }
  return `the caller pressed ${anyOf(value)}`;
}

function schedule(value) {
  if (value && typeof value === 'object') {
    return `schedule ${value.name} is ${anyOf(value.is || 'open')}`;
  }
  return `schedule ${value} is open`;
}

function masking(value) {
  const state = value && typeof value === 'object' ? value.is : value;
  const greeting = value && typeof value === 'object' && value.greeting !== undefined
    ? ` (greeting ${value.greeting ? 'on' : 'off'})` : '';
  if (state === 'live') {
    return `the caller has a live masking session${greeting}`;
  }
  if (state === 'none') {
    return 'a masking number without a live session for this caller';
  }
  return `masking ${text(value)}`;
}

const CONDITIONS = {
  callStatus: (v) => anyOf((Array.isArray(v) ? v : [v]).map((s) => STATUS_WORDS[s] || `the call status is ${s}`)),
  direction: (v) => `the leg is ${anyOf(v).toLowerCase()}`,
  callType: (v) => `the network is ${anyOf(v)}`,
  source: (v) => `the caller is ${anyOf(v)}`,
  destination: (v) => `the called number is ${anyOf(v)}`,
  virtualNumber: (v) => `the virtual number is ${anyOf(v)}`,
  virtualNumberRef: (v) => `virtual number ${anyOf(v)}`,
  sourceCountry: (v) => `the caller is in ${anyOf(v)}`,
  destinationCountry: (v) => `the called party is in ${anyOf(v)}`,
  subAccountId: (v) => `subaccount ${anyOf(v)}`,
  menu: (v) => (v === 'none' ? 'first round of the call (no menu yet)' : `the caller is in menu ${anyOf(v)}`),
  dtmf,
  time: (v) => `time is ${(Array.isArray(v) ? v : [v]).map(timeWindow).join(' or ')}`,
  masking,
  facts: (v) => Object.entries(v || {}).map(([name, value]) => `plugin fact ${name} is ${anyOf(value)}`).join(' and '),
  schedule,
};

/** The rule's conditions, one phrase each, in the order written. */
export function conditionWords(when) {
  if (!when || Object.keys(when).length === 0) {
    return ['every event'];
  }
  return Object.entries(when).map(([key, value]) => (CONDITIONS[key] ? CONDITIONS[key](value) : `${key} is ${anyOf(value)}`));
}

function quoted(value) {
  return `“${value}”`;
}

const ACTIONS = {
  say: (p) => `say ${quoted(p.text)}`,
  sayAndCapture: (p) => {
    const digits = p.minDigits || p.maxDigits ? ` (${p.minDigits || 1}–${p.maxDigits || 1} keys)` : '';
    return `ask ${quoted(p.promptMessage)} and wait for keys${digits}`;
  },
  playFile: (p) => `play ${p.fileUrl}`,
  makeCall: (p) => `connect the call to ${p.destination}, showing ${p.source}${p.callRecording ? ', recorded' : ''}`,
  hangup: () => 'hang up',
};

/** Each step as a phrase: `- say: {text}` → "say “text”"; a plugin action shows its name and parameters. */
export function stepWords(then) {
  const steps = (then && then.steps) || [];
  return steps.map((step) => {
    if (typeof step === 'string') {
      return ACTIONS[step] ? ACTIONS[step]({}) : step;
    }
    const [action, parameters] = Object.entries(step)[0] || ['(empty step)', {}];
    const p = parameters || {};
    if (ACTIONS[action]) {
      return ACTIONS[action](p);
    }
    const listed = Object.entries(p).map(([k, v]) => `${k} ${text(v)}`).join(', ');
    return listed ? `${action} (${listed})` : action;
  });
}

/** The virtual numbers a rule is about: its virtualNumberRef, destination and virtualNumber values. */
export function numbersOf(rule) {
  const when = rule.when || {};
  return ['virtualNumberRef', 'destination', 'virtualNumber'].flatMap((key) => values(when[key]));
}

/** The menus a rule reads (when.menu) or sets (then.menu). */
export function menusOf(rule) {
  return [...values((rule.when || {}).menu), ...values((rule.then || {}).menu)];
}

function values(value) {
  if (value === undefined || value === null) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).filter((v) => typeof v !== 'object').map(String);
}
