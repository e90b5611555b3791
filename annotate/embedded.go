package annotate

import (
	"errors"
	"sync"

	"lede/annotate/ner"
	"lede/annotate/topics"
)

// Embedded data: the recognizer's model (package ner), the topic lexicon and
// its ranking (package topics) and the gazetteers are compiled into the
// binary. They cannot change after the build, so one policy covers them:
// each is loaded once, the first failure is kept (a sticky error, as
// bufio.Scanner keeps its), and every program checks CheckEmbedded at
// start-up, so that broken data stops the build's tests and the program's
// start, never an annotation half-way. The tests run it too.

// CheckEmbedded loads every embedded data set the pipeline reads and returns
// the first failure, the same one on every call. It is safe to call from
// several goroutines; after the first call it costs nothing.
func CheckEmbedded() error { return checkEmbedded() }

var checkEmbedded = sync.OnceValue(func() error {
	if err := loadEmbedded("name model", func() error {
		_, err := ner.Default()
		return err
	}); err != nil {
		return err
	}
	return loadEmbedded("topic lexicon", func() error {
		lex, err := topics.Load()
		if err == nil && len(lex.Topics) == 0 {
			err = errors.New("no topics")
		}
		return err
	})
})

// loadEmbedded runs load, turning a panic, which no loader should let out,
// into an error. It uses no fmt, which the wasm build leaves out.
func loadEmbedded(what string, load func() error) (err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case error:
			err = &embeddedError{what, r}
		case string:
			err = &embeddedError{what, errors.New(r)}
		default:
			err = &embeddedError{what, errors.New("panic while loading")}
		}
	}()
	if err := load(); err != nil {
		return &embeddedError{what, err}
	}
	return nil
}

// embeddedError is a failure to load one embedded data set.
type embeddedError struct {
	what string
	err  error
}

func (e *embeddedError) Error() string { return "embedded " + e.what + ": " + e.err.Error() }
func (e *embeddedError) Unwrap() error { return e.err }

// topicLexicon is the embedded topic lexicon, or nil when it is broken
// (CheckEmbedded says how): the issues stage then finds no issues.
func topicLexicon() *topics.Lexicon {
	lex, _ := topics.Load()
	return lex
}
