package usage

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestStorePersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	steps := []func() error{
		func() error { return s.SetFavourite("a", true) },
		func() error { return s.SetFavourite("b", true) },
		func() error { return s.SetFavourite("a", false) },
		func() error { return s.RecordCopy("x", t0) },
		func() error { return s.RecordCopy("b", t0.Add(time.Minute)) },
		func() error { return s.RecordCopy("x", t0.Add(2*time.Minute)) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	re, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want []string
	}{
		{"favourites", re.Favourites(), []string{"b"}},
		{"recent newest first, once each", re.Recent(), []string{"x", "b"}},
		{"defaults favourites then recent", re.Defaults(), []string{"b", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !slices.Equal(tt.got, tt.want) {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	if !re.IsFavourite("b") || re.IsFavourite("a") {
		t.Errorf("IsFavourite wrong: b=%v a=%v", re.IsFavourite("b"), re.IsFavourite("a"))
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("usage file mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestRecentIsCapped(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), FileName))
	if err != nil {
		t.Fatal(err)
	}
	for i := range MaxRecent + 5 {
		if err := s.RecordCopy(string(rune('a'+i)), time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(s.Recent()); got != MaxRecent {
		t.Errorf("len(Recent) = %d, want %d", got, MaxRecent)
	}
}

func TestOpen(t *testing.T) {
	tests := []struct {
		name    string
		content string // "" means no file
		wantErr bool
	}{
		{"missing file is empty", "", false},
		{"corrupt file is an error but usable", "{not json", true},
		{"old file without values", `{"favourites":["a"]}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			if tt.content != "" {
				if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			s, err := Open(path)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Open err = %v, wantErr %v", err, tt.wantErr)
			}
			if err := s.SetFavourite("k", true); err != nil {
				t.Fatalf("store not usable after Open: %v", err)
			}
		})
	}
}

// Before calls existed, form values (customers' names) were saved in the
// file; opening it must erase them from the disk and keep the rest.
func TestOpenErasesCustomerValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	old := `{"favourites":["a"],"recent":[{"id":"x","at":"2026-11-25T09:00:00Z"}],` +
		`"values":{"customer_name":"Ana Whitfield","callback_time":"3pm"}}`
	if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"Ana Whitfield", "3pm", "values"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("usage file still holds %q after Open:\n%s", secret, data)
		}
	}
	if !slices.Equal(s.Favourites(), []string{"a"}) || !slices.Equal(s.Recent(), []string{"x"}) {
		t.Errorf("cleaning lost the rest: favourites %q, recent %q", s.Favourites(), s.Recent())
	}
}

func TestCallKeepsValuesUntilNewCall(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	c := NewCall(15 * time.Minute)
	if c.Idle(t0.Add(time.Hour)) {
		t.Error("an empty call is idle: nothing to forget")
	}
	c.Remember(map[string]string{"customer_name": "Ana", "empty": "", "huge": strings.Repeat("x", maxValueLen+1)}, t0)
	if got := c.Value("customer_name"); got != "Ana" {
		t.Errorf("Value(customer_name) = %q, want Ana", got)
	}
	if got := c.Values(); len(got) != 1 {
		t.Errorf("empty and oversized values kept: %q", got)
	}
	if c.Idle(t0.Add(14 * time.Minute)) {
		t.Error("idle before IdleAfter")
	}
	c.Touch(t0.Add(14 * time.Minute))
	if c.Idle(t0.Add(20 * time.Minute)) {
		t.Error("Touch did not count as activity")
	}
	if !c.Idle(t0.Add(29 * time.Minute)) {
		t.Error("not idle after IdleAfter without activity")
	}
	c.Reset()
	if got := c.Value("customer_name"); got != "" {
		t.Errorf("value survives a new call: %q", got)
	}
	never := NewCall(0)
	never.Remember(map[string]string{"a": "b"}, t0)
	if never.Idle(t0.Add(1000 * time.Hour)) {
		t.Error("IdleAfter 0 must never end the call")
	}
}

func TestCallIsBounded(t *testing.T) {
	c := NewCall(0)
	for i := range maxValues + 50 {
		c.Remember(map[string]string{fmt.Sprint("f", i): "v"}, time.Now())
	}
	if got := len(c.Values()); got != maxValues {
		t.Errorf("a call kept %d values, want at most %d", got, maxValues)
	}
}

// TestRecentKeepsTheOptionCopied guards issue 16: a matrix option copied
// is remembered across a restart, and copying the concern again without an
// option forgets it.
func TestRecentKeepsTheOptionCopied(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	if err := s.RecordOptionCopy("m/late", "m/late#2", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordCopy("s/angry#1", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	re, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := re.RecentOption("m/late"); got != "m/late#2" {
		t.Errorf("RecentOption after restart = %q, want m/late#2", got)
	}
	if got := re.RecentOption("s/angry#1"); got != "" {
		t.Errorf("RecentOption of a statement = %q, want none", got)
	}
	if err := re.RecordCopy("m/late", t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got := re.RecentOption("m/late"); got != "" {
		t.Errorf("RecentOption after copying the concern itself = %q, want none", got)
	}
}

// TestCallListsItsCopies: the quick log attaches what was copied during
// the call, each once, in order, up to a bound; a new call forgets them.
func TestCallListsItsCopies(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	c := NewCall(0)
	c.RecordCopy("m/late", "m/late#2", t0)
	c.RecordCopy("s/angry#1", "", t0)
	c.RecordCopy("m/late", "m/late#2", t0) // again: listed once
	c.RecordCopy("m/late", "m/late#1", t0) // another option of it
	want := []Copied{{"m/late", "m/late#2"}, {"s/angry#1", ""}, {"m/late", "m/late#1"}}
	if got := c.Copies(); !slices.Equal(got, want) {
		t.Errorf("Copies = %v, want %v", got, want)
	}
	for i := range maxCopies + 10 {
		c.RecordCopy(fmt.Sprint("x", i), "", t0)
	}
	if got := len(c.Copies()); got != maxCopies {
		t.Errorf("a call listed %d copies, want at most %d", got, maxCopies)
	}
	c.Reset()
	if got := c.Copies(); len(got) != 0 {
		t.Errorf("copies survive a new call: %v", got)
	}
}
