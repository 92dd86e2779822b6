//  Copyright (c) 2023 Couchbase, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
// 		http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package zap

import index "github.com/blevesearch/bleve_index_api"

// poise patch 9: a field's terms by id, looked up in a table rather than
// in the field's term dictionary (a map keyed by the term).
//
// TermIDsField is an analysed field that also gives its distinct terms as
// ids its analyser assigned: small integers, the same for the same term
// of one space. New looks each id up in a table it keeps per field and
// space (id -> postings id), and looks the term up in the field's
// dictionary only the first time a segment meets the id, instead of for
// every term of every document. The postings ids are only New's working
// memory (the dictionary is written sorted by term), so the segment's
// bytes are the same.
//
// AnalyzedTermIDs returns the space (nil: the field has no ids, and New
// goes through AnalyzedTokenFrequencies as upstream), the ids, and the
// field's TokenFreqs in the same order, freqs[k] being the one
// AnalyzedTokenFrequencies holds for its term. Within one segment, two
// fields of one name and space must give one term one id; ids should be
// dense (the table is as long as the largest); a space must be comparable
// (a pointer). The terms' bytes must not
// change until the segment is written, as the keys of
// AnalyzedTokenFrequencies must not (New keeps both in its dictionary).
type TermIDsField interface {
	AnalyzedTermIDs() (space any, ids []uint32, freqs []index.TokenFreq)
}

// termIDs is field's ids and TokenFreqs when it has them and its field
// id's table is for its space: the table (id -> postings id + 1, 0 when
// not met yet) is set to the space the segment first met for the field.
func (io *invertedIndexOpaque) termIDs(field index.Field, fieldID uint16) (table []uint32, ids []uint32, freqs []index.TokenFreq, ok bool) {
	tf, isTF := field.(TermIDsField)
	if !isTF {
		return nil, nil, nil, false
	}
	space, ids, freqs := tf.AnalyzedTermIDs()
	if space == nil || len(ids) != len(freqs) {
		return nil, nil, nil, false
	}
	for int(fieldID) >= len(io.termSpaces) {
		io.termSpaces = append(io.termSpaces, nil)
		io.dictBehind = append(io.dictBehind, false)
	}
	for int(fieldID) >= len(io.termPids) {
		n := len(io.termPids)
		if n < cap(io.termPids) {
			io.termPids = io.termPids[:n+1] // its table was emptied (initTermTables)
		} else {
			io.termPids = append(io.termPids, nil)
		}
	}
	switch io.termSpaces[fieldID] {
	case nil:
		io.termSpaces[fieldID] = space
	case space:
	default:
		return nil, nil, nil, false // another space: through the dictionary
	}
	return io.termPids[fieldID], ids, freqs, true
}

// growTermTable makes field fieldID's table hold id n-1. Past its
// length, a table is all zeros up to its capacity (initTermTables).
func (io *invertedIndexOpaque) growTermTable(fieldID uint16, n int) []uint32 {
	t := io.termPids[fieldID]
	if n <= cap(t) {
		t = t[:n]
	} else {
		grown := make([]uint32, n, withSlack(n))
		copy(grown, t)
		t = grown
	}
	io.termPids[fieldID] = t
	return t
}

// initTermTables empties the tables for a new segment: its ids are new.
func (io *invertedIndexOpaque) initTermTables() {
	for i, t := range io.termPids {
		clear(t)
		io.termPids[i] = t[:0]
	}
	io.termPids = io.termPids[:0]
	clear(io.termSpaces)
	io.termSpaces = io.termSpaces[:0]
	clear(io.dictBehind)
	io.dictBehind = io.dictBehind[:0]
}

// fillDict puts into field fieldID's dictionary the terms of keys (its
// DictKeys) added by id without it, before it is used: while a field's
// terms come by ids of one space, a new id is a new term and the
// dictionary is not needed, but a term that comes otherwise (a field
// without ids, or of another space; a field a document has twice) must
// find the terms that came by id.
func (io *invertedIndexOpaque) fillDict(fieldID uint16, keys []dictKey) {
	if int(fieldID) >= len(io.dictBehind) || !io.dictBehind[fieldID] {
		return
	}
	dict := io.Dicts[fieldID]
	for _, k := range keys {
		dict[k.term] = uint64(k.pid) + 1
	}
	io.dictBehind[fieldID] = false
}
