package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// asset is one file of dist/: its path relative to dist/ (slash-separated)
// and its final bytes, with compressed copies once writeDist has made them.
type asset struct {
	path         string
	data         []byte
	source       int // size before minifying
	gzip, brotli []byte
}

// serviceWorker is the asset whose placeholders carry the build version and
// the precache list.
const (
	serviceWorker     = "sw.js"
	versionMarker     = `"__LEDE_BUILD_VERSION__"`
	precacheMarker    = `["__LEDE_PRECACHE__"]`
	unprecachedFolder = "examples/"
)

// collectSources reads index.html and every file under web/, so files added
// to web/ by anyone ship without a change here.
func collectSources(root string) ([]*asset, error) {
	index, err := os.ReadFile(filepath.Join(root, "index.html"))
	if err != nil {
		return nil, err
	}
	assets := []*asset{{path: "index.html", data: index}}
	web := filepath.Join(root, "web")
	err = filepath.WalkDir(web, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(web, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		assets = append(assets, &asset{path: rel, data: b})
		return nil
	})
	sort.Slice(assets, func(i, j int) bool { return assets[i].path < assets[j].path })
	return assets, err
}

// wasmAssets compiles the bridge and copies the Go runtime's loader for it.
func wasmAssets(root, out string, reuse bool) ([]*asset, error) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, errors.New("go env GOROOT: " + err.Error())
	}
	loader, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, err
	}
	wasm, err := compileWasm(root, out, reuse)
	if err != nil {
		return nil, err
	}
	return []*asset{{path: "lede.wasm", data: wasm}, {path: "wasm_exec.js", data: loader}}, nil
}

func compileWasm(root, out string, reuse bool) ([]byte, error) {
	if reuse {
		return os.ReadFile(filepath.Join(out, "lede.wasm"))
	}
	tmp, err := os.MkdirTemp("", "lede-wasm")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	target := filepath.Join(tmp, "lede.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", target, "./wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, errors.New("compiling the wasm: " + err.Error() + "\n" + string(msg))
	}
	if err := optimizeWasm(target); err != nil {
		return nil, err
	}
	wasm, err := os.ReadFile(target)
	if err != nil {
		return nil, err
	}
	return mergeDataSegments(wasm, dataSegmentGap), nil
}

// wasmOpt is the path of binaryen's wasm-opt, or "" to leave the wasm as Go
// writes it.
var wasmOpt string

// wasmOptFlags are the optimisations: -O1, which makes this build about
// 5 KB smaller with brotli (measured with the data segments merged, as
// below); -O2 was no smaller, -O3, -Os and -Oz 1.7-2.2 KB larger than -O1,
// and slower to run. The features are the ones the Go
// compiler already uses, so no browser needs more than it did.
var wasmOptFlags = []string{"-O1", "--enable-bulk-memory", "--enable-sign-ext",
	"--enable-nontrapping-float-to-int", "--enable-mutable-globals"}

// optimizeWasm runs wasm-opt on the file in place.
func optimizeWasm(file string) error {
	if wasmOpt == "" {
		return nil
	}
	args := append(append([]string{}, wasmOptFlags...), file, "-o", file+".opt")
	if msg, err := exec.Command(wasmOpt, args...).CombinedOutput(); err != nil {
		return errors.New("wasm-opt: " + err.Error() + "\n" + string(msg))
	}
	return os.Rename(file+".opt", file)
}

// stampServiceWorker writes the content hash of every other asset and the
// list of files to pre-cache into the service worker. Any change to any
// asset changes the worker's bytes, so browsers install the new version and
// it replaces the old cache.
func stampServiceWorker(assets []*asset) error {
	var sw *asset
	hash := sha256.New()
	var precache []string
	for _, a := range assets {
		if a.path == serviceWorker {
			sw = a
			continue
		}
		hash.Write([]byte(a.path))
		hash.Write(a.data)
		if a.path == "index.html" {
			precache = append(precache, "./")
		} else if !strings.HasPrefix(a.path, unprecachedFolder) {
			precache = append(precache, "./"+a.path)
		}
	}
	if sw == nil {
		return nil
	}
	if !bytes.Contains(sw.data, []byte(versionMarker)) || !bytes.Contains(sw.data, []byte(precacheMarker)) {
		return errors.New(serviceWorker + " lacks the " + versionMarker + " or " + precacheMarker + " placeholder")
	}
	version, _ := json.Marshal("lede-" + hex.EncodeToString(hash.Sum(nil))[:12])
	list, _ := json.Marshal(precache)
	sw.data = bytes.Replace(sw.data, []byte(versionMarker), version, 1)
	sw.data = bytes.Replace(sw.data, []byte(precacheMarker), list, 1)
	return nil
}

// writeDist replaces out with the assets and their compressed copies.
func writeDist(root, out string, assets []*asset) error {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	if absOut == "/" || strings.HasPrefix(absRoot+string(filepath.Separator), absOut+string(filepath.Separator)) {
		return errors.New("refusing to replace " + out + ": it holds the sources")
	}
	// Write beside out, then swap, so a server or test reading out never
	// sees a half-written folder.
	tmp, err := os.MkdirTemp(filepath.Dir(absOut), "."+filepath.Base(absOut)+"-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := writeAssets(tmp, assets); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

func writeAssets(out string, assets []*asset) error {
	for _, a := range assets {
		var err error
		if a.gzip, err = gzipBytes(a.data); err != nil {
			return err
		}
		if a.brotli, err = brotliBytes(a.data); err != nil {
			return err
		}
		dst := filepath.Join(out, filepath.FromSlash(a.path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		for ext, b := range map[string][]byte{"": a.data, ".gz": a.gzip, ".br": a.brotli} {
			if err := os.WriteFile(dst+ext, b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

func extension(p string) string { return strings.ToLower(path.Ext(p)) }
