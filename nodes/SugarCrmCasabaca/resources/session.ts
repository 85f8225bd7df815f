import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { AnyOperationSpec } from '../../common/execution/operation';
import { defineOperation } from '../../common/execution/operation';
import { CASABACA_LOGIN_PATH, CASABACA_LOGOUT_PATH, casabacaLoginOutcome } from '../login';

const createToken = defineOperation({
	resource: 'session',
	operation: 'createToken',
	default: true,
	name: 'Create Token',
	action: 'Create a token to check the credential',
	description:
		'Log in with the credential (login) and report that a token was issued; the token itself is never output (other operations log in on their own)',
	method: 'POST',
	path: CASABACA_LOGIN_PATH,
	properties: [],
	schema: z.object({}),
	run: async (ctx) => {
		const credentials = await ctx.fn.getCredentials('sugarCrmCasabacaApi', ctx.itemIndex);
		const { statusCode } = await ctx.login(
			async (timeoutMs) =>
				await casabacaLoginOutcome(
					async (options) => await ctx.fn.helpers.httpRequest(options),
					credentials,
					timeoutMs,
				),
		);
		// The token stays out of the output: only that one was issued, for whom and where.
		return {
			status_code: statusCode,
			tokenCreated: true,
			email: credentials.email as string,
			environment: credentials.environment as string,
		};
	},
});

const expireToken = defineOperation({
	resource: 'session',
	operation: 'expireToken',
	name: 'Expire Token',
	action: 'Expire the stored token',
	description: 'Delete the token in use (logout); the next request creates a new one by itself',
	method: 'GET',
	path: CASABACA_LOGOUT_PATH,
	properties: [],
	schema: z.object({}),
	// The answer names its message "token": it is no token, but is output as "message" all the same.
	output: (body) => {
		const { token, ...rest } = (body ?? {}) as IDataObject;
		return { ...rest, message: token };
	},
});

export const sessionOperations: AnyOperationSpec[] = [createToken, expireToken];
