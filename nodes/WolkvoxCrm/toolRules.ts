/** What wolkvox CRM's AI tool variant leaves out or gates (common/execution/toolVariant.ts). */
import type { ToolRules } from '../common/execution/toolVariant';

const BINARY_INPUT =
	"it reads files from the input item's binary fields, which a tool call does not have";
const BULK =
	'it is a bulk load that sends many input items per request, while a tool call is one item';

export const wolkvoxToolRules: ToolRules = {
	'case:createWithAttachments': { use: 'hidden', why: BINARY_INPUT },
	'case:updateWithAttachments': { use: 'hidden', why: BINARY_INPUT },
	'case:update': { hiddenFields: ['binaryProperty'], why: BINARY_INPUT },
	'record:update': { hiddenFields: ['binaryProperties'], why: BINARY_INPUT },
	'record:insertMany': { use: 'hidden', why: BULK },
	'record:updateMany': { use: 'hidden', why: BULK },
	'collection:bulkLoad': { use: 'hidden', why: BULK },
	'token:getUsage': {
		use: 'hidden',
		why: "it spends one of the token's daily requests to report them",
	},
	'record:delete': { use: 'irreversible', why: 'deletes the records with the given IDs' },
};
