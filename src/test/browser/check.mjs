// The browser half of `./workbook browser-check` (started by src/test/python/browser_check.py,
// which prepares everything and stops JupyterLab afterwards):
//
//   node check.mjs CONFIG.json
//
// For each notebook in the config, in headless Chromium driven by playwright-core:
//   1. open it in the JupyterLab that browser_check.py started (a temporary copy of notebooks/),
//      choose Run > Run All Cells in the menu, and wait until every code cell has run and the
//      kernel is idle;
//   2. move the mouse over every figure output (the jupyterlab-plotly renderer shows the PNG first
//      and draws the interactive plot when the mouse enters it) and count the outputs that became
//      an interactive plot (.js-plotly-plot with a visible .plot-container and an svg.main-svg);
//   3. look for errors: `error` outputs in the notebook's model, and stderr outputs that show an
//      exception;
//   4. save a screenshot of the whole notebook (the page made as tall as it) to target/browser/<name>.png;
//   5. open the nbconvert HTML export target/notebooks/<name>.html from file:// with every other
//      request aborted, and check that every PNG image in it decoded (naturalWidth > 0).
// A notebook passes when the interactive plots equal its figure outputs in the executed copy,
// nothing shows an error, and its HTML export passes. One line per notebook; results go to
// CONFIG.results as JSON. Every wait is bounded; Chromium is closed in `finally`, and on SIGTERM
// or SIGINT by playwright-core's own handlers.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

// An output drawn by the jupyterlab-plotly renderer (it sets no data-mime-type attribute).
const FIGURE = '.jp-OutputArea-output.jp-RenderedPlotly';
const STDERR = 'application/vnd.jupyter.stderr';
// Text that shows an exception in a stderr output (a JJava error arrives as one; so does a stack
// trace printed by the library). Plain warnings, e.g. SLF4J's, do not match.
const EXCEPTION = /\b[\w.$]*(?:Exception|Error)\b|Traceback|^\s+at [\w.$<>]+\(/m;

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const T = config.timeouts; // seconds
const sec = (s) => Math.round(s * 1000);

function log(line) {
  process.stdout.write(line + '\n');
}

function rel(p) {
  const r = path.relative(config.root, p);
  return r && !r.startsWith('..') ? r : p;
}

async function poll(what, seconds, probe, every = 500) {
  const deadline = Date.now() + sec(seconds);
  let last;
  for (;;) {
    last = await probe();
    if (last.done) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${seconds} s waiting for ${what}${last.why ? ` (${last.why})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, every));
  }
}

// The state of the notebook panel for `file`, read from JupyterLab's own model (the server is
// started with expose_app_in_browser) and from the page.
async function notebookState(page, file) {
  return page.evaluate(
    ({ file, FIGURE, STDERR }) => {
      const app = window.jupyterapp;
      if (!app) return { found: false, why: 'JupyterLab not loaded yet' };
      let panel = null;
      for (const w of app.shell.widgets('main')) {
        if (w.context && w.context.path === file && w.content && w.content.model) panel = w;
      }
      if (!panel) return { found: false, why: `${file} not open yet` };
      const cells = [];
      const model = panel.content.model;
      for (let i = 0; i < model.cells.length; i++) {
        const c = model.cells.get(i);
        if (c.type !== 'code') continue;
        const outputs = [];
        for (let j = 0; j < c.outputs.length; j++) outputs.push(c.outputs.get(j).toJSON());
        cells.push({ index: i, count: c.executionCount, outputs });
      }
      const session = panel.sessionContext.session;
      const prompts = [...panel.node.querySelectorAll('.jp-InputPrompt')].map((p) => p.textContent.trim());
      const stderr = [...panel.node.querySelectorAll(`.jp-OutputArea-output[data-mime-type="${STDERR}"]`)].map(
        (o) => o.textContent,
      );
      return {
        found: true,
        ready: panel.sessionContext.isReady,
        kernel: session && session.kernel ? session.kernel.status : 'none',
        connection: session && session.kernel ? session.kernel.connectionStatus : 'none',
        kernelName: session && session.kernel ? session.kernel.name : '',
        cells,
        busyPrompts: prompts.filter((p) => p.includes('*')).length,
        figuresShown: panel.node.querySelectorAll(FIGURE).length,
        stderr,
      };
    },
    { file, FIGURE, STDERR },
  );
}

async function kernelAnswered(page, file) {
  return page.evaluate(async (file) => {
    for (const w of window.jupyterapp.shell.widgets('main')) {
      const kernel = w.context && w.context.path === file && w.sessionContext.session && w.sessionContext.session.kernel;
      if (kernel) {
        const info = await Promise.race([kernel.info, new Promise((r) => setTimeout(() => r(null), 1000))]);
        return info != null;
      }
    }
    return false;
  }, file);
}

function errorsIn(state) {
  const errors = [];
  for (const cell of state.cells) {
    if (cell.count == null) errors.push(`cell ${cell.index} did not run`);
    for (const out of cell.outputs) {
      if (out.output_type === 'error') {
        errors.push(`cell ${cell.index}: ${strip(out.ename)}: ${strip(out.evalue).split('\n')[0].slice(0, 160)}`);
      } else if (out.output_type === 'stream' && out.name === 'stderr') {
        const text = strip(Array.isArray(out.text) ? out.text.join('') : String(out.text));
        if (EXCEPTION.test(text)) errors.push(`cell ${cell.index} stderr: ${firstMatchLine(text)}`);
      }
    }
  }
  // What the learner sees: stderr outputs on the page that show an exception. Error outputs are
  // rendered as stderr too, so only a surplus over the model's count is reported.
  const shown = state.stderr.filter((t) => EXCEPTION.test(strip(t))).length;
  if (shown > errors.length) errors.push(`${shown - errors.length} more stderr output(s) on the page show an exception`);
  return errors;
}

function strip(s) {
  return String(s || '').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}

function firstMatchLine(text) {
  const line = text.split('\n').find((l) => EXCEPTION.test(l)) || text.split('\n')[0];
  return line.trim().slice(0, 160);
}

async function runAll(page, file) {
  // As a learner would: the Run menu, then Run All Cells.
  await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click({ timeout: sec(T.action) });
  await page
    .locator('.lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel', { hasText: /^Run All Cells$/ })
    .click({ timeout: sec(T.action) });
  await poll('Run All Cells to start', T.action, async () => {
    const s = await notebookState(page, file);
    return { done: s.busyPrompts > 0 || s.cells.some((c) => c.count != null), why: `kernel ${s.kernel}` };
  });
}

async function checkNotebook(context, nb) {
  const started = Date.now();
  const result = {
    name: nb.name,
    figures: nb.figures,
    interactive: 0,
    figuresShown: 0,
    figureBoxes: [],
    notes: [],
    errors: [],
    problems: [],
    screenshot: path.join(config.out, `${nb.name}.png`),
    blocked: [],
  };
  const page = await context.newPage();
  page.setDefaultTimeout(sec(T.action));
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 200));
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(config.origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    result.blocked.push(url);
    return route.abort();
  });
  try {
    const url = `${config.origin}/lab/tree/${encodeURI(nb.file)}?token=${config.token}`;
    await page.goto(url, { timeout: sec(T.load), waitUntil: 'domcontentloaded' });
    // Ready when the kernel has answered kernel_info. (Its status stays "unknown" until the first
    // cell runs: JupyterLab ignores the status messages around kernel_info.)
    const opened = await poll(`JupyterLab to open ${nb.file} and start its kernel`, T.kernel, async () => {
      const s = await notebookState(page, nb.file);
      const answered = s.found && s.ready && s.connection === 'connected' && (await kernelAnswered(page, nb.file));
      return { done: answered, why: s.found ? `kernel ${s.kernel}, ${s.connection}` : s.why, s };
    });
    if (opened.s.kernelName !== config.kernel) {
      result.problems.push(`the notebook runs kernel '${opened.s.kernelName}', expected '${config.kernel}'`);
    }
    // The learner's view without the file browser, so the screenshot shows the notebook.
    await page.evaluate(() => {
      const app = window.jupyterapp;
      if (!app.shell.leftCollapsed) return app.commands.execute('application:toggle-left-area');
    });

    await runAll(page, nb.file);
    let stable = 0;
    await poll(`every cell to run (WORKBOOK_BROWSER_RUN_TIMEOUT=${T.run})`, T.run, async () => {
      const s = await notebookState(page, nb.file);
      const pending = s.cells.filter((c) => c.count == null).length;
      const finished = s.kernel === 'idle' && s.busyPrompts === 0;
      // Run All stops at the first error: then the cells after it stay unrun, which errorsIn reports.
      const stopped = s.cells.some((c) => c.outputs.some((o) => o.output_type === 'error'));
      stable = finished && (pending === 0 || stopped) ? stable + 1 : 0;
      return { done: stable >= 3, why: `kernel ${s.kernel}, ${pending} cell(s) not run yet`, s };
    });

    // Make the page as tall as the notebook, so that one screenshot shows all of it.
    const height = await page.evaluate(() => {
      const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
      const scroller = panel && panel.querySelector('.jp-WindowedPanel-outer');
      const inner = panel && panel.querySelector('.jp-WindowedPanel-inner');
      if (!scroller || !inner) return 0;
      return Math.ceil(window.innerHeight - scroller.clientHeight + inner.getBoundingClientRect().height + 40);
    });
    await page.setViewportSize({ width: config.width, height: Math.min(Math.max(height, 900), config.maxHeight) });
    if (height > config.maxHeight) {
      result.notes.push(`the notebook is ${height} px tall: the screenshot shows its first ${config.maxHeight} px`);
    }
    await page.waitForTimeout(500);

    const figures = page.locator(`.jp-NotebookPanel:not(.lm-mod-hidden) ${FIGURE}`);
    result.figuresShown = await figures.count();
    for (let i = 0; i < result.figuresShown; i++) {
      const figure = figures.nth(i);
      try {
        await figure.scrollIntoViewIfNeeded({ timeout: sec(T.action) });
        // The mouse enters the PNG: the renderer then draws the plot in its place. (Playwright's
        // hover() would retry, as the plot it triggers takes the pointer away from the image.)
        const box = await figure.boundingBox({ timeout: sec(T.action) });
        if (!box) throw new Error('the figure output has no size');
        await page.mouse.move(2, 2);
        await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2, { steps: 5 });
        await figure
          .locator('.plot-container svg.main-svg')
          .first()
          .waitFor({ state: 'visible', timeout: sec(T.hover) });
      } catch (e) {
        result.problems.push(`figure ${i + 1}: no interactive plot after hovering (${e.message.split('\n')[0]})`);
      }
    }
    await page.mouse.move(0, 0);
    result.interactive = await page.evaluate((FIGURE) => {
      const outs = document.querySelectorAll(`.jp-NotebookPanel:not(.lm-mod-hidden) ${FIGURE}`);
      return [...outs].filter((o) => {
        // plotly.js draws into the output node itself, which gets the class js-plotly-plot.
        const plot = o.classList.contains('js-plotly-plot') ? o : o.querySelector('.js-plotly-plot');
        const container = plot && plot.querySelector('.plot-container');
        const img = o.querySelector('img.plot-img');
        return (
          container &&
          getComputedStyle(container).display !== 'none' &&
          container.querySelector('svg.main-svg') &&
          container.getBoundingClientRect().height > 0 &&
          !(img && getComputedStyle(img).display !== 'none')
        );
      }).length;
    }, FIGURE);

    const final = await notebookState(page, nb.file);
    result.errors = errorsIn(final);
    // Where the figures are in the screenshot (the page is as tall as the notebook, unscrolled).
    for (let i = 0; i < result.figuresShown; i++) {
      const box = await figures.nth(i).boundingBox();
      if (box) result.figureBoxes.push({ y: Math.round(box.y), height: Math.round(box.height) });
    }
    // Leave the mouse on the last figure: the screenshot then shows plotly's toolbar on it too.
    if (result.figuresShown > 0) {
      const box = await figures.nth(result.figuresShown - 1).boundingBox();
      if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    }
    await page.waitForTimeout(500);
    await page.screenshot({ path: result.screenshot, timeout: sec(T.action) * 2 });
  } catch (e) {
    result.problems.push(e.message.split('\n')[0]);
    try {
      await page.screenshot({ path: result.screenshot, timeout: sec(T.action) });
    } catch {
      /* the screenshot of a failure is a bonus */
    }
  } finally {
    await context.unroute('**/*').catch(() => {});
    await page.close().catch(() => {});
    await stopKernels();
  }
  if (result.figuresShown !== nb.figures && !result.problems.some((p) => p.startsWith('timed out'))) {
    result.problems.push(`${result.figuresShown} figure output(s) on the page, the executed copy has ${nb.figures}`);
  }
  if (result.interactive !== nb.figures) {
    result.problems.push(`${result.interactive} interactive plot(s), expected ${nb.figures}`);
  }
  if (result.errors.length) result.problems.push(...result.errors.map((e) => `error shown: ${e}`));
  if (result.problems.length && consoleErrors.length) {
    result.problems.push(`browser console errors: ${consoleErrors.slice(0, 3).join(' | ')}`);
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

// Shut down the kernels of this check's JupyterLab after each notebook, so only one JVM runs.
async function stopKernels() {
  const headers = { Authorization: `token ${config.token}` };
  try {
    const sessions = await (await fetch(`${config.origin}/api/sessions`, { headers, signal: AbortSignal.timeout(10000) })).json();
    for (const s of sessions) {
      await fetch(`${config.origin}/api/sessions/${s.id}`, { method: 'DELETE', headers, signal: AbortSignal.timeout(20000) });
    }
  } catch {
    /* browser_check.py stops the server and its kernels in any case */
  }
}

// The nbconvert export, offline: only file:// and data: may load.
async function checkHtml(context, nb) {
  const html = { path: nb.html, decoded: 0, images: 0, blocked: [], problems: [] };
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    html.blocked.push(url);
    return route.abort();
  });
  try {
    await page.goto('file://' + nb.html, { timeout: sec(T.load), waitUntil: 'load' });
    const imgs = await page.evaluate(async () => {
      const list = [...document.querySelectorAll('img[src^="data:image/png;base64,"]')];
      await Promise.all(list.map((i) => (i.complete ? null : i.decode().catch(() => null))));
      return list.map((i) => i.naturalWidth);
    });
    html.images = imgs.length;
    html.decoded = imgs.filter((w) => w > 0).length;
    if (html.decoded !== html.images) html.problems.push(`${html.images - html.decoded} PNG image(s) did not decode`);
    if (html.images < nb.figures) html.problems.push(`${html.images} PNG image(s) in the HTML, ${nb.figures} figure(s)`);
  } catch (e) {
    html.problems.push(e.message.split('\n')[0]);
  } finally {
    await page.close().catch(() => {});
  }
  return html;
}

function line(r) {
  const ok = r.problems.length === 0;
  const h = r.html;
  const htmlPart = h ? `html images ${h.decoded}/${h.images} decoded offline` : 'html not checked';
  return (
    `${ok ? 'PASS' : 'FAIL'} ${r.name}  figures ${r.figures}, interactive plots ${r.interactive}, ` +
    `errors ${r.errors.length}, ${htmlPart}, screenshot ${rel(r.screenshot)}  (${r.seconds.toFixed(1)} s)`
  );
}

async function main() {
  const results = [];
  const save = () => fs.writeFileSync(config.results, JSON.stringify(results, null, 2));
  save();
  fs.mkdirSync(config.profile, { recursive: true }); // new and empty: browser_check.py made a folder for this run
  const context = await chromium.launchPersistentContext(config.profile, {
    executablePath: config.chromium,
    headless: true,
    args: config.chromiumArgs,
    viewport: { width: config.width, height: 900 },
    timeout: sec(T.load),
  });
  try {
    for (const nb of config.notebooks) {
      const r = await checkNotebook(context, nb);
      r.html = await checkHtml(context, nb);
      r.problems.push(...r.html.problems.map((p) => `HTML export ${rel(nb.html)}: ${p}`));
      results.push(r);
      save();
      log(line(r));
      for (const p of r.problems) log(`   FAIL ${p}`);
      for (const n of r.notes) log(`   note: ${n}`);
    }
    const blocked = new Set(results.flatMap((r) => r.html.blocked.map((u) => u.split('?')[0])));
    if (blocked.size) log(`   note: the HTML exports link ${[...blocked].join(', ')} (blocked here; the figures do not need them)`);
    const labBlocked = new Set(results.flatMap((r) => r.blocked.map((u) => u.split('?')[0])));
    if (labBlocked.size) log(`   note: JupyterLab asked for ${[...labBlocked].slice(0, 5).join(', ')} (blocked)`);
  } finally {
    await context.close().catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    log(`browser check: ${e.stack || e}`);
    process.exit(2);
  },
);
