package annotate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTopIssueIDsTakesNarrowTopicsThenTopLevelsInOrder(t *testing.T) {
	issues := []Issue{
		{ID: "t1"}, {ID: "n1", Parent: "t1"}, {ID: "n2", Parent: "t1"},
		{ID: "t2"}, {ID: "n3", Parent: "t2"}, {ID: "t3"},
	}
	tests := []struct {
		name             string
		narrow, toplevel int
		want             []string
	}{
		{"all", 5, 5, []string{"n1", "n2", "n3", "t1", "t2", "t3"}},
		{"two and one", 2, 1, []string{"n1", "n2", "t1"}},
		{"top levels only", 0, 2, []string{"t1", "t2"}},
		{"none", 0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, TopIssueIDs(issues, tt.narrow, tt.toplevel))
		})
	}
}
