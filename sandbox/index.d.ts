// Types of the sandbox's programmatic API (the sandbox itself is plain CommonJS).
import type { Server } from 'node:http';

export interface SandboxRequest {
	seq: number;
	at: string;
	/** 'fault': a fault hook (/__sandbox/redirect/..., /__sandbox/html/...), whose path is kept whole. */
	vendor: 'sml' | 'casabaca' | 'wolkvox' | 'fault';
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	bodyKind: 'json' | 'form' | 'multipart' | 'text' | 'empty';
	body: any;
	files: Array<{ field: string; filename: string; contentType: string; size: number }>;
	status: number;
	response: any;
}

export interface CredentialValues {
	smlApi: { baseUrl: string; username: string; password: string; authScheme: string };
	sugarCrmCasabacaApi: Record<string, string>;
	wolkvoxCrmApi: {
		server: string;
		customHost: string;
		operation: string;
		token: string;
		externalToken: string;
	};
}

export interface Sandbox {
	url: string;
	port: number;
	server: Server;
	requests: SandboxRequest[];
	credentials: CredentialValues;
	vendors: Record<
		'sml' | 'casabaca' | 'wolkvox',
		{
			reset(): void;
			dump(): any;
			revokeTokens(): void;
			setTokenLimit?(n: number): void;
			appear?: Record<string, (...args: any[]) => any>;
		}
	>;
	reset(): void;
	close(): Promise<void>;
}

/** appearEvery: milliseconds between the SML lead, wolkvox contact and Casabaca appraisal that appear by themselves. */
export function startSandbox(options?: {
	port?: number;
	quiet?: boolean;
	appearEvery?: number;
}): Promise<Sandbox>;
export function credentialValues(baseUrl: string): CredentialValues;
export const demo: {
	sml: { username: string; password: string };
	casabaca: { autorizador: string; email: string; password: string; environments: string[] };
	wolkvox: { operation: string; token: string; externalToken: string; tokenLimit: number };
};
export const DEFAULT_PORT: number;
export const HOST: string;
