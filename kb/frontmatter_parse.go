package kb

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// frontMatter is what a file's YAML front matter may say.
type frontMatter struct {
	Title, Summary, ID, Kind, Category string
	// Lang is the base language code of lang: (or language:), "" when unset.
	Lang                       string
	Tags, Situations, Emotions []string
	Channels                   []string
	Fields                     []fieldSpec
	// Review is reviewed: and review_every:, nil when neither is given.
	Review *Review
	// Aliases are other names of a note (Obsidian's aliases), read in
	// plain folders only.
	Aliases []string
	// Lines holds the file line of each key, for problems about its value.
	Lines map[string]int
}

type fieldSpec struct {
	Name      string
	Label     string `yaml:"label"`
	Default   string `yaml:"default"`
	Choices   []string
	Multiline bool `yaml:"multiline"`
	Line      int
}

const frontMatterKeys = "title, summary, tags, situations, emotions, channels, category, fields, id, kind, lang, reviewed and review_every"

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// parseFrontMatter decodes raw YAML that starts on file line first. It
// reports problems and returns what it could read. plain is a folder without
// pack.toml, whose front matter was written for another tool (Obsidian
// properties, static site generators): keys Poise does not know are ignored
// there rather than reported once per file.
func parseFrontMatter(raw []byte, first int, file string, ps *problems, plain bool) frontMatter {
	fm := frontMatter{Lines: map[string]int{}}
	if len(bytes.TrimSpace(raw)) == 0 {
		return fm
	}
	root, quick := quickFrontMatter(raw)
	var err error
	if !quick {
		root = &yaml.Node{}
		err = yaml.Unmarshal(raw, root)
	}
	if err != nil {
		line := first
		msg := err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			// yaml may blame the line after the end; keep it inside the front matter
			line = min(first+n-1, first+strings.Count(string(raw), "\n"))
		}
		msg = strings.TrimPrefix(yamlLineRE.ReplaceAllString(strings.TrimPrefix(msg, "yaml: "), ""), ": ")
		ps.addTo(GroupFrontMatter, file, line, "front matter is not valid YAML (%s); check the indentation, and put values with a colon in quotes", msg)
		return fm
	}
	if len(root.Content) == 0 {
		return fm
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		ps.add(file, first, "front matter must be keys and values such as title: Late delivery")
		return fm
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		line := first + k.Line - 1
		key := strings.ToLower(k.Value)
		fm.Lines[key] = line
		str := func(dst *string) {
			if v.Kind != yaml.ScalarNode {
				ps.add(file, line, "%s must be a single line of text", key)
				return
			}
			*dst = strings.TrimSpace(v.Value)
		}
		list := func(dst *[]string) {
			switch v.Kind {
			case yaml.ScalarNode:
				for _, s := range strings.Split(v.Value, ",") {
					if s = strings.TrimSpace(s); s != "" {
						*dst = append(*dst, s)
					}
				}
			case yaml.SequenceNode:
				for _, e := range v.Content {
					if e.Kind != yaml.ScalarNode {
						ps.add(file, first+e.Line-1, "each entry of %s must be plain text", key)
						continue
					}
					if s := strings.TrimSpace(e.Value); s != "" {
						*dst = append(*dst, s)
					}
				}
			default:
				ps.add(file, line, "%s must be a list such as [one, two]", key)
			}
		}
		switch key {
		case "title":
			str(&fm.Title)
		case "summary":
			str(&fm.Summary)
		case "id":
			str(&fm.ID)
		case "kind":
			str(&fm.Kind)
		case "category":
			str(&fm.Category)
		case "tags":
			list(&fm.Tags)
		case "situations":
			list(&fm.Situations)
		case "emotions":
			list(&fm.Emotions)
		case "channels":
			list(&fm.Channels)
		case "fields":
			fm.Fields = parseFields(v, first, file, ps)
		case "lang", "language":
			var s string
			str(&s)
			if code, ok := parseLanguage(s); ok {
				fm.Lang = code
			} else {
				ps.add(file, line, "%s %q is not a language code; write one such as %s: de or %s: pt-BR", key, s, key, key)
			}
		case "reviewed", "review_every":
			parseReviewKey(&fm, key, v, file, line, ps, plain)
		case "aliases", "alias":
			if plain {
				list(&fm.Aliases)
				break
			}
			ps.add(file, line, "unknown front matter key %q; the keys are %s", k.Value, frontMatterKeys)
		case "description":
			if plain { // the summary, in most tools' front matter
				str(&fm.Summary)
				break
			}
			ps.add(file, line, "unknown front matter key %q; the keys are %s", k.Value, frontMatterKeys)
		default:
			if plain {
				break
			}
			ps.add(file, line, "unknown front matter key %q; the keys are %s", k.Value, frontMatterKeys)
		}
	}
	if plain {
		for i, t := range fm.Tags { // Obsidian accepts tags written as #tag
			fm.Tags[i] = strings.TrimPrefix(t, "#")
		}
	}
	return fm
}

func parseFields(v *yaml.Node, first int, file string, ps *problems) []fieldSpec {
	if v.Kind != yaml.MappingNode {
		ps.add(file, first+v.Line-1, "fields must map each placeholder name to its label, e.g. customer_name: { label: \"Customer's name\" }")
		return nil
	}
	var out []fieldSpec
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		line := first + k.Line - 1
		f := fieldSpec{Name: k.Value, Line: line}
		switch val.Kind {
		case yaml.ScalarNode:
			f.Label = val.Value
		case yaml.MappingNode:
			for j := 0; j+1 < len(val.Content); j += 2 {
				fk, fv := val.Content[j], val.Content[j+1]
				fl := first + fk.Line - 1
				switch fk.Value {
				case "label":
					f.Label = fv.Value
				case "default":
					f.Default = fv.Value
				case "multiline":
					if err := fv.Decode(&f.Multiline); err != nil {
						ps.add(file, fl, "multiline of field %q must be true or false", k.Value)
					}
				case "choices":
					if err := fv.Decode(&f.Choices); err != nil {
						ps.add(file, fl, "choices of field %q must be a list such as [refund, replacement]", k.Value)
					}
				default:
					ps.add(file, fl, "unknown key %q in field %q; a field may have label, default, choices and multiline", fk.Value, k.Value)
				}
			}
		default:
			ps.add(file, line, "field %q must be a label or { label: ..., default: ..., choices: [...] }", k.Value)
		}
		out = append(out, f)
	}
	return out
}

// parseReviewKey reads reviewed: or review_every: into fm.Review. In a
// plain folder a value Poise cannot read is another tool's property of the
// same name and is ignored, not reported.
func parseReviewKey(fm *frontMatter, key string, v *yaml.Node, file string, line int, ps *problems, plain bool) {
	var err error
	var r Review
	switch {
	case v.Kind != yaml.ScalarNode:
		err = errors.New("must be one value, such as reviewed: 2026-05-01 or review_every: 6 months")
	case key == "reviewed":
		r.Reviewed, err = parseReviewDate(v.Value)
	default:
		r.Every, err = ParsePeriod(v.Value)
	}
	if err != nil {
		if !plain {
			ps.addTo(GroupReview, file, line, "%s %v", key, err)
		}
		return
	}
	if fm.Review == nil {
		fm.Review = &Review{}
	}
	if key == "reviewed" {
		fm.Review.Reviewed = r.Reviewed
	} else {
		fm.Review.Every = r.Every
	}
}
