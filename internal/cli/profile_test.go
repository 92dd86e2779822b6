package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestProfilesWrittenWhenAsked checks the POISE_CPUPROFILE and
// POISE_MEMPROFILE hooks write a pprof profile each (gzipped protocol
// buffers), POISE_TRACE an execution trace, and leave the command's output
// alone.
func TestProfilesWrittenWhenAsked(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.out"), filepath.Join(dir, "mem.out")
	t.Setenv(cpuProfileEnv, cpu)
	t.Setenv(memProfileEnv, mem)
	tr := filepath.Join(dir, "trace.out")
	t.Setenv(traceEnv, tr)
	defer func(rate int) { runtime.MemProfileRate = rate }(runtime.MemProfileRate)
	code, stdout, _ := run(t, "version")
	if code != ExitOK || stdout != "poise 1.2.3-test\n" {
		t.Fatalf("version with profiles: exit %d, %q", code, stdout)
	}
	for _, p := range []string{cpu, mem} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("profile not written: %v", err)
		}
		if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
			t.Errorf("%s is not a pprof profile (gzip): % x", filepath.Base(p), b[:min(len(b), 4)])
		}
	}
	if b, err := os.ReadFile(tr); err != nil || !bytes.HasPrefix(b, []byte("go 1.")) {
		t.Errorf("no execution trace written (%v): %q", err, b[:min(len(b), 8)])
	}
}
