// Command shuffle writes a household CSV with its households in random order (the
// rows of a household stay together, in their order), to measure the import of a file
// that is not sorted by commune. It holds the whole file in memory: a bench tool.
//
//	go run ./bench/shuffle -seed 1 IN.csv OUT.csv
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
)

func main() {
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: shuffle [-seed N] IN.csv OUT.csv")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	check(err)
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	// Households: runs of lines with the same first field (the household code; the
	// generated files quote nothing in it).
	var groups [][][]byte
	var last []byte
	for _, l := range lines[1:] {
		code := l[:max(0, bytes.IndexByte(l, ','))]
		if len(groups) == 0 || !bytes.Equal(code, last) {
			groups = append(groups, nil)
			last = code
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], l)
	}
	r := rand.New(rand.NewPCG(*seed, *seed))
	r.Shuffle(len(groups), func(i, j int) { groups[i], groups[j] = groups[j], groups[i] })
	f, err := os.Create(flag.Arg(1))
	check(err)
	w := bufio.NewWriterSize(f, 1<<20)
	w.Write(lines[0])
	for _, g := range groups {
		for _, l := range g {
			w.Write(l)
		}
	}
	check(w.Flush())
	check(f.Close())
	fmt.Printf("%d households shuffled\n", len(groups))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
