package summary

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/poisehq/poise/journal"
)

// wilsonZ is the z of a 90% interval: wide enough that a handful of lucky
// calls does not read as a method that works.
const wilsonZ = 1.645

// wilson is the Wilson score interval of k successes in n.
func wilson(k, n int) (lo, hi float64) {
	if n == 0 {
		return 0, 1
	}
	p, nf, z2 := float64(k)/float64(n), float64(n), wilsonZ*wilsonZ
	mid := (p + z2/(2*nf)) / (1 + z2/nf)
	half := wilsonZ / (1 + z2/nf) * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	return mid - half, mid + half
}

// judged reports whether e records how the call ended, and whether it
// ended well: resolved, or a satisfied customer.
func judged(e *journal.Entry) (recorded, good bool) {
	recorded = e.Outcome != "" || e.Satisfaction > 0
	good = e.Outcome == journal.OutcomeResolved || e.Satisfaction >= 4
	return recorded, good
}

// tried is what an entry tried: its knowledge-base items and its tags.
type tried struct{ name, kind string }

func triedIn(e *journal.Entry) []tried {
	var out []tried
	for _, id := range e.TriedItems {
		if t := (tried{id, "item"}); id != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	for _, tag := range e.Tags {
		tag = strings.ToLower(strings.TrimSpace(tag))
		if t := (tried{tag, "tag"}); tag != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// shareable is whether t may be named to a team: only an item the library
// knows, since a tag or any other id is whatever the agent typed.
func (b *Book) shareable(t tried) bool {
	return t.kind == "item" && b.opts.Title != nil && b.opts.Title(t.name) != ""
}

// label names something tried for a sentence.
func (b *Book) label(t tried) string {
	if t.kind == "item" {
		if b.opts.Title != nil {
			if s := b.opts.Title(t.name); s != "" {
				return s
			}
		}
		return ItemLabel(t.name)
	}
	return "#" + t.name
}

// ItemLabel makes an item id readable when no title is known:
// "builtin/guides/staying-calm#the-pause" becomes "staying calm: the pause".
func ItemLabel(id string) string {
	base, sec, _ := strings.Cut(id, "#")
	if i := strings.LastIndexByte(base, '/'); i >= 0 {
		base = base[i+1:]
	}
	s := strings.ReplaceAll(base, "-", " ")
	if sec != "" {
		s += ": " + strings.ReplaceAll(sec, "-", " ")
	}
	return s
}

func (b *Book) works(s *Summary, ps []*placed) {
	rates := map[tried]*Rate{}
	for _, p := range ps {
		rec, good := judged(p.e)
		if !rec {
			continue
		}
		s.BaseRate.Of++
		if good {
			s.BaseRate.Successes++
		}
		for _, t := range triedIn(p.e) {
			r := rates[t]
			if r == nil {
				r = &Rate{}
				rates[t] = r
			}
			r.Of++
			if good {
				r.Successes++
			}
		}
	}
	base := s.BaseRate.Fraction()
	for t, r := range rates {
		w := Works{Name: t.name, Label: b.label(t), Kind: t.kind, Rate: *r, Verdict: VerdictTooFew, shareable: b.shareable(t)}
		if r.Of >= MinUses {
			lo, hi := wilson(r.Successes, r.Of)
			switch {
			case lo > base:
				w.Verdict = VerdictBetter
			case hi < base:
				w.Verdict = VerdictWorse
			default:
				w.Verdict = VerdictUsual
			}
		}
		s.WhatWorks = append(s.WhatWorks, w)
	}
	order := map[Verdict]int{VerdictBetter: 0, VerdictUsual: 1, VerdictWorse: 2, VerdictTooFew: 3}
	slices.SortFunc(s.WhatWorks, func(a, b Works) int {
		return cmp.Or(cmp.Compare(order[a.Verdict], order[b.Verdict]), cmp.Compare(b.Rate.Fraction(), a.Rate.Fraction()),
			cmp.Compare(b.Rate.Of, a.Rate.Of), strings.Compare(a.Name, b.Name))
	})
	if len(s.WhatWorks) > maxListed {
		s.WhatWorks = s.WhatWorks[:maxListed]
	}
}

// stressPaired is the stress before and after of an entry that recorded
// both.
func stressPaired(e *journal.Entry) (before, after int, ok bool) {
	return e.StressBefore, e.StressAfter, e.StressBefore > 0 && e.StressAfter > 0
}

func stressMeans(ps []*placed) (before, after Mean) {
	var sb, sa, n int
	for _, p := range ps {
		if bf, af, ok := stressPaired(p.e); ok {
			sb, sa, n = sb+bf, sa+af, n+1
		}
	}
	if n == 0 {
		return Mean{}, Mean{}
	}
	return Mean{float64(sb) / float64(n), n}, Mean{float64(sa) / float64(n), n}
}

// trendMonths is how far back the stress trend looks.
const trendMonths = 12

func (b *Book) stress(s *Summary, m Month) {
	s.Stress.Before, s.Stress.After = stressMeans(b.months[m])
	for i := trendMonths - 1; i >= 0; i-- {
		mm := m.Add(-i)
		bf, af := stressMeans(b.months[mm])
		s.Stress.Trend = append(s.Stress.Trend, StressMonth{Month: mm.String(), Before: bf.Value, After: af.Value, N: bf.N})
	}
	type acc struct{ sum, n int }
	drops := map[tried]*acc{}
	for _, p := range b.months[m] {
		bf, af, ok := stressPaired(p.e)
		if !ok {
			continue
		}
		for _, t := range triedIn(p.e) {
			a := drops[t]
			if a == nil {
				a = &acc{}
				drops[t] = a
			}
			a.sum += bf - af
			a.n++
		}
	}
	for t, a := range drops {
		s.Stress.Drops = append(s.Stress.Drops, Drop{Name: t.name, Label: b.label(t), Kind: t.kind, Uses: a.n,
			Mean: float64(a.sum) / float64(a.n), Judged: a.n >= MinUses, shareable: b.shareable(t)})
	}
	slices.SortFunc(s.Stress.Drops, func(a, b Drop) int {
		return cmp.Or(boolFirst(a.Judged, b.Judged), cmp.Compare(b.Mean, a.Mean), cmp.Compare(b.Uses, a.Uses), strings.Compare(a.Name, b.Name))
	})
	if len(s.Stress.Drops) > maxListed {
		s.Stress.Drops = s.Stress.Drops[:maxListed]
	}
}

func boolFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}
