// The speed half of `cargo xtask report`: opens the built page in headless Chromium and
// times a click on Step until the grid is redrawn, and an edit of a 50-line program until
// the view is updated. It prints figures against the budgets and asserts nothing.
import { launch, openPage } from './browser.mjs';

const FIFTY = `
fn sum(v: Vec<i64>) -> i64 {
    let mut total = 0;
    for i in 0..v.len() {
        total += v[i];
    }
    total
}
fn squares(n: usize) -> Vec<i64> {
    let mut out = Vec::new();
    for i in 0..n {
        let x = i as i64;
        out.push(x * x);
    }
    out
}

fn largest(v: Vec<i64>) -> i64 {
    let mut best = v[0];
    for i in 1..v.len() {
        if v[i] > best {
            best = v[i];
        }
    }
    best
}

fn fib(n: u32) -> u64 {
    if n < 2 {
        return n as u64;
    }
    fib(n - 1) + fib(n - 2)
}

fn main() {
    let a = squares(10);
    println!("sum of squares: {}", sum(a));
    let b = squares(20);
    println!("largest square: {}", largest(b));
    let mut c = Vec::with_capacity(4);
    for i in 0..12 {
        c.push(i * 3);
    }
    println!("c has {} elements, capacity {}", c.len(), c.capacity());
    println!("fib(12) = {}", fib(12));
    let mut steps = 0;
    while steps < 5 {
        steps += 1;
    }
    println!("done after {steps} loops");
}
`.trimStart();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const worst = (xs) => Math.max(...xs);
const fmt = (ms) => `${ms.toFixed(1).padStart(6)} ms`;

const { browser, close } = await launch();
try {
  const page = await openPage(browser, '');
  await page.selectOption('#examples', 'heap_years');
  await page.waitForFunction(() => /step 0 of [1-9]/.test(document.querySelector('#step-count').textContent));

  // Step: from the click handler to the redrawn grid, for every step of the example.
  await page.evaluate(() => { window.__stackheapTiming.steps.length = 0; });
  const count = Number((await page.textContent('#step-count')).match(/of (\d+)/)[1]);
  for (let i = 0; i < count; i++) {
    await page.click('#btn-forward');
    await page.waitForFunction((n) => window.__stackheapTiming.steps.length >= n, i + 1);
  }
  const steps = await page.evaluate(() => window.__stackheapTiming.steps);
  const parts = await page.evaluate(() => window.__stackheapTiming.stepParts);

  // Edit: a 50-line program, then small edits; time from the run starting (after the
  // 250 ms typing pause) to the updated view.
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(FIFTY);
  await page.waitForFunction(() => window.__stackheapTiming.edits.length >= 1 && /Ran/.test(document.querySelector('#status').textContent));
  const lines = await page.evaluate(() => document.querySelectorAll('.cm-line').length);
  await page.evaluate(() => { window.__stackheapTiming.edits.length = 0; });
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(`// edit ${i}\n`);
    await page.waitForFunction((n) => window.__stackheapTiming.edits.length >= n, i + 1);
  }
  const edits = await page.evaluate(() => window.__stackheapTiming.edits);
  const after = edits.map((e) => e.afterDebounce);
  const engine = edits.map((e) => e.engine);

  console.log('speed (headless Chromium, this machine)');
  console.log(`  click Step -> grid updated       median ${fmt(median(steps))}, worst ${fmt(worst(steps))}   budget 16 ms (${steps.length} steps of heap_years)`);
  console.log(`    of which the worker's answer   median ${fmt(median(parts.map((p) => p.fetch)))}; drawing median ${fmt(median(parts.map((p) => p.render)))}`);
  console.log(`  edit -> view updated (${lines} lines)  median ${fmt(median(after))}, worst ${fmt(worst(after))}   budget 50 ms (after the 250 ms pause in typing)`);
  console.log(`    of which the engine's run      median ${fmt(median(engine))}`);
} finally {
  await close();
}
