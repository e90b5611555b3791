// Package halves splits a data set into its even and odd items: the split
// by which cmd/train-ner fits the confidence on half of a dev set and
// checks it on the other, and cmd/eval-issues holds out half of a corpus.
package halves

// Alternate returns the items at even indices and those at odd ones, each
// in their order.
func Alternate[T any](items []T) (even, odd []T) {
	for i, it := range items {
		if i%2 == 0 {
			even = append(even, it)
		} else {
			odd = append(odd, it)
		}
	}
	return even, odd
}
