package journal

import "strings"

// isTempName reports whether name is one of atomicfile's temp files
// ("." + name + ".tmp-…"): ciphertext from an interrupted write, never the
// only copy of anything.
func isTempName(name string) bool { return strings.HasPrefix(name, ".") }
