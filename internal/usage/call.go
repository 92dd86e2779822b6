package usage

import (
	"maps"
	"slices"
	"sync"
	"time"
)

// maxValueLen keeps a pasted novel out of a call's form values.
const maxValueLen = 2000

// maxValues caps how many fields a call remembers; a call never has this
// many, so only hostile input reaches it.
const maxValues = 200

// maxCopies caps how many copies a call lists for the journal's quick log.
const maxCopies = 50

// Copied is one thing copied during a call: an item id and, for a matrix
// concern, the option id ("" otherwise). Ids only, never the text.
type Copied struct {
	Item   string
	Option string
}

// Call is what the agent typed into template forms during one call with a
// customer, so the name typed once fills the next form too. It lives only
// in memory: customers' details never reach the disk. A new call (asked for,
// or after an idle time without any activity) forgets them. It is safe for
// concurrent use.
type Call struct {
	mu     sync.Mutex
	values map[string]string
	copies []Copied
	last   time.Time     // last activity; zero before any
	idle   time.Duration // without activity for this long, the call is over; 0 never
}

// NewCall starts an empty call that ends after idle without activity.
func NewCall(idle time.Duration) *Call {
	return &Call{values: map[string]string{}, idle: idle}
}

// Value returns the value typed for a field during this call, or "".
func (c *Call) Value(field string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.values[field]
}

// Values returns a copy of every value typed during this call.
func (c *Call) Values() map[string]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.values)
}

// Remember keeps the non-empty values of a filled form for the rest of
// the call, and counts as activity at now.
func (c *Call) Remember(values map[string]string, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = now
	for k, v := range values {
		if v == "" || len(v) > maxValueLen {
			continue
		}
		if _, ok := c.values[k]; !ok && len(c.values) >= maxValues {
			continue
		}
		c.values[k] = v
	}
}

// RecordCopy notes that an item (and option, or "") was copied during the
// call, once each, and counts as activity at now.
func (c *Call) RecordCopy(item, option string, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = now
	cp := Copied{Item: item, Option: option}
	if slices.Contains(c.copies, cp) || len(c.copies) >= maxCopies {
		return
	}
	c.copies = append(c.copies, cp)
}

// Copies returns what was copied during this call, first copy first.
func (c *Call) Copies() []Copied {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.copies)
}

// Touch notes activity at now, so the call does not end while the agent
// works.
func (c *Call) Touch(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = now
}

// Idle reports whether the call has had no activity for its idle time by
// now. A call with no activity since it started is never idle.
func (c *Call) Idle(now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.idle > 0 && !c.last.IsZero() && now.Sub(c.last) >= c.idle
}

// Reset starts a new call: every value and copy is forgotten.
func (c *Call) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.values)
	c.copies = nil
	c.last = time.Time{}
}

// SetIdleAfter changes the idle time after which a call ends; 0 never.
func (c *Call) SetIdleAfter(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.idle = d
}
