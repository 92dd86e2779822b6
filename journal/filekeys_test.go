package journal

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFileKeyCacheIsOnlyACache(t *testing.T) {
	j, _ := newTestJournal(t)
	a, _ := j.Save(fullEntry())
	j.Lock()
	cache := filepath.Join(j.Dir(), fileKeysFile)
	old, err := os.ReadFile(cache)
	if err != nil {
		t.Fatalf("no cache written at lock: %v", err)
	}
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	a.Takeaway = "edited, so the entry's file key changes"
	if _, err := j.Save(a); err != nil {
		t.Fatal(err)
	}
	b, _ := j.Save(Entry{WhatHappened: "second"})
	j.Lock()

	tests := []struct {
		name  string
		cache []byte
	}{
		{"stale", old},
		{"damaged", []byte("garbage")},
		{"missing", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.cache == nil {
				os.Remove(cache)
			} else if err := os.WriteFile(cache, tt.cache, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := j.Unlock(testPass); err != nil {
				t.Fatal(err)
			}
			defer j.Lock()
			if ps := j.Problems(); len(ps) != 0 {
				t.Errorf("problems: %v", ps)
			}
			got, err := j.Entry(a.ID)
			if err != nil || got.Takeaway != a.Takeaway {
				t.Errorf("entry = %+v, %v", got, err)
			}
			if _, err := j.Entry(b.ID); err != nil {
				t.Error(err)
			}
			if h, _ := j.History(a.ID); len(h) != 1 {
				t.Errorf("history = %d versions", len(h))
			}
		})
	}
}
