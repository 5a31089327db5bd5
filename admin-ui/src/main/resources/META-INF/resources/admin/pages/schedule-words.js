// Schedules (docs/RULES.md §Schedules) in plain words, and the day sets the schedule editor works with: the server
// accepts days as MON, Tuesday, MON-FRI, FRI-MON, weekdays, weekend or daily, alone or in a list, and the editor
// shows them as seven checkboxes, so this module reads every such form and writes a short one back.

export const DAYS = [['MON', 'Monday'], ['TUE', 'Tuesday'], ['WED', 'Wednesday'], ['THU', 'Thursday'],
  ['FRI', 'Friday'], ['SAT', 'Saturday'], ['SUN', 'Sunday']];

/** ISO day number (1 = Monday) of a day name as the server reads it (full name or at least three letters); -1. */
function dayNumber(name) {
  const index = DAYS.findIndex(([, full]) => full.toLowerCase() === name
    || (name.length >= 3 && full.toLowerCase().startsWith(name)));
  return index < 0 ? -1 : index + 1;
}

/**
 * The ISO day numbers a `days` value names, or null when some part is not a day (the editor then keeps the text
 * as it is rather than guess). Absent means every day.
 */
export function daySet(days) {
  if (days === undefined || days === null) {
    return new Set([1, 2, 3, 4, 5, 6, 7]);
  }
  const result = new Set();
  for (const item of Array.isArray(days) ? days : [days]) {
    const value = String(item).trim().toLowerCase();
    const named = { weekdays: [1, 5], weekend: [6, 7], weekends: [6, 7], daily: [1, 7], 'every day': [1, 7],
      everyday: [1, 7] }[value];
    const range = named ? null : value.split(/\s*-\s*/);
    let first;
    let last;
    if (named) {
      [first, last] = named;
    } else if (range.length === 1 || range.length === 2) {
      first = dayNumber(range[0]);
      last = dayNumber(range[range.length - 1]);
    }
    if (!(first > 0 && last > 0)) {
      return null;
    }
    for (let d = first; ; d = (d % 7) + 1) {   // FRI-MON wraps over the weekend
      result.add(d);
      if (d === last) {
        break;
      }
    }
  }
  return result;
}

/** Runs of consecutive days, Monday first: {1,2,3,4,5,7} → [[1,5],[7,7]]. */
function runs(set) {
  const result = [];
  for (let d = 1; d <= 7; d++) {
    if (set.has(d)) {
      const last = result[result.length - 1];
      if (last && last[1] === d - 1) {
        last[1] = d;
      } else {
        result.push([d, d]);
      }
    }
  }
  return result;
}

/** The shortest `days` value for a set: "MON-FRI", ["MON-WED", "SAT"], "daily". */
export function daysValue(set) {
  if (set.size === 7) {
    return 'daily';
  }
  if (set.size === 2 && set.has(6) && set.has(7)) {
    return 'weekend';
  }
  const name = (d) => DAYS[d - 1][0];
  // Two days in a row are clearer as two days than as a range: ["SAT", "SUN"], not "SAT-SUN".
  const parts = runs(set).flatMap(([a, b]) => (a === b ? [name(a)] : b === a + 1 ? [name(a), name(b)]
    : [`${name(a)}-${name(b)}`]));
  return parts.length === 1 ? parts[0] : parts;
}

function sameSet(a, b) {
  return a.size === b.size && [...a].every((d) => b.has(d));
}

/** The document's own `days` when it still means `set` (no needless change in the draft), else a short one. */
export function keepOrWriteDays(original, set) {
  const before = original === undefined ? null : daySet(original);
  return before && sameSet(before, set) ? original : daysValue(set);
}

/** A set of days in words: "Mon–Fri", "Mon–Wed and Sat", "every day". */
export function dayWords(set) {
  if (!set) {
    return 'some days';
  }
  if (set.size === 7) {
    return 'every day';
  }
  const short = (d) => DAYS[d - 1][1].slice(0, 3);
  const parts = runs(set).flatMap(([a, b]) => (a === b ? [short(a)] : b === a + 1 ? [short(a), short(b)]
    : [`${short(a)}–${short(b)}`]));
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "09:00–18:00", "22:00–06:00 (into the next day)", "all day". */
export function timeWords(from, to) {
  if (!from && !to) {
    return 'all day';
  }
  const start = from || '00:00';
  const end = to || '24:00';
  const overnight = end !== '24:00' && end <= start;
  return `${start}–${end}${overnight ? ' (into the next day)' : ''}`;
}

/** A schedule's weekly hours in words: "Mon–Fri 09:00–18:00; Sat 09:00–13:00". */
export function hoursWords(hours) {
  if (!Array.isArray(hours) || hours.length === 0) {
    return 'no weekly hours';
  }
  return hours.map((row) => (row && typeof row === 'object'
    ? `${dayWords(daySet(row.days))} ${timeWords(row.from, row.to)}` : String(row))).join('; ');
}

/** "2026-12-25" → "Fri 25 Dec 2026" (read as a calendar date, whatever the browser's zone). */
export function dateWords(date) {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    return String(date);
  }
  // Spelled out here rather than by toLocaleDateString, whose punctuation differs between browsers and locales.
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const weekday = DAYS[(parsed.getUTCDay() + 6) % 7][1].slice(0, 3);
  return `${weekday} ${parsed.getUTCDate()} ${months[parsed.getUTCMonth()]} ${parsed.getUTCFullYear()}`;
}

/** Today's date as YYYY-MM-DD in the browser's zone. */
export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The dates of a list from today on, sorted: the ones a reader is asking about. */
export function upcoming(dates, from = today()) {
  return (Array.isArray(dates) ? dates : dates ? [dates] : []).map(String).filter((d) => d >= from).sort();
}

/** The schedule names a rule's `when.schedule` asks about: a name, {name, is} or a list of those. */
export function scheduleNames(when) {
  const value = when && when.schedule;
  if (value === undefined || value === null) {
    return [];
  }
  return (Array.isArray(value) ? value : [value])
    .map((item) => (item && typeof item === 'object' ? item.name : item)).filter(Boolean).map(String);
}

/** A zone in words: the two party zones spelled out, an IANA zone as it is, or the rule set's default. */
export function zoneWords(zone, defaultZone) {
  if (zone === 'caller' || zone === 'callee') {
    return `the ${zone}'s time zone`;
  }
  if (!zone) {
    return defaultZone ? `${defaultZone} (the rule set's default)` : 'none (the rule set has no default zone)';
  }
  return String(zone);
}
