#!/usr/bin/env node
'use strict';
// The HTML report in a real browser: `btslint examples --format html -o <tmp>/platform.html`, then
// headless Chromium (Debian's `chromium` package; CHROMIUM=<path> to use another) loads the page
// from the file, once to dump the DOM it built and once to take a screenshot. Checks:
//   - the page parsed into one <svg> per environment, with every element of each platform (from the
//     core's model of the same files) drawn and named, and its single points of failure listed;
//   - nothing was requested from the network (the page's CSP allows nothing; the DOM holds no
//     script, image or stylesheet element);
//   - the screenshot is the window's size and not blank.
// With --update-screenshot it also writes docs/images/platform.png (the picture in the README).
// Chromium missing: the test fails and says how to install it (it never skips). Every browser run
// has a time limit, after which its whole process group is killed: the script never hangs.
// Run after a build: `npm run test:html` (which builds first). .ci/run installs chromium, then runs it.

const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { spawn, spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const TIMEOUT_MS = 90_000;
const WINDOW = { width: 1400, height: 1100 };

function fail(message) {
  console.error(`test-html: FAIL: ${message}`);
  process.exit(1);
}

function findChromium() {
  if (process.env.CHROMIUM) return fs.existsSync(process.env.CHROMIUM) ? process.env.CHROMIUM : undefined;
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  return undefined;
}

/** Runs chromium in its own process group; kills the whole group at the time limit. */
function runChromium(bin, args) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      killGroup();
      resolve({ status: null, stdout, stderr: stderr + `\n(killed after ${TIMEOUT_MS / 1000} s)` });
    }, TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ status: null, stdout, stderr: String(e) });
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      killGroup(); // helpers (zygote, GPU process) that outlived the browser
      resolve({ status, stdout, stderr });
    });
  });
}

function chromiumArgs(profile) {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    `--user-data-dir=${profile}`,
    `--window-size=${WINDOW.width},${WINDOW.height}`,
  ];
}

/** Text as Chromium serialises it in the DOM dump. */
function serialised(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

/** A PNG's width and height, and how many of its sampled rows differ (a blank page has one). */
function pngFacts(file) {
  const b = fs.readFileSync(file);
  if (b.readUInt32BE(0) !== 0x89504e47) return undefined;
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const colourType = b[25];
  const idat = [];
  for (let o = 8; o < b.length; ) {
    const len = b.readUInt32BE(o);
    const type = b.toString('ascii', o + 4, o + 8);
    if (type === 'IDAT') idat.push(b.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const bpp = colourType === 6 ? 4 : colourType === 2 ? 3 : 1;
  const stride = width * bpp + 1;
  // Rows of a blank page are all alike (same filter byte, same pixels): count distinct rows, sampled.
  const rows = new Set();
  for (let y = 0; y < height; y += 7) rows.add(require('crypto').createHash('sha1').update(raw.subarray(y * stride, (y + 1) * stride)).digest('hex'));
  return { width, height, distinctRows: rows.size };
}

(async () => {
  const bin = findChromium();
  if (!bin) fail('chromium is not installed (Debian: `apt-get install -y chromium`; or set CHROMIUM=/path/to/chrome).');
  const compiled = path.join(root, 'out', 'server', 'src', 'core', 'index.js');
  if (!fs.existsSync(compiled)) fail('the build is missing (out/): run `npx tsc -p tsconfig.json` first, or `npm run test:html`.');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-html-'));
  const page = path.join(tmp, 'platform.html');
  try {
    const lint = spawnSync(process.execPath, [path.join(root, 'server', 'bin', 'btslint.js'), 'examples', '--format', 'html', '-o', page], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    if (lint.status !== 1) fail(`btslint examples --format html exited ${lint.status}, expected 1 (findings): ${lint.stderr}`);

    // What the page must show: the core's model of the same files.
    const core = require(compiled);
    const { platformsOf } = require(path.join(root, 'out', 'server', 'src', 'core', 'model', 'platform.js'));
    const { findFiles } = require(path.join(root, 'out', 'server', 'src', 'cli', 'files.js'));
    const docs = findFiles(['examples'], root).files.map((f) => core.readDocument(f.absolute, fs.readFileSync(f.absolute)));
    const platforms = platformsOf(docs);
    if (platforms.length < 2) fail(`expected the example workspace's two environments, found ${platforms.length}`);

    const url = 'file://' + page;
    const dump = await runChromium(bin, [...chromiumArgs(path.join(tmp, 'profile-dom')), '--dump-dom', url]);
    if (dump.status !== 0) fail(`chromium --dump-dom exited ${dump.status}: ${dump.stderr.slice(-2000)}`);
    const dom = dump.stdout;
    const problems = [];
    const svgs = (dom.match(/<svg [^>]*class="platform"/g) || []).length;
    if (svgs !== platforms.length) problems.push(`${svgs} diagrams in the DOM, expected ${platforms.length}`);
    let named = 0;
    for (const p of platforms) {
      for (const el of p.elements) {
        const shown = el.name.length > 42 ? el.name.slice(0, 41) + '…' : el.name;
        if (!dom.includes(`data-name="${serialised(el.name).replace(/"/g, '&quot;')}"`)) problems.push(`${p.environment}: element ${el.kind} "${el.name}" is not in the DOM`);
        else if (!dom.includes(`<text class="name" x="14" y="19">${serialised(shown)}</text>`)) problems.push(`${p.environment}: element "${el.name}" is drawn without its name`);
        else named++;
      }
      for (const s of p.spofs) if (!dom.includes(`<td><strong>${serialised(s.name)}</strong></td>`)) problems.push(`${p.environment}: single point of failure "${s.name}" is not listed`);
    }
    const groups = (dom.match(/<g class="el /g) || []).length;
    const total = platforms.reduce((n, p) => n + p.elements.length, 0);
    if (groups !== total) problems.push(`${groups} element groups drawn, expected ${total}`);
    if (/<(script|img|link|iframe|object|embed)\b/i.test(dom)) problems.push('the DOM holds a script, image, link or embedded object');
    if (problems.length) fail(problems.join('\n  '));

    const shot = path.join(tmp, 'platform.png');
    const s = await runChromium(bin, [...chromiumArgs(path.join(tmp, 'profile-shot')), '--hide-scrollbars', `--screenshot=${shot}`, url]);
    if (s.status !== 0 || !fs.existsSync(shot)) fail(`chromium --screenshot exited ${s.status}: ${s.stderr.slice(-2000)}`);
    const facts = pngFacts(shot);
    if (!facts) fail('the screenshot is not a PNG');
    if (facts.width !== WINDOW.width || facts.height !== WINDOW.height) fail(`the screenshot is ${facts.width}x${facts.height}, expected ${WINDOW.width}x${WINDOW.height}`);
    if (facts.distinctRows < 20) fail(`the screenshot looks blank (${facts.distinctRows} distinct rows)`);
    if (process.argv.includes('--update-screenshot')) {
      const target = path.join(root, 'docs', 'images', 'platform.png');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(shot, target);
      console.log(`test-html: wrote ${path.relative(root, target)}`);
    }
    console.log(`test-html: ok: ${platforms.length} environments, ${named} elements drawn and named, ${platforms.reduce((n, p) => n + p.spofs.length, 0)} single points of failure listed; screenshot ${facts.width}x${facts.height} (${chromiumVersion(bin)})`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
})().catch((e) => fail(e && e.stack ? e.stack : String(e)));

function chromiumVersion(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return (r.stdout || '').trim() || 'chromium';
}
