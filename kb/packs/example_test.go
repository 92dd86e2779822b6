package packs_test

import (
	"fmt"

	"github.com/poisehq/poise/kb/packs"
)

func ExampleParseSource() {
	for _, s := range []string{
		"https://intranet.example/packs/acme.poisepack",
		"https://git.example/acme/playbook.git",
		"http://intranet.example/packs/acme.poisepack",
	} {
		src, err := packs.ParseSource(s, "")
		if err != nil {
			fmt.Println("refused:", err)
			continue
		}
		fmt.Println(src.Kind, src.Location)
	}
	// Output:
	// https https://intranet.example/packs/acme.poisepack
	// git https://git.example/acme/playbook.git
	// refused: pack address "http://intranet.example/packs/acme.poisepack" is not https; packs are only fetched over https
}
