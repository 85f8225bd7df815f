import path from 'node:path';

// n8n-core writes its settings under N8N_USER_FOLDER: keep that inside node_modules/.cache.
process.env.N8N_USER_FOLDER = path.resolve(__dirname, '../../node_modules/.cache/n8n-test');
// n8n's logger reports every node error on stdout; the tests assert those errors themselves.
process.env.N8N_LOG_LEVEL = 'silent';
