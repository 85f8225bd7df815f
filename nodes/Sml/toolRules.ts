/** What SML's AI tool variant leaves out or gates (common/execution/toolVariant.ts); the rest is offered. */
import type { ToolRules } from '../common/execution/toolVariant';

const SHARED_SESSION = 'it ends the session that every other run of the credential shares';

export const smlToolRules: ToolRules = {
	'session:logIn': {
		use: 'hidden',
		why: 'it only checks the credential (every other operation logs in by itself)',
	},
	'session:logOut': { use: 'hidden', why: SHARED_SESSION },
	'lead:clickToCall': {
		use: 'irreversible',
		why: "places a real phone call between the lead's client and the concessionaire",
	},
	'lead:finalize': { use: 'irreversible', why: 'closes the lead by setting its status to end' },
	'task:delete': { use: 'irreversible', why: 'deletes the task from its lead' },
};
