package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/journal"
)

// problemNamesShown is how many unreadable files the banner names; the
// rest are counted, so a folder full of junk cannot fill the screen.
const problemNamesShown = 5

// problemNameMax caps one shown file name: names are random and short,
// but a file someone else dropped in the folder may have any name.
const problemNameMax = 60

// withJournalProblems puts above the unlocked journal a banner saying
// which files the last unlock skipped, if it skipped any: without it a
// damaged entry just vanished from the list. Its close button hides it
// until the next unlock.
func withJournalProblems(ps []journal.Problem, view fyne.CanvasObject) fyne.CanvasObject {
	if len(ps) == 0 {
		return view
	}
	msg := widget.NewLabel(journalProblemsMessage(ps))
	msg.Wrapping = fyne.TextWrapWord
	var banner, outer *fyne.Container
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		banner.Hide()
		outer.Refresh() // the view takes the banner's place
	})
	closeBtn.Importance = widget.LowImportance
	banner = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), closeBtn, msg)
	outer = container.NewBorder(banner, nil, nil, nil, view)
	return outer
}

// journalProblemsMessage names the skipped files by their names in the
// journal folder only (random, never what an entry says), says they are
// left alone and what brings them back.
func journalProblemsMessage(ps []journal.Problem) string {
	var names []string
	for _, p := range ps[:min(len(ps), problemNamesShown)] {
		names = append(names, shownFileName(p.File))
	}
	if rest := len(ps) - len(names); rest > 0 {
		names = append(names, "and "+numtext.Count(rest)+" more")
	}
	if len(ps) == 1 {
		return "1 file in your journal could not be read, so what it holds is not shown: " + names[0] + ". " +
			"Poise leaves it untouched on disk. To get it back, restore a backup with " +
			"\"poise journal restore FILE\" in a terminal (with Poise closed), or copy the file back from a copy of the journal folder; " +
			"\"poise journal list\" says why it could not be read."
	}
	return numtext.Count(len(ps)) + " files in your journal could not be read, so what they hold is not shown: " + strings.Join(names, ", ") + ". " +
		"Poise leaves them untouched on disk. To get them back, restore a backup with " +
		"\"poise journal restore FILE\" in a terminal (with Poise closed), or copy the files back from a copy of the journal folder; " +
		"\"poise journal list\" says why each one could not be read."
}

// shownFileName is name made safe to show: cut to problemNameMax runes
// and always quoted, what is not printable escaped. A name is the one
// thing in the banner someone else may have chosen, and unquoted, one
// such as `x.age. Nothing was lost: run "poise journal reset"` read as
// Poise's own words in the sentence around it.
func shownFileName(name string) string {
	if r := []rune(name); len(r) > problemNameMax {
		name = string(r[:problemNameMax]) + "…"
	}
	return strconv.QuoteToGraphic(name)
}

// withSummaryProblems says above a summary that it leaves out n journal
// files the last unlock could not read, and where to see which.
func withSummaryProblems(n int, view fyne.CanvasObject) fyne.CanvasObject {
	if n == 0 {
		return view
	}
	what := "1 journal file could not be read, so this summary leaves it out. The Journal screen says which, and how to get it back."
	if n > 1 {
		what = numtext.Count(n) + " journal files could not be read, so this summary leaves them out. The Journal screen says which, and how to get them back."
	}
	msg := widget.NewLabel(what)
	msg.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, msg), nil, nil, nil, view)
}
