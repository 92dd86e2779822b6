package cli

import "github.com/spf13/cobra"

// packCmd is "poise pack …". Owned by the knowledge-base work (issue 3).
func (c *cli) packCmd() *cobra.Command {
	return groupCmd("pack", "Check, install and manage content packs")
}
