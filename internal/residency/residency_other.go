//go:build !linux

package residency

func dropMapped(string) (int64, error) { return 0, nil }
func dropProgramPages() (int64, error) { return 0, nil }
