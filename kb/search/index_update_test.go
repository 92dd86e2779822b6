package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/poisehq/poise/kb"
)

// packsOnDisk is a packs folder with two packs written as files, opened
// as the app opens it: scanned, loaded and indexed on disk with its state.
type packsOnDisk struct {
	t     *testing.T
	src   Packs
	index string
}

func newPacksOnDisk(t *testing.T) *packsOnDisk {
	t.Helper()
	root := t.TempDir()
	d := &packsOnDisk{t: t, src: Packs{Dir: filepath.Join(root, "packs")}, index: filepath.Join(root, "index")}
	d.write("team/pack.toml", "id = \"team\"\nname = \"Team\"\nversion = \"1.0.0\"\n")
	d.write("team/guides/refunds.md", "---\ntitle: Refunds\ntags: [money]\n---\nHow refunds go.\n\n## Late refund\nWhen the refund is late, say sorry and chase it.\n\n## Partial refund\nExplain the partial amount.\n")
	d.write("team/guides/shipping.md", "---\ntitle: Shipping\n---\nParcels and couriers.\n\n## Lost parcel\nOpen a trace with the courier.\n")
	d.write("team/statements/calm.md", "---\ntitle: Calm words\n---\n- I hear how frustrating this is.\n- Let me fix this with you now.\n")
	d.write("notes/pack.toml", "id = \"notes\"\nname = \"Notes\"\nversion = \"1.0.0\"\n")
	d.write("notes/guides/greeting.md", "---\ntitle: Greeting\n---\nSay hello warmly.\n\n## Morning\nGood morning, thanks for calling.\n")
	return d
}

func (d *packsOnDisk) write(rel, body string) {
	d.t.Helper()
	p := filepath.Join(d.src.Dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		d.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		d.t.Fatal(err)
	}
}

func (d *packsOnDisk) remove(rel string) {
	d.t.Helper()
	if err := os.RemoveAll(filepath.Join(d.src.Dir, filepath.FromSlash(rel))); err != nil {
		d.t.Fatal(err)
	}
}

// load scans and loads the packs folder as it is now.
func (d *packsOnDisk) load() (*kb.Library, *kb.LibraryState) {
	d.t.Helper()
	st, err := kb.ScanLibrary(d.src.Builtin, d.src.Dir, nil)
	if err != nil {
		d.t.Fatal(err)
	}
	lib, err := kb.LoadLibrary(d.src.Builtin, d.src.Dir)
	if err != nil {
		d.t.Fatal(err)
	}
	return lib, st
}

func (d *packsOnDisk) open() *Index {
	d.t.Helper()
	lib, st := d.load()
	ix, err := Open(d.index, lib, Options{State: st})
	if err != nil {
		d.t.Fatal(err)
	}
	d.t.Cleanup(func() { ix.Close() })
	return ix
}

// answers is what an index says to a few queries: hit ids, totals and
// kind and pack counts, in a form two indexes can be compared by.
func answers(t *testing.T, ix *Index) string {
	t.Helper()
	out := ""
	for _, q := range []string{"refund", "late refund", "parcel", "courier", "hello", "morning", "frustrating", "partial", "newly", "voucher"} {
		res, err := ix.Search(context.Background(), Query{Text: q + " ", Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID+"|"+h.Title)
		}
		slices.Sort(ids)
		out += fmt.Sprintf("%s: %d %v kinds=%v packs=%v\n", q, res.Total, ids, res.Facets.Kinds, res.Facets.Packs)
	}
	return out
}

// sameAsFresh checks that ix answers exactly as an index built afresh
// from the packs folder as it is now.
func (d *packsOnDisk) sameAsFresh(ix *Index) {
	d.t.Helper()
	lib, _ := d.load()
	fresh, err := OpenMemory(lib)
	if err != nil {
		d.t.Fatal(err)
	}
	defer fresh.Close()
	if got, want := answers(d.t, ix), answers(d.t, fresh); got != want {
		d.t.Errorf("updated index answers\n%s\nan index built afresh answers\n%s", got, want)
	}
}

func foundIDs(t *testing.T, ix *Index, text string) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), Query{Text: text, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestUpdateFilesReindexesOnlyThoseFiles(t *testing.T) {
	d := newPacksOnDisk(t)
	ix := d.open()
	d.write("team/guides/shipping.md", "---\ntitle: Shipping\n---\nParcels and couriers.\n\n## Lost parcel\nOpen a trace with the courier.\n\n## Newly damaged parcel\nAsk for a photo of the box.\n")
	if err := ix.UpdateFiles(context.Background(), d.src, "team", []string{"guides/shipping.md"}); err != nil {
		t.Fatal(err)
	}
	// The guide (its intro lists nothing new, but its sections did
	// change) and the new section; nothing of the other files.
	if indexed, deleted := ix.lastChange(); indexed != 2 || deleted != 0 {
		t.Errorf("indexed %d and deleted %d documents, want 2 (the guide and its new section) and 0", indexed, deleted)
	}
	if got := foundIDs(t, ix, "newly damaged"); !slices.Contains(got, "team/guides/shipping#newly-damaged-parcel") {
		t.Errorf("new section not found: %v", got)
	}
	d.sameAsFresh(ix)
	if it, ok := ix.Library().Item("team/guides/shipping#newly-damaged-parcel"); !ok || it.Title != "Newly damaged parcel" {
		t.Errorf("the index's library lacks the new section: %v %v", it, ok)
	}
}

func TestUpdateFilesDeletedAndRenamed(t *testing.T) {
	d := newPacksOnDisk(t)
	ix := d.open()
	d.remove("team/statements/calm.md")
	if err := ix.UpdateFiles(context.Background(), d.src, "team", []string{"statements/calm.md"}); err != nil {
		t.Fatal(err)
	}
	if got := foundIDs(t, ix, "frustrating"); len(got) != 0 {
		t.Errorf("deleted file's items still found: %v", got)
	}
	d.sameAsFresh(ix)

	body, err := os.ReadFile(filepath.Join(d.src.Dir, "team", "guides", "refunds.md"))
	if err != nil {
		t.Fatal(err)
	}
	d.remove("team/guides/refunds.md")
	d.write("team/guides/money-back.md", string(body))
	if err := ix.UpdateFiles(context.Background(), d.src, "team", []string{"guides/refunds.md", "guides/money-back.md"}); err != nil {
		t.Fatal(err)
	}
	got := foundIDs(t, ix, "partial refund")
	if !slices.Contains(got, "team/guides/money-back#partial-refund") || slices.Contains(got, "team/guides/refunds#partial-refund") {
		t.Errorf("after the rename hits are %v, want the new id only", got)
	}
	d.sameAsFresh(ix)
}

func TestUpdatePackRemovedAddedAndChanged(t *testing.T) {
	d := newPacksOnDisk(t)
	ix := d.open()
	ctx := context.Background()

	d.remove("notes")
	if err := ix.UpdatePack(ctx, d.src, "notes"); err != nil {
		t.Fatal(err)
	}
	if got := foundIDs(t, ix, "morning"); len(got) != 0 {
		t.Errorf("removed pack still found: %v", got)
	}
	d.sameAsFresh(ix)

	d.write("extra/pack.toml", "id = \"extra\"\nname = \"Extra\"\nversion = \"1.0.0\"\n")
	d.write("extra/guides/vouchers.md", "---\ntitle: Vouchers\n---\nWhen a voucher code fails.\n")
	if err := ix.UpdatePack(ctx, d.src, "extra"); err != nil {
		t.Fatal(err)
	}
	if got := foundIDs(t, ix, "voucher"); !slices.Contains(got, "extra/guides/vouchers") {
		t.Errorf("added pack not found: %v", got)
	}
	d.sameAsFresh(ix)

	// A new version of team changing one file: only that file's items.
	d.write("team/pack.toml", "id = \"team\"\nname = \"Team\"\nversion = \"1.1.0\"\n")
	d.write("team/guides/shipping.md", "---\ntitle: Shipping\n---\nParcels and couriers, newly.\n\n## Lost parcel\nOpen a trace with the courier.\n")
	if err := ix.UpdatePack(ctx, d.src, "team"); err != nil {
		t.Fatal(err)
	}
	if indexed, deleted := ix.lastChange(); indexed != 1 || deleted != 0 {
		t.Errorf("indexed %d, deleted %d documents; want only the changed guide", indexed, deleted)
	}
	d.sameAsFresh(ix)
}

// After an update the recorded state is the library's, so the next start
// opens the index without loading anything, and answers the new content.
func TestUpdateRecordsStateForNextStart(t *testing.T) {
	d := newPacksOnDisk(t)
	ix := d.open()
	d.write("team/guides/shipping.md", "---\ntitle: Shipping\n---\nParcels, couriers and newly drones.\n")
	if err := ix.UpdateFiles(context.Background(), d.src, "team", []string{"guides/shipping.md"}); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	st, err := kb.ScanLibrary(nil, d.src.Dir, RecordedState(d.index))
	if err != nil {
		t.Fatal(err)
	}
	cur, err := OpenCurrent(d.index, st, Options{})
	if err != nil {
		t.Fatalf("OpenCurrent after an update: %v", err)
	}
	defer cur.Close()
	if got := foundIDs(t, cur, "drones"); !slices.Equal(got, []string{"team/guides/shipping"}) {
		t.Errorf("hits %v", got)
	}
}

// An update in place whose record was not written (the process killed
// between the two) leaves an index that no longer matches the record:
// it is refused, and opening with the library rebuilds it right.
func TestInterruptedUpdateIsNotServed(t *testing.T) {
	d := newPacksOnDisk(t)
	ix := d.open()
	_, before := d.load()
	saved, err := os.ReadFile(filepath.Join(d.index, recordName))
	if err != nil {
		t.Fatal(err)
	}
	d.write("team/guides/shipping.md", "---\ntitle: Shipping\n---\nNewly changed words.\n")
	if err := ix.UpdateFiles(context.Background(), d.src, "team", []string{"guides/shipping.md"}); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if err := os.WriteFile(filepath.Join(d.index, recordName), saved, 0o600); err != nil {
		t.Fatal(err)
	}
	if cur, err := OpenCurrent(d.index, before, Options{}); !errors.Is(err, ErrStale) {
		if cur != nil {
			cur.Close()
		}
		t.Fatalf("OpenCurrent with the record of before the update: %v, want ErrStale", err)
	}
	ix = d.open()
	d.sameAsFresh(ix)

	// A record cut short is no record.
	ix.Close()
	if err := os.WriteFile(filepath.Join(d.index, recordName), saved[:len(saved)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	_, now := d.load()
	if _, err := OpenCurrent(d.index, now, Options{}); !errors.Is(err, ErrStale) {
		t.Fatalf("OpenCurrent with a truncated record: %v, want ErrStale", err)
	}
	ix = d.open()
	d.sameAsFresh(ix)
}

// UpdateLibrary with a whole library indexes only the items that differ.
func TestUpdateLibraryIndexesOnlyChangedItems(t *testing.T) {
	d := newPacksOnDisk(t)
	ix := d.open()
	d.write("notes/guides/greeting.md", "---\ntitle: Greeting\n---\nSay hello warmly.\n\n## Morning\nGood morning, thanks for calling newly.\n")
	lib, st := d.load()
	if err := ix.UpdateLibrary(context.Background(), lib, st); err != nil {
		t.Fatal(err)
	}
	// The section, and its guide, whose body (shown and stored) holds it.
	if indexed, deleted := ix.lastChange(); indexed != 2 || deleted != 0 {
		t.Errorf("indexed %d, deleted %d; want the changed section and its guide", indexed, deleted)
	}
	d.sameAsFresh(ix)
	if got := indexDirs(t, d.index); len(got) != 2 { // the index and its record
		t.Errorf("index folder holds %v", got)
	}
}

// Packs changed while nothing had the index open (a pack added, one
// removed, a file edited): Sync, from the recorded index and a scan,
// brings it up to date reading only those, and the next start opens it
// at once.
func TestSyncAfterChangesWhileClosed(t *testing.T) {
	d := newPacksOnDisk(t)
	d.open().Close()
	d.remove("notes")
	d.write("extra/pack.toml", "id = \"extra\"\nname = \"Extra\"\nversion = \"1.0.0\"\n")
	d.write("extra/guides/vouchers.md", "---\ntitle: Vouchers\n---\nWhen a voucher code fails.\n")
	d.write("team/guides/shipping.md", "---\ntitle: Shipping\n---\nParcels newly by drone.\n")
	// A plain folder whose name is not its id.
	d.write("My Notes/partial.md", "# Partial\n\nA partial note.\n")

	st, err := kb.ScanLibrary(nil, d.src.Dir, RecordedState(d.index))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenCurrent(d.index, st, Options{}); !errors.Is(err, ErrStale) {
		t.Fatalf("OpenCurrent after changes: %v, want ErrStale", err)
	}
	ix, err := OpenRecorded(d.index, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Sync(context.Background(), d.src, st); err != nil {
		t.Fatal(err)
	}
	if ix.Library() != nil {
		t.Error("Sync loaded the library; want only the changed packs read")
	}
	d.sameAsFresh(ix)
	if got := foundIDs(t, ix, "partial note"); !slices.Contains(got, "my-notes/partial") {
		t.Errorf("plain folder's note not found: %v", got)
	}
	ix.Close()
	cur, err := OpenCurrent(d.index, st, Options{})
	if err != nil {
		t.Fatalf("OpenCurrent after Sync: %v", err)
	}
	cur.Close()
}

// TestUpdateFilesSeesChangedAliases: a note whose only change is its
// aliases (which rank as its title) is indexed again; its digest once
// left them out, and the old names kept finding it.
func TestUpdateFilesSeesChangedAliases(t *testing.T) {
	d := newPacksOnDisk(t)
	d.write("vault/returns.md", "---\naliases: [Parcel desk]\n---\nWhere goods come back.\n")
	ix := d.open()
	if ids := foundIDs(t, ix, "desk"); len(ids) != 1 {
		t.Fatalf("desk finds %v, want the note", ids)
	}
	d.write("vault/returns.md", "---\naliases: [Money counter]\n---\nWhere goods come back.\n")
	if err := ix.UpdateFiles(context.Background(), d.src, "vault", []string{"returns.md"}); err != nil {
		t.Fatal(err)
	}
	if ids := foundIDs(t, ix, "counter"); len(ids) != 1 {
		t.Errorf("after the aliases changed, counter finds %v, want the note", ids)
	}
	if ids := foundIDs(t, ix, "desk"); len(ids) != 0 {
		t.Errorf("after the aliases changed, desk still finds %v", ids)
	}
	d.sameAsFresh(ix)
}
