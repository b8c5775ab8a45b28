package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
)

// The PEP 440 to plugin version rules of the real host (sdk/python/cmd/pulumi-language-python/main.go at v3.257.0,
// determinePluginVersion), on the versions Pulumi's Python packages carry.
func TestSemverOf(t *testing.T) {
	for pep, want := range map[string]string{
		"4.21.1": "4.21.1", "1.0": "1.0.0", "3.31.0a1605189729": "3.31.0-alpha.1605189729",
		"1.2.3b4": "1.2.3-beta.4", "1.2.3rc4": "1.2.3-rc.4", "1.2.3.post4": "1.2.3+post4",
		"1.2.3.dev5": "1.2.3+dev5", "1.2.3.post4.dev5": "1.2.3+post4dev5",
	} {
		if got, ok := semverOf(pep); !ok || got != want {
			t.Errorf("semverOf(%q) = %q, %v; want %q", pep, got, ok, want)
		}
	}
	for _, pep := range []string{"1!2.0", "0.1.0+snapshot", "2.0.0-rc.1", ""} {
		if got, ok := semverOf(pep); ok {
			t.Errorf("semverOf(%q) = %q; want no plugin version", pep, got)
		}
	}
}

func TestDependency(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	withVersion := write("a.json", `{"resource": true, "name": "dsvm-pool", "version": "0.1.0-SNAPSHOT"}`)
	noPlugin := write("b.json", `{"resource": false}`)

	dep, err := dependency(plugin.DependencyInfo{Name: "github-dsvm-pool", Version: "0.1.0+snapshot"}, withVersion)
	if err != nil || dep == nil || dep.Name != "dsvm-pool" || dep.Version != "v0.1.0-SNAPSHOT" || dep.Kind != "resource" {
		t.Errorf("from pulumi-plugin.json: %v, %v", dep, err)
	}
	dep, err = dependency(plugin.DependencyInfo{Name: "pulumi-random", Version: "4.21.1"}, "")
	if err != nil || dep == nil || dep.Name != "random" || dep.Version != "v4.21.1" {
		t.Errorf("from the package's name and version: %v, %v", dep, err)
	}
	for _, pkg := range []plugin.DependencyInfo{{Name: "pulumi", Version: "3.257.0"}, {Name: "grpcio", Version: "1.0"},
		{Name: "pulumi-policy", Version: "1.20.0"}} {
		if dep, err := dependency(pkg, ""); dep != nil || err != nil {
			t.Errorf("%s is no Pulumi package: %v, %v", pkg.Name, dep, err)
		}
	}
	if dep, err := dependency(plugin.DependencyInfo{Name: "pulumi-policy", Version: "1.0.0"}, noPlugin); dep != nil ||
		err != nil {
		t.Errorf("resource false: %v, %v", dep, err)
	}
}
