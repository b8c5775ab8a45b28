// Command pulumi-language-python is this project's STAND-IN for Pulumi's Python language host v3.257.0 (the Go
// module proxy refuses the real one, see package host). It does what the real host does for a Python program with
// pip and a virtualenv (runtime.options.virtualenv), and nothing else (no poetry/uv chosen by option, no
// typechecker, no debugger, no policy packs, no plugins in Python):
//   - Run: `<venv>/bin/python pulumi-language-python-exec --monitor ... --engine ... <entry point>`, the SDK's own
//     exec script (sdk/python/cmd/pulumi-language-python-exec at v3.257.0, shipped in the sdk/v3 Go module; the
//     real host finds it next to its own binary, and so does this one), configuration in PULUMI_CONFIG;
//   - InstallDependencies, the virtualenv and `pip list`: the published package sdk/v3/python/toolchain, the one
//     the real host calls (`python -m venv`, pip/setuptools/wheel upgraded, `pip install -r requirements.txt`);
//   - GetRequiredPackages: every installed package with a pulumi-plugin.json (or named pulumi-*), its name,
//     version and server from that file, else from the package's name and PEP 440 version;
//   - GeneratePackage: pkg/v3/codegen/python.GeneratePackage; Link: the SDK's folder as a line of
//     requirements.txt (toolchain's LinkPackages); `pulumi package add` then calls InstallDependencies.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"dsvmpool.local/toolchain/lang-hosts/host"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

var version = "dev" // stamped: -ldflags -X main.version=...

// execScript is the SDK's program runner, placed next to this binary by toolchain/install as the real host expects.
const execScript = "pulumi-language-python-exec"

type pythonHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
	exec          string
}

func main() {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-python: %v\n", err)
		os.Exit(1)
	}
	script := filepath.Join(filepath.Dir(self), execScript)
	host.Serve("pulumi-language-python", version, func(engine string) pulumirpc.LanguageRuntimeServer {
		if _, err := os.Stat(script); err != nil {
			fmt.Fprintf(os.Stderr, "pulumi-language-python: missing %s (toolchain/install places it): %v\n",
				script, err)
			os.Exit(1)
		}
		return &pythonHost{engineAddress: engine, exec: script}
	})
}

// pip resolves the project's pip toolchain. A plugin without a virtualenv option gets "venv", as the real host
// does; a program without one runs on the ambient Python.
func pip(info *pulumirpc.ProgramInfo, isPlugin bool) (toolchain.Toolchain, error) {
	if info == nil {
		return nil, errors.New("the request carries no program info")
	}
	virtualenv := host.Option(info, "virtualenv")
	if other := host.Option(info, "toolchain"); other != "" && other != "pip" {
		return nil, fmt.Errorf("this stand-in Python host supports toolchain pip only, not %q", other)
	}
	if isPlugin && virtualenv == "" {
		virtualenv = "venv"
	}
	return toolchain.ResolveToolchain(toolchain.PythonOptions{Root: info.RootDirectory,
		ProgramDir: info.ProgramDirectory, Virtualenv: virtualenv, Toolchain: toolchain.Pip})
}

func (h *pythonHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	tc, err := pip(req.Info, false)
	if err != nil {
		return nil, err
	}
	if err := tc.ValidateVenv(ctx); err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	// The exec script's flags (argparse in pulumi-language-python-exec); the entry point is "." for the folder.
	args := []string{h.exec}
	flag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flag("monitor", req.MonitorAddress)
	flag("engine", h.engineAddress)
	flag("project", req.Project)
	flag("root_directory", req.Info.RootDirectory)
	flag("stack", req.Stack)
	flag("pwd", req.Pwd)
	flag("dry_run", strconv.FormatBool(req.DryRun))
	flag("parallel", strconv.Itoa(int(req.Parallel)))
	flag("organization", req.Organization)
	entry := req.Info.EntryPoint
	if entry == "" {
		entry = "."
	}
	args = append(append(args, entry), req.Args...)
	cmd, err := tc.Command(ctx, args...)
	if err != nil {
		return nil, err
	}
	env, err := host.ConfigEnv(req)
	if err != nil {
		return nil, err
	}
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, env...)
	cmd.Dir = host.ProgramDirectory(req.Info, req.Pwd)
	return host.RunProgram(ctx, cmd), nil
}

func (h *pythonHost) InstallDependencies(req *pulumirpc.InstallDependenciesRequest,
	server grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	tc, err := pip(req.Info, req.IsPlugin)
	if err != nil {
		return err
	}
	stdout, stderr := host.InstallWriters(server)
	return tc.InstallDependencies(server.Context(), req.Info.ProgramDirectory, req.UseLanguageVersionTools,
		true, stdout, stderr)
}

// pluginJSONPaths asks the venv's Python where each package's pulumi-plugin.json is (beside its top module).
const pluginJSONPaths = `import importlib.metadata, importlib.util, json, os, sys
found = {}
for name in sys.argv[1:]:
    try:
        module = importlib.metadata.distribution(name).metadata["Name"].replace("-", "_")
        spec = importlib.util.find_spec(module)
        for location in (spec.submodule_search_locations or []) if spec else []:
            path = os.path.join(str(location), "pulumi-plugin.json")
            if os.path.isfile(path):
                found[name] = path
    except Exception:
        pass
print(json.dumps(found))`

func (h *pythonHost) GetRequiredPackages(ctx context.Context,
	req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	tc, err := pip(req.Info, false)
	if err != nil {
		return nil, err
	}
	if err := tc.EnsureVenv(ctx, req.Info.ProgramDirectory, false, true, os.Stdout, os.Stderr); err != nil {
		return nil, err
	}
	installed, err := tc.ListPackages(ctx, true)
	if err != nil {
		return nil, err
	}
	args := []string{"-c", pluginJSONPaths}
	for _, pkg := range installed {
		args = append(args, pkg.Name)
	}
	cmd, err := tc.Command(ctx, args...)
	if err != nil {
		return nil, err
	}
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("finding pulumi-plugin.json files: %w", err)
	}
	paths := map[string]string{}
	if err := json.Unmarshal(out, &paths); err != nil {
		return nil, fmt.Errorf("finding pulumi-plugin.json files: %w", err)
	}
	packages := []*pulumirpc.PackageDependency{}
	for _, pkg := range installed {
		if dep, err := dependency(pkg, paths[pkg.Name]); err != nil {
			return nil, err
		} else if dep != nil {
			packages = append(packages, dep)
		}
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

// withoutPlugin are pulumi-* packages known to have no plugin (the real host's list).
var withoutPlugin = map[string]bool{"pulumi": true, "pulumi-policy": true, "pulumi-esc-sdk": true}

// dependency is the plugin a Python package needs: a pulumi-plugin.json with resource false means none; packages
// neither named pulumi-* nor carrying the file are not Pulumi packages.
func dependency(pkg plugin.DependencyInfo, pluginJSONPath string) (*pulumirpc.PackageDependency, error) {
	var manifest plugin.PulumiPluginJSON
	if withoutPlugin[pkg.Name] {
		return nil, nil
	}
	if pluginJSONPath != "" {
		data, err := os.ReadFile(pluginJSONPath)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(data, &manifest); err != nil {
			return nil, fmt.Errorf("%s: %w", pluginJSONPath, err)
		}
		if !manifest.Resource {
			return nil, nil
		}
	} else if !strings.HasPrefix(pkg.Name, "pulumi-") {
		return nil, nil
	}
	name, v := manifest.Name, manifest.Version
	if name == "" {
		name = strings.TrimPrefix(pkg.Name, "pulumi-")
	}
	if v == "" {
		var ok bool
		if v, ok = semverOf(pkg.Version); !ok {
			return nil, nil // no plugin version can be told from it (the real host skips these too)
		}
	}
	if !strings.HasPrefix(v, "v") {
		v = "v" + v
	}
	return &pulumirpc.PackageDependency{Kind: "resource", Name: name, Version: v, Server: manifest.Server}, nil
}

var pep440 = regexp.MustCompile(`^(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?$`)

// semverOf turns the PEP 440 versions Pulumi's Python SDKs carry into plugin versions: three numbers at least,
// a/b/rc N as -alpha/-beta/-rc.N, .postN and .devN as build metadata (the real host's rules).
func semverOf(pep string) (string, bool) {
	m := pep440.FindStringSubmatch(pep)
	if m == nil {
		return "", false
	}
	numbers := strings.Split(m[1], ".")
	for len(numbers) < 3 {
		numbers = append(numbers, "0")
	}
	v := strings.Join(numbers, ".")
	if m[2] != "" {
		v += "-" + map[string]string{"a": "alpha", "b": "beta", "rc": "rc"}[m[2]] + "." + m[3]
	}
	build := ""
	if m[4] != "" {
		build += "post" + m[4]
	}
	if m[5] != "" {
		build += "dev" + m[5]
	}
	if build != "" {
		v += "+" + build
	}
	return v, true
}

func (h *pythonHost) GeneratePackage(ctx context.Context,
	req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return host.Generate(req, func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error) {
		return python.GeneratePackage("pulumi-language-python", pkg, req.ExtraFiles, loader)
	})
}

// The distribution's name as the generator writes it: setup.py's setup(name=...) or pyproject.toml's name.
var distributionName = regexp.MustCompile(`(?m)^(?:setup\(name=|name\s*=\s*)['"]([^'"]+)['"]`)

// Link adds each generated SDK's folder to requirements.txt (InstallDependencies installs it next), under the
// distribution name the generator gave it.
func (h *pythonHost) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	tc, err := pip(req.Info, false)
	if err != nil {
		return nil, err
	}
	dir := host.ProgramDirectory(req.Info, "")
	packages := map[string]string{}
	var how strings.Builder
	how.WriteString("You can import the SDK in your Python code with:\n\n")
	for _, dep := range req.Packages {
		name, err := sdkName(filepath.Join(dir, dep.Path))
		if err != nil {
			return nil, err
		}
		packages[name] = dep.Path
		fmt.Fprintf(&how, "  import %s as %s\n", strings.ReplaceAll(name, "-", "_"),
			strings.ReplaceAll(dep.Package.GetName(), "-", "_"))
	}
	if err := tc.LinkPackages(ctx, packages); err != nil {
		return nil, fmt.Errorf("linking packages: %w", err)
	}
	return &pulumirpc.LinkResponse{ImportInstructions: how.String()}, nil
}

func sdkName(sdk string) (string, error) {
	for _, file := range []string{"pyproject.toml", "setup.py"} {
		data, err := os.ReadFile(filepath.Join(sdk, file))
		if err != nil {
			continue
		}
		if m := distributionName.FindSubmatch(data); m != nil {
			return string(m[1]), nil
		}
	}
	return "", fmt.Errorf("the generated SDK at %s names no distribution in pyproject.toml or setup.py", sdk)
}

func (h *pythonHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (h *pythonHost) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	metadata := map[string]string{"host": "dsvm-pool stand-in " + version, "toolchain": "Pip"}
	tc, err := pip(req.GetInfo(), false)
	if err != nil {
		tc, err = toolchain.ResolveToolchain(toolchain.PythonOptions{Toolchain: toolchain.Pip})
	}
	if err != nil {
		return nil, err
	}
	info, err := tc.About(ctx)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.AboutResponse{Executable: info.PythonExecutable, Version: info.PythonVersion.String(),
		Metadata: metadata}, nil
}

func (h *pythonHost) GetProgramDependencies(ctx context.Context,
	req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	tc, err := pip(req.Info, false)
	if err != nil {
		return nil, err
	}
	installed, err := tc.ListPackages(ctx, req.TransitiveDependencies)
	if err != nil {
		return nil, err
	}
	deps := make([]*pulumirpc.DependencyInfo, len(installed))
	for i, pkg := range installed {
		deps[i] = &pulumirpc.DependencyInfo{Name: pkg.Name, Version: pkg.Version}
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func (h *pythonHost) RuntimeOptionsPrompts(context.Context,
	*pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}
