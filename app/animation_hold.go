package app

import (
	"sync"

	"fyne.io/fyne/v2"
)

// holdAnimations has Fyne's widgets show no animations until the returned
// function is called, by standing a copy of the app whose settings say so
// in for the current one (widgets ask fyne.CurrentApp). Run holds them
// through a first index build: the focused Find field's text cursor
// otherwise fades out and in, and each step of the fade redraws the whole
// window, about five frames a second. Without a GPU (Xvfb, Mesa's
// software renderer) each frame cost some 20 ms of CPU and 250 page
// faults (glibc gives the renderer's buffers back between frames), taken
// from a build that uses both cores; the cursor stays lit instead.
//
// Call it before the Find field is first focused: a fade already running
// plays on. Releasing refreshes the field, which starts the fade again.
func (p *poise) holdAnimations() (release func()) {
	a := fyne.CurrentApp()
	if a == nil {
		return func() {}
	}
	fyne.SetCurrentApp(stillApp{a})
	return sync.OnceFunc(func() {
		fyne.SetCurrentApp(a)
		if p.find != nil {
			p.find.entry.Refresh()
		}
	})
}

// stillApp is an app whose widgets show no animations.
type stillApp struct{ fyne.App }

func (a stillApp) Settings() fyne.Settings { return stillSettings{a.App.Settings()} }

// stillSettings are settings that show no animations.
type stillSettings struct{ fyne.Settings }

func (stillSettings) ShowAnimations() bool { return false }

// endAnimationHold ends what Run's holdAnimations held, if anything: once
// search is ready (early, before the build's final merge, or once built),
// or once it failed. It runs on the UI goroutine.
func (p *poise) endAnimationHold() {
	if p.releaseAnimations != nil {
		p.releaseAnimations()
		p.releaseAnimations = nil
	}
}
