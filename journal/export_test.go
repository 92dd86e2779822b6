package journal

// Test hooks, compiled only into this package's tests.

// setWorkFactor sets the scrypt work factor of journals set up from now on
// and returns a function that puts the old one back.
func setWorkFactor(logN int) (restore func()) {
	old := scryptLogN
	scryptLogN = logN
	return func() { scryptLogN = old }
}
