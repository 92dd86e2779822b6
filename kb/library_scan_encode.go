package kb

import (
	"encoding/binary"
	"errors"
	"strings"
	"unsafe"
)

// stateMagic starts an encoded LibraryState; a future format takes another.
const stateMagic = "poise-state/1\n"

// ErrBadState means bytes given to DecodeState are not an encoded state.
var ErrBadState = errors.New("not an encoded library state")

// AppendState appends s to b compactly, for DecodeState: what the search
// index's record keeps so a start reads a large library's state quickly.
// gob, describing each of a 6,300-file vault's files field by field, took
// 5 ms and 14,000 allocations to read at every "poise search"; this takes
// a few allocations. Each path is kept as what it shares with the path
// before it and the rest.
func (s *LibraryState) AppendState(b []byte) []byte {
	b = append(b, stateMagic...)
	b = appendString(b, s.Version)
	b = appendString(b, s.Builtin)
	b = binary.AppendUvarint(b, uint64(len(s.Packs)))
	for _, p := range s.Packs {
		b = appendString(b, p.Dir)
		b = binary.AppendUvarint(b, uint64(len(p.Files)))
		prev := ""
		for _, f := range p.Files {
			shared := commonPrefix(prev, f.Path)
			b = binary.AppendUvarint(b, uint64(shared))
			b = appendString(b, f.Path[shared:])
			b = binary.AppendVarint(b, f.Size)
			b = binary.AppendVarint(b, f.ModTime)
			b = appendString(b, f.Hash)
			prev = f.Path
		}
	}
	return b
}

// DecodeState reads a state AppendState wrote. Every path of the state is
// a piece of one strings.Builder's text (which never changes what it has
// written), rather than one allocation per path; the hashes, most of the
// bytes, are not copied at all but share b's memory, so b must not change
// once given. In "poise search", whose collector is paused, every byte
// copied is fresh memory, and each fresh page a fault that costs the
// process more than the copy (the copy of a 6,300-file vault's state was
// its largest allocation, 0.9 MB).
func DecodeState(b []byte) (*LibraryState, error) {
	if len(b) < len(stateMagic) || string(b[:len(stateMagic)]) != stateMagic {
		return nil, ErrBadState
	}
	// Paths come back longer than they are kept (shared prefixes), but
	// never without bound: shared prefixes would let a few hostile bytes
	// repeat a long path for every file.
	d := stateDecoder{b: b[len(stateMagic):], limit: maxStateText(len(b))}
	d.src = unsafe.String(unsafe.SliceData(d.b), len(d.b))
	d.text.Grow(len(b))
	s := &LibraryState{Version: d.string(""), Builtin: d.string("")}
	s.Packs = make([]PackState, d.count(2))
	for i := range s.Packs {
		p := &s.Packs[i]
		p.Dir = d.string("")
		p.Files = make([]FileState, d.count(5))
		prev := ""
		for j := range p.Files {
			f := &p.Files[j]
			shared := d.uvarint()
			if shared > uint64(len(prev)) {
				d.fail()
				shared = 0
			}
			f.Path = d.string(prev[:shared])
			f.Size = d.varint()
			f.ModTime = d.varint()
			f.Hash = d.shared()
			prev = f.Path
		}
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, ErrBadState
	}
	return s, nil
}

// stateDecoder reads the parts of an encoded state; after the first
// error every read gives zero values, and err says what went wrong.
type stateDecoder struct {
	b     []byte
	src   string // the bytes b started as, for shared
	text  strings.Builder
	limit int // of text
	err   error
}

// maxStateText bounds the text of a state decoded from n bytes.
func maxStateText(n int) int { return 16*n + 4096 }

// string reads a string kept as what follows prefix.
func (d *stateDecoder) string(prefix string) string {
	rest := d.take(d.count(1))
	if d.text.Len()+len(prefix)+len(rest) > d.limit {
		d.fail()
		return ""
	}
	at := d.text.Len()
	d.text.WriteString(prefix)
	d.text.Write(rest)
	return d.text.String()[at:]
}

// shared reads a string kept whole, as a piece of src: no copy.
func (d *stateDecoder) shared() string {
	n := d.count(1)
	at := len(d.src) - len(d.b)
	if len(d.take(n)) == 0 {
		return "" // empty, or past an error
	}
	return d.src[at : at+n]
}

func (d *stateDecoder) fail() {
	if d.err == nil {
		d.err = ErrBadState
	}
	d.b = nil
}

// count reads a length or count of things that each take at least each
// bytes of what is left (a string's bytes: 1), so a hostile count cannot
// make a large allocation.
func (d *stateDecoder) count(each int) int {
	v := d.uvarint()
	if v > uint64(len(d.b)/each) {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *stateDecoder) uvarint() uint64 {
	v, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[k:]
	return v
}

func (d *stateDecoder) varint() int64 {
	v, k := binary.Varint(d.b)
	if k <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[k:]
	return v
}

func (d *stateDecoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.b) {
		d.fail()
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}
