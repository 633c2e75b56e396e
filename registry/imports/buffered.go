package imports

import (
	"bufio"
	"io"
)

// Buffered returns a buffered reader of f that can still be rewound: an import in
// slices reads a file twice (check, then write).
func Buffered(f io.ReadSeeker) io.ReadSeeker {
	return &bufferedFile{Reader: bufio.NewReaderSize(f, 1<<20), f: f}
}

type bufferedFile struct {
	*bufio.Reader
	f io.ReadSeeker
}

// Seek rewinds the file and drops what the buffer holds (only io.SeekStart is needed).
func (b *bufferedFile) Seek(offset int64, whence int) (int64, error) {
	n, err := b.f.Seek(offset, whence)
	b.Reader.Reset(b.f)
	return n, err
}
