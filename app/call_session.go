package app

import "time"

// callIdleCheck is how often the idle time of a call is checked.
const callIdleCheck = 30 * time.Second

// startNewCall is the New call key: the last customer's details and the
// filters chosen for them are forgotten, and Find is ready for the next.
func (p *poise) startNewCall() {
	p.newCall("New call: the last customer's details are cleared.")
	p.quickFind()
}

// newCall forgets what the last call typed and filtered, then says so.
func (p *poise) newCall(msg string) {
	if p.find != nil {
		p.find.newCall()
	}
	// After Find's reset, which counts as activity, so an idle call is not
	// ended again and again.
	p.call.Reset()
	p.toast(msg)
}

// endIdleCall starts a new call when the agent has been idle for the
// time set in Settings.
func (p *poise) endIdleCall() {
	if p.call.Idle(p.now()) {
		p.newCall("New call: the last customer's details were cleared after a quiet spell.")
	}
}

// watchCallIdle checks for an idle call until the returned func is called.
func (p *poise) watchCallIdle() (stop func()) {
	t := time.NewTicker(callIdleCheck)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				p.do(p.endIdleCall)
			case <-done:
				return
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}
