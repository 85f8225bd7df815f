'use strict';
// Fixed demo credentials of the sandbox. They are documented in sandbox/README.md and printed by
// `npm run sandbox`: enter them in n8n's credentials with the base URLs the CLI prints.
module.exports = {
	sml: {
		username: 'demo@sml.example',
		password: 'sml-demo-password',
	},
	casabaca: {
		autorizador: 'autorizador@casabaca.example',
		email: 'demo@casabaca.example',
		password: 'casabaca-demo-password',
		environments: ['dev', 'prod'],
	},
	wolkvox: {
		operation: 'demo_operation',
		token: 'wolkvox-demo-internal-token',
		// External tokens work only with cases/listHistoryNote.php (as at wolkvox).
		externalToken: 'wolkvox-demo-external-token',
		tokenLimit: 4800,
	},
};
