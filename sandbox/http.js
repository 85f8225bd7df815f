'use strict';
// Small HTTP helpers for the sandbox: body parsing (JSON, urlencoded, multipart) and answers.
// Only Node's built-in modules.

const MAX_BODY = 25 * 1024 * 1024;

function readRaw(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size > MAX_BODY) {
				reject(Object.assign(new Error('body too large'), { status: 413 }));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function headerParams(value) {
	const out = {};
	for (const part of String(value || '')
		.split(';')
		.slice(1)) {
		const i = part.indexOf('=');
		if (i < 0) continue;
		out[part.slice(0, i).trim().toLowerCase()] = part
			.slice(i + 1)
			.trim()
			.replace(/^"|"$/g, '');
	}
	return out;
}

/** multipart/form-data -> { fields: {name: value | value[]}, files: [{field, filename, contentType, size, data}] } */
function parseMultipart(buffer, boundary) {
	const fields = {};
	const files = [];
	const delimiter = Buffer.from(`--${boundary}`);
	let pos = buffer.indexOf(delimiter);
	while (pos !== -1) {
		pos += delimiter.length;
		if (buffer.slice(pos, pos + 2).toString() === '--') break;
		pos += 2; // CRLF
		const headerEnd = buffer.indexOf('\r\n\r\n', pos);
		if (headerEnd === -1) break;
		const headers = {};
		for (const line of buffer.slice(pos, headerEnd).toString('utf8').split('\r\n')) {
			const i = line.indexOf(':');
			if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
		}
		const next = buffer.indexOf(delimiter, headerEnd + 4);
		if (next === -1) break;
		const data = buffer.slice(headerEnd + 4, next - 2); // strip CRLF before delimiter
		const disp = headerParams(headers['content-disposition']);
		const name = disp.name || '';
		if (disp.filename !== undefined) {
			files.push({
				field: name,
				filename: disp.filename,
				contentType: headers['content-type'] || 'application/octet-stream',
				size: data.length,
				data,
			});
		} else {
			const value = data.toString('utf8');
			if (name in fields) fields[name] = [].concat(fields[name], value);
			else fields[name] = value;
		}
		pos = next;
	}
	return { fields, files };
}

/**
 * Reads the request body. Returns { kind, body, files, raw, parseError }.
 * kind: 'json' | 'form' | 'multipart' | 'text' | 'empty'.
 */
async function readBody(req) {
	const raw = await readRaw(req);
	const type = String(req.headers['content-type'] || '').toLowerCase();
	if (raw.length === 0) return { kind: 'empty', body: undefined, files: [], raw };
	if (type.startsWith('multipart/form-data')) {
		const boundary = headerParams(req.headers['content-type']).boundary;
		if (!boundary)
			return { kind: 'multipart', body: {}, files: [], raw, parseError: 'missing boundary' };
		const { fields, files } = parseMultipart(raw, boundary);
		return { kind: 'multipart', body: fields, files, raw };
	}
	if (type.startsWith('application/x-www-form-urlencoded')) {
		const body = {};
		for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) {
			if (k in body) body[k] = [].concat(body[k], v);
			else body[k] = v;
		}
		return { kind: 'form', body, files: [], raw };
	}
	const text = raw.toString('utf8');
	// JSON also when the client forgot the content type (curl -d without -H).
	try {
		return { kind: 'json', body: JSON.parse(text), files: [], raw };
	} catch (e) {
		return {
			kind: 'text',
			body: text,
			files: [],
			raw,
			parseError: type.includes('json') ? e.message : undefined,
		};
	}
}

function send(res, status, body, headers = {}) {
	if (Buffer.isBuffer(body)) {
		res.writeHead(status, { 'Content-Length': body.length, ...headers });
		res.end(body);
		return;
	}
	if (body === undefined || body === null) {
		res.writeHead(status, { 'Content-Length': 0, ...headers });
		res.end();
		return;
	}
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

/** A tiny router: add(method, '/api/lead/:id/', handler). Trailing slashes are significant (SML). */
class Router {
	constructor() {
		this.routes = [];
	}

	add(methods, pattern, handler) {
		const keys = [];
		const source = pattern
			.split('/')
			.map((seg) => {
				if (seg.startsWith(':')) {
					keys.push(seg.slice(1));
					return '([^/]+)';
				}
				return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			})
			.join('/');
		this.routes.push({
			methods: [].concat(methods),
			regex: new RegExp(`^${source}$`),
			keys,
			handler,
			pattern,
		});
		return this;
	}

	/** -> { handler, params } | { methodNotAllowed: true, allowed } | null */
	match(method, path) {
		let allowed = [];
		for (const r of this.routes) {
			const m = r.regex.exec(path);
			if (!m) continue;
			if (!r.methods.includes(method)) {
				allowed = allowed.concat(r.methods);
				continue;
			}
			const params = {};
			r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
			return { handler: r.handler, params, pattern: r.pattern };
		}
		return allowed.length ? { methodNotAllowed: true, allowed } : null;
	}
}

module.exports = { readBody, send, Router, parseMultipart };
