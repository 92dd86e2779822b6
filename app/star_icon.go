package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// starIcon is a five-pointed star for the Star button (Fyne's theme has
// none, and a check mark read as "done"). Drawn here, themed like the
// built-in icons so it follows light and dark.
var starIcon = theme.NewThemedResource(fyne.NewStaticResource("star.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><polygon fill="#000000" points="12.00,2.80 14.47,9.40 21.51,9.71 15.99,14.10 17.88,20.89 12.00,17.00 6.12,20.89 8.01,14.10 2.49,9.71 9.53,9.40"/></svg>`)))
