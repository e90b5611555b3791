package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// sizes is what one asset (or all of them) weighs at each build step.
type sizes struct{ source, minified, gzip, brotli int }

func (s *sizes) add(o sizes) {
	s.source += o.source
	s.minified += o.minified
	s.gzip += o.gzip
	s.brotli += o.brotli
}

func (a *asset) sizes() sizes {
	return sizes{source: a.source, minified: len(a.data), gzip: len(a.gzip), brotli: len(a.brotli)}
}

// printSizes writes the size table per asset and in total, so a change that
// bloats the download shows in every build log.
func printSizes(w io.Writer, assets []*asset) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "asset\tsource\tminified\tgzip\tbrotli\t")
	var total sizes
	for _, a := range assets {
		printRow(tw, a.path, a.sizes())
		total.add(a.sizes())
	}
	printRow(tw, "total", total)
	tw.Flush()
}

func printRow(w io.Writer, name string, s sizes) {
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t\n", name, kb(s.source), kb(s.minified), kb(s.gzip), kb(s.brotli))
}

func kb(n int) string { return fmt.Sprintf("%.1f kB", float64(n)/1000) }
