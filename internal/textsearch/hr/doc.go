// Package hr is Bleve's Croatian analysis (github.com/blevesearch/bleve/v2
// analysis/lang/hr, v2.6.3, Apache License 2.0: copyright Couchbase, Inc.,
// the notice kept in each file), copied so that its seventy-four regular
// expressions are compiled at the first word stemmed instead of in the
// package's init: Bleve's package compiled them in every process that
// links it, 7-8 ms and 7,600 allocations (1.1 MB) of each "poise search"
// before main, the largest init of the binary after Bleve's scorch
// (GODEBUG=inittrace=1), for a language few libraries hold.
//
// Nothing else changed: the same names are registered (by Register, not by
// an init, so that the test can compare this copy with Bleve's own in one
// binary) and every word is stemmed as Bleve stems it
// (TestStemsAsBleve).
package hr

import "sync"

// Register adds the Croatian analyser and its filters to Bleve's registry
// under Bleve's names ("hr", "stop_hr", "stemmer_hr",
// "hr_suffix_transformation_filter"). A binary must not also import
// Bleve's package: each name can be registered once.
var Register = sync.OnceFunc(func() {
	registerStopWords()
	registerStopFilter()
	registerSuffixTransformation()
	registerStemmer()
	registerAnalyzer()
})
