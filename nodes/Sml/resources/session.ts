import { z } from 'zod';

import type { AnyOperationSpec } from '../../common/execution/operation';
import { defineOperation } from '../../common/execution/operation';
import { SML_LOGIN_PATH, SML_LOGOUT_PATH, smlLogin } from '../login';
import { smlApi } from '../transport';

const logIn = defineOperation({
	resource: 'session',
	operation: 'logIn',
	default: true,
	name: 'Log In',
	action: 'Log in to check the credential',
	description:
		'Log in with the credential and report the user name; the token itself is never output (other operations log in on their own)',
	method: 'POST',
	path: SML_LOGIN_PATH,
	properties: [],
	schema: z.object({}),
	run: async (ctx) => {
		const credentials = await ctx.fn.getCredentials(smlApi.credentialType, ctx.itemIndex);
		await ctx.login(
			async (timeoutMs) =>
				await smlLogin(
					async (options) => await ctx.fn.helpers.httpRequest(options),
					credentials,
					timeoutMs,
				),
		);
		return { loggedIn: true, username: credentials.username as string };
	},
});

const logOut = defineOperation({
	resource: 'session',
	operation: 'logOut',
	name: 'Log Out',
	action: 'Log out of SML',
	description: 'End the session of the stored token; the next request logs in again by itself',
	method: 'POST',
	path: SML_LOGOUT_PATH,
	// The kit documents a bare HTTP 200.
	emptyAnswer: true,
	properties: [],
	schema: z.object({}),
	output: () => ({ loggedOut: true }),
});

export const sessionOperations: AnyOperationSpec[] = [logIn, logOut];
