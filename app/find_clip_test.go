package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestClipWithNoRoom guards a crash: a narrow result row whose "N more
// like this" note is longer than the room left asked clip for a negative
// length, and the Find list panicked.
func TestClipWithNoRoom(t *testing.T) {
	for _, n := range []int{-20, 0, 1} {
		if got, _ := clip("Has had to explain their needs too many times", nil, n); got == "" {
			t.Errorf("clip(…, %d) = %q", n, got)
		}
	}
}

// A row's text with no space to cut at (Chinese, Japanese) is cut between
// letters, never inside one: the Find list showed "修改同�� …" for the
// obsidian-help vault's Chinese pages, the bytes of a half letter.
func TestClipKeepsWholeLetters(t *testing.T) {
	const text = "选择在同步前在多个设备上修改同一文件时如何解决冲突。"
	for n := 1; n < len(text); n++ {
		got, _ := clip(text, nil, n)
		if !utf8.ValidString(got) || !strings.HasPrefix(text, strings.TrimSuffix(got, " …")) {
			t.Fatalf("clip(…, %d) = %q", n, got)
		}
	}
	if got, _ := clip("Obsidian Sync 包含一个详细的同步日志，用于跟踪本地文件与远程仓库之间的所有交互。", nil, 40); !utf8.ValidString(got) {
		t.Errorf("clip at a space = %q", got)
	}
}
