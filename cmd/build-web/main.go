// Command build turns the frontend sources (index.html and web/) and the wasm
// bridge into the deployable dist/ folder: it compiles the wasm, minifies
// every text asset, stamps the service worker with a content hash so its cache
// updates exactly when an asset changes, writes pre-compressed .gz and .br
// copies, and prints what each asset weighs.
//
//	go run ./cmd/build-web -out dist
package main

import (
	"flag"
	"os"

	"lede/internal/cli"
)

func main() {
	out := flag.String("out", "dist", "output folder (replaced)")
	root := flag.String("root", ".", "repository root")
	skipWasm := flag.Bool("skip-wasm", false, "reuse the lede.wasm already in -out instead of compiling it")
	flag.StringVar(&wasmOpt, "wasm-opt", "", "binaryen's wasm-opt, run on the compiled wasm (make dist installs the pinned version); none when empty")
	cli.Run("build", func() error { return run(*root, *out, *skipWasm) })
}

func run(root, out string, skipWasm bool) error {
	assets, err := collectSources(root)
	if err != nil {
		return err
	}
	wasm, err := wasmAssets(root, out, skipWasm)
	if err != nil {
		return err
	}
	assets = append(assets, wasm...)
	if err := minifyAll(assets); err != nil {
		return err
	}
	if err := stampServiceWorker(assets); err != nil {
		return err
	}
	if err := writeDist(root, out, assets); err != nil {
		return err
	}
	printSizes(os.Stdout, assets)
	return nil
}
