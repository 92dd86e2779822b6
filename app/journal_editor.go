package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Fyne's word-wrapped Entry re-wraps its whole text on every keystroke, and
// the cost grows faster than the length of a paragraph: measured with
// fyne/v2/test on this project's machine, one keystroke in a 10,000-letter
// paragraph took 0.5 to 1 s, against about 3 ms in this editor
// (BenchmarkJournalTyping; 6 ms in the real form, BenchmarkJournalFormTyping). So the journal's long fields
// turn Fyne's wrapping off and wrap lines themselves: a soft break is a
// space shown as a newline, so the text and what is shown have the same
// length and the cursor never needs translating. Text returns the text with
// soft breaks turned back into spaces.

// wrapEditor is a multi-line field for long text that stays fast to type
// in. It forwards app-wide shortcuts like every Poise entry.
type wrapEditor struct {
	shortcutEntry
	// soft holds the rune offsets of the newlines that are soft breaks.
	soft     []int
	columns  int
	shown    []rune // what the Entry showed after the last reflow
	updating bool
	// onEdit is called with the text after each change by the person.
	onEdit func(text string)
}

// defaultColumns is the wrap width before the editor knows its size.
const defaultColumns = 72

func newWrapEditor(p *poise) *wrapEditor {
	w := &wrapEditor{columns: defaultColumns}
	w.p = p
	w.MultiLine = true
	w.Wrapping = fyne.TextWrapOff
	w.ExtendBaseWidget(w)
	w.OnChanged = w.changed
	return w
}

// Text is what the person wrote, without the editor's soft breaks.
func (w *wrapEditor) Text() string {
	r := slices.Clone(w.shown)
	for _, o := range w.soft {
		r[o] = ' '
	}
	return string(r)
}

// SetText replaces the text, wrapped to the editor's width.
func (w *wrapEditor) SetText(s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	w.soft = nil
	w.show([]rune(s), -1)
}

// proseSample measures an average letter of ordinary writing.
const proseSample = "She said the parcel was late again, and asked me why nobody called her back."

// Resize rewraps to the new width: a column for every average letter of
// prose, less a little so a line of wide letters still fits.
func (w *wrapEditor) Resize(size fyne.Size) {
	w.shortcutEntry.Resize(size)
	avg := fyne.MeasureText(proseSample, theme.TextSize(), fyne.TextStyle{}).Width / float32(len(proseSample))
	pad := 4 * theme.InnerPadding()
	cols := max(int(0.92*(size.Width-pad)/avg), 20)
	if cols != w.columns {
		w.columns = cols
		w.show([]rune(w.Text()), w.CursorTextOffset())
		w.Refresh()
	}
}

// changed keeps the soft breaks in step with an edit by the person, then
// rewraps.
func (w *wrapEditor) changed(s string) {
	if w.updating {
		return
	}
	now := []rune(s)
	old := w.shown
	// The edit replaced old[p:len(old)-q] by now[p:len(now)-q].
	p := 0
	for p < len(old) && p < len(now) && old[p] == now[p] {
		p++
	}
	q := 0
	for q < len(old)-p && q < len(now)-p && old[len(old)-1-q] == now[len(now)-1-q] {
		q++
	}
	delta := len(now) - len(old)
	var soft []int
	for _, o := range w.soft {
		switch {
		case o < p:
			soft = append(soft, o)
		case o >= len(old)-q:
			soft = append(soft, o+delta)
		}
	}
	text := slices.Clone(now)
	for _, o := range soft {
		if o >= 0 && o < len(text) && text[o] == '\n' {
			text[o] = ' '
		}
	}
	w.show(text, w.CursorTextOffset())
	if w.onEdit != nil {
		w.onEdit(string(text))
	}
}

// show wraps text (which has only the person's own newlines) and puts the
// cursor back at offset, unless offset is negative.
//
// Most keystrokes change no line break: then the Entry already shows the
// right text and nothing more is done, so typing costs one Entry update.
func (w *wrapEditor) show(text []rune, offset int) {
	disp, soft := wrapRunes(text, w.columns)
	w.soft, w.shown = soft, disp
	if string(disp) == w.Entry.Text {
		return
	}
	w.updating = true
	w.shortcutEntry.SetText(string(disp))
	w.updating = false
	if offset >= 0 {
		// The Entry refreshes after its OnChanged returns, showing this.
		w.CursorRow, w.CursorColumn = rowCol(disp, offset)
	}
}

// wrapRunes breaks lines longer than cols at their last space that fits,
// replacing that space by a newline; it returns the shown text and where
// the soft breaks are. A word longer than a line stays whole.
func wrapRunes(text []rune, cols int) ([]rune, []int) {
	out := slices.Clone(text)
	var soft []int
	lineStart, lastSpace := 0, -1
	for i, r := range out {
		switch r {
		case '\n':
			lineStart, lastSpace = i+1, -1
			continue
		case ' ':
			lastSpace = i
		}
		if i-lineStart >= cols && lastSpace > lineStart {
			out[lastSpace] = '\n'
			soft = append(soft, lastSpace)
			lineStart, lastSpace = lastSpace+1, -1
			// Spaces between the break and i are seen again by later
			// iterations only from here on.
			for k := lineStart; k <= i; k++ {
				if out[k] == ' ' {
					lastSpace = k
				}
			}
		}
	}
	return out, soft
}

// rowCol turns a rune offset into the Entry's cursor row and column.
func rowCol(text []rune, offset int) (row, col int) {
	offset = min(offset, len(text))
	for _, r := range text[:offset] {
		if r == '\n' {
			row++
			col = 0
		} else {
			col++
		}
	}
	return row, col
}
