package packs

import "io/fs"

// Builtin is builtin, or nil when the packs folder dir has the built-in
// pack disabled: what kb.ScanLibrary should describe, so that disabling
// or enabling it counts as a change of the library.
func Builtin(builtin fs.FS, dir string) fs.FS {
	s := &Store{dir: dir}
	if st, err := s.readState(); err == nil && st.BuiltinDisabled {
		return nil
	}
	return builtin
}
