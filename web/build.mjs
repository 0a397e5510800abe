// Bundles the page with esbuild into dist/ (app.js, worker.js, app.css) and copies the HTML,
// the WebAssembly module and the example programs (lessons.json) next to them: a static folder any host can serve. The embed
// view, embed.html, is index.html in embed mode.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

const dist = 'dist';
for (const f of ['pkg/stackheap_bg.wasm', 'pkg/lessons.json']) {
  if (!existsSync(f)) {
    console.error(`build.mjs: ${f} is missing; run \`cargo xtask build\``);
    process.exit(1);
  }
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await esbuild.build({
  entryPoints: { app: 'src/main.js', worker: 'src/worker.js', 'app-style': 'src/style.css' },
  outdir: dist,
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: false,
  target: ['chrome109', 'firefox115', 'safari16'],
  logLevel: 'warning',
});
cpSync(`${dist}/app-style.css`, `${dist}/app.css`);
rmSync(`${dist}/app-style.css`);
const html = readFileSync('index.html', 'utf8');
writeFileSync(`${dist}/index.html`, html);
writeFileSync(`${dist}/embed.html`, html.replace('<body data-mode="full">', '<body data-mode="embed">'));
cpSync('pkg/stackheap_bg.wasm', `${dist}/stackheap_bg.wasm`);
cpSync('pkg/lessons.json', `${dist}/lessons.json`);
console.log('build.mjs: wrote dist/');
