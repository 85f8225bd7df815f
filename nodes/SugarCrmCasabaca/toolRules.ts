/** What SugarCRM Casabaca's AI tool variant leaves out or gates (common/execution/toolVariant.ts). */
import type { ToolRules } from '../common/execution/toolVariant';

export const casabacaToolRules: ToolRules = {
	'appraisal:downloadPdf': {
		use: 'hidden',
		why: 'it outputs a binary file, which an agent cannot read (Appraisal > Get reads the appraisal)',
	},
	'apiUser:create': {
		use: 'hidden',
		why: "registering users of the API is an administrator's task",
	},
	'session:createToken': {
		use: 'hidden',
		why: 'it only checks the credential (every other operation logs in by itself)',
	},
	'session:expireToken': {
		use: 'hidden',
		why: 'it deletes the token that every other run of the credential shares',
	},
	'ticket:close': { use: 'irreversible', why: 'closes the ticket with the given reason' },
	'prospect:close': { use: 'irreversible', why: 'closes the prospect with the given reason' },
	'call:createWithAppointment': {
		use: 'irreversible',
		why: 'logs a call, schedules its appointment and, with Close the Ticket on, closes the ticket',
	},
	'appraisal:sendEmail': {
		use: 'irreversible',
		why: 'has SugarCRM send the appraisal by e-mail, once per call',
	},
};
