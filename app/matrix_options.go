package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

// maxOptionKeys is how many options of a concern have a number key: the
// digits 1 to 9.
const maxOptionKeys = 9

// optionKeysHint says how the numbers copy: plain digits where no text
// field has the keyboard (Matrix screen), Alt with the digit while typing
// in Find, since there a digit is part of the query.
func optionKeysHint(n int) string {
	keys := "1"
	if n > 1 {
		keys = "1–" + strconv.Itoa(min(n, maxOptionKeys))
	}
	return "Copy an option with its number: " + keys + " on the Matrix screen, Alt+" + keys + " while typing in Find."
}

// matrixOptions shows a concern's options numbered 1, 2, 3…: the one to
// offer first in full, the alternatives by title and When line, so the
// right one is found at a glance and copied with its number; what the
// alternatives say is one click away (the A key on the Matrix screen).
func (p *poise) matrixOptions(it *kb.Item) (objs []fyne.CanvasObject, toggle func()) {
	if len(it.Options) == 0 {
		return nil, nil
	}
	objs = append(objs, boldLabel("Offer first"), p.numberedOption(it, 0, nil))
	rest := it.Options[1:]
	if len(rest) == 0 {
		return append(objs, lowLabel(optionKeysHint(len(it.Options)))), nil
	}
	objs = append(objs, boldLabel("Alternatives"))
	var says []fyne.CanvasObject
	for i := range rest {
		say := container.NewVBox()
		say.Hide()
		says = append(says, say)
		objs = append(objs, p.numberedOption(it, i+1, say))
	}
	btn := &altToggle{}
	toggle = func() {
		shown := !says[0].Visible()
		for _, s := range says {
			if shown {
				s.Show()
			} else {
				s.Hide()
			}
		}
		btn.SetText(altLabel(shown, len(rest)))
	}
	btn.Text, btn.Icon, btn.OnTapped = altLabel(false, len(rest)), theme.MenuDropDownIcon(), toggle
	btn.ExtendBaseWidget(btn)
	return append(objs, btn, lowLabel(optionKeysHint(len(it.Options)))), toggle
}

// numberedOption is option i of it as a card headed by its number. For an
// alternative, say is where the words and who can grant it go, folded
// until asked for; nil shows them at once.
func (p *poise) numberedOption(it *kb.Item, i int, say *fyne.Container) fyne.CanvasObject {
	o := it.Options[i]
	head := o.Title
	if i < maxOptionKeys {
		head = strconv.Itoa(i+1) + " · " + o.Title
	}
	cp := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { p.copyOption(it, o) })
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, cp, boldLabel(head))}
	if o.When != "" {
		objs = append(objs, lowLabel("When: "+o.When))
	}
	// Dates are filled in and fields shown as [name], as they will copy.
	words := widget.NewLabelWithStyle(renderTemplate(p.lib.Locale(it.Pack), o.Say, nil, p.now()), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	words.Wrapping = fyne.TextWrapWord
	detail := []fyne.CanvasObject{words}
	if o.Authority != "" {
		detail = append(detail, lowLabel("Who can grant it: "+o.Authority))
	}
	if say == nil {
		objs = append(objs, detail...)
	} else {
		say.Objects = detail
		objs = append(objs, say)
	}
	return widget.NewCard("", "", container.NewVBox(objs...))
}

// copyOptionNumber copies option n (from 1) of a matrix concern, through
// the placeholder form when it has fields; false when it has no such
// option.
func (p *poise) copyOptionNumber(it *kb.Item, n int) bool {
	if it == nil || it.Kind != kb.KindMatrix || n < 1 || n > len(it.Options) || n > maxOptionKeys {
		return false
	}
	p.copyOption(it, it.Options[n-1])
	return true
}

// digitKey is the number a digit key stands for, 0 when it is not one.
func digitKey(name fyne.KeyName) int {
	if len(name) == 1 && name[0] >= '1' && name[0] <= '9' {
		return int(name[0] - '0')
	}
	return 0
}

// matrixBodyToggle is a concern's body (its numbered options, then what
// customers say) and the function that shows or hides what the
// alternatives say; nil when there are none.
func (p *poise) matrixBodyToggle(it *kb.Item) (fyne.CanvasObject, func()) {
	// The options come first, so the numbers that copy them are in view.
	objs, toggle := p.matrixOptions(it)
	if len(it.Signals) > 0 {
		objs = append(objs, boldLabel("What customers say"), wrapLabel("• "+strings.Join(it.Signals, "\n• ")))
	}
	return container.NewVBox(objs...), toggle
}

func altLabel(shown bool, n int) string {
	if shown {
		return "Hide what the alternatives say"
	}
	if n == 1 {
		return "Show what the alternative says"
	}
	return "Show what the " + strconv.Itoa(n) + " alternatives say"
}

// altToggle is the button that shows what the alternatives say; its own
// type so the Matrix screen can find it to work it from the keyboard.
type altToggle struct{ widget.Button }

// findAltToggle is the alternatives' button inside o, nil when none.
func findAltToggle(o fyne.CanvasObject) *altToggle {
	switch x := o.(type) {
	case *altToggle:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findAltToggle(c); b != nil {
				return b
			}
		}
	case *widget.Card:
		return findAltToggle(x.Content)
	}
	return nil
}
