/**
 * How Lead > Create or Update finds the client's lead: SML's list filters are substring matches
 * (`client__email__icontains`), so the list is read to its end and compared exactly here. An
 * answer that cannot be compared is an error, never "no match": a create on doubt duplicates.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationContext, Page, VendorPages } from '../../../common/execution/operation';
import { fetchPages } from '../../../common/execution/pagination';
import { LEAD_STATUSES } from '../../fields';
import { smlPages } from '../../pages';
import { credentialSecrets, describeOther } from '../../keepIds';

export const MATCH_ON = ['email', 'phone', 'emailOrPhone', 'emailAndPhone'] as const;
export type MatchOn = (typeof MATCH_ON)[number];

type Key = 'email' | 'phone';

/** What an item is matched on, read from its validated parameters. */
export interface MatchRule {
	matchOn: MatchOn;
	/** The client's e-mail and phone as given (trimmed); absent when not given. */
	email?: string;
	phone?: string;
	statuses: string[];
	/** Comma-separated concessionaire IDs, or undefined for all. */
	concessionaires?: string;
}

export const normalEmail = (value: unknown) => String(value).trim().toLowerCase();
export const phoneDigits = (value: unknown) => String(value).replace(/\D/g, '');

/** The keys this item is matched on, each given: one or both. */
export function keysOf(rule: MatchRule): Key[] {
	const wanted: Key[] =
		rule.matchOn === 'email'
			? ['email']
			: rule.matchOn === 'phone'
				? ['phone']
				: ['email', 'phone'];
	return wanted.filter((key) => rule[key] !== undefined);
}

/** Items that share one of these run one after the other (OperationSpec.serialKeys). */
export const serialKeysOf = (rule: MatchRule) =>
	keysOf(rule).map((key) =>
		key === 'email' ? `email:${normalEmail(rule.email)}` : `phone:${phoneDigits(rule.phone)}`,
	);

const KEY_WORDS: Record<Key, string> = { email: 'e-mail', phone: 'phone' };
const FILTER: Record<Key, string> = {
	email: 'client__email__icontains',
	phone: 'client__phone__icontains',
};

/**
 * The lookups to run, each with the keys it filters on: one for E-Mail, Phone and E-Mail and
 * Phone (both filters at once), one per given key for E-Mail or Phone. `status` takes one value,
 * so it is sent only when one status is matched; the others are filtered here.
 */
function lookups(rule: MatchRule): Array<{ keys: Key[]; qs: IDataObject }> {
	const keys = keysOf(rule);
	const groups = rule.matchOn === 'emailOrPhone' ? keys.map((key) => [key]) : [keys];
	return groups.map((group) => {
		const qs: IDataObject = {};
		for (const key of group) qs[FILTER[key]] = rule[key];
		if (rule.statuses.length === 1) qs.status = rule.statuses[0];
		if (rule.concessionaires) qs.concessionaire__in = rule.concessionaires;
		return { keys: group, qs };
	});
}

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const validId = (id: unknown) =>
	(typeof id === 'number' && Number.isSafeInteger(id) && id > 0) ||
	(typeof id === 'string' && /^[1-9]\d{0,15}$/.test(id));

/** Why a listed record cannot be compared on `keys`, in words, or undefined when it can. */
function recordProblem(record: unknown, index: number, keys: Key[], rule: MatchRule) {
	if (!isRecord(record) || !validId(record.id))
		return `entry ${index + 1} of the list is not a lead with an ID`;
	const lead = `lead ${String(record.id)}`;
	if (!isRecord(record.client))
		return `${lead} has no client (its client is ${JSON.stringify(record.client ?? null)})`;
	for (const key of keys)
		if (!(key in record.client)) return `the client of ${lead} has no ${key} field`;
	const statusFiltered = rule.statuses.length < LEAD_STATUSES.length;
	if (statusFiltered && typeof record.status !== 'string') return `${lead} has no status`;
	if (rule.concessionaires && (record.concessionaire ?? null) === null)
		return `${lead} has no concessionaire`;
	return undefined;
}

/** Does the client's value equal the given one (e-mail: trimmed, any case; phone: its digits)? */
function equal(key: Key, client: IDataObject, given: string | undefined): boolean {
	const value = client[key];
	if (given === undefined || typeof value !== 'string') return false;
	return key === 'email'
		? normalEmail(value) === normalEmail(given)
		: phoneDigits(value) !== '' && phoneDigits(value) === phoneDigits(given);
}

export interface Match {
	lead: IDataObject;
	/** "email", "phone" or "email and phone". */
	matchedBy: string;
}

const idNumber = (lead: IDataObject) => Number(lead.id);

/**
 * SML's pages, read strictly: an answer that is not a list of leads is an error, not an empty
 * list. `counts` keeps the count each page announced: a walk that ends with another number of
 * leads read a list that changed under it (a lead may have moved across a page boundary).
 */
function strictPages(fail: (problem: string) => never, answerWords: (body: unknown) => string) {
	const counts: number[] = [];
	const pages: VendorPages = {
		...smlPages,
		read: (body: unknown): Page => {
			if (!Array.isArray(body) && !(isRecord(body) && Array.isArray(body.results)))
				return fail(`the answer was not a list of leads (it was ${answerWords(body)})`);
			const page = smlPages.read(body);
			if (page.count !== undefined) counts.push(page.count);
			return page;
		},
	};
	return { pages, counts };
}

/**
 * Reads every lead the filters give and keeps those that match exactly (and are in a matched
 * status and concessionaire), newest (highest ID) first.
 */
export async function findLeads(ctx: OperationContext, rule: MatchRule): Promise<Match[]> {
	const words = keysOf(rule)
		.map((key) => KEY_WORDS[key])
		.join(rule.matchOn === 'emailAndPhone' ? ' and ' : ' or ');
	const fail = (problem: string): never => {
		throw new NodeOperationError(
			ctx.fn.getNode(),
			`SML: Lead > Create or Update looked up leads by ${words}, but ${problem}; nothing was created or changed`,
			{
				itemIndex: ctx.itemIndex,
				description:
					"The lookup must show each lead's client e-mail and phone to tell a match from a near miss, and creating a lead on an answer that cannot be read could duplicate one. Try again; if the answer stays wrong, check the Base URL of the credential (a proxy or another service may be answering).",
			},
		);
	};
	// A page that is not a list is described without the credential's secrets (a debug page may echo them).
	const secrets = await credentialSecrets(ctx);

	const found = await Promise.all(
		lookups(rule).map(async ({ keys, qs }) => {
			const { pages, counts } = strictPages(fail, (body) => describeOther(body, secrets));
			const records = await fetchPages(
				ctx,
				{ method: 'GET', path: '/api/lead/', qs },
				{ returnAll: true, limit: 1 },
				pages,
			);
			const announced = counts.find((count) => count !== records.length);
			if (announced !== undefined)
				fail(
					`the list changed while it was read (${announced} leads announced, ${records.length} read)`,
				);
			records.forEach((record, index) => {
				const problem = recordProblem(record, index, keys, rule);
				if (problem) fail(`the answer cannot be compared: ${problem}`);
			});
			return records;
		}),
	);

	const keys = keysOf(rule);
	const byId = new Map<string, Match>();
	for (const lead of found.flat()) {
		const hits = keys.filter((key) => equal(key, lead.client as IDataObject, rule[key]));
		const matches = rule.matchOn === 'emailOrPhone' ? hits.length > 0 : hits.length === keys.length;
		if (!matches) continue;
		if (rule.statuses.length < LEAD_STATUSES.length && !rule.statuses.includes(String(lead.status)))
			continue;
		const concessionaires = rule.concessionaires?.split(',');
		if (concessionaires && !concessionaires.includes(String(lead.concessionaire))) continue;
		byId.set(String(lead.id), { lead, matchedBy: hits.join(' and ') });
	}
	return [...byId.values()].sort((a, b) => idNumber(b.lead) - idNumber(a.lead));
}
