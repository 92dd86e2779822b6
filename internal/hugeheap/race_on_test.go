//go:build race

package hugeheap

// raceOn says the race detector is on: its shadow memory takes page
// faults of its own, which tests that count faults cannot tell apart.
const raceOn = true
