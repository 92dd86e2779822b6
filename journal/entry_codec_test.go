package journal

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestPaddedLen(t *testing.T) {
	tests := []struct{ n, want int }{
		{0, 4096}, {4096, 4096}, {4097, 4352}, {10_000, 10_240}, {100_000, 100_352},
	}
	for _, tt := range tests {
		if got := paddedLen(tt.n); got != tt.want || got < tt.n {
			t.Errorf("paddedLen(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

func TestDecodeRecordRejects(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := decodeRecord(b); err == nil {
				t.Error("decoded a bad record")
			}
		})
	}
}

func FuzzDecodeRecord(f *testing.F) {
	good, _ := encodeRecord(fileRecord{Format: formatEntry, Entry: func() *Entry { e := fullEntry(); e.ID = "abc"; return &e }()})
	f.Add(good)
	draft, _ := encodeRecord(fileRecord{Format: formatDraft, Draft: &Draft{ID: "d", Entry: Entry{Tags: []string{"x"}}}})
	f.Add(draft)
	f.Add([]byte(`{"format":"poise-journal-entry","version":1,"entry":{"id":"x","what_happened":"y","difficulty":9}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decodeRecord(b)
		if err != nil {
			return
		}
		// Whatever decodes must survive a round trip unchanged.
		enc, err := encodeRecord(r)
		if err != nil {
			t.Fatal(err)
		}
		r2, err := decodeRecord(enc)
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		enc2, _ := encodeRecord(r2)
		if !bytes.Equal(enc, enc2) {
			t.Fatalf("round trip changed the record:\n%s\n%s", enc, enc2)
		}
	})
}
