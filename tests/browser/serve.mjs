// serve.mjs - rasad serve in a real browser (issue 6): playwright-core
// drives Debian's chromium, headless, over a server on 127.0.0.1 with port 0.
//
//   node serve.mjs --rasad BUILD/rasad --src REPO --out DIR [--chromium PATH]
//
// 1. ingests REPO/examples/ (undated) and tests/browser/dated.jsonl (three
//    dated articles of one made-up event, written for this test, so that a
//    story and a thread have a timeline to draw) into a fresh archive in a
//    temporary folder and starts `rasad serve --listen 127.0.0.1:0 --port-file F` on it;
// 2. home: <html dir="rtl">, the computed direction of <main> is rtl;
//    types «دهقان» into the header's search box and submits: results with
//    <mark> highlights; back home, opens the dated story with the most
//    articles: its summary, the SVG timeline and the article list; the
//    undated story of the examples: summary, articles, a note for the
//    timeline; opens the story's first article,
//    then the story's thread;
// 3. an entity page: the minister written شویگو and شایگو is one entity;
//    his page lists both spellings, roles, meetings and named-with links,
//    one of which opens; an unknown entity is a Persian 404 page (in its
//    own browser context, so that its expected "404" console message stays
//    apart from the pages that must have no console message at all);
// 4. no console errors, no page errors, no CSP violations (reported by a
//    securitypolicyviolation listener added before any page script), and no
//    request leaves 127.0.0.1 (the test uses no network);
// 5. no horizontal overflow at 375 px and 1280 px on every page opened;
// 6. screenshots in DIR: home, search, story, story-undated, article,
//    thread, home-phone, search-phone, story-phone, entity, entity-404;
// 7. SIGTERM stops the server, which must exit 0.
// Prints one line per failed check and ends with "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []));
const rasad = args.rasad;
const src = args.src;
const out = args.out;
const chromiumPath = args.chromium || process.env.RASAD_CHROMIUM || '/usr/bin/chromium';
if (!rasad || !src || !out) {
  console.error('usage: node serve.mjs --rasad BUILD/rasad --src REPO --out DIR [--chromium PATH]');
  process.exit(2);
}

let pass = 0;
let fail = 0;
const notes = [];
function check(name, ok, detail) {
  if (ok) pass++;
  else {
    fail++;
    console.log(`FAIL: ${name}${detail !== undefined ? ': ' + detail : ''}`);
  }
  return ok;
}
function note(s) {
  notes.push(s);
  console.log(`note: ${s}`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rasad-browser-'));
fs.mkdirSync(out, { recursive: true });
for (const f of fs.readdirSync(out)) if (f.endsWith('.png')) fs.rmSync(path.join(out, f));

let server = null;
let browser = null;
const deadline = setTimeout(() => {
  console.log('FAIL: the test took longer than 240 s');
  finish(1);
}, 240000);

async function finish(code) {
  clearTimeout(deadline);
  try { if (browser) await browser.close(); } catch { /* closing anyway */ }
  if (server && server.exitCode === null) server.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`${pass} passed, ${fail} failed`);
  process.exit(code || (fail ? 1 : 0));
}

function waitFor(cond, ms, what) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      const v = cond();
      if (v) return resolve(v);
      if (Date.now() - t0 > ms) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

async function main() {
  // ---- the archive and the server -------------------------------------------
  const db = path.join(tmp, 'x.db');
  const ing = spawnSync(rasad, ['ingest', '--db', db, path.join(src, 'examples'),
                               path.join(src, 'tests', 'browser', 'dated.jsonl')], { encoding: 'utf8' });
  if (!check('rasad ingest examples/ tests/browser/dated.jsonl exits 0', ing.status === 0, ing.stderr)) return finish(1);

  const portFile = path.join(tmp, 'port');
  let serverErr = '';
  server = spawn(rasad, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--port-file', portFile],
                 { stdio: ['ignore', 'ignore', 'pipe'] });
  server.stderr.on('data', (d) => { serverErr += d; });
  const exited = new Promise((resolve) => server.on('exit', (code, sig) => resolve({ code, sig })));
  const port = await waitFor(() => {
    if (server.exitCode !== null) throw new Error(`rasad serve exited ${server.exitCode}: ${serverErr}`);
    try { return parseInt(fs.readFileSync(portFile, 'utf8'), 10) || null; } catch { return null; }
  }, 20000, 'the port file');
  const base = `http://127.0.0.1:${port}`;

  // ---- the browser ----------------------------------------------------------
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
           '--disable-background-networking', '--disable-component-update',
           '--disable-default-apps', '--disable-sync', '--metrics-recording-only'],
  });
  note(`chromium ${browser.version()} (${chromiumPath}), playwright-core driving it`);

  // Everything said by a page that must be clean.
  const problems = [];
  const offsite = [];
  async function newContext(width, height, sink) {
    const ctx = await browser.newContext({ viewport: { width, height }, locale: 'fa-IR',
                                           deviceScaleFactor: 1 });
    await ctx.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI}`);
      });
    });
    // The test needs no network: any request that is not to the server fails.
    await ctx.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === '127.0.0.1' && u.port === String(port)) return route.continue();
      offsite.push(route.request().url());
      return route.abort();
    });
    ctx.on('page', (p) => watch(p, sink));
    return ctx;
  }
  function watch(page, sink) {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        sink.push(`console ${m.type()} on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => sink.push(`page error on ${page.url()}: ${e.message}`));
    page.on('requestfailed', (r) => sink.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) sink.push(`HTTP ${r.status()} for ${r.url()}`);
    });
  }
  async function cspOf(page) {
    const v = await page.evaluate(() => window.__csp || []);
    for (const s of v) problems.push(`CSP violation on ${page.url()}: ${s}`);
  }
  const shot = (page, name) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  const overflow = (page) => page.evaluate(() => {
    const d = document.documentElement;
    // the widest element that sticks out of the viewport, to name it
    let worst = null;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > d.clientWidth + 0.5) {
        if (!worst || r.width > worst.w) worst = { w: r.width, tag: el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') };
      }
    }
    return { scroll: d.scrollWidth, client: d.clientWidth, worst };
  });
  async function noOverflow(page, label) {
    const o = await overflow(page);
    check(`${label}: no horizontal overflow`, o.scroll <= o.client,
          `scrollWidth ${o.scroll} > clientWidth ${o.client}${o.worst ? ' (widest: ' + o.worst.tag + ')' : ''}`);
  }

  const wide = await newContext(1280, 900, problems);
  const page = await wide.newPage();

  // ---- home -----------------------------------------------------------------
  let res = await page.goto(base + '/');
  check('home: 200', res.status() === 200, res.status());
  check('home: <html dir="rtl">', await page.evaluate(() => document.documentElement.dir) === 'rtl');
  check('home: <html lang="fa">', await page.evaluate(() => document.documentElement.lang) === 'fa');
  const mainDir = await page.evaluate(() => getComputedStyle(document.querySelector('main')).direction);
  check('home: computed direction of <main> is rtl', mainDir === 'rtl', mainDir);
  const nStories = await page.locator('#stories > li a[href^="/story/"]').count();
  check('home: lists stories', nStories > 0, nStories);
  check('home: lists threads', await page.locator('#threads > li a[href^="/thread/"]').count() > 0);
  check('home: the stylesheet applied (header is a flex box)',
        await page.evaluate(() => getComputedStyle(document.querySelector('header')).display) === 'flex');
  // Which font the browser drew the Persian text with (a note, not a check).
  try {
    const cdp = await wide.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    note(`the home page's heading is drawn with: ${fonts.map((f) => `${f.familyName} (${f.glyphCount} glyphs)`).join(', ')}`);
    await cdp.detach();
  } catch (e) {
    note(`font in use not known (${e.message})`);
  }
  // Right to left for real: the brand (first in the header) sits at the right.
  const brand = await page.locator('header .brand').boundingBox();
  check('home: the brand is at the right edge (rtl header)', brand && brand.x + brand.width > 1280 / 2,
        JSON.stringify(brand));
  await noOverflow(page, 'home at 1280 px');
  await cspOf(page);
  await shot(page, 'home');

  // ---- search «دهقان» through the form ----------------------------------------
  const box = page.locator('header form.search input[name="q"]');
  await box.fill('دهقان');
  await Promise.all([page.waitForURL(/\/search\?/), box.press('Enter')]);
  const su = new URL(page.url());
  check('search: the form went to /search?q=دهقان', su.pathname === '/search' && su.searchParams.get('q') === 'دهقان',
        page.url());
  const nHits = await page.locator('#results > li').count();
  check('search: results', nHits > 0, nHits);
  const marks = await page.locator('#results mark').allInnerTexts();
  check('search: hits highlighted with <mark>', marks.length > 0, marks.length);
  check('search: the highlights are the word searched', marks.length > 0 && marks.every((m) => m.includes('دهقان')),
        JSON.stringify(marks));
  check('search: the box keeps the query', await page.locator('header input[name="q"]').inputValue() === 'دهقان');
  const markBg = await page.evaluate(() => {
    const m = document.querySelector('#results mark');
    return m ? getComputedStyle(m).backgroundColor : '';
  });
  check('search: <mark> has the highlight colour', markBg === 'rgb(255, 229, 138)', markBg);
  await noOverflow(page, 'search at 1280 px');
  await cspOf(page);
  await shot(page, 'search');
  // the submit button too (a click, not Enter)
  await box.fill('روسیه');
  await Promise.all([page.waitForURL(/q=%D8%B1/), page.locator('header form.search button').click()]);
  check('search: the button submits too', await page.locator('#results > li').count() > 0);
  await cspOf(page);

  // ---- a story from the home page ---------------------------------------------
  await page.goto(base + '/');
  // the dated story with the most articles (the examples are undated: the
  // dated ones come from tests/browser/dated.jsonl), and the undated one
  const pick = (dated) => page.evaluate((dated) => {
    let best = null, bestN = -1;
    for (const li of document.querySelectorAll('#stories > li')) {
      const a = li.querySelector('a[href^="/story/"]');
      const meta = li.querySelector('.meta')?.textContent || '';
      if (meta.includes('بی‌تاریخ') === dated) continue;
      const digits = meta.match(/^[۰-۹]+/);
      const n = digits ? parseInt(digits[0].replace(/[۰-۹]/g, (d) => d.charCodeAt(0) - 0x6f0), 10) : 0;
      if (a && n > bestN) { best = a.getAttribute('href'); bestN = n; }
    }
    return best;
  }, dated);
  const storyHref = await pick(true);
  const undatedHref = await pick(false);
  check('home: a dated story and an undated one', storyHref && undatedHref, `${storyHref} ${undatedHref}`);
  await Promise.all([page.waitForURL('**' + storyHref), page.locator(`#stories a[href="${storyHref}"]`).first().click()]);
  check('story: opened from the home page', new URL(page.url()).pathname === storyHref, page.url());
  check('story: a title', (await page.locator('main h1').innerText()).trim().length > 0);
  const summary = await page.locator('#summary > li').allInnerTexts();
  check('story: a summary', summary.length > 0 && summary.every((s) => s.trim().length > 20), JSON.stringify(summary));
  const svg = page.locator('main svg.timeline');
  check('story: an SVG timeline', await svg.count() === 1);
  const dots = await page.locator('main svg.timeline path.dot').count();
  const nArticles = await page.locator('#articles > li').count();
  check('story: an article list', nArticles > 0, nArticles);
  check('story: a dot on the timeline per dated article', dots > 0 && dots <= nArticles, `${dots} dots, ${nArticles} articles`);
  const svgBox = await svg.boundingBox();
  check('story: the timeline is drawn at a readable size', svgBox && svgBox.width > 200 && svgBox.height > 20,
        JSON.stringify(svgBox));
  check('story: dates in Persian digits', /[۰-۹]/.test(await page.locator('#articles').innerText()));
  await noOverflow(page, 'story at 1280 px');
  await cspOf(page);
  await shot(page, 'story');
  const threadHref = await page.locator('main a[href^="/thread/"]').first().getAttribute('href');

  // an undated story (the examples): the summary, the articles, and a note
  // in place of the timeline
  await page.goto(base + undatedHref);
  check('undated story: a summary', await page.locator('#summary > li').count() > 0);
  check('undated story: an article list', await page.locator('#articles > li').count() > 0);
  check('undated story: no timeline but a note saying why',
        await page.locator('main svg.timeline').count() === 0 &&
        /تاریخ ندارد/.test(await page.locator('main').innerText()));
  await noOverflow(page, 'undated story at 1280 px');
  await cspOf(page);
  await shot(page, 'story-undated');
  await page.goto(base + storyHref);

  // ---- an article of that story -----------------------------------------------
  const articleHref = await page.locator('#articles a[href^="/article/"]').first().getAttribute('href');
  await Promise.all([page.waitForURL('**' + articleHref), page.locator('#articles a[href^="/article/"]').first().click()]);
  check('article: opened from the story', new URL(page.url()).pathname === articleHref, page.url());
  check('article: a title', (await page.locator('article h1').innerText()).trim().length > 0);
  const body = await page.locator('article p.body').innerText();
  check('article: its text', body.trim().length > 100, body.length);
  await noOverflow(page, 'article at 1280 px');
  await cspOf(page);
  await shot(page, 'article');

  // ---- the story's thread -----------------------------------------------------
  res = await page.goto(base + threadHref);
  check('thread: 200', res.status() === 200, res.status());
  check('thread: an SVG timeline of its stories', await page.locator('main svg.timeline').count() === 1);
  check('thread: its stories', await page.locator('#stories > li').count() > 0);
  await noOverflow(page, 'thread at 1280 px');
  await cspOf(page);
  await shot(page, 'thread');

  // ---- a phone: 375 px --------------------------------------------------------
  const phone = await newContext(375, 740, problems);
  const pp = await phone.newPage();
  for (const [label, url] of [['home', '/'], ['search', '/search?q=' + encodeURIComponent('دهقان')],
                              ['story', storyHref], ['article', articleHref], ['thread', threadHref]]) {
    res = await pp.goto(base + url);
    check(`${label} at 375 px: 200`, res.status() === 200, res.status());
    await noOverflow(pp, `${label} at 375 px`);
    await cspOf(pp);
    if (label === 'home') await shot(pp, 'home-phone');
    if (label === 'story') await shot(pp, 'story-phone');
    if (label === 'search') await shot(pp, 'search-phone');
  }
  // the search box is usable on a phone: not squeezed below 150 px
  await pp.goto(base + '/');
  const pbox = await pp.locator('header input[name="q"]').boundingBox();
  check('home at 375 px: the search box is wide enough', pbox && pbox.width >= 150, JSON.stringify(pbox));

  // ---- an entity page: the Russian minister, written two ways in the examples ----
  const api = await page.request.get(base + '/api/v1/entities?type=PER&limit=100');
  check('entities API: 200', api.status() === 200, api.status());
  const ents = await api.json().catch(() => null);
  const shoigu = Array.isArray(ents) &&
    ents.find((e) => e.variants.some((v) => v.includes('شویگو')) && e.variants.some((v) => v.includes('شایگو')));
  check('entities API: شویگو and شایگو are one entity', !!shoigu, JSON.stringify((ents || []).slice(0, 5)));
  if (shoigu) {
    res = await page.goto(base + '/entity/' + shoigu.id);
    check('entity page: 200', res.status() === 200, res.status());
    check('entity page: rtl', await page.evaluate(() => document.documentElement.dir === 'rtl'));
    const vars = await page.locator('#variants li').allInnerTexts();
    check('entity page: both spellings listed', vars.some((v) => v.includes('شویگو')) && vars.some((v) => v.includes('شایگو')),
          JSON.stringify(vars));
    check('entity page: roles listed', await page.locator('#roles li').count() >= 1);
    check('entity page: named-with links', await page.locator('#cooccurring a.ent').count() >= 1);
    check('entity page: its meetings', await page.locator('ul.events li').count() >= 1);
    await noOverflow(page, 'entity page');
    await cspOf(page);
    await shot(page, 'entity');
    // from the entity to a co-occurring one, by clicking
    await page.locator('#cooccurring a.ent').first().click();
    check('entity page: a co-occurring entity opens', /\/entity\/\d+$/.test(page.url()), page.url());
  }
  const expected = [];
  const ectx = await newContext(1280, 900, expected);
  const ep = await ectx.newPage();
  res = await ep.goto(base + '/entity/999999');
  check('unknown entity: 404', res.status() === 404, res.status());
  check('unknown entity: the error page is rtl Persian',
        await ep.evaluate(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'fa'));
  check('unknown entity: says 404 in Persian digits', (await ep.locator('main h1').innerText()).trim() === '۴۰۴');
  await cspOf(ep);
  await shot(ep, 'entity-404');
  check('unknown entity: only the expected 404 was reported',
        expected.every((x) => /404/.test(x)), JSON.stringify(expected));

  // ---- nothing went wrong on the way ------------------------------------------
  check('no console errors, page errors, CSP violations or failed requests', problems.length === 0,
        '\n  ' + problems.join('\n  '));
  check('no request left 127.0.0.1', offsite.length === 0, offsite.join(' '));

  await browser.close();
  browser = null;

  // ---- SIGTERM ----------------------------------------------------------------
  server.kill('SIGTERM');
  const ex = await Promise.race([exited, new Promise((r) => setTimeout(() => r({ code: 'timeout' }), 15000))]);
  check('rasad serve exits 0 on SIGTERM', ex.code === 0, JSON.stringify(ex) + ' ' + serverErr);
  check('rasad serve says it stopped', /stopped/.test(serverErr), serverErr);
  note(`screenshots in ${out}: ${fs.readdirSync(out).filter((f) => f.endsWith('.png')).sort().join(' ')}`);
  return finish(0);
}

main().catch((e) => {
  console.log(`FAIL: ${e.stack || e}`);
  fail++;
  finish(1);
});
