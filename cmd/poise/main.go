// Command poise is the Poise desktop app and its command line. With no
// arguments it opens the window; subcommands serve scripts and terminals.
package main

import (
	"os"

	"github.com/poisehq/poise/app"
	"github.com/poisehq/poise/internal/cli"
	_ "github.com/poisehq/poise/internal/quitsignal" // from the start: see its package comment
	_ "github.com/poisehq/poise/internal/startgc"    // before the other inits: see its package comment
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Env{
		Stdin:   os.Stdin,
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Version: version,
		OpenGUI: func(dataDir string) error {
			return app.Run(app.Config{DataDir: dataDir, Version: version})
		},
	}))
}
