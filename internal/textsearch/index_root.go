package textsearch

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2/util"
	zap "github.com/blevesearch/zapx/v17"
)

// segmentPlugin is the segment format scorch writes and reads by default
// (bleve v2.6: zapx v17); an offline build writes its segments with it.
var segmentPlugin = &zap.ZapPlugin{}

// The names and numbers scorch.Builder gives the one segment of an offline
// build and the snapshot that holds it (index/scorch/builder.go, Close):
// the segment file is 2 and the snapshot epoch 3, as if a live index had
// indexed one batch; the segment's id in the snapshot is 0.
const (
	rootSegmentFile  = "000000000002.zap"
	rootEpoch        = 3
	rootBoltName     = "root.bolt"
	uvarintSmallBase = 136 // scorch's encodeUvarintAscending of 0..109 is one byte, 136+v
)

// writeRoot writes the root.bolt of an index whose store directory holds
// the one segment rootSegmentFile: the same snapshot scorch.Builder.Close
// writes (prepareBoltSnapshot in index/scorch/persister.go), so bleve.Open
// reads it as it reads the builder's. TestRootMatchesBuilder compares the
// two, key by key.
func writeRoot(store string, internal map[string][]byte) error {
	return writeSnapshot(store, internal, []string{rootSegmentFile})
}

// writeSnapshot writes the root.bolt of an index whose store directory
// holds the segments named, in that order, as writeRoot does for one: the
// i-th is segment i of the snapshot, its documents numbered after those
// of the segments before (scorch's loadSnapshot reads them in the order of
// their ids). An offline build opens its segments so before it merges
// them (openUnmerged).
func writeSnapshot(store string, internal map[string][]byte, segments []string) (err error) {
	db, err := util.OpenBolt(filepath.Join(store, rootBoltName), 0o600, nil)
	if err != nil {
		return fmt.Errorf("create %s: %w", rootBoltName, err)
	}
	defer func() {
		if cerr := db.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close %s: %w", rootBoltName, cerr)
		}
	}()
	tx, err := db.Begin(true)
	if err != nil {
		return fmt.Errorf("write %s: %w", rootBoltName, err)
	}
	if err := fillRoot(tx, store, internal, segments); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("write %s: %w", rootBoltName, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("write %s: %w", rootBoltName, err)
	}
	return nil
}

func fillRoot(tx *util.BoltTxImpl, store string, internal map[string][]byte, segments []string) error {
	snapshots, err := tx.CreateBucketIfNotExists(util.BoltSnapshotsBucket)
	if err != nil {
		return err
	}
	snapshot, err := snapshots.CreateBucketIfNotExists([]byte{uvarintSmallBase + rootEpoch})
	if err != nil {
		return err
	}
	meta, err := snapshot.CreateBucketIfNotExists(util.BoltMetaDataKey)
	if err != nil {
		return err
	}
	if err := meta.Put(util.BoltMetaDataSegmentTypeKey, []byte(segmentPlugin.Type()), nil); err != nil {
		return err
	}
	// Five bytes, the version in the first four, as scorch writes it.
	version := make([]byte, binary.MaxVarintLen32)
	binary.BigEndian.PutUint32(version, segmentPlugin.Version())
	if err := meta.Put(util.BoltMetaDataSegmentVersionKey, version, nil); err != nil {
		return err
	}
	writer, err := util.NewFileWriter([]byte(store + string(os.PathSeparator) + rootBoltName))
	if err != nil {
		return err
	}
	if err := meta.Put(util.BoltMetaDataFileWriterIDKey, []byte(writer.Id()), writer); err != nil {
		return err
	}
	stamp, err := time.Now().MarshalText()
	if err != nil {
		return err
	}
	if err := meta.Put(util.BoltMetaDataTimeStamp, stamp, writer); err != nil {
		return err
	}
	values, err := snapshot.CreateBucketIfNotExists(util.BoltInternalKey)
	if err != nil {
		return err
	}
	for k, v := range internal {
		if err := values.Put([]byte(k), v, writer); err != nil {
			return err
		}
	}
	for id, name := range segments {
		key, err := segmentKey(id)
		if err != nil {
			return err
		}
		seg, err := snapshot.CreateBucketIfNotExists(key)
		if err != nil {
			return err
		}
		if err := seg.Put(util.BoltPathKey, []byte(name), writer); err != nil {
			return err
		}
	}
	return nil
}

// segmentKey is the key of segment id in a snapshot: scorch's
// encodeUvarintAscending (index/scorch/int.go), one byte up to 109, a
// length byte and one or two bytes up to 65,535, which sort in the
// order of the ids.
func segmentKey(id int) ([]byte, error) {
	const lengthTag = 0xfd // intMax: a length tag is intMax-8+len(bytes)
	switch {
	case id < 0 || id > 0xffff:
		return nil, fmt.Errorf("segment id %d out of range", id)
	case id <= 109:
		return []byte{byte(uvarintSmallBase + id)}, nil
	case id <= 0xff:
		return []byte{lengthTag - 7, byte(id)}, nil
	default:
		return []byte{lengthTag - 6, byte(id >> 8), byte(id)}, nil
	}
}
