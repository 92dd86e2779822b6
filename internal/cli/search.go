package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// searchCmd is "poise search QUERY". Owned by the search work (issue 4).
func (c *cli) searchCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "search QUERY",
		Short: "Search the guidance from the terminal",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("search is not built yet")
		},
	}
}
