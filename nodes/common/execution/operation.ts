import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';

/**
 * The n8n functions the engine sends requests with: a node's execute(), its dropdowns
 * (loadOptions) and a polling trigger's poll().
 */
export type EngineFunctions = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** One HTTP call, before the vendor's base URL and authentication are applied. */
export interface RequestPlan {
	method: IHttpRequestMethods;
	/** Path on the vendor's server, e.g. `/api/lead/984/`. */
	path: string;
	qs?: IDataObject;
	/** A Buffer is a body already encoded (e.g. multipart form-data): give its Content-Type in `headers`. */
	body?: IDataObject | IDataObject[] | Buffer;
	headers?: IDataObject;
	/** Ask for the raw bytes (file downloads). */
	binary?: boolean;
	/** What the file is, e.g. "PDF for appraisal 5": named in the error when JSON comes instead. */
	file?: string;
	/** Credential values that replace the stored ones for this request only (e.g. another token). */
	credentialOverrides?: IDataObject;
	/** The operation is documented to answer nothing (logout): an empty 2xx body is a success. */
	emptyAnswer?: boolean;
	/** Milliseconds to wait for the answer (the operation's Options > Timeout). */
	timeout?: number;
	/** The request only reads, whatever its method (wolkvox queries are POSTs): a failure changed nothing. */
	readOnly?: boolean;
}

/** The answer of a request: the parsed body plus what a file download needs. */
export interface ApiResponse {
	statusCode: number;
	body: unknown;
	headers: IDataObject;
}

/** One page of a list, as the vendor's `read` makes it out of an answer. */
export interface Page {
	results: IDataObject[];
	/** Set when the vendor says more records follow (its value is never requested). */
	next: string | null;
	/** How many records the whole list has, when the vendor says. */
	count?: number;
}

/**
 * How a vendor pages its lists: a member of its VendorApi (`pages`). The engine's walk (pagination.ts) adds
 * the bounds every vendor needs.
 */
export interface VendorPages {
	/** The query-string parameters that ask for one page. */
	query(page: number, size: number | 'all'): IDataObject;
	/** The page in an (unwrapped) answer. */
	read(body: unknown): Page;
	/**
	 * Largest page asked for when walking all pages: few requests for a long list. A server that
	 * caps its pages lower answers smaller pages, and the walk follows `next`.
	 */
	maxPageSize: number;
}

/**
 * One vendor: its credential, base URL and error dialect. Written once per vendor in its
 * `transport.ts`; the engine (http.ts) does the rest.
 */
export interface VendorApi {
	/** Shown in error messages, e.g. "SML". */
	displayName: string;
	credentialType: string;
	baseUrl(credentials: IDataObject): string;
	/** Adds what every request of this vendor carries (e.g. wolkvox's `operation`). */
	prepare?(plan: RequestPlan, credentials: IDataObject): RequestPlan;
	/**
	 * The vendor's own words for a failed answer, or undefined when the answer is a success.
	 * Called for every answer, so a vendor can flag failures hidden in an HTTP 200.
	 */
	failureMessage(response: ApiResponse): string | undefined;
	/**
	 * A rejected token besides HTTP 401 (Casabaca answers HTTP 500 "Unauthenticated."): the engine
	 * logs in again once and repeats the request once, as for a 401.
	 */
	isTokenRejected?(response: ApiResponse): boolean;
	/**
	 * The credential's hidden expirable token field (login vendors): empty, it makes n8n's
	 * preAuthentication log in; the engine empties it to renew a rejected token.
	 */
	tokenField?: string;
	/** The credential holds a fixed token (no login): a 401 is final, nothing is sent twice. */
	staticToken?: boolean;
	/** Options > Concurrency: its default and the most the vendor tolerates (default 10, at most 50). */
	concurrency?: { default: number; max: number };
	/** The vendor's words in an answer that is not what was asked for (JSON where a file was expected). */
	answerWords?(body: unknown): string | undefined;
	/** The useful part of a successful answer (e.g. Casabaca's `data`). */
	unwrap?(body: unknown): unknown;
	/**
	 * The keys of the vendor's answer envelope (wolkvox's `code`, `error`, `msg`, `data`): the AI
	 * tool variant outputs an answer made only of them as no records, or as its message.
	 */
	envelope?: readonly string[];
	/**
	 * How its lists are paged, for the operations with Return All / Limit (`paginate`). Without
	 * it, a list is read in one request and Limit keeps its first records.
	 */
	pages?: VendorPages;
}

/** What a spec's `run` gets to talk to the vendor, already bound to the item. */
export interface OperationContext {
	fn: IExecuteFunctions;
	itemIndex: number;
	/** The vendor's display name (VendorApi.displayName), for errors raised outside a request. */
	vendor?: string;
	request(plan: RequestPlan): Promise<unknown>;
	requestRaw(plan: RequestPlan): Promise<ApiResponse>;
	/**
	 * Runs a login of the operation's own (Log In, Create Token): one at a time, none after a
	 * refusal. The attempt gets the item's Options > Timeout, in milliseconds.
	 */
	login<T>(attempt: (timeoutMs: number) => Promise<T>): Promise<T>;
}

/** What a spec's own `run` gets: the context, and the spec's path filled with the item's values. */
export interface RunContext extends OperationContext {
	path: string;
}

/** Output items that carry more than JSON (binary files): wrap them with `executionItems`. */
export interface ExecutionItems {
	executionItems: INodeExecutionData[];
}

export type OperationOutput = IDataObject | IDataObject[] | ExecutionItems | undefined;

export function executionItems(items: INodeExecutionData[]): ExecutionItems {
	return { executionItems: items };
}

export function isExecutionItems(output: unknown): output is ExecutionItems {
	return (
		typeof output === 'object' &&
		output !== null &&
		Object.keys(output).length === 1 &&
		Array.isArray((output as ExecutionItems).executionItems)
	);
}

/**
 * Everything about one operation, in one place: the node description, the executor and the
 * README's operation table are all derived from these.
 */
export interface OperationSpec<P extends IDataObject = IDataObject> {
	resource: string;
	operation: string;
	/** Label in the Operation dropdown, e.g. "Create". */
	name: string;
	/** Label in the actions panel, e.g. "Create a lead". */
	action: string;
	/** Sentence shown under the Operation dropdown. */
	description: string;
	/**
	 * The resource's default operation, what the Operation dropdown shows first: exactly one spec
	 * per resource has it (checked when the node loads). Saved nodes store no default value, so
	 * the default never moves to another operation.
	 */
	default?: true;
	method: IHttpRequestMethods;
	/** Documented path; `{name}` placeholders are filled from the validated parameter `name`. */
	path: string;
	/**
	 * The vendor documents no answer for it (logout, and writes whose answer is undocumented):
	 * an empty 2xx body is a success. Otherwise an empty answer fails the item (a DELETE's 204 excepted).
	 */
	emptyAnswer?: boolean;
	/**
	 * The operation's parameters. Resource/operation display options are added by the engine;
	 * a property may carry its own extra `displayOptions.show` conditions.
	 */
	properties: INodeProperties[];
	/** Validates the collected parameters; its output is what `request`/`run` receive. */
	schema: ZodType<P, ZodTypeDef, unknown>;
	/** Maps the validated parameters to the request's body and query string. */
	request?(params: P): {
		body?: IDataObject | IDataObject[];
		qs?: IDataObject;
		headers?: IDataObject;
	};
	/**
	 * Adds Return All / Limit; the validated parameters then carry `returnAll` and `limit` (the
	 * engine reads them, whatever the spec's schema keeps) and optionally `pageSize` / `startPage`
	 * (see PageRequest). The engine walks the vendor's `pages`; a vendor without them is read in one
	 * request whose records are cut to Limit (so is the output of a `run`).
	 * `{ returnAllBefore: LISTS_VERSION }`: a list published before it had the pair, whose saved
	 * workflows (older node versions) must keep their whole output: Return All starts on there.
	 */
	paginate?: boolean | { returnAllBefore: number };
	/** Turns the (unwrapped) answer into output items; default: one item per record. */
	output?(body: unknown, params: P): OperationOutput;
	/**
	 * For operations that need more than one call (read-before-update, file downloads). `ctx.path`
	 * is `path` filled with the item's values: the documented path has this one home.
	 */
	run?(ctx: RunContext, params: P): Promise<OperationOutput | unknown>;
	/**
	 * Checks that need the input item itself (e.g. that its binary properties exist), run with the
	 * validation of every item, before anything is sent. Returns the problems found (empty: none).
	 */
	checkItem?(fn: IExecuteFunctions, params: P, itemIndex: number): string[];
	/** Sends the validated parameters of all items in chunks (bulk endpoints); see batch.ts. */
	batch?: BatchSpec<P>;
	/**
	 * The keys an item is matched on (read-then-write operations such as Create or Update): items
	 * that share a key run one after the other in input order, so the second finds what the first
	 * created; items with different keys still run in parallel (Options > Concurrency).
	 */
	serialKeys?(params: P): string[];
	/**
	 * How the node's AI tool variant treats it (common/execution/toolVariant.ts). Unmarked operations are
	 * offered to agents as they are.
	 */
	tool?: ToolUse;
}

/**
 * `hidden`: a tool call cannot use it (binary input or output, bulk loads, the shared session);
 * `why` says so. `irreversible`: offered only with the tool's Allow Irreversible Actions on;
 * `why` says what it does, e.g. "places a real phone call".
 */
export interface ToolUse {
	use: 'hidden' | 'irreversible';
	why: string;
}

/**
 * A bulk endpoint: the runner validates every item, groups the items by `key`, cuts each group
 * into chunks of `size` and sends one request per chunk; each output item is paired with its own
 * input item, and a failed chunk fails (or with Continue On Fail marks) only its own items.
 */
export interface BatchSpec<P extends IDataObject = IDataObject> {
	/** Items per request, read from the first item of each group. */
	size(params: P): number;
	/** Items whose keys differ never share a request (e.g. a module name given per item). */
	key?(params: P): string;
	/** The request for one chunk: the validated parameters of its items, in input order. */
	request(chunk: P[]): {
		body?: IDataObject | IDataObject[];
		qs?: IDataObject;
		headers?: IDataObject;
	};
	/**
	 * One output per item of the chunk, from the (unwrapped) answer. By default an answer that is a
	 * list as long as the chunk is split in order; any other answer is given to every item.
	 */
	output?(body: unknown, chunk: P[]): unknown[];
}

/** Erases the parameter type so specs of different operations fit in one list. */
export type AnyOperationSpec = OperationSpec<any>;

export function defineOperation<P extends IDataObject>(spec: OperationSpec<P>): AnyOperationSpec {
	return spec;
}

export interface ResourceOption {
	name: string;
	value: string;
	description?: string;
}
