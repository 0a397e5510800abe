// Browser tests of the playground page in headless Chromium: loading, stepping through the
// heap_years example until `years`' block is freed and back, diagnostics in the editor,
// share links, the embed view, damaged links and an endless loop. Run by `cargo xtask test`,
// which builds and serves the page and sets STACKHEAP_URL. Screenshots go to artifacts/.
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
  await page.waitForFunction(() => /step 0 of [1-9]/.test(document.querySelector('#step-count').textContent));
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
  assert.match(await page.textContent('#diagnostics'), /step limit/);
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
