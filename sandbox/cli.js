#!/usr/bin/env node
'use strict';
// npm run sandbox [-- --port 5680] [--appear-every 30]   (or SANDBOX_PORT=5680 npm run sandbox)
const { startSandbox, DEFAULT_PORT } = require('./index');

function parsePort(argv) {
	const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
	if (i >= 0) return Number(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]);
	if (process.env.SANDBOX_PORT) return Number(process.env.SANDBOX_PORT);
	return DEFAULT_PORT;
}

/** --appear-every <seconds>: an SML lead, a wolkvox contact and a Casabaca appraisal appear that often. */
function parseAppearEvery(argv) {
	const i = argv.findIndex((a) => a === '--appear-every' || a.startsWith('--appear-every='));
	if (i < 0) return undefined;
	return Number(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]);
}

async function main() {
	const port = parsePort(process.argv.slice(2));
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error('Usage: npm run sandbox [-- --port <port>]  (or SANDBOX_PORT=<port>)');
		process.exit(2);
	}
	const appearEvery = parseAppearEvery(process.argv.slice(2));
	if (appearEvery !== undefined && !(appearEvery > 0)) {
		console.error('Usage: npm run sandbox -- --appear-every <seconds>  (a positive number)');
		process.exit(2);
	}
	let sb;
	try {
		sb = await startSandbox({
			port,
			quiet: process.argv.includes('--quiet'),
			appearEvery: appearEvery && appearEvery * 1000,
		});
	} catch (e) {
		console.error(
			e.code === 'EADDRINUSE'
				? `Port ${port} is in use: try npm run sandbox -- --port ${port + 1}`
				: e.message,
		);
		process.exit(1);
	}
	const c = sb.credentials;
	const lines = [
		'',
		`Vendor sandbox listening on ${sb.url} (SML, SugarCRM Casabaca and wolkvox CRM, in memory)`,
		'',
		'Enter these values in n8n (Credentials > Add credential):',
		'',
		'  SML API',
		`    Base URL              ${c.smlApi.baseUrl}`,
		`    Username              ${c.smlApi.username}`,
		`    Password              ${c.smlApi.password}`,
		`    Authorization Scheme  Token (Bearer and JWT are accepted too)`,
		'',
		'  SugarCRM Casabaca API',
		`    Base URL              ${c.sugarCrmCasabacaApi.baseUrl}`,
		`    Authorizer E-Mail     ${c.sugarCrmCasabacaApi.autorizador}`,
		`    User E-Mail           ${c.sugarCrmCasabacaApi.email}`,
		`    Password              ${c.sugarCrmCasabacaApi.password}`,
		`    Environment           Development (Production is accepted too)`,
		'',
		'  Wolkvox CRM API',
		`    Server                Custom`,
		`    Custom Host           ${c.wolkvoxCrmApi.customHost}`,
		`    Operation Name        ${c.wolkvoxCrmApi.operation}`,
		`    Token                 ${c.wolkvoxCrmApi.token}`,
		`    External Token        ${c.wolkvoxCrmApi.externalToken}  (Case > Get Notes History only)`,
		'',
		'Demo data: SML has 14 leads (4 with status "new"), sources 1-3, users 2-5; Casabaca has tickets',
		'10438baf-0d83-9533-4fb3-602ea326288b and d9bf5143-daa6-d9ca-7d04-60df4f47f51a, call-center users CG_RAMOS and',
		`JA_AGUIRRE, advisors MA_PALACIOS, CG_RAMOS, admin; wolkvox has users ADMIN_@${c.wolkvoxCrmApi.operation} and`,
		`agent10@${c.wolkvoxCrmApi.operation}, contacts andres@example.com, valentina@example.com, mart@hotmail.com.`,
		'',
		`Inspect: ${sb.url}/__sandbox/requests (received), ${sb.url}/__sandbox/store (stored);`,
		`reset: curl -X POST ${sb.url}/__sandbox/reset. Stop with Ctrl+C.`,
		`For the triggers: curl -X POST ${sb.url}/__sandbox/appear/sml/lead (also wolkvox/record, wolkvox/case,`,
		`casabaca/appraisal; sandbox/README.md)${appearEvery ? `; one of each appears every ${appearEvery} s` : ''}.`,
		'',
	];
	console.log(lines.join('\n'));
	const stop = () => sb.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main();
