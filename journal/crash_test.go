package journal

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// childEnv names the journal folder a re-executed test binary saves into
// until it is killed.
const childEnv = "POISE_JOURNAL_CRASH_CHILD"

const crashMarker = "PLAINTEXT-MARKER"

// runSavingChild saves big entries and drafts in a loop, printing the id of
// each entry once Save has returned.
func runSavingChild(dir string) {
	j := Open(dir)
	if err := j.Unlock(testPass); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	// Big entries make each save long, so the kill lands inside one.
	body := strings.Repeat("the customer said the same thing again ", 4000)
	const draftID = "crashdraft22" // one draft, rewritten by every run
	for i := 0; ; i++ {
		if _, err := j.SaveDraft(Draft{ID: draftID, Entry: Entry{WhatHappened: fmt.Sprintf("%s-draft-%d", crashMarker, i)}}); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		e, err := j.Save(Entry{WhatHappened: fmt.Sprintf("%s-%d %s", crashMarker, i, body)})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("saved", e.ID, i)
	}
}

func TestKillWhileSavingLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	j, _ := newTestJournal(t)
	j.Lock()
	saved := map[string]int{}
	for round, after := range []int{1, 4, 9} {
		t.Run(fmt.Sprintf("kill after %d saves", after), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childEnv+"="+j.Dir())
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() { cmd.Process.Kill(); cmd.Wait() }()
			sc := bufio.NewScanner(out)
			n := 0
			for n < after && sc.Scan() {
				var id string
				var i int
				if _, err := fmt.Sscanf(sc.Text(), "saved %s %d", &id, &i); err != nil {
					t.Fatalf("child said %q", sc.Text())
				}
				saved[id] = i
				n++
			}
			// Vary where in the next save the kill lands.
			time.Sleep(time.Duration(round*3) * time.Millisecond)
			cmd.Process.Signal(syscall.SIGKILL)
			for sc.Scan() { // lines written before the kill still count
				var id string
				var i int
				if _, err := fmt.Sscanf(sc.Text(), "saved %s %d", &id, &i); err == nil {
					saved[id] = i
				}
			}
			cmd.Wait()

			if err := j.Unlock(testPass); err != nil {
				t.Fatal(err)
			}
			defer j.Lock()
			if ps := j.Problems(); len(ps) > 0 {
				t.Errorf("problems after the kill: %v", ps)
			}
			for id, i := range saved {
				e, err := j.Entry(id)
				if err != nil {
					t.Errorf("entry %d lost: %v", i, err)
					continue
				}
				if !strings.HasPrefix(e.WhatHappened, fmt.Sprintf("%s-%d ", crashMarker, i)) {
					t.Errorf("entry %d holds %.40q", i, e.WhatHappened)
				}
			}
			if ds, _ := j.Drafts(); len(ds) != 1 {
				t.Errorf("drafts = %d, want the one autosaved draft", len(ds))
			}
			assertNoPlaintext(t, j.Dir(), crashMarker, "the customer said", testPass)
		})
	}
}
