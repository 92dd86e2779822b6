//go:build unix

package app

import (
	"os"
	"syscall"
)

// heapProfileSignal has the app write a heap profile (heapProfileEnv).
var heapProfileSignal os.Signal = syscall.SIGUSR1
