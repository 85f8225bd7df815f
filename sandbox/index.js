'use strict';
// The local vendor sandbox: one HTTP server on 127.0.0.1 that behaves like the SML, SugarCRM Casabaca and
// wolkvox CRM APIs as their documents describe them, each under its own path prefix:
//   /sml/api/...                  SML (credential Base URL: http://127.0.0.1:<port>/sml)
//   /casabaca/api/...             SugarCRM Casabaca (base URL http://127.0.0.1:<port>/casabaca)
//   /wolkvox/server/API/v2/...    wolkvox CRM (server Custom, host http://127.0.0.1:<port>/wolkvox)
// plus /__sandbox/requests (what was received), /__sandbox/store (what is stored), /__sandbox/reset,
// /__sandbox/appear/... (records made while it runs, for the polling triggers: appear.js), and
// the fault hooks /__sandbox/redirect/<host:port>/... and /__sandbox/html/... (see FAULT_PATH).
// Development tooling only: not part of the published package.
const http = require('node:http');
const { appearAnswer, startAppearing } = require('./appear');
const { readBody, send } = require('./http');
const demo = require('./demo');
const { createSml } = require('./vendors/sml');
const { createCasabaca } = require('./vendors/casabaca');
const { createWolkvox } = require('./vendors/wolkvox');

const DEFAULT_PORT = 5680;
const HOST = '127.0.0.1';
const MAX_LOG = 2000;

/** Header names kept in the request log (lower case). */
const LOGGED_HEADERS = [
	'authorization',
	'content-type',
	'accept',
	'wolkvox-token',
	'wolkvox-id',
	'user-agent',
];

/**
 * Fault hooks (the e2e's scripts/e2e/workflows/faults-tour.json): a credential whose base URL is one of these
 * prefixes gets the fault on every request below it, whatever the method, logged as vendor "fault":
 *   /__sandbox/redirect/<host:port>/...  HTTP 302 to http://<host:port>/... (query kept): a vendor that "moved"
 *                                         elsewhere, to prove no credential follows it there;
 *   /__sandbox/html/...                  HTTP 200 with an HTML page, as a login portal or a proxy's error page
 *                                         answers where JSON was expected.
 */
const FAULT_PATH = /^\/__sandbox\/(redirect\/[^/]+|html)(\/.*)?$/;
const FAULT_PAGE =
	'<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><h1>Sign in to continue</h1></body></html>\n';

function faultAnswer(ctx) {
	const redirect = /^\/__sandbox\/redirect\/([^/]+)(\/.*)?$/.exec(ctx.path);
	if (redirect) {
		const query = ctx.query.toString();
		const location = `http://${redirect[1]}${redirect[2] || '/'}${query ? `?${query}` : ''}`;
		// What Express answers for res.redirect(): a short text body with the Location.
		return {
			status: 302,
			body: `Found. Redirecting to ${location}`,
			headers: { Location: location },
		};
	}
	return { status: 200, body: FAULT_PAGE, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
}

/**
 * An appear request's body as readBody() parsed it, or the error readBody() threw.
 * @typedef {{ error?: Error, body?: any }} AppearBody
 */

/** The values to enter in n8n for each credential, given the sandbox's base URL. */
function credentialValues(baseUrl) {
	return {
		smlApi: {
			baseUrl: `${baseUrl}/sml`,
			username: demo.sml.username,
			password: demo.sml.password,
			authScheme: 'Token',
		},
		sugarCrmCasabacaApi: {
			baseUrl: `${baseUrl}/casabaca`,
			autorizador: demo.casabaca.autorizador,
			email: demo.casabaca.email,
			password: demo.casabaca.password,
			environment: 'dev',
		},
		wolkvoxCrmApi: {
			server: 'custom',
			customHost: `${baseUrl}/wolkvox`,
			operation: demo.wolkvox.operation,
			token: demo.wolkvox.token,
			externalToken: demo.wolkvox.externalToken,
		},
	};
}

/**
 * Starts the sandbox. Options: port (0 = any free port; default SANDBOX_PORT or 5680), quiet, logBodies,
 * appearEvery (ms: an SML lead, a wolkvox contact and a Casabaca appraisal appear that often).
 * Resolves to { url, port, server, vendors, requests, reset(), close(), credentials }.
 */
function startSandbox(options = {}) {
	const port =
		options.port ?? (process.env.SANDBOX_PORT ? Number(process.env.SANDBOX_PORT) : DEFAULT_PORT);
	const vendors = {
		sml: createSml({ demo: demo.sml }),
		casabaca: createCasabaca({ demo: demo.casabaca }),
		wolkvox: createWolkvox({ demo: demo.wolkvox }),
	};
	const requests = [];
	let seq = 1;
	const log = (...args) => {
		if (!options.quiet) console.log(...args);
	};

	function reset() {
		for (const v of Object.values(vendors)) v.reset();
		requests.length = 0;
	}

	async function handle(req, res) {
		const url = new URL(req.url, `http://${req.headers.host || `${HOST}:${port}`}`);
		const method = req.method.toUpperCase();
		const path = url.pathname;

		if (path === '/__sandbox/requests' && method === 'GET') {
			const vendor = url.searchParams.get('vendor');
			return send(res, 200, vendor ? requests.filter((r) => r.vendor === vendor) : requests);
		}
		if (path === '/__sandbox/requests' && method === 'DELETE') {
			requests.length = 0;
			return send(res, 204);
		}
		if (path === '/__sandbox/reset' && method === 'POST') {
			reset();
			return send(res, 200, { reset: true });
		}
		if (path === '/__sandbox/revoke-tokens' && method === 'POST') {
			// Makes every issued SML / Casabaca token invalid, to try the re-login paths.
			for (const v of Object.values(vendors)) v.revokeTokens();
			return send(res, 200, { revoked: true });
		}
		if (path === '/__sandbox/store' && method === 'GET') {
			return send(
				res,
				200,
				Object.fromEntries(Object.entries(vendors).map(([k, v]) => [k, v.dump()])),
			);
		}
		if (path.startsWith('/__sandbox/appear/')) {
			/** @type {AppearBody} */
			const parsed = await readBody(req).catch((e) => ({ error: e }));
			const answer = parsed.error
				? { status: 400, body: { message: parsed.error.message } }
				: appearAnswer(vendors, method, path, parsed.body);
			if (answer) {
				log(`[sandbox] appear ${path} -> ${answer.status}`);
				return send(res, answer.status, answer.body);
			}
		}
		if (path === '/' || path === '/__sandbox' || path === '/__sandbox/') {
			return send(res, 200, {
				sandbox: 'n8n-nodes-casabaca-wolkvox-sml',
				credentials: credentialValues(url.origin),
			});
		}

		const fault = FAULT_PATH.test(path);
		const m = /^\/(sml|casabaca|wolkvox)(\/.*)?$/.exec(path);
		if (!m && !fault)
			return send(res, 404, { detail: 'Not a sandbox path: use /sml, /casabaca or /wolkvox' });
		const vendorName = fault ? 'fault' : m[1];
		const vendor = fault ? { handle: faultAnswer } : vendors[vendorName];
		let parsed;
		try {
			parsed = await readBody(req);
		} catch (e) {
			return send(res, e.status || 400, { message: e.message });
		}
		const ctx = {
			req,
			method,
			// A fault keeps its whole path: the log shows which hook answered.
			path: fault ? path : m[2] || '/',
			query: url.searchParams,
			body: parsed.body,
			files: parsed.files,
			bodyKind: parsed.kind,
			parseError: parsed.parseError,
			baseUrl: `${url.origin}/${vendorName}`,
		};
		let answer;
		try {
			answer = (await vendor.handle(ctx)) || {
				status: 500,
				body: { message: 'sandbox: no answer' },
			};
		} catch (e) {
			console.error(`[sandbox] ${vendorName} ${method} ${path}: ${e.stack}`);
			answer = { status: 500, body: { message: `sandbox error: ${e.message}` } };
		}
		const headers = {};
		for (const h of LOGGED_HEADERS) if (req.headers[h] !== undefined) headers[h] = req.headers[h];
		const entry = {
			seq: seq++,
			at: new Date().toISOString(),
			vendor: vendorName,
			method,
			path: ctx.path,
			query: Object.fromEntries(url.searchParams),
			headers,
			bodyKind: parsed.kind,
			body:
				parsed.kind === 'text' && parsed.body.length > 2000
					? `${parsed.body.slice(0, 2000)}...`
					: parsed.body,
			files: (parsed.files || []).map((f) => ({
				field: f.field,
				filename: f.filename,
				contentType: f.contentType,
				size: f.size,
			})),
			status: answer.status,
			response: Buffer.isBuffer(answer.body)
				? `<${answer.body.length} bytes ${answer.headers && answer.headers['Content-Type']}>`
				: answer.body,
		};
		requests.push(entry);
		if (requests.length > MAX_LOG) requests.shift();
		const code =
			answer.body &&
			typeof answer.body === 'object' &&
			!Buffer.isBuffer(answer.body) &&
			'code' in answer.body
				? ` code ${answer.body.code}`
				: '';
		log(`[sandbox] ${vendorName} ${method} ${ctx.path}${url.search} -> ${answer.status}${code}`);
		return send(res, answer.status, answer.body, answer.headers);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((e) => {
			console.error(`[sandbox] ${e.stack}`);
			if (!res.headersSent) send(res, 500, { message: e.message });
		});
	});
	server.keepAliveTimeout = 1000;
	const stopAppearing = options.appearEvery
		? startAppearing(vendors, options.appearEvery)
		: () => {};

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, HOST, () => {
			const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
			const url = `http://${HOST}:${actual}`;
			resolve({
				url,
				port: actual,
				server,
				vendors,
				requests,
				reset,
				credentials: credentialValues(url),
				close: () =>
					new Promise((done) => {
						stopAppearing();
						server.closeAllConnections?.();
						server.close(() => done());
					}),
			});
		});
	});
}

module.exports = { startSandbox, credentialValues, demo, DEFAULT_PORT, HOST };
