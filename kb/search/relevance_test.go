package search

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
)

var bundled struct {
	once sync.Once
	ix   *Index
	err  error
}

// openBundled indexes the content shipped with Poise, once per test run.
func openBundled(t testing.TB) *Index {
	t.Helper()
	bundled.once.Do(func() {
		lib, err := kb.LoadLibrary(content.FS, "")
		if lib == nil {
			bundled.err = err
			return
		}
		bundled.ix, bundled.err = OpenMemory(lib)
	})
	if bundled.err != nil {
		t.Fatalf("index bundled content: %v", bundled.err)
	}
	return bundled.ix
}

// TestRelevance is what an agent types mid-call and the item that must be
// among the first three results. A want ending in "#" accepts any item of
// that file (any statement of a bank, a guide or any of its sections).
func TestRelevance(t *testing.T) {
	ix := openBundled(t)
	tests := []struct {
		query string
		want  string
	}{
		// Customer quotes, as heard.
		{"this is the third time I've called", "builtin/matrix/repeated-contact"},
		{"I want my money back", "builtin/matrix/refund-outside-policy"},
		{"let me speak to your manager", "builtin/matrix/demand-for-manager"},
		{"where is my order", "builtin/matrix/late-delivery"},
		{"my parcel never arrived", "builtin/matrix/lost-package"},
		{"you sent me the wrong thing", "builtin/matrix/wrong-item"},
		{"it arrived smashed", "builtin/matrix/damaged-on-arrival"},
		{"you charged me twice", "builtin/matrix/double-charge"},
		{"I still haven't got my refund", "builtin/matrix/missing-refund"},
		{"how do I close my account", "builtin/matrix/cancellation"},
		{"I'm going to post this on social media", "builtin/matrix/public-complaint-threat"},
		{"I never agreed to renew", "builtin/matrix/surprise-renewal"},
		{"I've been on hold for an hour", "builtin/matrix/long-wait-time"},
		{"the engineer never showed up", "builtin/matrix/missed-appointment"},
		{"only got half my order", "builtin/matrix/partial-order"},
		{"the last person I spoke to was rude", "builtin/matrix/rude-previous-agent"},
		{"nobody answered my email", "builtin/matrix/slow-email-reply"},
		{"my internet is down", "builtin/matrix/service-outage"},
		{"what are you doing with my data", "builtin/matrix/data-privacy-concern"},
		{"it's cheaper elsewhere", "builtin/matrix/price-complaint"},
		{"it went on sale the day after I bought it", "builtin/matrix/price-drop-after-purchase"},
		// Agent shorthand.
		{"late delivery", "builtin/matrix/late-delivery"},
		{"locked out", "builtin/matrix/account-locked"},
		{"password reset link", "builtin/matrix/password-reset-failing"},
		{"promo code not working", "builtin/matrix/promo-code-not-working"},
		{"coupon", "builtin/matrix/promo-code-not-working"},
		{"out of warranty", "builtin/matrix/warranty-expired"},
		{"installation delayed", "builtin/matrix/installation-delay"},
		{"return label", "builtin/matrix/return-label-problem"},
		{"out of stock", "builtin/matrix/out-of-stock"},
		{"hidden fees", "builtin/matrix/hidden-fees"},
		{"early termination fee", "builtin/matrix/contract-exit-fee"},
		{"policy changed", "builtin/matrix/policy-change"},
		{"faulty product", "builtin/matrix/product-defect"},
		{"customer swearing", "builtin/matrix/abusive-customer"},
		{"escalation triggers", "builtin/checklists/escalation-triggers"},
		{"before closing the call", "builtin/checklists/before-you-close"},
		{"warm handoff", "builtin/checklists/warm-hand-off"},
		{"hand off to supervisor", "builtin/templates/hand-off-to-supervisor"},
		{"interaction note", "builtin/templates/interaction-note"},
		{"follow up in 3 days", "builtin/templates/follow-up-3-days"},
		{"end an abusive call", "builtin/templates/ending-an-abusive-call"},
		{"how to stay calm", "builtin/guides/staying-calm#"},
		{"let them vent", "builtin/guides/letting-them-vent#"},
		{"paraphrase", "builtin/guides/paraphrasing#"},
		{"positive sandwich", "builtin/guides/positive-sandwich#"},
		{"sincere apology", "builtin/guides/sincere-apology#"},
		{"after a hard call", "builtin/guides/after-a-hard-call#"},
		{"that's our policy", "builtin/phrases/policy#"},
		{"I can't do that", "builtin/phrases/limits#"},
		{"calm down", "builtin/phrases/dismissive#"},
		// Synonyms.
		{"reimburse", "builtin/matrix/refund-outside-policy"},
		{"furious customer", "builtin/statements/angry#"},
		{"supervisor", "builtin/matrix/demand-for-manager"},
		{"terminate contract", "builtin/matrix/contract-exit-fee"},
		{"tweet", "builtin/matrix/public-complaint-threat"},
		// Typos.
		{"refnud", "builtin/matrix/refund-outside-policy"},
		{"dmaaged", "builtin/matrix/damaged-on-arrival"},
		{"double chrage", "builtin/matrix/double-charge"},
		{"supervisr", "builtin/matrix/demand-for-manager"},
		{"cancelation", "builtin/matrix/cancellation"},
		{"anxous", "builtin/statements/anxious#"},
		{"pasword reset", "builtin/matrix/password-reset-failing"},
		{"lcoked out", "builtin/matrix/account-locked"},
		{"wrnog item", "builtin/matrix/wrong-item"},
		{"let me speak to your manger", "builtin/matrix/demand-for-manager"},
		// Partial words, still being typed.
		{"manag", "builtin/matrix/demand-for-manager"},
		{"cancel", "builtin/matrix/cancellation"},
		{"warran", "builtin/matrix/warranty-expired"},
		{"double ch", "builtin/matrix/double-charge"},
		{"griev", "builtin/statements/grieving#"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Query{Text: tt.query, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			for i, h := range res.Hits {
				if i == 3 {
					break
				}
				if h.ID == tt.want || h.ID+"#" == tt.want || strings.HasSuffix(tt.want, "#") && strings.HasPrefix(h.ID, tt.want) {
					return
				}
			}
			var got []string
			for i, h := range res.Hits {
				if i == 5 {
					break
				}
				got = append(got, h.ID)
			}
			t.Errorf("%s not in the top 3; got %v", tt.want, got)
		})
	}
}
