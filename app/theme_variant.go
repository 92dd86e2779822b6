package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// applyTheme follows the system unless the agent chose light or dark.
func (p *poise) applyTheme() {
	switch p.settings.Theme {
	case "light":
		p.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight, true})
	case "dark":
		p.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark, true})
	default:
		p.app.Settings().SetTheme(variantTheme{Theme: theme.DefaultTheme()})
	}
}

// variantTheme is the default theme, pinned to one variant when pinned,
// with outlines and focus that can be seen: Fyne's light checkbox and
// radio outlines are about 1.2:1 against their fill, and its focus tint
// is faint in both variants.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	pinned  bool
}

// lightOutline is the light variant's outline of fields, checkboxes and
// radio buttons: at least 3:1 against white and the fields' grey fill, as
// WCAG asks of the parts of a control one needs to see.
var lightOutline = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}

func (t variantTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.pinned {
		v = t.variant
	}
	switch n {
	case theme.ColorNameInputBorder:
		if v == theme.VariantLight {
			return lightOutline
		}
	case theme.ColorNameFocus:
		// The primary colour, half opaque: a ring one can find at a glance.
		r, g, b, _ := t.Theme.Color(theme.ColorNamePrimary, v).RGBA()
		return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x99}
	}
	return t.Theme.Color(n, v)
}
