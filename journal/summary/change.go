package summary

import "math"

// alpha is the chance of calling a change real when it is noise, shared
// over every name tested in one summary (Bonferroni), so a journal of
// random calls yields no "doubled" headlines.
const alpha = 0.05

// binomTail is P(X ≥ k) for X ~ Binomial(n, p).
func binomTail(k, n int, p float64) float64 {
	if k <= 0 {
		return 1
	}
	if k > n {
		return 0
	}
	sum := 0.0
	for i := k; i <= n; i++ {
		sum += math.Exp(logChoose(n, i) + float64(i)*math.Log(p) + float64(n-i)*math.Log1p(-p))
	}
	return math.Min(sum, 1)
}

func logChoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}

// shifted reports whether cur, this month's count, stands clearly above
// (up) or below (!up) the three months before, whose total is base: with
// no change, each of the four months' calls is as likely to fall in this
// one, so cur ~ Binomial(cur+base, 1/4). tests is how many counts the
// summary tests at once.
func shifted(cur, base, tests int, up bool) bool {
	n := cur + base
	if n == 0 || tests < 1 {
		return false
	}
	level := alpha / float64(tests)
	if up {
		return binomTail(cur, n, 0.25) < level
	}
	// Fewer than expected: P(X ≤ cur) = P(n-X ≥ n-cur), n-X ~ Bin(n, 3/4).
	return binomTail(n-cur, n, 0.75) < level
}
