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

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"sync/atomic"
	"unsafe"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"
	seg "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"
)

func init() {
	registerSegmentSection(SectionInvertedTextIndex, &invertedTextIndexSection{})
}

type invertedTextIndexSection struct {
}

// This function checks whether the inverted text index section should avoid processing
// a particular field, preventing unnecessary work if another section will handle it.
//
// NOTE: The exclusion check is applicable only to the InvertedTextIndexSection
// because it serves as a catch-all section. This section processes every field
// unless explicitly excluded, similar to a "default" case in a switch statement.
// Other sections, such as VectorSection and SynonymSection, rely on inclusion
// checks to process only specific field types (e.g., index.VectorField or
// index.SynonymField). Any new section added in the future must define its
// special field type and inclusion logic explicitly.
var isFieldExcludedFromInvertedTextIndexSection = func(field index.Field) bool {
	for _, excludeField := range invertedTextIndexSectionExclusionChecks {
		if excludeField(field) {
			// atleast one section has agreed to exclude this field
			// from inverted text index section processing and has
			// agreed to process it independently
			return true
		}
	}
	// no section has excluded this field from inverted index processing
	// so it should be processed by the inverted index section
	return false
}

// List of checks to determine if a field is excluded from the inverted text index section
var invertedTextIndexSectionExclusionChecks = make([]func(field index.Field) bool, 0)

func (i *invertedTextIndexSection) Process(opaque map[int]resetable, docNum uint32, field index.Field, fieldID uint16) {
	if !isFieldExcludedFromInvertedTextIndexSection(field) {
		io := i.getInvertedIndexOpaque(opaque)
		io.process(field, fieldID, docNum)
	}
}

func (i *invertedTextIndexSection) Persist(opaque map[int]resetable, w *FileWriter) error {
	io := i.getInvertedIndexOpaque(opaque)
	return io.writeDicts(w)
}

func (i *invertedTextIndexSection) AddrForField(opaque map[int]resetable, fieldID int) int {
	io := i.getInvertedIndexOpaque(opaque)
	return io.fieldAddrs[fieldID]
}

func mergeAndPersistInvertedSection(segments []*SegmentBase, dropsIn []*roaring.Bitmap,
	fieldsInv []string, fieldsMap map[string]uint16, fieldsOptions map[string]index.FieldIndexingOptions,
	fieldsSame bool, newDocNumsIn [][]uint64, newSegDocCount uint64, chunkMode uint32, w *FileWriter,
	closeCh chan struct{}) (map[int]int, error) {
	var bufMaxVarintLen64 []byte = make([]byte, binary.MaxVarintLen64)
	var bufLoc []uint64

	var postings *PostingsList
	counter := &termCounter{} // poise patch 10
	var postItr *PostingsIterator

	fieldAddrs := make(map[int]int)
	dictOffsets := make([]uint64, len(fieldsInv))
	fieldDvLocsStart := make([]uint64, len(fieldsInv))
	fieldDvLocsEnd := make([]uint64, len(fieldsInv))

	// copying data directly is safe only if there are no
	// file callbacks that might modify the data in all
	// of the involved segments and the current writer
	copyFlag := true
	for _, segment := range segments {
		if segment.fileReader.id != "" {
			copyFlag = false
			break
		}
	}
	if w.id != "" {
		copyFlag = false
	}

	// these int coders are initialized with chunk size 1024
	// however this will be reset to the correct chunk size
	// while processing each individual field-term section
	tfEncoder := newChunkedIntCoder(1024, newSegDocCount-1)
	locEncoder := newChunkedIntCoder(1024, newSegDocCount-1)

	var vellumBuf bytes.Buffer
	newVellum, err := vellum.New(&vellumBuf, vellumBuilderOpts)
	if err != nil {
		return nil, err
	}

	// poise patch 7: each field's FST built on another core (merge_pipeline.go).
	feeder := newTermFeeder()
	defer feeder.finish() // after an error: the goroutine ends
	var piped *pipedEnumerator
	walkBatches := keyBatches()
	defer func() {
		if piped != nil {
			piped.Close() // after an error: the walk ends
		}
	}()

	newRoaring := &mergedDocs{sorted: true} // poise patch 10
	newDocNums := make([][]uint64, 0, len(segments))
	drops := make([]*roaring.Bitmap, 0, len(segments))
	dicts := make([]*Dictionary, 0, len(segments))
	itrs := make([]vellum.Iterator, 0, len(segments))
	segmentsInFocus := make([]*SegmentBase, 0, len(segments))
	// for each field
	for fieldID, fieldName := range fieldsInv {
		// collect FST iterators from all active segments for this field
		newDocNums = newDocNums[:0]
		drops = drops[:0]
		dicts = dicts[:0]
		itrs = itrs[:0]
		segmentsInFocus = segmentsInFocus[:0]
		for segmentI, segment := range segments {
			// check for the closure in meantime
			if isClosed(closeCh) {
				return nil, seg.ErrClosed
			}
			// early exit if the field's index option is false
			if !fieldsOptions[fieldName].IsIndexed() {
				continue
			}

			dict, err2 := segment.dictionary(fieldName)
			if err2 != nil {
				return nil, err2
			}
			if dict != nil && dict.fst != nil {
				itr, err2 := dict.fst.Iterator(nil, nil)
				if err2 != nil && err2 != vellum.ErrIteratorDone {
					return nil, err2
				}
				if itr != nil {
					newDocNums = append(newDocNums, newDocNumsIn[segmentI])
					if dropsIn[segmentI] != nil && !dropsIn[segmentI].IsEmpty() {
						drops = append(drops, dropsIn[segmentI])
					} else {
						drops = append(drops, nil)
					}
					dicts = append(dicts, dict)
					itrs = append(itrs, itr)
					segmentsInFocus = append(segmentsInFocus, segment)
				}
			}
		}

		var prevTerm []byte

		newRoaring.reset() // poise patch 10

		var lastDocNum, lastFreq, lastNorm uint64

		// determines whether to use "1-hit" encoding optimization
		// when a term appears in only 1 doc, with no loc info,
		// has freq of 1, and the docNum fits into 31-bits
		use1HitEncoding := func(termCardinality uint64) (bool, uint64, uint64) {
			if termCardinality == uint64(1) && locEncoder.FinalSize() <= 0 {
				docNum := uint64(newRoaring.minimum()) // poise patch 10
				if under32Bits(docNum) && docNum == lastDocNum && lastFreq == 1 {
					return true, docNum, lastNorm
				}
			}
			return false, 0, 0
		}

		finishTerm := func(term []byte) error {
			tfEncoder.Close()
			locEncoder.Close()

			// poise patch 10
			postingsOffset, err := newRoaring.writePostings(
				tfEncoder, locEncoder, use1HitEncoding, w, bufMaxVarintLen64)
			if err != nil {
				return err
			}

			if postingsOffset > 0 {
				err = feeder.insert(term, postingsOffset) // poise patch 7
				if err != nil {
					return err
				}
			}

			newRoaring.reset() // poise patch 10

			tfEncoder.Reset()
			locEncoder.Reset()

			lastDocNum = 0
			lastFreq = 0
			lastNorm = 0

			return nil
		}

		feeder.start(newVellum) // poise patch 7
		// poise patch 10: each term's documents counted by the walk, on its
		// goroutine, with postings lists of its own.
		enumerator, err := newPipedEnumerator(itrs, walkBatches, counter.forField(dicts, drops))
		piped = enumerator

		for err == nil {
			term, itrI, postingsOffset := enumerator.Current()

			if !bytes.Equal(prevTerm, term) {
				// check for the closure in meantime
				if isClosed(closeCh) {
					return nil, seg.ErrClosed
				}

				// if the term changed, write out the info collected
				// for the previous term
				err = finishTerm(prevTerm)
				if err != nil {
					return nil, err
				}
			}
			if !bytes.Equal(prevTerm, term) || prevTerm == nil {
				// compute cardinality of field-term in new seg
				// (poise patch 10: counted by the walk, countTerm)
				newCard, err := enumerator.Cardinality()
				if err != nil {
					return nil, err
				}
				// compute correct chunk size with this
				chunkSize, err := getChunkSize(chunkMode, newCard, newSegDocCount)
				if err != nil {
					return nil, err
				}
				// update encoders chunk
				tfEncoder.SetChunkSize(chunkSize, newSegDocCount-1)
				locEncoder.SetChunkSize(chunkSize, newSegDocCount-1)
			}

			postings, err = dicts[itrI].postingsListFromOffset(
				postingsOffset, drops[itrI], postings)
			if err != nil {
				return nil, err
			}

			postItr = postings.iterator(true, true, true, postItr)

			// can only safely copy data if all segments have same fields and all have an empty
			// writer id (i.e. no callbacks)
			if fieldsSame && copyFlag {
				// can optimize by copying freq/norm/loc bytes directly
				lastDocNum, lastFreq, lastNorm, err = mergeTermFreqNormLocsByCopying(
					term, postItr, newDocNums[itrI], newRoaring,
					tfEncoder, locEncoder)
			} else {
				lastDocNum, lastFreq, lastNorm, bufLoc, err = mergeTermFreqNormLocs(
					fieldsMap, term, postItr, newDocNums[itrI], newRoaring,
					tfEncoder, locEncoder, bufLoc)
			}
			if err != nil {
				return nil, err
			}

			prevTerm = prevTerm[:0] // copy to prevTerm in case Next() reuses term mem
			prevTerm = append(prevTerm, term...)

			err = enumerator.Next()
		}
		if err != vellum.ErrIteratorDone {
			return nil, err
		}
		// close the enumerator to free the underlying iterators
		err = enumerator.Close()
		if err != nil {
			return nil, err
		}

		err = finishTerm(prevTerm)
		if err != nil {
			return nil, err
		}
		if err = feeder.finish(); err != nil { // poise patch 7
			return nil, err
		}

		dictOffset := uint64(w.Count())

		err = newVellum.Close()
		if err != nil {
			return nil, err
		}
		vellumData := w.process(vellumBuf.Bytes())

		// write out the length of the vellum data
		n := binary.PutUvarint(bufMaxVarintLen64, uint64(len(vellumData)))
		_, err = w.Write(bufMaxVarintLen64[:n])
		if err != nil {
			return nil, err
		}

		// write this vellum to disk
		_, err = w.Write(vellumData)
		if err != nil {
			return nil, err
		}

		dictOffsets[fieldID] = dictOffset

		fieldDvLocsStart[fieldID] = uint64(w.Count())

		// update the field doc values
		// NOTE: doc values continue to use legacy chunk mode
		chunkSize, err := getChunkSize(LegacyChunkMode, 0, 0)
		if err != nil {
			return nil, err
		}
		if fieldsOptions[fieldName].SkipDVChunking() {
			chunkSize = 1
		}
		fdvEncoder := newChunkedContentCoder(chunkSize, newSegDocCount-1, w, true, fieldsOptions[fieldName].SkipDVCompression())

		fdvReadersAvailable := false
		var dvIterClone *docValueReader
		var dvIter *docValueReader
		for segmentI, segment := range segmentsInFocus {
			// check for the closure in meantime
			if isClosed(closeCh) {
				return nil, seg.ErrClosed
			}
			// early exit if docvalues are not wanted for this field
			if !fieldsOptions[fieldName].IncludeDocValues() {
				continue
			}
			fieldIDPlus1 := uint16(segment.fieldsMap[fieldName])
			dvIter = segment.fieldDvReaders[SectionInvertedTextIndex][fieldIDPlus1-1]
			if dvIter != nil {
				fdvReadersAvailable = true
				dvIterClone = dvIter.cloneInto(dvIterClone)
				err = dvIterClone.iterateAllDocValues(segment, func(docNum uint64, terms []byte) error {
					if newDocNums[segmentI][docNum] == docDropped {
						return nil
					}
					err := fdvEncoder.Add(newDocNums[segmentI][docNum], terms)
					if err != nil {
						return err
					}
					return nil
				})
				if err != nil {
					return nil, err
				}
			}
		}

		if fdvReadersAvailable {
			err = fdvEncoder.Close()
			if err != nil {
				return nil, err
			}

			// persist the doc value details for this field
			_, err = fdvEncoder.Write()
			if err != nil {
				return nil, err
			}

			// get the field doc value offset (end)
			fieldDvLocsEnd[fieldID] = uint64(w.Count())
		} else {
			fieldDvLocsStart[fieldID] = fieldNotUninverted
			fieldDvLocsEnd[fieldID] = fieldNotUninverted
		}

		fieldStart := w.Count()

		n = binary.PutUvarint(bufMaxVarintLen64, fieldDvLocsStart[fieldID])
		_, err = w.Write(bufMaxVarintLen64[:n])
		if err != nil {
			return nil, err
		}

		n = binary.PutUvarint(bufMaxVarintLen64, fieldDvLocsEnd[fieldID])
		_, err = w.Write(bufMaxVarintLen64[:n])
		if err != nil {
			return nil, err
		}

		n = binary.PutUvarint(bufMaxVarintLen64, dictOffsets[fieldID])
		_, err = w.Write(bufMaxVarintLen64[:n])
		if err != nil {
			return nil, err
		}

		fieldAddrs[fieldID] = fieldStart

		// reset vellum buffer and vellum builder
		vellumBuf.Reset()
		err = newVellum.Reset(&vellumBuf)
		if err != nil {
			return nil, err
		}
	}
	return fieldAddrs, nil
}

func (i *invertedTextIndexSection) Merge(opaque map[int]resetable, segments []*SegmentBase,
	drops []*roaring.Bitmap, fieldsInv []string, newDocNumsIn [][]uint64,
	w *FileWriter, closeCh chan struct{}) error {
	io := i.getInvertedIndexOpaque(opaque)
	fieldAddrs, err := mergeAndPersistInvertedSection(segments, drops, fieldsInv,
		io.FieldsMap, io.FieldsOptions, io.fieldsSame, newDocNumsIn, io.numDocs, io.chunkMode, w, closeCh)
	if err != nil {
		return err
	}

	io.fieldAddrs = fieldAddrs
	return nil
}

func (i *invertedIndexOpaque) grabBuf(size int) []byte {
	buf := i.tmp0
	if cap(buf) < size {
		buf = make([]byte, size)
		i.tmp0 = buf
	}
	return buf[:size]
}

func (i *invertedIndexOpaque) incrementBytesWritten(bytes uint64) {
	i.bytesWritten += bytes
}

func (i *invertedIndexOpaque) BytesWritten() uint64 {
	return i.bytesWritten
}

func (i *invertedIndexOpaque) BytesRead() uint64 {
	return 0
}

func (i *invertedIndexOpaque) ResetBytesRead(uint64) {}

func (io *invertedIndexOpaque) writeDicts(w *FileWriter) error {
	if len(io.results) == 0 {
		return nil
	}

	dictOffsets := make([]uint64, len(io.FieldsInv))
	var err error

	fdvOffsetsStart := make([]uint64, len(io.FieldsInv))
	fdvOffsetsEnd := make([]uint64, len(io.FieldsInv))

	buf := io.grabBuf(binary.MaxVarintLen64)

	// these int coders are initialized with chunk size 1024
	// however this will be reset to the correct chunk size
	// while processing each individual field-term section
	tfEncoder := newChunkedIntCoder(1024, uint64(len(io.results)-1))
	locEncoder := newChunkedIntCoder(1024, uint64(len(io.results)-1))

	var docTermMap [][]byte

	if io.builder == nil {
		io.builder, err = vellum.New(&io.builderBuf, vellumBuilderOpts)
		if err != nil {
			return err
		}
	}

	for fieldID, terms := range io.DictKeys {
		if cap(docTermMap) < len(io.results) {
			docTermMap = make([][]byte, len(io.results))
		} else {
			docTermMap = docTermMap[:len(io.results)]
			for docNum := range docTermMap { // reset the docTermMap
				docTermMap[docNum] = docTermMap[docNum][:0]
			}
		}

		for _, key := range terms { // terms are already sorted
			term, pid := key.term, key.pid

			// poise patch 4: the term's documents, in order, as gathered
			// (process); its bitmap is made once, to be written.
			docNums := io.DocNums[pid]

			freqNorms := io.FreqNorms[pid]
			freqNormOffset := 0

			locs := io.Locs[pid]
			locOffset := 0

			cardinality := uint64(len(docNums))
			chunkSize, err := getChunkSize(io.chunkMode, cardinality, uint64(len(io.results)))
			if err != nil {
				return err
			}
			tfEncoder.SetChunkSize(chunkSize, uint64(len(io.results)-1))
			locEncoder.SetChunkSize(chunkSize, uint64(len(io.results)-1))

			for _, dn := range docNums {
				docNum := uint64(dn)

				freqNorm := freqNorms[freqNormOffset]

				// check if freq/norm is enabled
				if freqNorm.freq > 0 {
					err = tfEncoder.Add(docNum,
						encodeFreqHasLocs(freqNorm.freq, freqNorm.numLocs > 0),
						uint64(math.Float32bits(freqNorm.norm)))
				} else {
					// if disabled, then skip the norm part
					err = tfEncoder.Add(docNum,
						encodeFreqHasLocs(freqNorm.freq, freqNorm.numLocs > 0))
				}
				if err != nil {
					return err
				}

				if freqNorm.numLocs > 0 {
					numBytesLocs := 0
					for _, loc := range locs[locOffset : locOffset+freqNorm.numLocs] {
						numBytesLocs += totalUvarintBytes(
							uint64(loc.fieldID), loc.pos, loc.start, loc.end,
							uint64(len(loc.arrayposs)), loc.arrayposs)
					}

					err = locEncoder.Add(docNum, uint64(numBytesLocs))
					if err != nil {
						return err
					}
					for _, loc := range locs[locOffset : locOffset+freqNorm.numLocs] {
						err = locEncoder.Add(docNum,
							uint64(loc.fieldID), loc.pos, loc.start, loc.end,
							uint64(len(loc.arrayposs)))
						if err != nil {
							return err
						}

						err = locEncoder.Add(docNum, loc.arrayposs...)
						if err != nil {
							return err
						}
					}
					locOffset += freqNorm.numLocs
				}

				freqNormOffset++

				// poise patch 3: a document's terms are gathered only
				// for a field whose doc values are written.
				if io.IncludeDocValues[fieldID] {
					docTermMap[docNum] = append(
						append(docTermMap[docNum], term...),
						index.DocValueTermSeparator)
				}
			}

			tfEncoder.Close()
			locEncoder.Close()
			io.incrementBytesWritten(locEncoder.getBytesWritten())
			io.incrementBytesWritten(tfEncoder.getBytesWritten())

			postingsOffset, err :=
				io.writeDocNumPostings(docNums, tfEncoder, locEncoder, w, buf)
			if err != nil {
				return err
			}

			if postingsOffset > uint64(0) {
				err = io.builder.Insert([]byte(term), postingsOffset)
				if err != nil {
					return err
				}
			}

			tfEncoder.Reset()
			locEncoder.Reset()
		}

		err = io.builder.Close()
		if err != nil {
			return err
		}

		// record where this dictionary starts
		dictOffsets[fieldID] = uint64(w.Count())

		vellumData := w.process(io.builderBuf.Bytes())

		// write out the length of the vellum data
		n := binary.PutUvarint(buf, uint64(len(vellumData)))
		_, err = w.Write(buf[:n])
		if err != nil {
			return err
		}

		io.incrementBytesWritten(uint64(len(vellumData)))

		// write this vellum to disk
		_, err = w.Write(vellumData)
		if err != nil {
			return err
		}

		// reset vellum for reuse
		io.builderBuf.Reset()

		err = io.builder.Reset(&io.builderBuf)
		if err != nil {
			return err
		}

		// write the field doc values
		// NOTE: doc values continue to use legacy chunk mode
		chunkSize, err := getChunkSize(LegacyChunkMode, 0, 0)
		if err != nil {
			return err
		}
		if io.FieldsOptions[io.FieldsInv[fieldID]].SkipDVChunking() {
			chunkSize = 1
		}
		fdvEncoder := newChunkedContentCoder(chunkSize, uint64(len(io.results)-1), w, false, io.FieldsOptions[io.FieldsInv[fieldID]].SkipDVCompression())
		if io.IncludeDocValues[fieldID] {
			for docNum, docTerms := range docTermMap {
				if fieldTermMap, ok := io.extraDocValues[docNum]; ok {
					if sTerms, ok := fieldTermMap[uint16(fieldID)]; ok {
						for _, sTerm := range sTerms {
							docTerms = append(append(docTerms, sTerm...), index.DocValueTermSeparator)
						}
					}
				}
				if len(docTerms) > 0 {
					err = fdvEncoder.Add(uint64(docNum), docTerms)
					if err != nil {
						return err
					}
				}
			}
			err = fdvEncoder.Close()
			if err != nil {
				return err
			}

			io.incrementBytesWritten(fdvEncoder.getBytesWritten())

			fdvOffsetsStart[fieldID] = uint64(w.Count())

			_, err = fdvEncoder.Write()
			if err != nil {
				return err
			}

			fdvOffsetsEnd[fieldID] = uint64(w.Count())
			fdvEncoder.Reset()
		} else {
			fdvOffsetsStart[fieldID] = fieldNotUninverted
			fdvOffsetsEnd[fieldID] = fieldNotUninverted
		}

		fieldStart := w.Count()

		n = binary.PutUvarint(buf, fdvOffsetsStart[fieldID])
		_, err = w.Write(buf[:n])
		if err != nil {
			return err
		}

		n = binary.PutUvarint(buf, fdvOffsetsEnd[fieldID])
		_, err = w.Write(buf[:n])
		if err != nil {
			return err
		}

		n = binary.PutUvarint(buf, dictOffsets[fieldID])
		_, err = w.Write(buf[:n])
		if err != nil {
			return err
		}

		io.fieldAddrs[fieldID] = fieldStart
	}

	return nil
}

func (io *invertedIndexOpaque) process(field index.Field, fieldID uint16, docNum uint32) {
	if !io.init && io.results != nil {
		io.realloc()
		io.init = true
	}

	// if the fieldID is MaxUint16, it's mainly indicated that the caller has
	// finished invoking the process() for every field on that doc.
	if fieldID == math.MaxUint16 {
		// poise patch 6: the document's terms with their postings ids,
		// as realloc found them, instead of each field's terms looked up
		// again in its dictionary; a document with a field twice (its
		// frequencies merged into the first's) is done as upstream does.
		//
		// poise patch 9: per field, so that only a field the document
		// has twice goes through its merged frequencies
		// (reusableFieldTFs, set only for such a field), and other
		// fields' AnalyzedTokenFrequencies are never asked for.
		if int(docNum) < len(io.docSpanEnds) {
			spanStart := 0
			if docNum > 0 {
				spanStart = int(io.docSpanEnds[docNum-1])
			}
			for _, span := range io.fieldSpans[spanStart:io.docSpanEnds[docNum]] {
				fid := int(span.fieldID)
				if io.reusableFields[fid] == nil {
					continue // not processed: another section's field
				}
				if io.reusableFieldTFs[fid] != nil {
					continue // repeated: below
				}
				norm := math.Float32frombits(uint32(io.reusableFieldLens[fid]))
				for _, dt := range io.docTerms[span.start:span.end] {
					io.addPosting(int(dt.pid), fid, docNum, norm, dt.tf)
				}
			}
			if io.repeatedField {
				for fid, tfs := range io.reusableFieldTFs {
					if tfs != nil {
						io.addPostingsOf(tfs, fid, docNum)
					}
				}
			}
		} else {
			for fid, f := range io.reusableFields {
				tfs := io.reusableFieldTFs[fid]
				if tfs == nil && f != nil {
					tfs = f.AnalyzedTokenFrequencies()
				}
				io.addPostingsOf(tfs, fid, docNum)
			}
		}
		for i := 0; i < len(io.FieldsInv); i++ { // clear these for reuse
			io.reusableFieldLens[i] = 0
			io.reusableFieldTFs[i] = nil
			io.reusableFields[i] = nil
		}
		io.repeatedField = false
		return
	}

	io.reusableFieldLens[fieldID] += field.AnalyzedLength()
	// poise patch 9: the field is kept, and its frequencies are asked
	// for only when the document has it again; upstream merged the
	// later one's into the first's (or, those being nil, replaced them).
	first := io.reusableFields[fieldID]
	if first == nil {
		io.reusableFields[fieldID] = field
		return
	}
	existingFreqs := io.reusableFieldTFs[fieldID]
	if existingFreqs == nil {
		existingFreqs = first.AnalyzedTokenFrequencies()
	}
	if existingFreqs != nil {
		io.repeatedField = true // poise patch 6
		existingFreqs.MergeAll(field.Name(), field.AnalyzedTokenFrequencies())
		io.reusableFieldTFs[fieldID] = existingFreqs
	} else {
		io.reusableFields[fieldID] = field
	}
}

// addPostingsOf adds document docNum to the postings of every term of
// tfs, the frequencies of its field fid, looked up in the field's
// dictionary.
//
// poise patch 9.
func (io *invertedIndexOpaque) addPostingsOf(tfs index.TokenFrequencies, fid int, docNum uint32) {
	io.fillDict(uint16(fid), io.DictKeys[fid])
	dict := io.Dicts[fid]
	norm := math.Float32frombits(uint32(io.reusableFieldLens[fid]))
	for term, tf := range tfs {
		pid := dict[term] - 1
		io.addPosting(int(pid), fid, docNum, norm, tf)
	}
}

// addPosting adds document docNum, with field fid's norm and its term's
// frequency and locations tf, to the postings of pid.
func (io *invertedIndexOpaque) addPosting(pid, fid int, docNum uint32, norm float32, tf *index.TokenFreq) {
	// poise patch 4: a document number appended, in order, to
	// room counted for it (realloc), not added to a bitmap of
	// the term's own, grown a container at a time.
	io.DocNums[pid] = append(io.DocNums[pid], docNum)

	io.FreqNorms[pid] = append(io.FreqNorms[pid],
		interimFreqNorm{
			freq:    uint64(tf.Frequency()),
			norm:    norm,
			numLocs: len(tf.Locations),
		})

	if len(tf.Locations) > 0 {
		locs := io.Locs[pid]

		for _, loc := range tf.Locations {
			var locf = uint16(fid)
			if loc.Field != "" {
				locf = uint16(io.getOrDefineField(loc.Field))
			}
			var arrayposs []uint64
			if len(loc.ArrayPositions) > 0 {
				arrayposs = loc.ArrayPositions
			}
			locs = append(locs, interimLoc{
				fieldID:   locf,
				pos:       uint64(loc.Position),
				start:     uint64(loc.Start),
				end:       uint64(loc.End),
				arrayposs: arrayposs,
			})
		}

		io.Locs[pid] = locs
	}
}

func (i *invertedIndexOpaque) initDictsAndKeysFromFields() {
	numFields := len(i.FieldsInv)

	// Resize or allocate Dicts
	if cap(i.Dicts) >= numFields {
		i.Dicts = i.Dicts[:numFields]
	} else {
		i.Dicts = make([]map[string]uint64, numFields)
	}

	// Resize or allocate DictKeys
	if cap(i.DictKeys) >= numFields {
		i.DictKeys = i.DictKeys[:numFields]
	} else {
		i.DictKeys = make([][]dictKey, numFields)
	}

	i.initTermTables() // poise patch 9

	for idx := 0; idx < numFields; idx++ {
		// --- Dicts ---
		if i.Dicts[idx] == nil {
			i.Dicts[idx] = make(map[string]uint64)
		} else {
			clear(i.Dicts[idx])
		}

		// --- DictKeys ---
		if i.DictKeys[idx] != nil {
			i.DictKeys[idx] = i.DictKeys[idx][:0]
		} else {
			i.DictKeys[idx] = nil
		}
	}
}

func (i *invertedIndexOpaque) realloc() {
	var pidNext int

	var totTFs int
	var totLocs int

	// initialize dicts and dict keys from fieldsMap
	i.initDictsAndKeysFromFields()

	// poise patch 6: every document's fields' terms with their postings
	// ids, for process, in room made once for them all (a first walk
	// only counts them).
	var numTerms, numFields int
	countField := func(field index.Field) {
		// poise patch 9: a field with ids has as many terms; its
		// frequencies are not asked for.
		if f, ok := field.(TermIDsField); ok {
			if space, ids, _ := f.AnalyzedTermIDs(); space != nil {
				numTerms += len(ids)
				numFields++
				return
			}
		}
		numTerms += len(field.AnalyzedTokenFrequencies())
		numFields++
	}
	countComposite := func(field index.CompositeField) { countField(field) }
	for _, result := range i.results {
		result.VisitComposite(countComposite)
		result.VisitFields(countField)
	}
	if cap(i.docTerms) < numTerms {
		i.docTerms = make([]docTerm, 0, withSlack(numTerms))
	}
	if cap(i.fieldSpans) < numFields {
		i.fieldSpans = make([]fieldSpan, 0, withSlack(numFields))
	}
	if cap(i.docSpanEnds) < len(i.results) {
		i.docSpanEnds = make([]uint32, 0, withSlack(len(i.results)))
	}
	i.docTerms = i.docTerms[:0]
	i.fieldSpans = i.fieldSpans[:0]
	i.docSpanEnds = i.docSpanEnds[:0]

	visitField := func(field index.Field, docNum int) {
		fieldID := uint16(i.getOrDefineField(field.Name()))

		dict := i.Dicts[fieldID]
		dictKeys := i.DictKeys[fieldID]

		// pidOf is the term's postings id + 1, from the dictionary,
		// where a new term gets the next.
		pidOf := func(term string) uint64 {
			pidPlus1, exists := dict[term]
			if !exists {
				pidNext++
				pidPlus1 = uint64(pidNext)

				dict[term] = pidPlus1
				dictKeys = append(dictKeys, dictKey{term: term, pid: uint32(pidPlus1 - 1)})

				i.numTermsPerPostingsList = append(i.numTermsPerPostingsList, 0)
				i.numLocsPerPostingsList = append(i.numLocsPerPostingsList, 0)
			}
			return pidPlus1
		}
		addTerm := func(pid uint64, tf *index.TokenFreq) {
			i.numTermsPerPostingsList[pid] += 1
			i.numLocsPerPostingsList[pid] += len(tf.Locations)

			totLocs += len(tf.Locations)

			i.docTerms = append(i.docTerms, docTerm{pid: uint32(pid), tf: tf})
		}

		spanStart := len(i.docTerms)
		// poise patch 9: by id where the field has them (TermIDsField),
		// looked up in the dictionary only for an id not met before,
		// and not even then while the field's terms have all come by
		// ids of one space (the dictionary is empty): an id not met is
		// then a term not met.
		if table, ids, freqs, ok := i.termIDs(field, fieldID); ok {
			for k, id := range ids {
				if int(id) >= len(table) {
					table = i.growTermTable(fieldID, int(id)+1)
				}
				pidPlus1 := uint64(table[id])
				if pidPlus1 == 0 {
					term := freqs[k].Term
					if len(dict) == 0 {
						pidNext++
						pidPlus1 = uint64(pidNext)
						dictKeys = append(dictKeys, dictKey{term: unsafe.String(unsafe.SliceData(term), len(term)), pid: uint32(pidPlus1 - 1)})
						i.numTermsPerPostingsList = append(i.numTermsPerPostingsList, 0)
						i.numLocsPerPostingsList = append(i.numLocsPerPostingsList, 0)
						i.dictBehind[fieldID] = true
					} else {
						pidPlus1 = pidOf(unsafe.String(unsafe.SliceData(term), len(term)))
					}
					table[id] = uint32(pidPlus1)
				}
				addTerm(pidPlus1-1, &freqs[k])
			}
			totTFs += len(ids)
		} else {
			i.fillDict(fieldID, dictKeys) // poise patch 9
			tfs := field.AnalyzedTokenFrequencies()
			for term, tf := range tfs {
				addTerm(pidOf(term)-1, tf)
			}
			totTFs += len(tfs)
		}
		if len(i.docTerms) > spanStart {
			i.fieldSpans = append(i.fieldSpans, fieldSpan{fieldID: fieldID,
				start: uint32(spanStart), end: uint32(len(i.docTerms))})
		}

		i.DictKeys[fieldID] = dictKeys
		if field.Options().IncludeDocValues() {
			i.IncludeDocValues[fieldID] = true
		}

		if f, ok := field.(index.GeoShapeField); ok {
			if _, exists := i.extraDocValues[docNum]; !exists {
				i.extraDocValues[docNum] = make(map[uint16][][]byte)
			}
			i.extraDocValues[docNum][fieldID] = append(i.extraDocValues[docNum][fieldID], f.EncodedShape())
		}
	}

	if cap(i.IncludeDocValues) >= len(i.FieldsInv) {
		i.IncludeDocValues = i.IncludeDocValues[:len(i.FieldsInv)]
	} else {
		i.IncludeDocValues = make([]bool, len(i.FieldsInv))
	}

	if i.extraDocValues == nil {
		i.extraDocValues = map[int]map[uint16][][]byte{}
	}

	for docNum, result := range i.results {
		// walk each composite field
		result.VisitComposite(func(field index.CompositeField) {
			visitField(field, docNum)
		})

		// walk each field
		result.VisitFields(func(field index.Field) {
			visitField(field, docNum)
		})
		i.docSpanEnds = append(i.docSpanEnds, uint32(len(i.fieldSpans)))
	}

	numPostingsLists := pidNext

	if cap(i.DocNums) >= numPostingsLists {
		i.DocNums = i.DocNums[:numPostingsLists]
	} else {
		i.DocNums = make([][]uint32, numPostingsLists, withSlack(numPostingsLists))
	}

	if cap(i.docNumsBacking) >= totTFs {
		i.docNumsBacking = i.docNumsBacking[:totTFs]
	} else {
		i.docNumsBacking = make([]uint32, totTFs, withSlack(totTFs))
	}

	docNumsBacking := i.docNumsBacking
	for pid, numTerms := range i.numTermsPerPostingsList {
		i.DocNums[pid] = docNumsBacking[0:0:numTerms]
		docNumsBacking = docNumsBacking[numTerms:]
	}

	if cap(i.FreqNorms) >= numPostingsLists {
		i.FreqNorms = i.FreqNorms[:numPostingsLists]
	} else {
		i.FreqNorms = make([][]interimFreqNorm, numPostingsLists, withSlack(numPostingsLists))
	}

	if cap(i.freqNormsBacking) >= totTFs {
		i.freqNormsBacking = i.freqNormsBacking[:totTFs]
	} else {
		i.freqNormsBacking = make([]interimFreqNorm, totTFs, withSlack(totTFs))
	}

	freqNormsBacking := i.freqNormsBacking
	for pid, numTerms := range i.numTermsPerPostingsList {
		i.FreqNorms[pid] = freqNormsBacking[0:0]
		freqNormsBacking = freqNormsBacking[numTerms:]
	}

	if cap(i.Locs) >= numPostingsLists {
		i.Locs = i.Locs[:numPostingsLists]
	} else {
		i.Locs = make([][]interimLoc, numPostingsLists, withSlack(numPostingsLists))
	}

	if cap(i.locsBacking) >= totLocs {
		i.locsBacking = i.locsBacking[:totLocs]
	} else {
		i.locsBacking = make([]interimLoc, totLocs, withSlack(totLocs))
	}

	locsBacking := i.locsBacking
	for pid, numLocs := range i.numLocsPerPostingsList {
		i.Locs[pid] = locsBacking[0:0]
		locsBacking = locsBacking[numLocs:]
	}

	for _, dict := range i.DictKeys {
		slices.SortFunc(dict, func(a, b dictKey) int { return strings.Compare(a.term, b.term) })
	}

	if cap(i.reusableFieldTFs) >= len(i.FieldsInv) {
		i.reusableFieldTFs = i.reusableFieldTFs[:len(i.FieldsInv)]
	} else {
		i.reusableFieldTFs = make([]index.TokenFrequencies, len(i.FieldsInv))
	}

	if cap(i.reusableFields) >= len(i.FieldsInv) { // poise patch 9
		i.reusableFields = i.reusableFields[:len(i.FieldsInv)]
	} else {
		i.reusableFields = make([]index.Field, len(i.FieldsInv))
	}

	if cap(i.reusableFieldLens) >= len(i.FieldsInv) {
		i.reusableFieldLens = i.reusableFieldLens[:len(i.FieldsInv)]
	} else {
		i.reusableFieldLens = make([]int, len(i.FieldsInv))
	}
}

func (i *invertedTextIndexSection) getInvertedIndexOpaque(opaque map[int]resetable) *invertedIndexOpaque {
	if _, ok := opaque[SectionInvertedTextIndex]; !ok {
		opaque[SectionInvertedTextIndex] = i.InitOpaque(nil)
	}
	return opaque[SectionInvertedTextIndex].(*invertedIndexOpaque)
}

func (i *invertedIndexOpaque) getOrDefineField(fieldName string) int {
	fieldIDPlus1, exists := i.FieldsMap[fieldName]
	if !exists {
		fieldIDPlus1 = uint16(len(i.FieldsInv) + 1)
		i.FieldsMap[fieldName] = fieldIDPlus1
		i.FieldsInv = append(i.FieldsInv, fieldName)

		i.Dicts = append(i.Dicts, make(map[string]uint64))

		n := len(i.DictKeys)
		if n < cap(i.DictKeys) {
			i.DictKeys = i.DictKeys[:n+1]
			i.DictKeys[n] = i.DictKeys[n][:0]
		} else {
			i.DictKeys = append(i.DictKeys, []dictKey(nil))
		}
	}

	return int(fieldIDPlus1 - 1)
}

func (i *invertedTextIndexSection) InitOpaque(args map[string]interface{}) resetable {
	rv := &invertedIndexOpaque{
		fieldAddrs: map[int]int{},
	}
	for k, v := range args {
		rv.Set(k, v)
	}

	return rv
}

type invertedIndexOpaque struct {
	bytesWritten uint64 // atomic access to this variable, moved to top to correct alignment issues on ARM, 386 and 32-bit MIPS.

	results []index.Document

	chunkMode uint32

	// indicates whethere the following structs are initialized
	init bool

	// FieldsMap adds 1 to field id to avoid zero value issues
	//  name -> field id + 1
	FieldsMap map[string]uint16

	// FieldsInv is the inverse of FieldsMap
	//  field id -> name
	FieldsInv []string

	// Field indexing options
	//  field name -> options
	FieldsOptions map[string]index.FieldIndexingOptions

	// Term dictionaries for each field
	//  field id -> term -> postings list id + 1
	Dicts []map[string]uint64

	// Terms for each field, where terms are sorted ascending
	//  field id -> []term
	// poise patch 6: with their postings ids, so that writeDicts need
	// not look each one up in Dicts again.
	DictKeys [][]dictKey

	// Fields whose IncludeDocValues is true
	//  field id -> bool
	IncludeDocValues []bool

	// poise patch 4: postings id -> docNums, in order
	DocNums        [][]uint32
	docNumsBacking []uint32
	// a term's postings, made of its DocNums to be written
	postingsBS *roaring.Bitmap

	// postings id -> freq/norm's, one for each docNum in postings
	FreqNorms        [][]interimFreqNorm
	freqNormsBacking []interimFreqNorm

	// postings id -> locs, one for each freq
	Locs        [][]interimLoc
	locsBacking []interimLoc

	numTermsPerPostingsList []int // key is postings list id
	numLocsPerPostingsList  []int // key is postings list id

	// poise patch 6: each document's fields' terms as realloc visits
	// them, with their postings ids: docSpanEnds[docNum] is the end of
	// the document's spans in fieldSpans, each span a field's terms in
	// docTerms. repeatedField says the document being processed has a
	// field twice.
	docTerms      []docTerm
	fieldSpans    []fieldSpan
	docSpanEnds   []uint32
	repeatedField bool

	// store terms that are unnecessary for the term dictionaries but needed in doc values
	// eg - encoded geoshapes
	// docNum -> fieldID -> terms
	extraDocValues map[int]map[uint16][][]byte

	builder    *vellum.Builder
	builderBuf bytes.Buffer

	// reusable stuff for processing fields etc.
	reusableFieldLens []int
	reusableFieldTFs  []index.TokenFrequencies
	// poise patch 9: the document's first field of each field id (its
	// frequencies asked for only if it has the field again); and, per
	// field id, the space of its terms' ids (TermIDsField) and the
	// table of their postings ids + 1.
	reusableFields []index.Field
	termSpaces     []any
	termPids       [][]uint32
	// dictBehind says a field's DictKeys hold terms its dictionary
	// does not (added by id, no other way yet: fillDict).
	dictBehind []bool

	tmp0 []byte
	tmp1 []byte // poise patch 4

	fieldAddrs map[int]int

	fieldsSame bool
	numDocs    uint64
}

func (io *invertedIndexOpaque) Reset() (err error) {
	// cleanup stuff over here
	io.results = nil
	io.init = false
	io.chunkMode = 0
	io.FieldsMap = nil
	io.FieldsOptions = nil
	io.FieldsInv = nil
	// poise patch 3: the dictionaries are emptied, not dropped, so the
	// next segment made with this opaque (from the interim pool) fills
	// the maps it has (initDictsAndKeysFromFields) instead of growing
	// new ones term by term.
	for i := range io.Dicts {
		clear(io.Dicts[i])
	}
	io.Dicts = io.Dicts[:0]
	for i := range io.DictKeys {
		io.DictKeys[i] = io.DictKeys[i][:0]
	}
	io.DictKeys = io.DictKeys[:0]
	for i := range io.IncludeDocValues {
		io.IncludeDocValues[i] = false
	}
	io.IncludeDocValues = io.IncludeDocValues[:0]
	io.DocNums = io.DocNums[:0]
	io.docNumsBacking = io.docNumsBacking[:0]
	io.FreqNorms = io.FreqNorms[:0]
	for i := range io.freqNormsBacking {
		io.freqNormsBacking[i] = interimFreqNorm{}
	}
	io.freqNormsBacking = io.freqNormsBacking[:0]
	io.Locs = io.Locs[:0]
	for i := range io.locsBacking {
		io.locsBacking[i] = interimLoc{}
	}
	io.locsBacking = io.locsBacking[:0]
	io.numTermsPerPostingsList = io.numTermsPerPostingsList[:0]
	io.numLocsPerPostingsList = io.numLocsPerPostingsList[:0]
	clear(io.docTerms) // poise patch 6: the documents' TokenFreqs let go
	io.docTerms = io.docTerms[:0]
	io.fieldSpans = io.fieldSpans[:0]
	io.docSpanEnds = io.docSpanEnds[:0]
	io.repeatedField = false
	io.builderBuf.Reset()
	if io.builder != nil {
		err = io.builder.Reset(&io.builderBuf)
	}

	io.reusableFieldLens = io.reusableFieldLens[:0]
	io.reusableFieldTFs = io.reusableFieldTFs[:0]
	clear(io.reusableFields) // poise patch 9: the documents let go
	io.reusableFields = io.reusableFields[:0]
	io.initTermTables()

	io.tmp0 = io.tmp0[:0]
	io.extraDocValues = nil
	atomic.StoreUint64(&io.bytesWritten, 0)
	io.fieldsSame = false
	io.numDocs = 0

	clear(io.fieldAddrs)

	return err
}
func (i *invertedIndexOpaque) Set(key string, val interface{}) {
	switch key {
	case "results":
		i.results = val.([]index.Document)
	case "chunkMode":
		i.chunkMode = val.(uint32)
	case "fieldsSame":
		i.fieldsSame = val.(bool)
	case "fieldsMap":
		i.FieldsMap = val.(map[string]uint16)
	case "fieldsOptions":
		i.FieldsOptions = val.(map[string]index.FieldIndexingOptions)
	case "fieldsInv":
		i.FieldsInv = val.([]string)
	case "numDocs":
		i.numDocs = val.(uint64)
	}
}

// writeDocNumPostings is writePostings for a term's documents given in
// order, as New gathers them: the same bytes, but a term whose documents
// all fit one roaring array container (at most 4,096, all below 65,536:
// every term of a segment of fewer than 4,097 documents) has its bitmap
// written as roaring would serialise it, without making it.
//
// poise patch 4.
func (io *invertedIndexOpaque) writeDocNumPostings(docNums []uint32,
	tfEncoder, locEncoder *chunkedIntCoder, w *FileWriter, buf []byte) (uint64, error) {
	n := len(docNums)
	if n == 0 {
		return 0, nil
	}
	if n > arrayContainerMax || docNums[n-1] > math.MaxUint16 || w.processor != nil {
		if io.postingsBS == nil {
			io.postingsBS = roaring.New()
		}
		io.postingsBS.Clear()
		io.postingsBS.AddMany(docNums)
		return writePostings(io.postingsBS, tfEncoder, locEncoder, nil, w, buf)
	}
	tfOffset, _, err := tfEncoder.writeAt(w)
	if err != nil {
		return 0, err
	}
	locOffset, _, err := locEncoder.writeAt(w)
	if err != nil {
		return 0, err
	}
	postingsOffset := uint64(w.Count())
	// The offsets, the bitmap's length, and the bitmap in roaring's
	// format without runs (roaringArray.writeTo): cookie, container
	// count, the one container's key (0) and cardinality-1, its offset,
	// then its values, little-endian.
	const header = 4 + 4 + 2 + 2 + 4
	out := io.tmp1[:0]
	out = binary.AppendUvarint(out, tfOffset)
	out = binary.AppendUvarint(out, locOffset)
	out = binary.AppendUvarint(out, uint64(header+2*n))
	out = binary.LittleEndian.AppendUint32(out, roaringCookieNoRuns)
	out = binary.LittleEndian.AppendUint32(out, 1)
	out = binary.LittleEndian.AppendUint16(out, 0)
	out = binary.LittleEndian.AppendUint16(out, uint16(n-1))
	out = binary.LittleEndian.AppendUint32(out, header)
	for _, d := range docNums {
		out = binary.LittleEndian.AppendUint16(out, uint16(d))
	}
	io.tmp1 = out
	if _, err := w.Write(out); err != nil {
		return 0, err
	}
	return postingsOffset, nil
}

// withSlack is room for n and a quarter more, for tables an interim
// kept from one segment to the next (a SegmentWriter's) makes when a
// segment needs more than the last: the next is often a little larger
// still, and would make them all again.
//
// poise patch 8.
func withSlack(n int) int { return n + n/4 }

// dictKey is a term of a field's dictionary and its postings id.
//
// poise patch 6.
type dictKey struct {
	term string
	pid  uint32
}

// docTerm is a term of a document's field: its postings id and its
// frequency and locations there.
//
// poise patch 6.
type docTerm struct {
	pid uint32
	tf  *index.TokenFreq
}

// fieldSpan is a field of a document: its id and where its terms are in
// invertedIndexOpaque.docTerms.
//
// poise patch 6.
type fieldSpan struct {
	fieldID    uint16
	start, end uint32
}

// Roaring's serialisation constants (roaring v2, util.go): the cookie of
// a bitmap without run containers, and the most values an array
// container holds.
const (
	roaringCookieNoRuns = 12346
	arrayContainerMax   = 4096
)
