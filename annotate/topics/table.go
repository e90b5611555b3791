// The hash table of n-gram keys: lookup, insertion and growth.

package topics

import "lede/annotate/internal/lookup"

// Lookup returns the entry for an n-gram key built with Key and Extend, or Exact,
// or nil if the lexicon has none. The entry is shared: never write it.
func (l *Lexicon) Lookup(key uint64) *Entry {
	for i := l.shape.Start(key); ; i = l.shape.Next(i) {
		switch e := &l.entries[i]; {
		case !e.used:
			return nil
		case e.key == key:
			return e
		}
	}
}

// Senses returns the senses of an entry (shared: never write them).
func (l *Lexicon) Senses(e *Entry) []Sense {
	end := int(e.first) + int(e.senses)
	return l.senses[e.first:end:end]
}

// Context returns the context bits an entry sets.
func (l *Lexicon) Context(e *Entry) Mask { return l.contexts[e.context] }

// shapeBit is the bit of exactShapes for a key n bytes long.
func shapeBit(n int) uint32 { return 1 << min(n, 31) }

// intern returns the index of context in contexts, adding it if it is new.
func (l *Lexicon) intern(context Mask) uint16 {
	i, ok := l.contextOf[context]
	if !ok {
		i = uint16(len(l.contexts))
		l.contexts = append(l.contexts, context)
		l.contextOf[context] = i
	}
	return i
}

// entry returns the entry of key h, adding an empty one if it is new.
func (l *Lexicon) entry(h uint64) *Entry {
	i := l.shape.Start(h)
	for l.entries[i].used && l.entries[i].key != h {
		i = l.shape.Next(i)
	}
	if !l.entries[i].used {
		if (l.used+1)*5 > len(l.entries)*4 {
			l.resize(2 * l.used)
			return l.entry(h)
		}
		l.used++
		l.entries[i] = Entry{key: h, used: true}
	}
	return &l.entries[i]
}

// resize makes the table room for n keys, at most four fifths full, and
// places the keys it already holds.
func (l *Lexicon) resize(n int) {
	old := l.entries
	l.shape = lookup.For(n + n/4 + 1)
	l.entries = make([]Entry, l.shape.Len())
	for _, e := range old {
		if e.used {
			j := l.shape.Start(e.key)
			for l.entries[j].used {
				j = l.shape.Next(j)
			}
			l.entries[j] = e
		}
	}
}
