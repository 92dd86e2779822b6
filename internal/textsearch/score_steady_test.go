package textsearch

import "testing"

// One item's score on the one-segment index on disk and on the in-memory
// index of the same library differs in its last bits, Bleve adding a
// query's clauses up in an order that depends on how the index is cut into
// segments: measured on the issue 10 vault ("canvas"). Steadied, the two
// are equal, so hits of equal score are ordered by id on both, and a
// larger difference still orders them.
func TestSteadyScoreForgetsTheLastBits(t *testing.T) {
	for _, pair := range [][2]float64{
		{0.57009326732123522, 0.57009326732123533},
		{0.044068188809249044, 0.044068188809249037},
		{0.75744485592788569, 0.75744485592788557},
		{4.452555, 4.452555000000001},
	} {
		if a, b := steadyScore(pair[0]), steadyScore(pair[1]); a != b {
			t.Errorf("steadyScore(%.17g) = %.17g, steadyScore(%.17g) = %.17g; want them equal", pair[0], a, pair[1], b)
		}
	}
	if a, b := steadyScore(0.3654), steadyScore(0.3655); a >= b {
		t.Errorf("steadyScore(0.3654) = %v, not below steadyScore(0.3655) = %v", a, b)
	}
	if s := steadyScore(0.365413); s < 0.3654129 || s > 0.3654131 {
		t.Errorf("steadyScore(0.365413) = %v, want it within 1e-7", s)
	}
}
