package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/internal/searchsock"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// searchHit is one result of "poise search --json", a stable shape for
// scripts.
type searchHit struct {
	ID      string  `json:"id"`
	Kind    string  `json:"kind"`
	Pack    string  `json:"pack"`
	Title   string  `json:"title"`
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
	// More are the other results for the same situation, folded under
	// this one (statements under one heading).
	More []searchHit `json:"more,omitempty"`
}

// searchOutput is what "poise search --json" prints: the words searched,
// what they were corrected to ("Showing results for …"), the results,
// and, when there are none, the nearest searches that find something.
type searchOutput struct {
	Query       string             `json:"query"`
	Corrected   string             `json:"corrected,omitempty"`
	Results     []searchHit        `json:"results"`
	Suggestions []searchSuggestion `json:"suggestions,omitempty"`
}

// searchSuggestion is one search that would find something (see
// search.Suggestion).
type searchSuggestion struct {
	Text       string `json:"text"`
	Respelled  bool   `json:"respelled,omitempty"`
	Dropped    string `json:"dropped,omitempty"`
	DropFilter string `json:"drop_filter,omitempty"`
	Total      int    `json:"total"`
}

// searchCmd is "poise search QUERY...". A running app answers it over its
// socket; otherwise the index kept in the data folder does, built once
// when missing or stale (see searchIndex). It never waits for or disturbs
// a running app.
func (c *cli) searchCmd() *cobra.Command {
	var (
		kind   string
		limit  int
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search the guidance from the terminal",
		Long: "Search every installed pack as the app does: typos, partial words and synonyms are forgiven.\n" +
			"The words are taken as typed; quotes and symbols have no special meaning.",
		Example: "  poise search money back\n  poise search --kind statement angry\n  poise search --json --limit 5 third time called",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("%q needs something to search for", cmd.CommandPath())}
			}
			// Text without a word is the app's blank list, which the
			// kept index (no library) cannot give while the app's can:
			// the answer would depend on whether Poise is open.
			if text := strings.Join(args, " "); !search.HasWords(text) {
				return usageError{fmt.Errorf("%q has no words to search for; type a word or two", termText(text, false))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			q := search.Query{Text: strings.Join(args, " "), Limit: limit, NoFacets: true, Language: kb.SystemLanguage()}
			if kind != "" {
				k, err := kb.ParseKind(kind)
				if err != nil {
					return usageError{err}
				}
				q.Kinds = []kb.Kind{k}
			}
			if limit < 0 {
				return usageError{fmt.Errorf("--limit must be positive, not %d", limit)}
			}
			resumeGC := pauseGC()
			defer resumeGC()
			// A running app holds the index: ask it, which is immediate.
			if res, err := searchsock.Ask(cmd.Context(), searchsock.Path(c.dataDir()), q, 2*time.Second); err == nil {
				c.noteIfGap(q, res)
				return writeResults(cmd.OutOrStdout(), q.Text, res, asJSON)
			}
			res, err := c.searchKept(cmd.Context(), q, resumeGC)
			var unread indexUnreadable
			if errors.As(err, &unread) && cmd.Context().Err() == nil {
				// Damaged on disk: built again, once.
				if err = c.dropIndex(unread); err == nil {
					res, err = c.searchKept(cmd.Context(), q, resumeGC)
				}
			}
			if err != nil {
				return err
			}
			c.noteIfGap(q, res)
			return writeResults(cmd.OutOrStdout(), q.Text, res, asJSON)
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "only items of this kind: "+kindList())
	cmd.Flags().IntVar(&limit, "limit", 10, "at most this many results")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON object {query, corrected, results: [{id, kind, pack, title, snippet, score, more}], suggestions}")
	return cmd
}

func writeResults(w io.Writer, text string, res *search.Results, asJSON bool) error {
	if asJSON {
		return writeResultsJSON(w, text, res)
	}
	return writeHitsText(w, text, res)
}

func kindList() string {
	var ks []string
	for _, k := range kb.Kinds {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

func writeResultsJSON(w io.Writer, text string, res *search.Results) error {
	out := searchOutput{Query: text, Corrected: res.Corrected, Results: jsonHits(res.Hits)}
	for _, s := range res.Suggestions {
		out.Suggestions = append(out.Suggestions, searchSuggestion{
			Text: s.Text, Respelled: s.Respelled, Dropped: s.Dropped, DropFilter: s.DropFilter, Total: s.Total,
		})
	}
	return writeJSON(w, out)
}

func jsonHits(hits []search.Hit) []searchHit {
	out := make([]searchHit, 0, len(hits))
	for _, h := range hits {
		sh := searchHit{ID: h.ID, Kind: string(h.Kind), Pack: h.Pack, Title: h.Title, Snippet: h.Snippet, Score: h.Score}
		if len(h.More) > 0 {
			sh.More = jsonHits(h.More)
		}
		out = append(out, sh)
	}
	return out
}

func writeHitsText(w io.Writer, text string, res *search.Results) error {
	if res.Corrected != "" {
		if _, err := fmt.Fprintf(w, "Showing results for %q\n", termText(res.Corrected, false)); err != nil {
			return err
		}
	}
	if len(res.Hits) == 0 {
		if len(res.Suggestions) == 0 {
			_, err := fmt.Fprintf(w, "No matches for %q. Try fewer or different words.\n", termText(text, false))
			return err
		}
		return writeSuggestions(w, text, res.Suggestions) // search_suggest.go
	}
	for i, h := range res.Hits {
		if _, err := fmt.Fprintf(w, "%d. %s  [%s, %s]\n   %s\n", i+1, termText(h.Title, false), termText(string(h.Kind), false), termText(h.Pack, false), termText(h.ID, false)); err != nil {
			return err
		}
		if h.Snippet != "" {
			if _, err := fmt.Fprintf(w, "   %s\n", termText(h.Snippet, false)); err != nil {
				return err
			}
		}
		if len(h.More) > 0 {
			if _, err := fmt.Fprintf(w, "   + %d more like this (--json lists them)\n", len(h.More)); err != nil {
				return err
			}
		}
	}
	if res.Total > len(res.Hits) {
		_, err := fmt.Fprintf(w, "(%d of %d matches; use --limit to see more)\n", len(res.Hits), res.Total)
		return err
	}
	return nil
}
