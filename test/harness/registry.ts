/** Every node and credential of the package, as the test workflows load them. */
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { SmlApi } from '../../credentials/SmlApi.credentials';
import { SugarCrmCasabacaApi } from '../../credentials/SugarCrmCasabacaApi.credentials';
import { WolkvoxCrmApi } from '../../credentials/WolkvoxCrmApi.credentials';
import { Sml } from '../../nodes/Sml/Sml.node';
import { SugarCrmCasabaca } from '../../nodes/SugarCrmCasabaca/SugarCrmCasabaca.node';
import { WolkvoxCrm } from '../../nodes/WolkvoxCrm/WolkvoxCrm.node';
import { StartNode } from './startNode';

export const nodeClasses: Record<string, INodeType> = {
	start: new StartNode(),
	sml: new Sml(),
	sugarCrmCasabaca: new SugarCrmCasabaca(),
	wolkvoxCrm: new WolkvoxCrm(),
};

export const credentialTypes: Record<string, ICredentialType> = {
	smlApi: new SmlApi(),
	sugarCrmCasabacaApi: new SugarCrmCasabacaApi(),
	wolkvoxCrmApi: new WolkvoxCrmApi(),
};
