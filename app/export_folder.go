package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/internal/datadir"
)

// saveToFolder asks for a folder and writes data there as name, refusing
// Poise's own data folder (outsideHint says where to choose instead). A
// folder picker, not a save dialog: Fyne's save dialog empties the chosen
// file before Poise sees its name, so a slip into the data folder could
// wipe the journal's key. Poise names the file, as the CLI's --out does.
// saved runs with the written path.
func (p *poise) saveToFolder(name string, data []byte, outsideHint string, saved func(path string)) {
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		path := filepath.Join(dir.Path(), name)
		if datadir.Contains(p.dataDir, path) {
			p.showError(fmt.Errorf("%s is inside Poise's data folder", path), outsideHint)
			return
		}
		if werr := atomicfile.Write(path, data, 0o600); werr != nil {
			p.showError(werr, "The export could not be written. Choose another folder and try again.")
			return
		}
		saved(path)
	}, p.win)
	fd.Show()
}
