// Command pulumi-language-nodejs is this project's STAND-IN for Pulumi's Node.js language host v3.257.0 (the
// Go module proxy refuses the real one, see package host). It does what the real host does for a TypeScript or
// JavaScript program with npm, and nothing else (no yarn/pnpm/bun, no policy packs, no plugins in Node.js):
//   - Run: `node <node_modules/@pulumi/pulumi/cmd/run> --monitor ... <program>`, the arguments of the SDK's own
//     run script (sdk/nodejs/cmd/run/index.ts), configuration in PULUMI_CONFIG, TypeScript through the SDK's
//     ts-node unless runtime.options.typescript is false;
//   - GetRequiredPackages: the `pulumi` field ({resource, name, version, server}) of every package.json in
//     node_modules, as the real host reads them;
//   - GeneratePackage: pkg/v3/codegen/nodejs.GeneratePackage; Link: `"<sdk name>": "file:<path>"` in the
//     program's package.json; InstallDependencies: `npm install`.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"dsvmpool.local/toolchain/lang-hosts/host"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

var version = "dev" // stamped: -ldflags -X main.version=...

type nodeHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func main() {
	host.Serve("pulumi-language-nodejs", version, func(engine string) pulumirpc.LanguageRuntimeServer {
		return &nodeHost{engineAddress: engine}
	})
}

// runScript finds @pulumi/pulumi's run script from the program folder upwards, as Node's require would.
func runScript(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		script := filepath.Join(d, "node_modules", "@pulumi", "pulumi", "cmd", "run")
		if _, err := os.Stat(script); err == nil {
			return script, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no node_modules/@pulumi/pulumi above %s: run `npm install`", dir)
		}
	}
}

func (h *nodeHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	dir := host.ProgramDirectory(req.Info, req.Pwd)
	script, err := runScript(dir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	entry := "."
	if req.Info != nil && req.Info.EntryPoint != "" {
		entry = req.Info.EntryPoint
	}
	root := dir
	if req.Info != nil && req.Info.RootDirectory != "" {
		root = req.Info.RootDirectory
	}
	args := []string{script, "--monitor=" + req.MonitorAddress, "--engine=" + h.engineAddress,
		"--organization=" + req.Organization, "--project=" + req.Project, "--stack=" + req.Stack,
		"--pwd=" + req.Pwd, "--root-directory=" + root, "--parallel=" + strconv.Itoa(int(req.Parallel))}
	if req.DryRun {
		args = append(args, "--dry-run")
	}
	args = append(append(args, entry), req.Args...)
	env, err := host.ConfigEnv(req)
	if err != nil {
		return nil, err
	}
	typescript := host.Option(req.Info, "typescript") != "false"
	env = append(env, "PULUMI_NODEJS_TYPESCRIPT="+strconv.FormatBool(typescript))
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	return host.RunProgram(ctx, cmd), nil
}

type pulumiField struct {
	Resource bool   `json:"resource"`
	Name     string `json:"name"`
	Version  string `json:"version"`
	Server   string `json:"server"`
}

func (h *nodeHost) GetRequiredPackages(ctx context.Context,
	req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	modules := filepath.Join(host.ProgramDirectory(req.Info, ""), "node_modules")
	manifests, _ := filepath.Glob(filepath.Join(modules, "*", "package.json"))
	scoped, _ := filepath.Glob(filepath.Join(modules, "@*", "*", "package.json"))
	var packages []*pulumirpc.PackageDependency
	for _, manifest := range append(manifests, scoped...) {
		data, err := os.ReadFile(manifest)
		if err != nil {
			continue
		}
		var pkg struct {
			Version string       `json:"version"`
			Pulumi  *pulumiField `json:"pulumi"`
		}
		if json.Unmarshal(data, &pkg) != nil || pkg.Pulumi == nil || !pkg.Pulumi.Resource {
			continue
		}
		v := pkg.Pulumi.Version
		if v == "" {
			v = pkg.Version
		}
		packages = append(packages, &pulumirpc.PackageDependency{Kind: "resource", Name: pkg.Pulumi.Name,
			Version: v, Server: pkg.Pulumi.Server})
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

func (h *nodeHost) GeneratePackage(ctx context.Context,
	req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return host.Generate(req, func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error) {
		return nodejs.GeneratePackage("pulumi-language-nodejs", pkg, req.ExtraFiles, req.LocalDependencies,
			req.Local, loader)
	})
}

// Link adds each generated SDK to the program's package.json as a file dependency (npm installs it next).
func (h *nodeHost) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	dir := host.ProgramDirectory(req.Info, "")
	manifestPath := filepath.Join(dir, "package.json")
	data, err := os.ReadFile(manifestPath)
	if err != nil {
		return nil, err
	}
	var manifest map[string]any
	if err := json.Unmarshal(data, &manifest); err != nil {
		return nil, fmt.Errorf("%s: %w", manifestPath, err)
	}
	deps, _ := manifest["dependencies"].(map[string]any)
	if deps == nil {
		deps = map[string]any{}
	}
	var names []string
	for _, dep := range req.Packages {
		sdk, err := os.ReadFile(filepath.Join(dir, dep.Path, "package.json"))
		if err != nil {
			return nil, err
		}
		var sdkManifest struct {
			Name string `json:"name"`
		}
		if err := json.Unmarshal(sdk, &sdkManifest); err != nil || sdkManifest.Name == "" {
			return nil, fmt.Errorf("the generated SDK at %s has no package name", dep.Path)
		}
		deps[sdkManifest.Name] = "file:" + filepath.ToSlash(dep.Path)
		names = append(names, sdkManifest.Name)
	}
	manifest["dependencies"] = deps
	out, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(manifestPath, append(out, '\n'), 0o644); err != nil {
		return nil, err
	}
	var how strings.Builder
	for _, name := range names {
		fmt.Fprintf(&how, "You can then import the SDK in your TypeScript code with:\n\n  import * as %s from %q;\n",
			strings.ReplaceAll(filepath.Base(name), "-", ""), name)
	}
	return &pulumirpc.LinkResponse{ImportInstructions: how.String()}, nil
}

func (h *nodeHost) InstallDependencies(req *pulumirpc.InstallDependenciesRequest,
	server grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	cmd := exec.CommandContext(server.Context(), "npm", "install", "--no-audit", "--no-fund")
	cmd.Dir = host.ProgramDirectory(req.Info, req.Directory)
	return host.InstallStream(cmd, server)
}

func (h *nodeHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (h *nodeHost) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	out, _ := exec.CommandContext(ctx, "node", "--version").Output()
	return &pulumirpc.AboutResponse{Executable: "node", Version: strings.TrimSpace(string(out)),
		Metadata: map[string]string{"host": "dsvm-pool stand-in " + version}}, nil
}

func (h *nodeHost) GetProgramDependencies(context.Context,
	*pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *nodeHost) RuntimeOptionsPrompts(context.Context,
	*pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}
