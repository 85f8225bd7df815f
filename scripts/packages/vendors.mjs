// The single-vendor packages built next to the combined one (docs/ARCHITECTURE.md, "Four packages"): what each
// holds and which parts of README.md make its README. Everything else (version, author, links, license) comes from
// the root package.json, so a release changes one version for all four.

/**
 * @typedef {{
 *   name: string,
 *   vendor: string,
 *   title: string,
 *   description: string,
 *   keywords: string[],
 *   nodes: string[],
 *   credentials: string[],
 *   readme: { heading: string, title?: string, intro?: boolean }[],
 * }} VendorPackage
 */

/** The package every node type of the combined package starts with. */
export const COMBINED = 'n8n-nodes-casabaca-wolkvox-sml';

/**
 * README.md sections, found by their heading line (the build fails when one is missing, so a README edit cannot
 * drop a part silently). `intro`: only the text before the section's first subsection; `title`: the heading used.
 */
const shared = {
	triggers: { heading: '## Triggers', intro: true },
	createOrUpdate: { heading: '## Create or Update', intro: true },
	acrossExecutions: {
		heading: '### Across executions',
		title: 'Create or Update across executions',
	},
	moving: {
		heading: '### Moving a workflow between the combined package and a single-vendor package',
	},
};

/** @type {VendorPackage[]} */
export const VENDOR_PACKAGES = [
	{
		name: 'n8n-nodes-sml',
		vendor: 'sml',
		title: 'SML',
		description: 'n8n community node and trigger for SML, the car-dealer lead manager',
		keywords: ['sml', 'crm', 'leads', 'car dealer'],
		nodes: ['dist/nodes/Sml/Sml.node.js', 'dist/nodes/SmlTrigger/SmlTrigger.node.js'],
		credentials: ['dist/credentials/SmlApi.credentials.js'],
		readme: [
			{ heading: '### SML credential', title: 'Credential' },
			{ heading: '### SML', title: 'Operations' },
			shared.triggers,
			{ heading: '### SML Trigger' },
			shared.createOrUpdate,
			{ heading: '### SML: Lead > Create or Update', title: 'Lead > Create or Update' },
			shared.acrossExecutions,
			shared.moving,
		],
	},
	{
		name: 'n8n-nodes-wolkvox-crm',
		vendor: 'wolkvox',
		title: 'wolkvox CRM',
		description: 'n8n community node and trigger for wolkvox CRM, the contact-center CRM',
		keywords: ['wolkvox', 'crm', 'contact center'],
		nodes: [
			'dist/nodes/WolkvoxCrm/WolkvoxCrm.node.js',
			'dist/nodes/WolkvoxCrmTrigger/WolkvoxCrmTrigger.node.js',
		],
		credentials: ['dist/credentials/WolkvoxCrmApi.credentials.js'],
		readme: [
			{ heading: '### wolkvox CRM credential', title: 'Credential' },
			{ heading: '### wolkvox CRM', title: 'Operations' },
			shared.triggers,
			{ heading: '### wolkvox CRM Trigger' },
			shared.createOrUpdate,
			{ heading: '### wolkvox CRM: Record > Create or Update', title: 'Record > Create or Update' },
			shared.acrossExecutions,
			shared.moving,
		],
	},
	{
		name: 'n8n-nodes-sugarcrm-casabaca',
		vendor: 'casabaca',
		title: 'SugarCRM Casabaca',
		description:
			'n8n community node and trigger for the SugarCRM API of the Casabaca Toyota dealer group',
		keywords: ['sugarcrm', 'casabaca', 'crm'],
		nodes: [
			'dist/nodes/SugarCrmCasabaca/SugarCrmCasabaca.node.js',
			'dist/nodes/SugarCrmCasabacaTrigger/SugarCrmCasabacaTrigger.node.js',
		],
		credentials: ['dist/credentials/SugarCrmCasabacaApi.credentials.js'],
		readme: [
			{ heading: '### SugarCRM Casabaca credential', title: 'Credential' },
			{ heading: '### SugarCRM Casabaca', title: 'Operations' },
			shared.triggers,
			{ heading: '### SugarCRM Casabaca Trigger' },
			shared.moving,
		],
	},
];
