/**
 * One node run's hold on its credential. n8n would read and decrypt the credential for every
 * request and, with several requests in flight, log in once per request that finds the token
 * empty or rejected. Here the credential is read once and handed to n8n with every request, and
 * a login is shared: one request logs in (through n8n's own preAuthentication, which stores the
 * new token), the others in flight wait for it and use its token.
 */
import type { IDataObject } from 'n8n-workflow';

import type { EngineFunctions, VendorApi } from '../execution/operation';
import { isLoginRefusal, releaseIssuedToken } from './login';

type RequestContext = EngineFunctions;

/**
 * Logins the vendor refused, per execution and credential: one refusal is enough to know, and
 * trying again for every item could lock the account. Bounded: old executions fall out.
 */
const refusedLogins = new Map<string, string>();
const REMEMBERED_REFUSALS = 200;

/** How many times one request may be repeated after its token was rejected (one login among them). */
const MAX_RENEWALS = 2;

/** A login is not tried again in this execution: it was refused before. */
export class RefusedBefore extends Error {}

export const REFUSED_BEFORE =
	'The login was refused earlier in this execution: it is not tried again before the credential is fixed.';

/** Credential values that must never be shown, whatever a server echoes back. */
export function secretsOf(credentials: IDataObject): string[] {
	return Object.entries(credentials)
		.filter(
			([key, value]) =>
				/password|token|secret/i.test(key) && typeof value === 'string' && value.length >= 4,
		)
		.map(([, value]) => value as string);
}

export class CredentialSession {
	private data?: Promise<IDataObject>;

	/** The login in progress, which requests needing a token wait for. */
	private pending?: Promise<void>;

	/** Tokens this run has used: an answer may echo an old one. */
	private readonly tokens = new Set<string>();

	private readonly refusalKey?: string;

	constructor(
		private readonly ctx: RequestContext,
		private readonly api: VendorApi,
	) {
		// A scheduled poll runs outside any execution (no id): its refusal is not remembered, so the
		// next poll logs in again once the credential is fixed.
		const executionId = 'getExecutionId' in ctx ? ctx.getExecutionId() : undefined;
		if (executionId) {
			const credential = ctx.getNode().credentials?.[api.credentialType];
			this.refusalKey = `${executionId}\u0000${api.credentialType}\u0000${credential?.id ?? credential?.name ?? ''}`;
		}
	}

	/** The decrypted credential, read once; its token field is kept up to date by the logins. */
	async credentials(): Promise<IDataObject> {
		this.data ??= this.ctx
			.getCredentials(this.api.credentialType)
			.then((data) => ({ ...(data as IDataObject) }));
		return await this.data;
	}

	/** The vendor's refusal of this credential earlier in this execution, if any. */
	refusal(): string | undefined {
		return this.refusalKey === undefined ? undefined : refusedLogins.get(this.refusalKey);
	}

	/** Every secret this run knows of (the credential's and the tokens it has used). */
	async secrets(): Promise<string[]> {
		return [
			...secretsOf(await this.credentials()),
			...[...this.tokens].filter((token) => token.length >= 4),
		];
	}

	/**
	 * Sends with the credential. Without a token, one request logs in for all. When the vendor
	 * rejects the token (`rejected`), the request is repeated with a newer token, at most twice: a
	 * token another request of this run already obtained, or one another execution stored meanwhile
	 * (a vendor that keeps only its newest token makes concurrent runs replace each other's), or
	 * else one new login shared by every request in flight.
	 */
	async send<T>(
		attempt: (credentials: IDataObject) => Promise<T>,
		rejected: (result: T) => boolean,
	): Promise<T> {
		const data = await this.credentials();
		const field = this.api.tokenField;
		// Each request gets its own copy: n8n may log in inside a request and writes into the object it got.
		if (!field) return await attempt({ ...data });

		// The token a request was sent with is read from its own copy afterwards: n8n writes a fresh
		// login's token there, and `data` may have moved on meanwhile.
		const sendWith = async (copy: IDataObject) => ({
			result: await attempt(copy),
			used: String(copy[field] ?? ''),
		});
		if (this.pending) await this.pending;
		let sent = data[field] ? await sendWith({ ...data }) : await this.logIn(data, field, sendWith);
		// At most one new login per request: a token refused right after a login is the credential's fault.
		let loggedInAgain = false;
		for (let renewal = 0; renewal < MAX_RENEWALS && rejected(sent.result); renewal++) {
			this.tokens.add(sent.used);
			releaseIssuedToken(sent.used);
			if (await this.newerToken(data, field, sent.used)) {
				sent = await sendWith({ ...data });
			} else if (!loggedInAgain) {
				loggedInAgain = true;
				sent = await this.logIn(data, field, sendWith);
			} else {
				break;
			}
		}
		return sent.result;
	}

	/** A token newer than `used`, from this run or from the credential store, put into `data`. */
	private async newerToken(data: IDataObject, field: string, used: string): Promise<boolean> {
		if (this.pending) await this.pending;
		if (data[field] && data[field] !== used) return true;
		const stored = (await this.ctx.getCredentials(this.api.credentialType)) as IDataObject;
		if (this.pending) await this.pending;
		if (data[field] && data[field] !== used) return true;
		if (!stored[field] || stored[field] === used) return false;
		data[field] = stored[field];
		this.tokens.add(String(stored[field]));
		return true;
	}

	/**
	 * Runs the attempt with an empty token: n8n's preAuthentication logs in first, stores the token
	 * and writes it into the attempt's copy, from where every later request takes it.
	 */
	private async logIn<T>(
		data: IDataObject,
		field: string,
		attempt: (credentials: IDataObject) => Promise<T>,
	): Promise<T> {
		const copy = { ...data, [field]: '' };
		return await this.oneLoginAtATime(
			async () => {
				data[field] = '';
				// Executions that started together (a cold start of a worker) read the credential before
				// any of them had a token: the first login's token is in the store by now.
				const stored = (await this.ctx.getCredentials(this.api.credentialType)) as IDataObject;
				if (stored[field] && !this.tokens.has(String(stored[field]))) copy[field] = stored[field];
				return await attempt(copy);
			},
			() => {
				if (!copy[field]) return;
				data[field] = copy[field];
				this.tokens.add(String(copy[field]));
				// n8n stored it before sending: other executions find it there from now on.
				releaseIssuedToken(String(copy[field]));
			},
		);
	}

	/**
	 * A login of the node's own (Log In, Create Token): one at a time, and none after a refusal in
	 * this execution.
	 */
	async ownLogin<T>(login: () => Promise<T>): Promise<T> {
		while (this.pending) await this.pending;
		return await this.oneLoginAtATime(login);
	}

	/**
	 * Runs a login (or a request that logs in) while the others wait on `pending`; `settle` runs
	 * before they resume, so they find its token. None after a refusal in this execution.
	 */
	private async oneLoginAtATime<T>(
		login: () => Promise<T>,
		settle: () => void = () => {},
	): Promise<T> {
		const refused = this.refusal();
		if (refused !== undefined) throw new RefusedBefore(refused);
		let finished!: () => void;
		this.pending = new Promise<void>((resolve) => (finished = resolve));
		try {
			return await this.noteRefusal(login());
		} finally {
			settle();
			this.pending = undefined;
			finished();
		}
	}

	/** Remembers the vendor's refusal of a login, passing the failure on unchanged. */
	private async noteRefusal<T>(login: Promise<T>): Promise<T> {
		return await login.then(undefined, async (error: unknown) => {
			if (isLoginRefusal(error)) this.remember((error as Error).message);
			return await Promise.reject(error);
		});
	}

	private remember(message: string) {
		if (this.refusalKey === undefined) return;
		refusedLogins.delete(this.refusalKey);
		refusedLogins.set(this.refusalKey, message);
		if (refusedLogins.size > REMEMBERED_REFUSALS)
			refusedLogins.delete(refusedLogins.keys().next().value as string);
	}
}
