package packs

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary play the child of TestCrashDuringInstall:
// it installs a pack and stops at a named step, waiting to be killed.
func TestMain(m *testing.M) {
	if step := os.Getenv("PACKS_CRASH_AT"); step != "" {
		crashChild(step, os.Getenv("PACKS_CRASH_DIR"), os.Getenv("PACKS_CRASH_SRC"))
		return
	}
	os.Exit(m.Run())
}

func crashChild(step, dir, src string) {
	crashHook = func(at string) {
		if at == step {
			fmt.Println("at", at)
			time.Sleep(time.Minute) // killed here
		}
	}
	s, err := Open(dir)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	source, _ := ParseSource(src, "")
	c, err := s.Fetch(context.Background(), source)
	if err == nil {
		err = s.Install(c, InstallOptions{AllowUnsigned: true})
	}
	fmt.Println("finished", err)
	os.Exit(0)
}

func TestCrashDuringInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for _, tc := range []struct{ step, want string }{
		{"begun", "1.0.0"},
		{"moved-0", "1.0.0"}, // the old version moved aside, the new not yet in
		{"moved-1", "1.0.0"}, // both moved, state not yet saved
		{"committed", "2.0.0"},
	} {
		t.Run(tc.step, func(t *testing.T) {
			s := openStore(t)
			if _, err := install(t, s, packFile(t, "acme", "1.0.0", nil, nil), InstallOptions{AllowUnsigned: true}); err != nil {
				t.Fatal(err)
			}
			v2 := packFile(t, "acme", "2.0.0", nil, map[string]string{"guides/new.md": "# New\nText.\n"})
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "PACKS_CRASH_AT="+tc.step, "PACKS_CRASH_DIR="+s.Dir(), "PACKS_CRASH_SRC="+v2)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, _ := bufio.NewReader(out).ReadString('\n')
			if strings.TrimSpace(line) != "at "+tc.step {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("child said %q, want it to stop at %s", line, tc.step)
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()

			s2, err := Open(s.Dir())
			if err != nil {
				t.Fatalf("open after crash: %v", err)
			}
			if got := installedVersion(t, s2, "acme"); got != tc.want {
				t.Fatalf("after a crash at %s version %q, want %s", tc.step, got, tc.want)
			}
			lib, err := s2.LoadLibrary(nil)
			if err != nil || len(lib.Packs) != 1 {
				t.Fatalf("library after crash: %v, %d packs", err, len(lib.Packs))
			}
			_, hasNew := lib.Item("acme/guides/new")
			if hasNew != (tc.want == "2.0.0") {
				t.Errorf("new item present = %v with version %s: a mix of versions", hasNew, tc.want)
			}
			if entries, _ := os.ReadDir(s2.meta("staging")); len(entries) != 0 {
				t.Errorf("staging left behind: %v", entries)
			}
			if _, err := os.Stat(s2.meta("txn.json")); err == nil {
				t.Error("transaction file left behind")
			}
			if tc.want == "1.0.0" {
				if _, err := install(t, s2, v2, InstallOptions{AllowUnsigned: true}); err != nil {
					t.Fatalf("install after recovery: %v", err)
				}
			} else if _, err := s2.Rollback("acme"); err != nil {
				t.Fatalf("rollback after a committed crash: %v", err)
			}
		})
	}
}
