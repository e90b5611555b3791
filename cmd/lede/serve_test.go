package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestServeRefusesBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"origin without scheme", []string{"-dist", t.TempDir(), "-allow-origin", "cms.example.org"}, "-allow-origin"},
		{"frame ancestor with a path", []string{"-dist", t.TempDir(), "-frame-ancestors", "https://cms.example.org/editor"}, "-frame-ancestors"},
		{"no built app", []string{"-dist", t.TempDir() + "/missing"}, "make dist"},
		{"address in use or invalid", []string{"-dist", t.TempDir(), "-addr", "256.0.0.1:99999"}, "listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := runServe(tt.args)
			if assert.Error(t, err) {
				assert.Contains(t, err.Error(), tt.want)
			}
		})
	}
}
