//go:build race

package app

// raceOn: the race detector makes Fyne layout many times slower, so the
// widest layout sweeps sample less under it (their full run is without).
const raceOn = true
