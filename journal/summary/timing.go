package summary

import "time"

// Parts of the day, for saying when hard calls cluster in words.
var dayParts = []struct {
	name     string
	from, to int // hours, to exclusive
}{{"night", 0, 6}, {"morning", 6, 12}, {"afternoon", 12, 17}, {"evening", 17, 24}}

// The thresholds for saying hard calls cluster: enough of them in one
// slot, a real share of all hard calls, and at least twice the share of
// all calls that fall then.
const (
	minClusterHard  = 3
	minClusterShare = 0.3
	clusterLift     = 2.0
)

func timing(ps []*placed) Timing {
	var t Timing
	for _, p := range ps {
		if !p.timed {
			continue
		}
		d, h := p.t.Weekday(), p.t.Hour()
		t.All[d][h]++
		if p.e.Difficulty >= hardDifficulty {
			t.Hard[d][h]++
		}
	}
	var hardTotal, allTotal int
	for d := range 7 {
		for h := range 24 {
			hardTotal += t.Hard[d][h]
			allTotal += t.All[d][h]
		}
	}
	if hardTotal == 0 {
		return t
	}
	for d := range 7 {
		for _, part := range dayParts {
			var hard, all int
			for h := part.from; h < part.to; h++ {
				hard += t.Hard[d][h]
				all += t.All[d][h]
			}
			hardShare, allShare := float64(hard)/float64(hardTotal), float64(all)/float64(allTotal)
			if hard < minClusterHard || hardShare < minClusterShare || hardShare < clusterLift*allShare {
				continue
			}
			if t.Peak == nil || hard > t.Peak.Hard {
				t.Peak = &Slot{Weekday: time.Weekday(d), Part: part.name, Hard: hard, AllHard: hardTotal, All: all, Total: allTotal}
			}
		}
	}
	return t
}
