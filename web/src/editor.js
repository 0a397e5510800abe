// The code editor: CodeMirror 6 with Rust highlighting, line numbers, a breakpoint gutter,
// the current step's line and span highlighted, and the engine's diagnostics underlined
// (their message shows on hover). Rust is highlighted by CodeMirror's stream-mode Rust
// tokenizer (@codemirror/legacy-modes) rather than the Lezer grammar (@lezer/rust): the
// highlighting is the same for the programs the engine runs, and the page is about 40 KB
// (gzipped) lighter without the grammar's parse tables.
import { EditorView, lineNumbers, gutter, GutterMarker, Decoration, keymap, drawSelection,
  highlightActiveLine } from '@codemirror/view';
import { EditorState, StateField, StateEffect, RangeSet, Compartment } from '@codemirror/state';
import { rust } from '@codemirror/legacy-modes/mode/rust';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput,
  indentUnit, StreamLanguage } from '@codemirror/language';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { setDiagnostics } from '@codemirror/lint';

const toggleBreakpoint = StateEffect.define({ map: (v, m) => ({ pos: m.mapPos(v.pos), on: v.on }) });
const clearBreakpoints = StateEffect.define();

class BreakpointMarker extends GutterMarker {
  toDOM() {
    const el = document.createElement('span');
    el.className = 'cm-breakpoint';
    el.textContent = '●';
    return el;
  }
}
const breakpointMarker = new BreakpointMarker();

const breakpointField = StateField.define({
  create: () => RangeSet.empty,
  update(set, tr) {
    set = set.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(clearBreakpoints)) set = RangeSet.empty;
      if (e.is(toggleBreakpoint)) {
        set = e.value.on
          ? set.update({ add: [breakpointMarker.range(e.value.pos)] })
          : set.update({ filter: (from) => from !== e.value.pos });
      }
    }
    return set;
  },
});

function hasBreakpoint(state, pos) {
  let found = false;
  state.field(breakpointField).between(pos, pos, () => { found = true; });
  return found;
}

function flipBreakpoint(view, pos) {
  view.dispatch({ effects: toggleBreakpoint.of({ pos, on: !hasBreakpoint(view.state, pos) }) });
}

const breakpointGutter = [
  breakpointField,
  gutter({
    class: 'cm-breakpoint-gutter',
    markers: (v) => v.state.field(breakpointField),
    initialSpacer: () => breakpointMarker,
    domEventHandlers: {
      mousedown(view, line) {
        flipBreakpoint(view, line.from);
        return true;
      },
    },
  }),
];

const setStep = StateEffect.define();
const stepField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) if (e.is(setStep)) deco = e.value;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-step-next': { backgroundColor: 'var(--next-line)' },
  '.cm-step-prev': { backgroundColor: 'var(--prev-line)' },
  '.cm-step-span': { outline: '1px solid var(--next-outline)', borderRadius: '2px' },
  '.cm-breakpoint-gutter': { width: '1.1em', cursor: 'pointer' },
  '.cm-breakpoint-gutter .cm-gutterElement:hover': { background: 'var(--bp-hover)' },
});

export class Editor {
  constructor(parent, { doc, onChange, onBreakpoints }) {
    this.readOnly = new Compartment();
    this.onChange = onChange;
    this.onBreakpoints = onBreakpoints;
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc,
        extensions: [
          breakpointGutter,
          lineNumbers({
            domEventHandlers: {
              mousedown(view, line) {
                flipBreakpoint(view, line.from);
                return true;
              },
            },
          }),
          history(),
          drawSelection(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          indentOnInput(),
          bracketMatching(),
          indentUnit.of('    '),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          StreamLanguage.define(rust),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          stepField,
          theme,
          this.readOnly.of([]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) this.onChange?.(u.state.doc.toString());
            if (u.transactions.some((t) => t.effects.some((e) => e.is(toggleBreakpoint) || e.is(clearBreakpoints)))
              || u.docChanged) {
              this.onBreakpoints?.(this.breakpointLines());
            }
          }),
        ],
      }),
    });
  }

  get text() {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole program (an example, a share link), clearing breakpoints. */
  setText(text) {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      effects: clearBreakpoints.of(null),
    });
  }

  setReadOnly(on) {
    this.view.dispatch({
      effects: this.readOnly.reconfigure(on ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : []),
    });
  }

  /** 1-based lines that have a breakpoint. */
  breakpointLines() {
    const lines = new Set();
    const { state } = this.view;
    state.field(breakpointField).between(0, state.doc.length, (from) => {
      lines.add(state.doc.lineAt(from).number);
    });
    return lines;
  }

  toggleBreakpointAtLine(lineNo) {
    const line = this.view.state.doc.line(lineNo);
    flipBreakpoint(this.view, line.from);
  }

  /** Highlights the line about to run (`next`) and the one that just ran (`prev`). */
  showStep(next, prev) {
    const doc = this.view.state.doc;
    const ranges = [];
    const clampLine = (n) => Math.min(Math.max(1, n), doc.lines);
    if (prev && (!next || prev.line !== next.line)) {
      ranges.push(Decoration.line({ class: 'cm-step-prev' }).range(doc.line(clampLine(prev.line)).from));
    }
    if (next) {
      const line = doc.line(clampLine(next.line));
      ranges.push(Decoration.line({ class: 'cm-step-next' }).range(line.from));
      const from = Math.min(next.place.from, doc.length);
      const to = Math.min(next.place.to, doc.length);
      if (to > from) ranges.push(Decoration.mark({ class: 'cm-step-span' }).range(from, to));
    }
    ranges.sort((a, b) => a.from - b.from || a.value.startSide - b.value.startSide);
    const effects = [setStep.of(Decoration.set(ranges, true))];
    // Scrolling waits for the editor's next measure, so no layout is forced here.
    if (next) effects.push(EditorView.scrollIntoView(doc.line(clampLine(next.line)).from, { y: 'nearest', yMargin: 40 }));
    this.view.dispatch({ effects });
  }

  /** Shows the engine's diagnostics (with `place.from/to` in UTF-16 offsets) in the editor. */
  showDiagnostics(list) {
    const len = this.view.state.doc.length;
    const diags = list.map((d) => {
      let from = Math.min(d.place.from, len);
      let to = Math.min(Math.max(d.place.to, from), len);
      if (to === from && to < len) to = from + 1;
      const code = d.code ? `[${d.code}] ` : '';
      const notes = (d.notes || []).map((n) => `\nnote: ${n}`).join('');
      return {
        from,
        to,
        severity: d.severity === 'warning' ? 'warning' : 'error',
        message: `${code}${d.message}${d.span_label ? ` (${d.span_label})` : ''}${notes}`,
      };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diags));
  }
}
