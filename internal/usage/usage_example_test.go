package usage_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/poisehq/poise/internal/usage"
)

func Example() {
	dir, _ := os.MkdirTemp("", "poise-usage-")
	defer os.RemoveAll(dir)
	s, _ := usage.Open(filepath.Join(dir, usage.FileName))

	s.SetFavourite("builtin/matrix/late-delivery", true)
	s.RecordCopy("builtin/statements/angry#1", time.Now())

	// A customer's name lives only as long as the call.
	call := usage.NewCall(15 * time.Minute)
	call.Remember(map[string]string{"customer_name": "Ana"}, time.Now())
	fmt.Println(s.Defaults())
	fmt.Println(call.Value("customer_name"))
	call.Reset()
	fmt.Printf("%q\n", call.Value("customer_name"))
	// Output:
	// [builtin/matrix/late-delivery builtin/statements/angry#1]
	// Ana
	// ""
}
