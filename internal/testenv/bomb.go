package testenv

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
)

// ZipBomb returns the workbook template with its part replaced by one declared to
// inflate to declared bytes that really inflates to actual bytes of spaces: a zip
// bomb (declared ≫ the limits), or one that lies about its size (declared < actual).
func ZipBomb(template []byte, part string, declared, actual int64) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == part {
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	crc := crc32.NewIEEE()
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for n := int64(0); n < actual; n += int64(len(chunk)) {
		c := chunk[:min(int64(len(chunk)), actual-n)]
		fw.Write(c)
		crc.Write(c)
	}
	fw.Close()
	w, err := zw.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(declared)})
	if err != nil {
		return nil, err
	}
	w.Write(comp.Bytes())
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
