package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWrapRunes(t *testing.T) {
	tests := []struct {
		name, in, want string
		cols           int
	}{
		{"short line stays", "one two", "one two", 10},
		{"breaks at the last space that fits", "one two three four", "one two\nthree four", 10},
		{"hard breaks stay", "one\ntwo three four five", "one\ntwo three\nfour five", 10},
		{"long word stays whole", "a abcdefghijklmnop b", "a\nabcdefghijklmnop\nb", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, soft := wrapRunes([]rune(tt.in), tt.cols)
			if string(got) != tt.want {
				t.Errorf("wrapRunes = %q, want %q", string(got), tt.want)
			}
			back := []rune(string(got))
			for _, o := range soft {
				back[o] = ' '
			}
			if string(back) != tt.in {
				t.Errorf("soft breaks do not give the text back: %q", string(back))
			}
		})
	}
}

func TestWrapEditorKeepsTheTextAsTyped(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("t")
	e := newWrapEditor(nil)
	w.SetContent(e)
	w.Resize(fyne.NewSize(300, 300))
	e.columns = 20
	e.SetText("")
	w.Canvas().Focus(e)
	text := "The customer called about a parcel that was late and asked for a manager twice."
	test.Type(e, text)
	if e.Text() != text {
		t.Fatalf("Text = %q", e.Text())
	}
	if !strings.Contains(e.Entry.Text, "\n") {
		t.Error("the editor did not wrap a long line")
	}
	for _, line := range strings.Split(e.Entry.Text, "\n") {
		if len(line) > 20 {
			t.Errorf("line %q is longer than 20 columns", line)
		}
	}

	t.Run("typing in the middle", func(t *testing.T) {
		e.CursorRow, e.CursorColumn = 0, 4
		test.Type(e, "angry ")
		want := "The angry customer called about a parcel that was late and asked for a manager twice."
		if e.Text() != want {
			t.Errorf("Text = %q, want %q", e.Text(), want)
		}
	})
	t.Run("backspace over a soft break joins the words", func(t *testing.T) {
		e.CursorRow, e.CursorColumn = 1, 0
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		if strings.Count(e.Text(), " ") != strings.Count("The angry customer called about a parcel that was late and asked for a manager twice.", " ")-1 {
			t.Errorf("Text = %q", e.Text())
		}
	})
	t.Run("Enter is a real line break", func(t *testing.T) {
		e.SetText("one two")
		e.CursorRow, e.CursorColumn = 0, 3
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if e.Text() != "one\n two" {
			t.Errorf("Text = %q", e.Text())
		}
	})
	t.Run("narrower rewraps", func(t *testing.T) {
		e.Resize(fyne.NewSize(600, 300))
		e.SetText(text)
		before := strings.Count(e.Entry.Text, "\n")
		e.Resize(fyne.NewSize(150, 300))
		if strings.Count(e.Entry.Text, "\n") <= before || e.Text() != text {
			t.Errorf("after narrowing: %q", e.Entry.Text)
		}
	})
}
