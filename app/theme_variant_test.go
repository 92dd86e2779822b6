package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is WCAG's relative luminance of c over white.
func luminance(c color.Color) float64 {
	r, g, b, a := c.RGBA()
	lin := func(v uint32) float64 {
		// Blend over white by alpha, then linearise the sRGB value.
		s := (float64(v) + float64(0xffff-a)) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestLightOutlinesCanBeSeen guards issue 16: in the light theme the
// outline of checkboxes, radio buttons and fields stands out at least
// 3:1 from the page and from the fields' fill (it was about 1.2:1).
func TestLightOutlinesCanBeSeen(t *testing.T) {
	for _, th := range []fyne.Theme{
		variantTheme{theme.DefaultTheme(), theme.VariantLight, true},
		variantTheme{Theme: theme.DefaultTheme()}, // following a light system
	} {
		outline := th.Color(theme.ColorNameInputBorder, theme.VariantLight)
		for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
			if c := contrast(outline, th.Color(bg, theme.VariantLight)); c < 3 {
				t.Errorf("outline against %s: %.2f:1, want at least 3:1", bg, c)
			}
		}
	}
}
