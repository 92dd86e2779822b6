package packs

// A reload of a pack after an edit outside Poise reads its changed files
// on top of the library, and the description of its files (the kept copy
// is kept for that description, KeptLoad), as they were when it began.
// Two at once (two quick edits the pack watcher reports apart) both began
// from the state before either: the later one put in took the earlier
// one's edit back out of the library, and its description no longer
// followed from the one in use, so the pack's kept copy was dropped and
// the next start parsed the pack again. So the reloads of one pack run one
// after another, each from what the one before it left.

// ReloadQueue runs the reloads of each pack folder one at a time, in the
// order asked. It is not safe for concurrent use: the app calls it from
// its UI goroutine, where a reload's result is put in.
type ReloadQueue struct {
	waiting map[string][]func() // by pack folder; present while one runs
}

// Run runs reload now if no reload of pack folder dir is running, or else
// once those asked before it are Done. reload calls Done(dir) once its
// result is in the library, whether it loaded or failed.
func (q *ReloadQueue) Run(dir string, reload func()) {
	if q.waiting == nil {
		q.waiting = map[string][]func(){}
	}
	if waiting, running := q.waiting[dir]; running {
		q.waiting[dir] = append(waiting, reload)
		return
	}
	q.waiting[dir] = nil
	reload()
}

// Done says the running reload of pack folder dir is in, and runs the
// next one waiting, if any.
func (q *ReloadQueue) Done(dir string) {
	waiting, running := q.waiting[dir]
	if !running {
		return
	}
	if len(waiting) == 0 {
		delete(q.waiting, dir)
		return
	}
	next := waiting[0]
	q.waiting[dir] = waiting[1:]
	next()
}
