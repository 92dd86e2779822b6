package journal

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A damaged recovery copy is noticed while the passphrase still works, and
// Rekey writes a fresh one whose new key recovers the journal (item 4).
func TestDamagedRecoveryCopyIsNoticedAndReplaced(t *testing.T) {
	j, oldKey := newTestJournal(t)
	e, err := j.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	if err := j.CheckRecoveryCopy(); err != nil {
		t.Fatalf("intact copy: %v", err)
	}
	path := filepath.Join(j.Dir(), escrowFile)
	data, _ := os.ReadFile(path)
	data[len(data)-7] ^= 0x20
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	j.Lock()
	if err := j.Unlock(testPass); err != nil {
		t.Fatalf("the passphrase should still work: %v", err)
	}
	if err := j.CheckRecoveryCopy(); !errors.Is(err, ErrRecoveryCopyDamaged) {
		t.Fatalf("damaged copy: err = %v, want ErrRecoveryCopyDamaged", err)
	}
	if _, err := j.Rekey("not the passphrase"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("Rekey with a wrong passphrase: %v", err)
	}
	newKey, err := j.Rekey(testPass)
	if err != nil {
		t.Fatal(err)
	}
	if newKey == oldKey {
		t.Fatal("Rekey kept the old key")
	}
	if err := j.CheckRecoveryCopy(); err != nil {
		t.Errorf("after Rekey: %v", err)
	}
	j.Lock()
	if err := j.Recover(oldKey, "another long one"); !errors.Is(err, ErrWrongRecoveryKey) {
		t.Errorf("the old key still recovers: %v", err)
	}
	if err := j.Recover(newKey, "another long one"); err != nil {
		t.Fatalf("the new key does not recover: %v", err)
	}
	if _, err := j.Entry(e.ID); err != nil {
		t.Error(err)
	}
	if err := j.CheckRecoveryCopy(); err != nil {
		t.Errorf("after recovery with the new key: %v", err)
	}
	if ps := j.Problems(); len(ps) != 0 {
		t.Errorf("problems after Rekey: %v", ps)
	}
}

func TestMissingRecoveryCopyIsNoticed(t *testing.T) {
	j, _ := newTestJournal(t)
	if err := os.Remove(filepath.Join(j.Dir(), escrowFile)); err != nil {
		t.Fatal(err)
	}
	if err := j.CheckRecoveryCopy(); !errors.Is(err, ErrRecoveryCopyMissing) {
		t.Errorf("err = %v, want ErrRecoveryCopyMissing", err)
	}
	if _, err := j.Rekey(testPass); err != nil {
		t.Fatal(err)
	}
	if err := j.CheckRecoveryCopy(); err != nil {
		t.Error(err)
	}
}
