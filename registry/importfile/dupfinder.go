package importfile

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"slices"
	"strconv"

	"giamngheo/poverty"
	"giamngheo/registry"
	"giamngheo/vntext"
)

// DuplicateFinder finds the same duplicates as DuplicateIndex, in the same order, but
// with memory that does not grow with the file: Add writes a 16-byte record per key
// (code, national ID, head) and the few texts the messages need to temporary files,
// and Finish sorts the records in bounded runs and merges them. An import reports the
// duplicates at the end, where DuplicateIndex would hold about 130 bytes per household
// (85 MB for a province, 230 MB for 6 million rows) for the whole import.
type DuplicateFinder struct {
	seed  maphash.Seed
	n     uint32   // households added
	run   []dupKey // keys not yet sorted into a run
	runs  *os.File // sorted runs of keys
	sizes []int    // keys in each run
	texts *os.File // per household: code, village, and each member's ID, name and birth date
	tw    *bufio.Writer
	tpos  int64    // bytes written to texts
	offs  *os.File // offset of each household's texts, 8 bytes per household
	ow    *bufio.Writer
	rw    *bufio.Writer
	buf   []byte
	err   error
	// runSize is runKeys; tests make it small to merge many runs.
	runSize int
}

// dupKey is one key of one household; a run holds them sorted by kind, hash, then
// order of addition.
type dupKey struct {
	hash      uint64
	household uint32
	member    uint16
	kind      uint8
}

// Kinds in the order DuplicateIndex.Add reports them within a household.
const (
	keyCode uint8 = iota
	keyID
	keyHead
)

// runKeys bounds the keys sorted in memory at once (16 bytes each: 2 MB; a province
// makes about 30 runs, six million rows about 80).
const runKeys = 1 << 17

// NewDuplicateFinder returns an empty finder whose temporary files are in dir ("" for
// the system's). Close removes them.
func NewDuplicateFinder(dir string) (*DuplicateFinder, error) {
	d := &DuplicateFinder{seed: maphash.MakeSeed(), runSize: runKeys}
	for _, f := range []**os.File{&d.runs, &d.texts, &d.offs} {
		tf, err := os.CreateTemp(dir, "giamngheo-dup-*")
		if err != nil {
			d.Close()
			return nil, err
		}
		*f = tf
	}
	d.tw, d.ow, d.rw = bufio.NewWriterSize(d.texts, 64<<10), bufio.NewWriterSize(d.offs, 16<<10), bufio.NewWriterSize(d.runs, 64<<10)
	return d, nil
}

// Close removes the temporary files.
func (d *DuplicateFinder) Close() error {
	for _, f := range []*os.File{d.runs, d.texts, d.offs} {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
	d.runs, d.texts, d.offs = nil, nil, nil
	return nil
}

// Add records h, like DuplicateIndex.Add, and returns its ordinal (0 for the first
// household added); the duplicates come from Finish.
func (d *DuplicateFinder) Add(h *registry.Household) (uint32, error) {
	if d.err != nil {
		return 0, d.err
	}
	n := d.n
	d.n++
	d.key(keyCode, maphash.String(d.seed, h.Code), n, 0)
	for i, m := range h.Members {
		if m.NationalID != "" {
			d.key(keyID, maphash.String(d.seed, m.NationalID), n, uint16(i))
		}
	}
	head := headIndex(h)
	if head >= 0 && h.Members[head].BirthDate != "" {
		d.key(keyHead, maphash.String(d.seed, headKey(h, head)), n, uint16(head))
	}
	var off [8]byte
	binary.LittleEndian.PutUint64(off[:], uint64(d.tpos))
	d.ow.Write(off[:])
	b := d.buf[:0]
	b = appendText(b, h.Code)
	b = appendText(b, h.VillageName)
	b = binary.AppendUvarint(b, uint64(len(h.Members)))
	for _, m := range h.Members {
		b = appendText(b, m.NationalID)
		b = appendText(b, m.Name)
		b = appendText(b, m.BirthDate)
	}
	d.buf = b
	if _, err := d.tw.Write(b); err != nil {
		d.err = err
	}
	d.tpos += int64(len(b))
	if len(d.run) >= d.runSize {
		d.flushRun()
	}
	return n, d.err
}

// headKey is the key DuplicateIndex gives a household's head.
func headKey(h *registry.Household, head int) string {
	m := h.Members[head]
	village := vntext.Fold(h.VillageName)
	if h.VillageID != 0 {
		village = "#" + strconv.FormatInt(h.VillageID, 10)
	}
	return vntext.Fold(vntext.Clean(m.Name)) + "\x00" + m.BirthDate + "\x00" + h.CommuneCode + "\x00" + village
}

func appendText(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func (d *DuplicateFinder) key(kind uint8, hash uint64, n uint32, member uint16) {
	if d.run == nil {
		d.run = make([]dupKey, 0, d.runSize+poverty.MaxMembers+2) // a household's keys may pass runSize
	}
	d.run = append(d.run, dupKey{hash, n, member, kind})
}

func cmpKey(a, b dupKey) int {
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	if c := cmp.Compare(a.hash, b.hash); c != 0 {
		return c
	}
	if c := cmp.Compare(a.household, b.household); c != 0 {
		return c
	}
	return cmp.Compare(a.member, b.member)
}

func (d *DuplicateFinder) flushRun() {
	if len(d.run) == 0 || d.err != nil {
		return
	}
	slices.SortFunc(d.run, cmpKey)
	var rec [16]byte
	for _, k := range d.run {
		putKey(rec[:], k)
		if _, err := d.rw.Write(rec[:]); err != nil {
			d.err = err
			return
		}
	}
	d.sizes = append(d.sizes, len(d.run))
	d.run = d.run[:0]
}

func putKey(b []byte, k dupKey) {
	binary.LittleEndian.PutUint64(b, k.hash)
	binary.LittleEndian.PutUint32(b[8:], k.household)
	binary.LittleEndian.PutUint16(b[12:], k.member)
	b[14] = k.kind
}

func getKey(b []byte) dupKey {
	return dupKey{binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint32(b[8:]), binary.LittleEndian.Uint16(b[12:]), b[14]}
}

// Found is a duplicate and the ordinal of the household it is about.
type Found struct {
	Household uint32
	Duplicate
}

// foundKey orders the duplicates as DuplicateIndex.Add returns them: by household,
// then code, national IDs by member, head.
type foundKey struct {
	household, other uint32
	member, otherM   uint16
	kind             uint8
}

func cmpFound(a, b foundKey) int {
	if c := cmp.Compare(a.household, b.household); c != 0 {
		return c
	}
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	return cmp.Compare(a.member, b.member)
}

// Finish finds the duplicates among the households added. It returns the first limit
// of them in the order DuplicateIndex.Add would have returned them, and how many
// there are in all.
func (d *DuplicateFinder) Finish(limit int) ([]Found, int, error) {
	d.flushRun()
	if d.err == nil {
		d.err = errors.Join(d.rw.Flush(), d.tw.Flush(), d.ow.Flush())
	}
	if d.err != nil {
		return nil, 0, d.err
	}
	// Merge the runs; within a group of equal keys the first is the first added.
	m := &keyMerge{}
	var start int64
	for _, n := range d.sizes {
		r := &runReader{r: bufio.NewReaderSize(io.NewSectionReader(d.runs, start, int64(n)*16), 16<<10)}
		start += int64(n) * 16
		if r.next() {
			m.rs = append(m.rs, r)
		} else if r.err != nil {
			return nil, 0, r.err
		}
	}
	heap.Init(m)
	keep := &foundHeap{}
	total := 0
	var first dupKey
	have := false
	for m.Len() > 0 {
		r := m.rs[0]
		k := r.k
		if r.next() {
			heap.Fix(m, 0)
		} else {
			if r.err != nil {
				return nil, 0, r.err
			}
			heap.Pop(m)
		}
		if !have || k.kind != first.kind || k.hash != first.hash {
			first, have = k, true
			continue
		}
		f := foundKey{k.household, first.household, k.member, first.member, k.kind}
		switch k.kind {
		case keyCode:
			// Compare the codes themselves, as DuplicateIndex's map of codes does.
			a, err := d.textsOf(first.household)
			if err != nil {
				return nil, 0, err
			}
			b, err := d.textsOf(k.household)
			if err != nil {
				return nil, 0, err
			}
			if a.code != b.code {
				continue
			}
		case keyID:
			if k.household == first.household {
				continue
			}
		case keyHead:
			a, err := d.textsOf(first.household)
			if err != nil {
				return nil, 0, err
			}
			b, err := d.textsOf(k.household)
			if err != nil {
				return nil, 0, err
			}
			if a.code == b.code {
				continue
			}
		}
		total++
		if keep.Len() < limit {
			heap.Push(keep, f)
		} else if limit > 0 && cmpFound(f, (*keep)[0]) < 0 {
			(*keep)[0] = f
			heap.Fix(keep, 0)
		}
	}
	fs := []foundKey(*keep)
	slices.SortFunc(fs, cmpFound)
	out := make([]Found, 0, len(fs))
	for _, f := range fs {
		dup, err := d.describe(f)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, Found{f.household, dup})
	}
	return out, total, nil
}

// describe writes the duplicate as DuplicateIndex.Add does.
func (d *DuplicateFinder) describe(f foundKey) (Duplicate, error) {
	h, err := d.textsOf(f.household)
	if err != nil {
		return Duplicate{}, err
	}
	o, err := d.textsOf(f.other)
	if err != nil {
		return Duplicate{}, err
	}
	switch f.kind {
	case keyCode:
		return codeDuplicate(h.code, o.code), nil
	case keyID:
		m := h.members[f.member]
		return idDuplicate(h.code, int(f.member), m.id, m.name, o.code, int(f.otherM)), nil
	}
	m := h.members[f.member]
	return headDuplicate(h.code, int(f.member), m.name, m.birth, h.village, o.code), nil
}

// householdTexts are the texts Add kept of a household.
type householdTexts struct {
	code, village string
	members       []struct{ id, name, birth string }
}

func (d *DuplicateFinder) textsOf(n uint32) (*householdTexts, error) {
	var off [8]byte
	if _, err := d.offs.ReadAt(off[:], int64(n)*8); err != nil {
		return nil, err
	}
	r := bufio.NewReaderSize(io.NewSectionReader(d.texts, int64(binary.LittleEndian.Uint64(off[:])), 1<<40), 4096)
	t := &householdTexts{}
	var err error
	read := func() string {
		if err != nil {
			return ""
		}
		var l uint64
		if l, err = binary.ReadUvarint(r); err != nil {
			return ""
		}
		b := make([]byte, l)
		_, err = io.ReadFull(r, b)
		return string(b)
	}
	t.code, t.village = read(), read()
	if err != nil {
		return nil, err
	}
	nm, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	t.members = make([]struct{ id, name, birth string }, nm)
	for i := range t.members {
		t.members[i].id, t.members[i].name, t.members[i].birth = read(), read(), read()
	}
	if err != nil {
		return nil, fmt.Errorf("importfile: duplicate texts: %w", err)
	}
	return t, nil
}

// runReader reads one sorted run.
type runReader struct {
	r   *bufio.Reader
	k   dupKey
	err error
}

func (r *runReader) next() bool {
	var b [16]byte
	if _, err := io.ReadFull(r.r, b[:]); err != nil {
		if err != io.EOF {
			r.err = err
		}
		return false
	}
	r.k = getKey(b[:])
	return true
}

// keyMerge is a heap of runs by their current key.
type keyMerge struct{ rs []*runReader }

func (m *keyMerge) Len() int           { return len(m.rs) }
func (m *keyMerge) Less(i, j int) bool { return cmpKey(m.rs[i].k, m.rs[j].k) < 0 }
func (m *keyMerge) Swap(i, j int)      { m.rs[i], m.rs[j] = m.rs[j], m.rs[i] }
func (m *keyMerge) Push(x any)         { m.rs = append(m.rs, x.(*runReader)) }
func (m *keyMerge) Pop() any {
	x := m.rs[len(m.rs)-1]
	m.rs = m.rs[:len(m.rs)-1]
	return x
}

// foundHeap keeps the first duplicates: a max-heap, its root the last kept.
type foundHeap []foundKey

func (h foundHeap) Len() int           { return len(h) }
func (h foundHeap) Less(i, j int) bool { return cmpFound(h[i], h[j]) > 0 }
func (h foundHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *foundHeap) Push(x any)        { *h = append(*h, x.(foundKey)) }
func (h *foundHeap) Pop() any {
	x := (*h)[len(*h)-1]
	*h = (*h)[:len(*h)-1]
	return x
}
