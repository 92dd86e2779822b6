package kb

// ReparseNotes makes loading parse every rewritten note a second time, as
// it did before Doc.Rewrite: tests compare what the two ways load.
var ReparseNotes = &reparseNotes
