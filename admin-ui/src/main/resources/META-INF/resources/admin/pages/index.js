// Every page of the admin UI, in the order of the navigation. A page is a module whose default export is
// {path, title, role, render(main, context)}: `role` is the least role that may open it, `render` fills `main`.
// Add a page by importing it here.

import home from './home.js';
import rules from './rules.js';
import simulate from './simulate.js';
import calendar from './calendar.js';
import menus from './menus.js';
import schedules from './schedules.js';
import calls from './calls.js';
import publish from './publish.js';
import plugins from './plugins.js';
import audit from './audit.js';
import users from './users.js';
import account from './account.js';

export default [home, rules, menus, schedules, simulate, calendar, calls, publish, plugins, audit, users, account];
