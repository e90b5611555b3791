// Command assets prepares the static assets that Cloudflare serves beside the
// Worker: a copy of dist/ without the pre-compressed siblings (Cloudflare
// compresses on its own) plus the _headers file carrying the same security
// headers as `lede serve`.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"lede/internal/cli"
	"lede/server"
)

func main() {
	dist := flag.String("dist", "../dist", "the built app")
	out := flag.String("out", "build/assets", "the assets directory named in wrangler.jsonc")
	frameAncestors := flag.String("frame-ancestors", "", "origins that may frame the app, comma-separated")
	allowedOrigins := flag.String("allow-origin", "", "origins that may call the API, comma-separated (validated only)")
	cli.Run("assets", func() error { return run(*dist, *out, *frameAncestors, *allowedOrigins) })
}

func run(dist, out, frameAncestors, allowedOrigins string) error {
	ancestors, err := server.ParseOrigins(frameAncestors)
	if err != nil {
		return fmt.Errorf("LEDE_FRAME_ANCESTORS: %w", err)
	}
	if _, err := server.ParseOrigins(allowedOrigins); err != nil {
		return fmt.Errorf("LEDE_ALLOWED_ORIGINS: %w", err)
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.CopyFS(out, precompressedOmitted{os.DirFS(dist)}); err != nil {
		return fmt.Errorf("copying the app (run `make dist` first): %w", err)
	}
	headers := server.HeadersFile(server.Config{FrameAncestors: ancestors})
	return os.WriteFile(filepath.Join(out, "_headers"), headers, 0o644)
}

// precompressedOmitted hides the .br and .gz files of an fs.FS.
type precompressedOmitted struct{ fs.FS }

func (p precompressedOmitted) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(p.FS, name)
	kept := entries[:0]
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".br") && !strings.HasSuffix(e.Name(), ".gz") {
			kept = append(kept, e)
		}
	}
	return kept, err
}
