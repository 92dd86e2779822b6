//go:build !unix

package kb_test

import "time"

// cpuTime is not measured here; the cpu-ms/op metric reads zero.
func cpuTime() time.Duration { return 0 }
