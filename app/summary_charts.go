package app

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chart is a picture drawn with the Fyne canvas from theme colours. It is
// redrawn on every layout and refresh, so a theme switch recolours it and
// it fits whatever width the window gives it.
type chart struct {
	widget.BaseWidget
	height float32
	draw   func(size fyne.Size) []fyne.CanvasObject
}

func newChart(height float32, draw func(size fyne.Size) []fyne.CanvasObject) *chart {
	c := &chart{height: height, draw: draw}
	c.ExtendBaseWidget(c)
	return c
}

func (c *chart) CreateRenderer() fyne.WidgetRenderer { return &chartRenderer{c: c} }

type chartRenderer struct {
	c    *chart
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *chartRenderer) Layout(size fyne.Size) {
	r.size = size
	r.objs = r.c.draw(size)
}
func (r *chartRenderer) MinSize() fyne.Size           { return fyne.NewSize(240, r.c.height) }
func (r *chartRenderer) Refresh()                     { r.Layout(r.size); canvas.Refresh(r.c) }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *chartRenderer) Destroy()                     {}

func themeColor(n fyne.ThemeColorName) color.Color { return theme.Color(n) }

// withAlpha scales a colour's opacity, for lighter shades of one hue.
func withAlpha(c color.Color, a float64) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(math.Round(255 * a))}
}

func chartText(s string, at fyne.Position, align fyne.TextAlign, width float32) *canvas.Text {
	t := canvas.NewText(s, themeColor(theme.ColorNameForeground))
	t.TextSize = theme.CaptionTextSize()
	t.Alignment = align
	t.Move(at)
	t.Resize(fyne.NewSize(width, t.MinSize().Height))
	return t
}

func rect(c color.Color, at fyne.Position, size fyne.Size) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.Move(at)
	r.Resize(size)
	return r
}

// bar is one row of a bar chart: a value and, thinner below, the one it is
// compared with (the month before, say).
type bar struct {
	label       string
	value, prev int
}

const barRow = 26

// newBarChart draws horizontal bars with their counts, so no one has to
// read a length to know a number. The legends name the value and the
// compared value, shown in brackets.
func newBarChart(bars []bar, valueName, prevName string) fyne.CanvasObject {
	h := float32(len(bars)*barRow + 22)
	return newChart(h, func(size fyne.Size) []fyne.CanvasObject {
		var objs []fyne.CanvasObject
		max := 1
		for _, b := range bars {
			max = maxInt(max, b.value, b.prev)
		}
		labelW := min(size.Width*0.38, 170)
		valueW := float32(64)
		barW := size.Width - labelW - valueW - 8
		// The compared value is the text colour, faded: grey on either theme,
		// dark enough to see on white.
		fg, primary := themeColor(theme.ColorNameForeground), themeColor(theme.ColorNamePrimary)
		faint := withAlpha(fg, 0.4)
		for i, b := range bars {
			y := float32(i * barRow)
			objs = append(objs, chartText(b.label, fyne.NewPos(0, y+2), fyne.TextAlignTrailing, labelW-6))
			w := barW * float32(b.value) / float32(max)
			objs = append(objs, rect(primary, fyne.NewPos(labelW, y+3), fyne.NewSize(max32(w, 1), 13)))
			pw := barW * float32(b.prev) / float32(max)
			objs = append(objs, rect(faint, fyne.NewPos(labelW, y+18), fyne.NewSize(max32(pw, 1), 4)))
			v := chartText(fmt.Sprintf("%d (%d)", b.value, b.prev), fyne.NewPos(labelW+w+4, y+2), fyne.TextAlignLeading, valueW)
			v.Color = fg
			objs = append(objs, v)
		}
		y := float32(len(bars) * barRow)
		// The legend starts under the labels when there is room for it.
		lx := max32(0, min(labelW, size.Width-290))
		objs = append(objs, rect(primary, fyne.NewPos(lx, y+6), fyne.NewSize(12, 8)),
			chartText(valueName, fyne.NewPos(lx+16, y+1), fyne.TextAlignLeading, 90),
			rect(faint, fyne.NewPos(lx+110, y+8), fyne.NewSize(12, 4)),
			chartText("(in brackets) "+prevName, fyne.NewPos(lx+126, y+1), fyne.TextAlignLeading, 160))
		return objs
	})
}

func maxInt(a int, bs ...int) int {
	for _, b := range bs {
		if b > a {
			a = b
		}
	}
	return a
}

func max32(a, b float32) float32 {
	if a > b {
		return a
	}
	return b
}

// linePoint is one month of a line chart; ok is false for a month with no
// value, which breaks the line rather than drawing a zero.
type linePoint struct {
	label         string
	before, after float64
	ok            bool
}

// newStressChart draws stress before and after calls, on the 1–5 scale,
// month by month.
func newStressChart(pts []linePoint) fyne.CanvasObject {
	return newChart(190, func(size fyne.Size) []fyne.CanvasObject {
		var objs []fyne.CanvasObject
		left, top, bottom := float32(24), float32(8), float32(40)
		plotH := size.Height - top - bottom
		plotW := size.Width - left - 8
		faint := withAlpha(themeColor(theme.ColorNameForeground), 0.25)
		before, after := themeColor(theme.ColorNameError), themeColor(theme.ColorNamePrimary)
		yOf := func(v float64) float32 { return top + plotH*float32(5-v)/4 }
		for v := 1; v <= 5; v++ {
			y := yOf(float64(v))
			l := canvas.NewLine(faint)
			l.Position1, l.Position2 = fyne.NewPos(left, y), fyne.NewPos(left+plotW, y)
			objs = append(objs, l, chartText(fmt.Sprint(v), fyne.NewPos(0, y-8), fyne.TextAlignTrailing, left-6))
		}
		n := len(pts)
		xOf := func(i int) float32 { return left + plotW*(float32(i)+0.5)/float32(n) }
		for i, p := range pts {
			objs = append(objs, chartText(p.label, fyne.NewPos(xOf(i)-20, top+plotH+4), fyne.TextAlignCenter, 40))
		}
		for _, series := range []struct {
			c   color.Color
			val func(linePoint) float64
		}{{before, func(p linePoint) float64 { return p.before }}, {after, func(p linePoint) float64 { return p.after }}} {
			for i, p := range pts {
				if !p.ok {
					continue
				}
				x, y := xOf(i), yOf(series.val(p))
				if i > 0 && pts[i-1].ok {
					l := canvas.NewLine(series.c)
					l.StrokeWidth = 2
					l.Position1, l.Position2 = fyne.NewPos(xOf(i-1), yOf(series.val(pts[i-1]))), fyne.NewPos(x, y)
					objs = append(objs, l)
				}
				dot := canvas.NewCircle(series.c)
				dot.Move(fyne.NewPos(x-3.5, y-3.5))
				dot.Resize(fyne.NewSize(7, 7))
				objs = append(objs, dot)
			}
		}
		ly := size.Height - 16
		objs = append(objs, rect(before, fyne.NewPos(left, ly+5), fyne.NewSize(14, 3)),
			chartText("stress before calls", fyne.NewPos(left+18, ly-1), fyne.TextAlignLeading, 140),
			rect(after, fyne.NewPos(left+160, ly+5), fyne.NewSize(14, 3)),
			chartText("after", fyne.NewPos(left+178, ly-1), fyne.TextAlignLeading, 60))
		return objs
	})
}

// newGrid draws a heat grid: rows × columns of cells whose strength is
// value/max, with the column labels given every few columns. cell
// returns the cell's strong value and its faint one (hard calls and all
// calls), so a reader sees where hard calls fall against all calls.
func newGrid(rows, cols []string, cell func(r, c int) (strong, faint int)) fyne.CanvasObject {
	const rowH = 20
	h := float32(len(rows)*rowH + 40)
	return newChart(h, func(size fyne.Size) []fyne.CanvasObject {
		var objs []fyne.CanvasObject
		left := float32(90)
		cw := (size.Width - left - 4) / float32(len(cols))
		maxS, maxF := 1, 1
		for r := range rows {
			for c := range cols {
				s, f := cell(r, c)
				maxS, maxF = maxInt(maxS, s), maxInt(maxF, f)
			}
		}
		strong, faint := themeColor(theme.ColorNameError), themeColor(theme.ColorNameForeground)
		for r, name := range rows {
			y := float32(r * rowH)
			objs = append(objs, chartText(name, fyne.NewPos(0, y+1), fyne.TextAlignTrailing, left-6))
			for c := range cols {
				s, f := cell(r, c)
				x := left + float32(c)*cw
				if f > 0 {
					objs = append(objs, rect(withAlpha(faint, 0.08+0.3*float64(f)/float64(maxF)), fyne.NewPos(x+1, y+1), fyne.NewSize(cw-2, rowH-2)))
				}
				if s > 0 {
					objs = append(objs, rect(withAlpha(strong, 0.35+0.65*float64(s)/float64(maxS)), fyne.NewPos(x+3, y+3), fyne.NewSize(cw-6, rowH-6)))
				}
			}
		}
		y := float32(len(rows) * rowH)
		for c, name := range cols {
			if name != "" {
				objs = append(objs, chartText(name, fyne.NewPos(left+float32(c)*cw, y+2), fyne.TextAlignLeading, 40))
			}
		}
		return objs
	})
}
