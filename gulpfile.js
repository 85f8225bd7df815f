// Build steps tsc does not do: start from an empty dist/, and copy the icons and the
// codex files (*.node.json, read by n8n for categories and docs links) next to the compiled nodes.
const fs = require('node:fs');
const { src, dest, task } = require('gulp');

task('clean', (done) => {
	fs.rmSync('dist', { recursive: true, force: true });
	done();
});

task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist')),
);
