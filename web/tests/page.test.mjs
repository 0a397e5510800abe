// Browser tests of the playground page in headless Chromium: loading, the header's one row
// of controls at four widths, stepping through the heap_years example until `years`' block
// is freed and back, diagnostics in the editor, share links, the embed view, damaged links
// and an endless loop; manual mode's reports (use after free with its marked bytes and step
// links, an unchecked double free's two owners, leaks, heap in use), struct padding,
// references, moved variables and a for loop's range kept in the frame. Run by `cargo xtask
// test`, which builds and serves the page and sets STACKHEAP_URL. Screenshots go to
// artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, shot } from './browser.mjs';

let browser;
let close;
before(async () => { ({ browser, close } = await launch()); });
after(async () => { await close(); });

const stepText = (page) => page.textContent('#step-count');
const position = async (page) => Number((await stepText(page)).match(/step ([\d,]+)/)[1].replace(/,/g, ''));

async function setProgram(page, text) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

async function chooseExample(page, name) {
  await page.selectOption('#examples', name);
  // The change handler starts the run at once (status "busy"); wait until it is drawn, so
  // that a previous program that also sat at step 0 is not mistaken for this one.
  await page.waitForFunction(() => /step 0 of [1-9]/.test(document.querySelector('#step-count').textContent)
    && !document.querySelector('#status').classList.contains('busy'));
}

async function stepForward(page) {
  const before = await position(page);
  await page.click('#btn-forward');
  // The page marks the step it has drawn on <body data-step>.
  await page.waitForFunction((n) => document.body.dataset.step === String(n + 1), before);
}

test('the page loads with no console errors', async () => {
  const page = await openPage(browser, '');
  await page.waitForSelector('#stack-view .region-head');
  assert.match(await page.textContent('#stack-view'), /stack_bytes/);
  assert.ok((await page.$$('#examples option')).length >= 8, 'every example is in the menu');
  await shot(page, '01-loaded');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the header stays one row from wide windows down to 800px', async () => {
  for (const width of [1400, 1200, 1000, 800]) {
    const page = await openPage(browser, '', { width, height: 700 });
    await chooseExample(page, 'heap_years');
    // The controls' vertical centres all lie within a few pixels of each other.
    const spread = await page.$$eval('header.top > :is(h1, label, button)', (els) => {
      const mid = els.map((e) => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; });
      return Math.max(...mid) - Math.min(...mid);
    });
    assert.ok(spread < 12, `one row of controls at ${width}px (centres ${spread}px apart)`);
    // The buttons keep to the right edge, with or without the description beside them.
    const right = await page.$eval('#btn-help', (e) => e.getBoundingClientRect().right);
    assert.ok(right > width - 30, `the last button at the right edge at ${width}px (${right})`);
    // Wide enough, the lesson's description shows (at most three lines, all of it on
    // hover); narrower, it gives way, as the program's `// teaches:` line says the same.
    const info = await page.$eval('#example-info', (e) => ({ shown: e.offsetWidth > 0, title: e.title, lines: e.clientHeight / (1.25 * parseFloat(getComputedStyle(e).fontSize)) }));
    assert.equal(info.shown, width >= 1200, `description at ${width}px`);
    assert.match(info.title, /The caller reserves the Vec's metadata/);
    if (info.shown) assert.ok(info.lines <= 3.2, `${info.lines} lines`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('heap_years: years\' block is freed as find_highest_year returns, and live again a step back', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'heap_years');
  const blockCells = (state) => page.$$eval(`#heap-view .cell.block.${state}`, (c) => c.length);
  let freedAt = null;
  for (let i = 0; i < 60; i++) {
    await stepForward(page);
    if ((await blockCells('freed')) > 0) {
      freedAt = await position(page);
      break;
    }
  }
  assert.ok(freedAt !== null, 'the block is freed at some step');
  assert.equal(await blockCells('freed'), 20, 'all 20 bytes of the five years show as freed');
  assert.equal(await blockCells('live'), 0);
  assert.match(await page.textContent('#heap-view'), /FREED `years`/);
  assert.match(await page.textContent('#blocks-body'), /freed/);
  // By Rust's rules the argument is dropped when find_highest_year returns, before the
  // line that called it prints.
  assert.doesNotMatch(await page.textContent('#output'), /The highest year/);
  assert.match(await page.textContent('#explain'), /heap\[0\.\.20\] freed/);
  await shot(page, '02-years-freed');

  await page.click('#btn-back');
  await page.waitForFunction((n) => document.body.dataset.step === String(n - 1), freedAt);
  await page.waitForFunction(() => document.querySelectorAll('#heap-view .cell.block.live').length === 20);
  assert.equal(await blockCells('freed'), 0);
  await shot(page, '03-years-live-again');

  // Hovering years' pointer field in main's frame lights up its block... once back in main.
  await page.click('#btn-first');
  for (let i = 0; i < 3; i++) await stepForward(page);
  await page.hover('#stack-view .cell.ptr');
  await page.waitForSelector('#heap-view .cell.linked');
  assert.match(await page.textContent('#tooltip'), /pointer field: heap\[0\]/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an edit that does not compile is underlined, and the last good view stays', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'heap_years');
  await setProgram(page, 'fn main() {\n    let x: i32 = true;\n    println!("{}", x);\n}\n');
  await page.waitForSelector('.cm-lintRange-error', { timeout: 10000 });
  assert.match(await page.textContent('#diagnostics'), /E0308/);
  assert.match(await page.textContent('#status'), /does not compile/);
  assert.match(await page.textContent('#stack-view'), /stack_bytes/, 'the last good view is still drawn');
  assert.equal(await page.isVisible('#stale-banner'), true);
  await page.hover('.cm-lintRange-error');
  await page.waitForSelector('.cm-tooltip-lint', { timeout: 5000 });
  assert.match(await page.textContent('.cm-tooltip-lint'), /mismatched types|expected/);
  await shot(page, '04-diagnostic');
  await page.close();
});

test('a share link restores the program, the settings and the step', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'push_relocates');
  await page.click('#btn-settings');
  await page.selectOption('#set-ptr', '32');
  await page.selectOption('#set-alloc', 'best-fit');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => /step 0 of [1-9]/.test(document.querySelector('#step-count').textContent));
  for (let i = 0; i < 5; i++) await stepForward(page);
  const program = await page.evaluate(() => document.querySelector('.cm-content').innerText);
  await page.click('#btn-share');
  const url = await page.inputValue('#share-url');
  assert.match(url, /#code=/);
  await page.close();

  const other = await openPage(browser, url.slice(url.indexOf('#')));
  await other.waitForFunction(() => document.querySelector('#step-count').textContent.startsWith('step 5 of'));
  assert.equal(await other.evaluate(() => document.querySelector('.cm-content').innerText), program);
  assert.equal(await other.inputValue('#set-ptr'), '32');
  assert.equal(await other.inputValue('#set-alloc'), 'best-fit');
  assert.match(await other.textContent('#stack-view'), /stack_length/);
  await shot(other, '05-share-link-opened');
  assert.deepEqual(other.errors, []);
  await other.close();
});

test('a damaged link says so and leaves a working empty page', async () => {
  const page = await openPage(browser, '#code=N4Ig-this-is-not-a-program');
  assert.match(await page.textContent('#notice'), /damaged/);
  assert.match(await page.evaluate(() => document.querySelector('.cm-content').innerText), /fn main/);
  await setProgram(page, 'fn main() {\n    let v = vec![1, 2];\n    println!("{}", v.len());\n}\n');
  // This program runs in 3 steps (the empty one it replaces in fewer).
  await page.waitForFunction(() => document.querySelector('#step-count').textContent === 'step 0 of 3');
  await page.click('#btn-last');
  await page.waitForFunction(() => document.querySelector('#output').textContent === '2\n');
  await shot(page, '06-damaged-link');
  await page.close();
});

test('the embed view loads read-only at its start step', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'stack_arguments');
  await page.click('#btn-embed');
  const code = await page.inputValue('#embed-code');
  const src = code.match(/src="([^"]+)"/)[1].replace(/&quot;/g, '"').replace('step=0', 'step=4');
  await page.close();
  const embed = await openPage(browser, src);
  await embed.waitForFunction(() => document.querySelector('#step-count').textContent.startsWith('step 4 of'));
  assert.equal(await embed.getAttribute('.cm-content', 'contenteditable'), 'false');
  assert.equal(await embed.isVisible('#btn-share'), false);
  assert.equal(await embed.isVisible('#open-full'), true);
  await shot(embed, '07-embed');
  assert.deepEqual(embed.errors, []);
  await embed.close();

  // At the size the embed code gives (640 high) in a course page's column: the program, the
  // controls and both memory regions are in view, and the regions do not overlap.
  const framed = await openPage(browser, src, { width: 760, height: 640 });
  await framed.waitForFunction(() => document.querySelector('#step-count').textContent.startsWith('step 4 of'));
  const boxes = await framed.evaluate(() => Object.fromEntries(
    ['.cm-editor', '#btn-forward', '#btn-back', '#slider', '#stack-view', '#heap-view'].map((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return [sel, { top: r.top, bottom: r.bottom, left: r.left, right: r.right }];
    })));
  for (const [sel, b] of Object.entries(boxes)) {
    assert.ok(b.bottom > b.top && b.top >= 0 && b.top < 640 && b.right <= 760, `${sel} in view: ${JSON.stringify(b)}`);
  }
  for (const sel of ['#btn-forward', '#btn-back', '#slider']) {
    assert.ok(boxes[sel].bottom <= 640, `${sel} wholly in view: ${JSON.stringify(boxes[sel])}`);
  }
  assert.ok(boxes['#stack-view'].bottom <= boxes['#heap-view'].top, `stack above heap, apart: ${JSON.stringify(boxes)}`);
  await shot(framed, '07-embed-in-a-course-page');
  assert.deepEqual(framed.errors, []);
  await framed.close();

  // In a short window the memory column scrolls instead of squeezing the regions together.
  const short = await openPage(browser, '', { width: 800, height: 400 });
  await chooseExample(short, 'heap_years');
  const apart = await short.evaluate(() => ({
    stack: document.querySelector('#stack-view').getBoundingClientRect().bottom,
    heap: document.querySelector('#heap-view').getBoundingClientRect().top,
  }));
  assert.ok(apart.stack <= apart.heap, `stack above heap in a short window: ${JSON.stringify(apart)}`);
  await short.close();

  // On a phone-sized screen the playground is one column that scrolls, with the memory
  // below, and nothing (the examples menu) sticks out sideways.
  const narrow = await openPage(browser, '', { width: 420, height: 800 });
  const column = await narrow.evaluate(() => ({
    wide: document.scrollingElement.scrollWidth,
    scroll: document.scrollingElement.scrollHeight,
    controls: document.querySelector('.controls').getBoundingClientRect().bottom,
    stack: document.querySelector('#stack-view').getBoundingClientRect().top,
  }));
  assert.ok(column.scroll > 800, `the page scrolls: ${JSON.stringify(column)}`);
  assert.ok(column.wide <= 420, `nothing wider than the screen: ${JSON.stringify(column)}`);
  assert.ok(column.stack > column.controls, `memory below the controls: ${JSON.stringify(column)}`);
  await narrow.close();

  // Without an editor, and playing from the first step by itself.
  const playing = await openPage(browser, src.replace('editor=readonly', 'editor=none').replace('step=4', 'step=0').replace('autoplay=0', 'autoplay=1'));
  assert.equal(await playing.isVisible('.cm-editor'), false);
  await playing.waitForFunction(() => Number(document.querySelector('#step-count').textContent.match(/step (\d+)/)[1]) >= 2);
  assert.match(await playing.textContent('#btn-play'), /Pause/);
  await playing.close();
});

test('an endless loop stops at the step limit while the page keeps answering', async () => {
  const page = await openPage(browser, '');
  await setProgram(page, 'fn main() {\n    let mut i: u64 = 0;\n    loop {\n        i += 1;\n    }\n}\n');
  // While the worker runs, the page still answers clicks.
  await page.waitForSelector('#status.busy', { timeout: 5000 });
  await page.click('#btn-help');
  assert.equal(await page.evaluate(() => document.querySelector('#help').matches(':popover-open')), true);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => /step limit/.test(document.querySelector('#status').textContent), null, { timeout: 120000 });
  assert.match(await page.textContent('#diagnostics'), /step limit of 1,000,000 steps/);
  assert.match(await page.textContent('#diagnostics'), /line 4:9, step 1,000,000/);
  // The partial trace can be viewed.
  await page.fill('#slider', '1000');
  await page.waitForFunction(() => document.querySelector('#step-count').textContent.startsWith('step 1,000 of'));
  await shot(page, '08-step-limit');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a breakpoint stops Run; Out returns to the caller; Over steps over a call', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'heap_years');
  const frames = () => page.$$eval('#stack-view .frame-head .fn', (f) => f.map((x) => x.textContent));
  const nextLine = () => page.textContent('.cm-step-next');
  // Line 14 is `highest`, the tail of find_highest_year.
  await page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^14$/ }).click();
  // One marker is the gutter's invisible width spacer; the second is the breakpoint.
  await page.waitForFunction(() => document.querySelectorAll('.cm-breakpoint').length === 2);
  await page.click('#btn-continue');
  await page.waitForFunction(() => /^\s*highest\s*$/.test(document.querySelector('.cm-step-next')?.textContent || ''));
  assert.deepEqual(await frames(), ['main()', 'find_highest_year()']);
  await shot(page, '09-breakpoint');

  await page.click('#btn-out');
  await page.waitForFunction(() => document.querySelectorAll('#stack-view .frame-head').length === 1
    && document.querySelector('#step-count').textContent.startsWith(`step ${document.body.dataset.step} `));
  assert.deepEqual(await frames(), ['main()']);
  assert.match(await nextLine(), /println!\("The highest year/);

  await page.click('#btn-first');
  await page.waitForFunction(() => document.querySelector('#step-count').textContent.startsWith('step 0 '));
  await page.click('#btn-over');
  await page.waitForFunction(() => !document.querySelector('#step-count').textContent.startsWith('step 0 '));
  await page.waitForFunction(() => document.querySelector('#step-count').textContent.startsWith(`step ${document.body.dataset.step} `));
  assert.deepEqual(await frames(), ['main()'], 'Over never stops inside get_years');
  assert.ok((await position(page)) > 1, 'Over skipped the steps inside the call');
  await page.close();
});

test('the program and settings survive a reload', async () => {
  const page = await openPage(browser, '');
  await setProgram(page, 'fn main() {\n    println!("kept {}", 7);\n}\n');
  await page.click('#btn-settings');
  await page.selectOption('#set-heap', '4096');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(800);
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  assert.match(await page.evaluate(() => document.querySelector('.cm-content').innerText), /kept \{\}", 7/);
  assert.equal(await page.inputValue('#set-heap'), '4096');
  assert.match(await page.textContent('#heap-view'), /of 4,096/);
  await page.close();
});

async function goToStep(page, n) {
  await page.fill('#slider', String(n));
  await page.waitForFunction((k) => document.body.dataset.step === String(k), n);
}

test('use after free: the report is shown, the accessed bytes are marked, "freed at" jumps to that step', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'manual_dealloc_too_early');
  const report = page.locator('#diagnostics .report');
  await report.waitFor();
  const text = await report.textContent();
  assert.match(text, /ERROR: heap-use-after-free/);
  assert.match(text, /READ of size 4 at heap\[0\]/);
  assert.match(text, /0 bytes inside the 20-byte block heap\[0\.\.20\], owner `years`/);
  assert.match(text, /allocated at line 5 by vec!/);
  assert.match(text, /freed at line 20/);
  assert.match(await page.inputValue('#set-mode'), /^$/);
  assert.match(await page.textContent('#set-mode option[value=""]'), /from the program: manual/);

  // Where the run stopped: the four bytes read are marked, the 20-byte block outlined.
  await page.click('[data-link="stopped"]');
  const end = Number(await page.getAttribute('[data-link="stopped"]', 'data-state'));
  await page.waitForFunction((k) => document.body.dataset.step === String(k), end);
  assert.equal(await page.$$eval('#heap-view .cell.accessed', (c) => c.length), 4);
  assert.equal(await page.$$eval('#heap-view .cell.report-block', (c) => c.length), 20);
  assert.match(await page.textContent('#heap-view'), /READ of 4 B at heap\[0\]/);
  await shot(page, '10-use-after-free-report');

  // "freed at step 4" (the fourth step) lands on the state just after it: freed.
  const freed = page.locator('[data-link="freed"]');
  assert.equal(await freed.textContent(), 'step 4');
  await freed.click();
  await page.waitForFunction(() => document.body.dataset.step === '4');
  assert.match(await page.textContent('#step-count'), /^step 4 of/);
  assert.match(await page.textContent('#heap-view'), /FREED `years`/);
  assert.equal(await page.$$eval('#heap-view .cell.report-block', (c) => c.length), 20, 'the block concerned stays outlined');
  assert.equal(await page.$$eval('#heap-view .cell.accessed', (c) => c.length), 0, 'the read has not happened yet');
  await shot(page, '11-use-after-free-freed-step');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('unchecked double free: two owners on the same bytes, both in the block table', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'manual_double_free_unchecked');
  await goToStep(page, 7);
  assert.equal(await page.$$eval('#heap-view .cell.shared', (c) => c.length), 12);
  const heap = await page.textContent('#heap-view');
  assert.match(heap, /`a`: 12 B at heap\[0\]/);
  assert.match(heap, /`b`: 12 B at heap\[0\]/);
  assert.match(heap, /the same bytes belong to `a` and `b`/);
  assert.equal(await page.$$eval('#blocks-body tr.shared', (r) => r.length), 2);
  await page.hover('#heap-view .cell.shared');
  assert.match(await page.textContent('#tooltip'), /`a`[\s\S]*`b`[\s\S]*two live blocks share this byte/);
  assert.match(await page.textContent('#output'), /a = \[100, 8, 9\], b = \[100, 8, 9\]/);
  await shot(page, '12-double-free-two-owners');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a leak: the leaked blocks are marked at the end, and heap in use only grows', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'manual_leak');
  assert.equal(await page.$$eval('#diagnostics .report', (r) => r.length), 3, 'one report per leaked block');
  assert.match(await page.textContent('#diagnostics'), /16 bytes at heap\[16\] \(`s`\), allocated at line 7 by push/);
  assert.equal(await page.$$eval('#heap-view .cell.leaked', (c) => c.length), 0, 'not leaked before the end');
  await page.click('#btn-last');
  await page.waitForFunction(() => document.querySelectorAll('#heap-view .cell.leaked').length === 48);
  assert.match(await page.textContent('#heap-view'), /LEAKED `s`: 16 B at heap\[0\]/);
  assert.equal(await page.$$eval('#blocks-body tr.leaked', (r) => r.length), 3);
  assert.match(await page.textContent('#heap-chart-label'), /heap in use: 48 B \(max 48 B\)/);
  await shot(page, '13-leak');

  // The report's "allocated" link lands just after the step that allocated the block.
  await page.locator('[data-link="allocated"]').nth(1).click();
  await page.waitForFunction(() => document.body.dataset.step === '19');
  assert.match(await page.textContent('#heap-chart-label'), /heap in use: 32 B/);

  // A click on the chart moves to the step under the pointer.
  const box = await page.locator('#heap-chart-svg').boundingBox();
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
  await page.waitForFunction(() => document.body.dataset.step === '0');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('structs: fields are labelled within the variable and padding shows as padding', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'struct_padding');
  await goToStep(page, 2);
  // Declared (#[repr(C)]) has 3 + 2 bytes of padding, Reordered 1.
  assert.equal(await page.$$eval('#stack-view .cell.vpad', (c) => c.length), 6);
  const stack = await page.textContent('#stack-view');
  assert.match(stack, /\.flag = 1 \(byte 0\)/);
  assert.match(stack, /\.count = 2 \(bytes 4–7\)/);
  assert.match(stack, /padding \(bytes 1–3\)/);
  await page.hover('#stack-view .cell.vpad');
  assert.match(await page.textContent('#tooltip'), /padding inside d/);
  await shot(page, '14-struct-padding');

  // A reference field lights up what it points at.
  await chooseExample(page, 'struct_owns_vecs');
  await goToStep(page, 6);
  assert.match(await page.textContent('#stack-view'), /\.scores\.ptr → heap\[4\]/);
  await page.hover('#stack-view .note.field[data-pr="stack"]');
  await page.waitForSelector('#stack-view .cell.linked');
  await page.hover('#stack-view .note.field[data-pr="heap"]');
  await page.waitForSelector('#heap-view .cell.linked');
  await shot(page, '15-struct-owns-vecs');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a moved variable is shown as moved', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'heap_years');
  await goToStep(page, 4);
  const moved = page.locator('#stack-view .note.var.moved');
  assert.match(await moved.textContent(), /^years: Vec<i32>moved$/);
  assert.ok((await page.$$eval('#stack-view .cell.moved', (c) => c.length)) >= 24);
  await page.close();
});

test('a for loop\'s range is labelled as kept by the compiled code, apart from the variables', async () => {
  const page = await openPage(browser, '');
  await chooseExample(page, 'heap_years');
  // Step 11: inside find_highest_year's loop with i = 2; the range `1..years.len()` has
  // moved on to 3 and ends at 5.
  await goToStep(page, 11);
  const kept = page.locator('#stack-view .note.var.kept');
  assert.equal(await kept.textContent(), '(range): Range<usize> = 3..5');
  const stack = await page.textContent('#stack-view');
  assert.match(stack, /\.start = 3 \(bytes 0–7\)/);
  assert.match(stack, /\.end = 5 \(bytes 8–15\)/);
  assert.match(stack, /i: usize = 2/);
  assert.equal(await page.$$eval('#stack-view .cell.var.kept', (c) => c.length), 16);
  await page.hover('#stack-view .cell.var.kept');
  assert.match(await page.textContent('#tooltip'), /not a variable of the program: the for loop's range/);
  await shot(page, '15b-loop-range');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the memory settings reach the engine: manual mode, deny-leaks', async () => {
  const page = await openPage(browser, '');
  await setProgram(page, 'fn main() {\n    let v = vec![1, 2, 3];\n    let w = vec![4];\n    dealloc(v);\n    println!("{}", w.len());\n}\n');
  // In Rust mode `dealloc` does not compile.
  await page.waitForSelector('.cm-lintRange-error', { timeout: 10000 });
  await page.click('#btn-settings');
  await page.selectOption('#set-mode', 'manual');
  await page.waitForFunction(() => /Ran \d+ steps/.test(document.querySelector('#status').textContent));
  assert.match(await page.textContent('#diagnostics'), /4 bytes in 1 block leaked/);
  await page.selectOption('#set-leaks', 'true');
  await page.waitForFunction(() => /stopped/.test(document.querySelector('#status').textContent));
  assert.match(await page.textContent('#status'), /leaked/);
  await page.keyboard.press('Escape');
  await page.click('#btn-last');
  await page.waitForFunction(() => document.querySelectorAll('#heap-view .cell.leaked').length === 4);
  await shot(page, '16-deny-leaks');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('tuples, arrays and references: each field labelled, a reference lights up what it points at', async () => {
  const page = await openPage(browser, '');
  await setProgram(page, `#[derive(Debug, Clone, Copy)]
struct Point { x: i32, y: i32 }
struct Line { start: Point, end: Point, width: u8 }
fn main() {
    let t: (u8, u64, bool) = (7, 300, true);
    let a = [10u16, 20, 30];
    let line = Line { start: Point { x: 1, y: 2 }, end: Point { x: 3, y: 4 }, width: 2 };
    let r = &line.end;
    let e = &a[2];
    println!("{} {} {} {}", t.1, r.x, e, line.width);
}
`);
  // The page may keep the step the last test left (the profile's storage is shared): wait
  // for this program's 7 steps, whatever the position.
  await page.waitForFunction(() => /^step \d+ of 7$/.test(document.querySelector('#step-count').textContent));
  await goToStep(page, 5);
  const stack = await page.textContent('#stack-view');
  for (const label of ['.1 = 300 (bytes 0–7)', '.0 = 7 (byte 8)', '[2] = 30 (bytes 4–5)', '.end.y = 4 (bytes 12–15)', 'padding (bytes 17–19)', 'r: &Point = stack[32]']) {
    assert.ok(stack.includes(label), `${label} is shown`);
  }
  // r = &line.end: the whole 8-byte Point lights up, not only its first field.
  await page.hover('#stack-view .note.field[data-pty="&Point"]');
  await page.waitForSelector('#stack-view .cell.linked');
  assert.deepEqual(await page.$$eval('#stack-view .cell.linked', (c) => c.map((x) => Number(x.dataset.i))), [32, 33, 34, 35, 36, 37, 38, 39]);
  await shot(page, '17-reference-to-a-field');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('strings: a String\'s UTF-8 bytes and the read-only literals are drawn as text; slices, Option and Box are labelled', async () => {
  const page = await openPage(browser, '');
  await setProgram(page, `fn main() {
    let greeting = "héllo";
    let mut s = String::with_capacity(4);
    s.push_str("hi");
    s.push('é');
    s.push_str(" wörld");
    let v = vec![1, 2, 3, 4];
    let mid = &v[1..3];
    let n: Option<i32> = Some(7);
    let b = Box::new(5);
    let ob: Option<Box<i32>> = None;
    println!("{} {} {:?} {:?} {} {:?}", greeting, s, mid, n, b, ob);
}
`);
  await page.waitForFunction(() => /^step \d+ of 12$/.test(document.querySelector('#step-count').textContent));
  // After " wörld" is pushed past the capacity of 4: a new 11-byte block, the old one freed.
  await goToStep(page, 5);
  const heap = await page.textContent('#heap-view');
  assert.match(heap, /READ-ONLY/);
  assert.match(await page.textContent('#blocks-body'), /read-only/);
  assert.match(await page.textContent('#explain'), /the String's buffer is full.*the String's pointer, length and capacity/);
  assert.match(heap, /string literals \(read-only\)/);
  assert.match(heap, /text: "hié wörld"/);
  assert.ok((await page.$$eval('#heap-view .cell.block.ro', (c) => c.length)) >= 15, 'every literal byte is marked read-only');
  const chars = await page.$$eval('#heap-view .cell.text', (c) => c.filter((x) => !x.classList.contains('ro')).map((x) => x.dataset.ch));
  assert.deepEqual(chars, ['h', 'i', 'é', '', '␣', 'w', 'ö', '', 'r', 'l', 'd']);
  const literals = await page.$$eval('#heap-view .cell.text.ro', (c) => c.map((x) => x.dataset.ch).join(''));
  assert.ok(literals.startsWith('héllo'), `the literals read as text: ${literals}`);
  await page.hover('#heap-view .cell.text.cont:not(.ro)');
  assert.match(await page.textContent('#tooltip'), /byte 2 of the 2 bytes of 'é' \(U\+00E9\)/);
  const stack = await page.textContent('#stack-view');
  assert.match(stack, /s: String = "hié wörld"/);
  assert.match(stack, /greeting: &str = "héllo"/);
  assert.match(stack, /ptr → heap\[0\.\.6\]/);
  assert.match(stack, /len = 6 bytes/);
  // The &str lights up the six bytes of "héllo", not the whole block of literals.
  await page.hover('#stack-view .note.field[data-pty="&str"]');
  await page.waitForSelector('#heap-view .cell.linked');
  assert.deepEqual(await page.$$eval('#heap-view .cell.linked', (c) => c.map((x) => Number(x.dataset.i))), [0, 1, 2, 3, 4, 5]);
  await shot(page, '18-strings');

  await goToStep(page, 11);
  const stack2 = await page.textContent('#stack-view');
  assert.match(stack2, /ptr → heap\[36\.\.44\]/, 'mid covers v[1] and v[2]');
  assert.match(stack2, /\.tag = 1 \(Some\)/);
  assert.match(stack2, /\.Some\.0 = 7/);
  assert.match(stack2, /→ heap\[48\]/, 'the Box points at its block');
  assert.match(stack2, /None \(the niche/);
  await page.hover('#stack-view .note.field[data-pty="&[i32]"]');
  await page.waitForSelector('#heap-view .cell.linked');
  assert.deepEqual(await page.$$eval('#heap-view .cell.linked', (c) => c.map((x) => Number(x.dataset.i))), [36, 37, 38, 39, 40, 41, 42, 43]);
  await shot(page, '19-slice-option-box');

  // In the character format the text cells show the characters themselves.
  await page.click('#btn-settings');
  await page.selectOption('#set-format', 'char');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#heap-view').dataset.format === 'char');
  const shown = await page.$$eval('#heap-view .cell.text.ro', (c) => c.map((x) => x.textContent).join(''));
  assert.ok(shown.startsWith('héllo'), `the literals read as characters: ${shown}`);
  await shot(page, '20-strings-as-characters');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('strings kept in the heap (a Vec<String>\'s elements, a Box<String>) are drawn as text too', async () => {
  const page = await openPage(browser, '');
  await setProgram(page, 'fn main() {\n    let mut names = Vec::new();\n    names.push(String::from("ab"));\n    let b = Box::new(String::from("cd"));\n    println!("{:?} {}", names, b);\n}\n');
  // The page may keep the step the last test left (the profile's storage is shared): wait
  // for this program's 5 steps, whatever the position.
  await page.waitForFunction(() => /^step \d+ of 5$/.test(document.querySelector('#step-count').textContent));
  await goToStep(page, 4);
  const heap = await page.textContent('#heap-view');
  assert.match(heap, /text: "ab"/);
  assert.match(heap, /text: "cd"/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a linked list: each node block says it holds a Node, its fields are labelled, `next` links to the next block', async () => {
  const page = await openPage(browser, '');
  await setProgram(page, 'struct Node {\n    value: i32,\n    next: Option<Box<Node>>,\n}\n\nfn push(head: Option<Box<Node>>, value: i32) -> Option<Box<Node>> {\n    Some(Box::new(Node { value, next: head }))\n}\n\nfn main() {\n    let mut list = None;\n    for i in 1..=3 {\n        list = push(list, i);\n    }\n    println!("{}", list.is_some());\n}\n');
  await page.waitForFunction(() => /^step \d+ of 20$/.test(document.querySelector('#step-count').textContent));
  await goToStep(page, 17);
  await page.waitForFunction(() => document.querySelectorAll('#heap-view .block-holds').length === 3);
  const heap = await page.textContent('#heap-view');
  assert.match(heap, /`list`: 16 B at heap\[0\], live since step 5 holds a Node/);
  assert.match(heap, /\.next\.Some\.0: all ones = None \(the niche\)/);
  assert.match(heap, /\.next\.Some\.0 → heap\[0\]/);
  assert.match(heap, /\.next\.Some\.0 → heap\[16\]/);
  assert.match(heap, /\.value = 2/);
  // Each node's 4 bytes after `value` are padding, never written.
  assert.equal(await page.$$eval('#heap-view .cell.block.vpad', (c) => c.length), 12);
  // Hovering the second node's `next` lights the first node's block.
  await page.hover('#heap-view .cell.ptr[data-i="16"]');
  assert.match(await page.textContent('#tooltip'), /field Node\.next\.Some\.0: Box<Node>[\s\S]*a pointer to heap\[0\]/);
  const lit = await page.$$eval('#heap-view .cell.linked', (c) => c.map((x) => Number(x.dataset.i)));
  assert.deepEqual(lit.filter((i) => i < 16), [...Array(16).keys()]);
  await shot(page, '21-linked-list');
  assert.deepEqual(page.errors, []);
  await page.close();
});
