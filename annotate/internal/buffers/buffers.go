// Package buffers holds what the stages share to reuse their working memory
// from one document to the next, so that a warm pipeline allocates little.
package buffers

// Resize returns s with length n, reusing its array when it is large enough;
// the caller overwrites or clears what it needs.
func Resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
