package journal

import "github.com/poisehq/poise/internal/privacy"

// FieldFinding is personal data found in one text field of an entry.
type FieldFinding struct {
	// Field is the field's JSON name, e.g. "what_happened".
	Field string
	privacy.Finding
}

// textFields lists an entry's free-text fields with their JSON names, for
// the privacy guard.
func (e *Entry) textFields() []struct {
	name string
	ptr  *string
} {
	return []struct {
		name string
		ptr  *string
	}{
		{"what_happened", &e.WhatHappened}, {"what_i_tried", &e.WhatITried},
		{"what_worked", &e.WhatWorked}, {"what_didnt", &e.WhatDidnt}, {"takeaway", &e.Takeaway},
	}
}

// PersonalData finds customer personal data in e's text, so the form can
// offer to mask it before saving.
func (e Entry) PersonalData() []FieldFinding {
	var out []FieldFinding
	for _, f := range e.textFields() {
		for _, fd := range privacy.Find(*f.ptr) {
			out = append(out, FieldFinding{Field: f.name, Finding: fd})
		}
	}
	for _, t := range e.Tags {
		for _, fd := range privacy.Find(t) {
			out = append(out, FieldFinding{Field: "tags", Finding: fd})
		}
	}
	return out
}

// MaskPersonalData returns e with every finding in its text masked.
func (e Entry) MaskPersonalData() Entry {
	e = e.clone()
	for _, f := range e.textFields() {
		*f.ptr = privacy.Mask(*f.ptr, privacy.Find(*f.ptr))
	}
	for i, t := range e.Tags {
		e.Tags[i] = privacy.Mask(t, privacy.Find(t))
	}
	return e
}
