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
	s.RememberValues(map[string]string{"customer_name": "Ana"})

	fmt.Println(s.Defaults())
	fmt.Println(s.Value("customer_name"))
	// Output:
	// [builtin/matrix/late-delivery builtin/statements/angry#1]
	// Ana
}
