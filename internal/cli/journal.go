package cli

import "github.com/spf13/cobra"

// journalCmd is "poise journal …". Owned by the journal work (issue 6).
func (c *cli) journalCmd() *cobra.Command {
	return groupCmd("journal", "Write and read your private journal")
}
