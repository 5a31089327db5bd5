// The admin API as the UI uses it: JSON in and out, the session cookie sent by the browser, and the session's CSRF
// token on every request that changes something (the server refuses such requests without it). Paths are relative
// to /admin/, so the UI works under any context path the WAR is deployed at.

let csrfToken = null;

/** An API answer that was not 2xx: status, the server's error code, its sentence and the field it names. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `The server answered ${status}.`);
    this.status = status;
    this.code = body && body.error;
    this.field = body && body.field;
    this.body = body;
  }
}

export function setCsrfToken(token) {
  csrfToken = token || null;
}

async function request(method, path, body, headers = {}) {
  // X-Requested-With keeps the server's 401 free of the Basic challenge, which would make the browser open its own
  // password dialog (and leave the request hanging) instead of letting this UI show its sign-in form.
  const init = {
    method,
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...headers },
    credentials: 'same-origin',
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) {
    init.headers['X-CSRF-Token'] = csrfToken;
  }
  const response = await fetch(`../api/${path}`, init);
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = { message: text };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return { status: response.status, body: json, etag: response.headers.get('ETag') };
}

/** A text document (the rule set YAML) in or out; errors are still the server's JSON, thrown as ApiError. */
async function requestText(method, path, text, contentType, etag) {
  const headers = { Accept: `${contentType}, application/json`, 'X-Requested-With': 'XMLHttpRequest' };
  if (text !== undefined) {
    headers['Content-Type'] = contentType;
  }
  if (etag) {
    headers['If-Match'] = etag;
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  const response = await fetch(`../api/${path}`, { method, headers, credentials: 'same-origin', body: text });
  const body = await response.text();
  const isJson = (response.headers.get('Content-Type') || '').includes('json');
  if (!response.ok) {
    let json = { message: body };
    try {
      json = JSON.parse(body);
    } catch (e) {
      // not JSON: the text is the message
    }
    throw new ApiError(response.status, json);
  }
  return { status: response.status, body: isJson ? JSON.parse(body) : body, etag: response.headers.get('ETag') };
}

export const api = {
  get: (path) => request('GET', path).then((r) => r.body),
  /** The whole answer ({status, body, etag}) for callers that need the ETag. */
  getWithEtag: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body === undefined ? {} : body).then((r) => r.body),
  put: (path, body, etag) => request('PUT', path, body, etag ? { 'If-Match': etag } : {}),
  del: (path, etag) => request('DELETE', path, undefined, etag ? { 'If-Match': etag } : {}),
  /** {status, body: text, etag} of a text document such as `rule-sets/x/yaml`. */
  getText: (path, type = 'application/yaml') => requestText('GET', path, undefined, type),
  /** Sends a text document; the answer's body is the server's JSON. */
  putText: (path, text, etag, type = 'application/yaml') => requestText('PUT', path, text, type, etag),
};
