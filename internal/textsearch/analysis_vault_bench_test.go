package textsearch

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	index "github.com/blevesearch/bleve_index_api"
)

// BenchmarkAnalyzeVault is the analysis alone of an offline build's
// bodies and heads (splitting, filters, terms counted by id), on a real
// folder of notes: POISE_VAULT_DIR=/path, whose top folders name the
// language of the notes under them (as the issue 10 vault's do). Raw
// markdown stands for the plain text; a file's first line for its head.
// The scratch is reset every offlineBatch files, as a segment's is.
func BenchmarkAnalyzeVault(b *testing.B) {
	dir := os.Getenv("POISE_VAULT_DIR")
	if dir == "" {
		b.Skip("POISE_VAULT_DIR unset")
	}
	notes := vaultNotes(b, dir)
	size := 0
	for _, n := range notes {
		size += len(n.body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		analyzeNotes(b, notes)
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/1e9/float64(b.N), "cpu-s/op")
}

// BenchmarkAnalyzeVaultTwoWorkers is BenchmarkAnalyzeVault on two
// workers, each with its own scratch and half the notes in turns of
// offlineBatch, as a build's workers share the memories.
func BenchmarkAnalyzeVaultTwoWorkers(b *testing.B) {
	dir := os.Getenv("POISE_VAULT_DIR")
	if dir == "" {
		b.Skip("POISE_VAULT_DIR unset")
	}
	notes := vaultNotes(b, dir)
	var halves [2][]vaultNote
	for i, n := range notes {
		w := i / offlineBatch % 2
		halves[w] = append(halves[w], n)
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		forgetStems()
		var wg sync.WaitGroup
		for _, half := range halves {
			wg.Go(func() { analyzeNotesWarm(b, half) })
		}
		wg.Wait()
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/1e9/float64(b.N), "cpu-s/op")
}

// vaultNote is a note of BenchmarkAnalyzeVault's folder.
type vaultNote struct {
	lang       string
	head, body string
}

func vaultNotes(tb testing.TB, dir string) []vaultNote {
	var notes []vaultNote
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		lang, _, _ := strings.Cut(rel, string(filepath.Separator))
		if len(lang) > 5 || strings.ToLower(lang) != lang {
			lang = "en" // "Release notes", "Sandbox", a note at the top
		}
		head, _, _ := strings.Cut(string(data), "\n")
		notes = append(notes, vaultNote{lang: lang, head: head, body: string(data)})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return notes
}

// analyzeNotes analyses notes as an offline build's worker would, with
// every stem memory empty, as at a process's first build.
func analyzeNotes(tb testing.TB, notes []vaultNote) {
	forgetStems()
	analyzeNotesWarm(tb, notes)
}

// forgetStems empties every stem memory.
func forgetStems() {
	forgetLanguageStems()
	stems.mu.Lock()
	stems.m = map[string][]byte{}
	stems.mu.Unlock()
}

// analyzeNotesWarm is analyzeNotes with the memories as they are.
func analyzeNotesWarm(tb testing.TB, notes []vaultNote) {
	im, db := mappingAndBuilder(tb)
	head := im.AnalyzerNamed(analyzerHead)
	s := &buildScratch{}
	for i, n := range notes {
		if i%offlineBatch == 0 {
			s.reset()
		}
		field, name := bodyField(n.lang)
		if n.lang != "en" && !slices.Contains(Languages, n.lang) {
			field, name = bodyField("xx")
		}
		f := s.field(field, nil, index.IndexField, db.analyzerNamed(name), n.body)
		f.Analyze()
		f = s.field(fHWords, nil, db.hwords.options, head, n.head)
		f.Analyze()
	}
	s.reset()
}

// cpuTime is the process's CPU time so far, user and system, in ns.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
