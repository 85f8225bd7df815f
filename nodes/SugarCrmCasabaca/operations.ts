import type { AnyOperationSpec, ResourceOption } from '../common/execution/operation';
import { withToolRules } from '../common/execution/toolVariant';
import { advisorOperations } from './resources/advisor';
import { apiUserOperations } from './resources/apiUser';
import { appraisalOperations } from './resources/appraisal';
import { callOperations } from './resources/call';
import { landingPageOperations } from './resources/landingPage';
import { prospectOperations } from './resources/prospect';
import { sessionOperations } from './resources/session';
import { ticketOperations } from './resources/ticket';
import { casabacaToolRules } from './toolRules';

export const casabacaResources: ResourceOption[] = [
	{
		name: 'Ticket',
		value: 'ticket',
		description: 'Tickets and their interactions, calls and notes',
	},
	{
		name: 'Prospect',
		value: 'prospect',
		description: 'Prospects (prospecciones) from quotations, calls and the workshop app',
	},
	{ name: 'Call', value: 'call', description: 'Calls with appointments' },
	{ name: 'Landing Page', value: 'landingPage' },
	{
		name: 'Appraisal',
		value: 'appraisal',
		description: 'Vehicle appraisals (avalúos) and their PDFs',
	},
	{ name: 'Advisor', value: 'advisor', description: 'Sales advisors of a medio' },
	{ name: 'API User', value: 'apiUser' },
	{ name: 'Session', value: 'session' },
];

export const casabacaOperations: AnyOperationSpec[] = withToolRules(
	[
		...ticketOperations,
		...prospectOperations,
		...callOperations,
		...landingPageOperations,
		...appraisalOperations,
		...advisorOperations,
		...apiUserOperations,
		...sessionOperations,
	],
	casabacaToolRules,
);
