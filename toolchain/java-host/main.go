// Command pulumi-language-java here is a STAND-IN for pulumi-java's language host v1.36.1: the Go module proxy
// this project builds from refuses github.com/pulumi/pulumi-java (403 "This module version is not available"
// at every version), so the real host cannot be built from published modules (docs/toolchain.md). It is
// written for this project against the published Pulumi SDK (sdk/v3 v3.257.0) and does only what the engine
// needs to run a Java program, the way the real host's jar and Maven executors do (PULUMI-NOTES "How the Java
// language host runs a program"):
//   - jar (runtime.options.binary ends in .jar): run `java -jar <binary>`, discover plugins with
//     `java -cp <binary> com.pulumi.bootstrap.internal.Main packages`;
//   - maven (a pom.xml, or use-executor mvn): `./mvnw` if present, else `mvn`, with `compile exec:java`.
//
// The program learns its deployment from the PULUMI_* variables the Java SDK 1.36.1 reads
// (DeploymentImpl.DeploymentState). Everything else (code generation, packing, gradle, jbang, sbt) answers
// Unimplemented.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// Stamped at build time (-ldflags -X main.version=...).
var version = "dev"

// The Java SDK exits with this code after it has already logged the error to the engine (Pulumi's "bail").
const exitLoggedError = 32

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "--version" {
		fmt.Println(version)
		return
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pulumi-language-java <engine address>")
		os.Exit(1)
	}
	h := &host{engineAddress: os.Args[len(os.Args)-1]}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, h)
			return nil
		},
		Options: rpcutil.OpenTracingServerInterceptorOptions(nil),
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-java: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-java: %v\n", err)
		os.Exit(1)
	}
}

// executor is how one program is started and asked for its plugins.
type executor struct {
	dir       string
	cmd       string
	runArgs   []string
	discovery []string
}

func newExecutor(info *pulumirpc.ProgramInfo, pwd string) (*executor, error) {
	dir := pwd
	if info != nil && info.ProgramDirectory != "" {
		dir = info.ProgramDirectory
	}
	options := map[string]any{}
	if info != nil && info.Options != nil {
		options = info.Options.AsMap()
	}
	binary, _ := options["binary"].(string)
	useExecutor, _ := options["use-executor"].(string)
	if strings.HasSuffix(binary, ".jar") {
		return &executor{dir: dir, cmd: "java", runArgs: []string{"-jar", binary},
			discovery: []string{"-cp", binary, "com.pulumi.bootstrap.internal.Main", "packages"}}, nil
	}
	_, pomErr := os.Stat(filepath.Join(dir, "pom.xml"))
	if pomErr == nil || strings.Contains(useExecutor, "mvn") {
		mvn := "mvn"
		if _, err := os.Stat(filepath.Join(dir, "mvnw")); err == nil {
			mvn = "./mvnw"
		}
		return &executor{dir: dir, cmd: mvn,
			runArgs: []string{"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "--no-transfer-progress",
				"compile", "exec:java"},
			discovery: []string{"-Dorg.slf4j.simpleLogger.logFile=System.err", "--no-transfer-progress",
				"compile", "exec:java", "-DmainClass=com.pulumi.bootstrap.internal.Main", "-DmainArgs=packages"}}, nil
	}
	return nil, fmt.Errorf("the stand-in Java host runs a jar (runtime.options.binary ending in .jar) or a "+
		"Maven project (pom.xml) only; %s has neither", dir)
}

// discoveredPackage is one entry of the SDK's `packages` JSON.
type discoveredPackage struct {
	Resource         bool   `json:"resource"`
	Name             string `json:"name"`
	Version          string `json:"version"`
	Server           string `json:"server"`
	Parameterization *struct {
		Name    string `json:"name"`
		Version string `json:"version"`
		Value   []byte `json:"value"`
	} `json:"parameterization"`
}

func (h *host) GetRequiredPackages(ctx context.Context,
	req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	ex, err := newExecutor(req.Info, "")
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, ex.cmd, ex.discovery...)
	cmd.Dir = ex.dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("plugin discovery (%s %s) failed: %w\n%s", ex.cmd,
			strings.Join(ex.discovery, " "), err, stderr.String())
	}
	var found []discoveredPackage
	if err := json.Unmarshal(bytes.TrimSpace(stdout.Bytes()), &found); err != nil {
		return nil, fmt.Errorf("plugin discovery printed no package list: %w\n%s", err, stdout.String())
	}
	var packages []*pulumirpc.PackageDependency
	for _, p := range found {
		if !p.Resource {
			continue
		}
		dep := &pulumirpc.PackageDependency{Kind: "resource", Name: p.Name, Version: p.Version, Server: p.Server}
		if p.Parameterization != nil {
			dep.Parameterization = &pulumirpc.PackageParameterization{Name: p.Parameterization.Name,
				Version: p.Parameterization.Version, Value: p.Parameterization.Value}
		}
		packages = append(packages, dep)
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	ex, err := newExecutor(req.Info, req.Pwd)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	// The SDK parses both as JSON and refuses "null": no configuration is an empty object.
	configMap := req.Config
	if configMap == nil {
		configMap = map[string]string{}
	}
	config, err := json.Marshal(configMap)
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(append([]string{}, req.ConfigSecretKeys...))
	if err != nil {
		return nil, err
	}
	root := ex.dir
	if req.Info != nil && req.Info.RootDirectory != "" {
		root = req.Info.RootDirectory
	}
	cmd := exec.CommandContext(ctx, ex.cmd, append(ex.runArgs, req.Args...)...)
	cmd.Dir = ex.dir
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(),
		"PULUMI_MONITOR="+req.MonitorAddress,
		"PULUMI_ENGINE="+h.engineAddress,
		"PULUMI_ORGANIZATION="+req.Organization,
		"PULUMI_PROJECT="+req.Project,
		"PULUMI_STACK="+req.Stack,
		"PULUMI_ROOT_DIRECTORY="+root,
		"PULUMI_DRY_RUN="+strconv.FormatBool(req.DryRun),
		"PULUMI_PARALLEL="+strconv.Itoa(int(req.Parallel)),
		"PULUMI_CONFIG="+string(config),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys),
	)
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) && exitErr.ExitCode() == exitLoggedError {
			return &pulumirpc.RunResponse{Bail: true}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("%s %s: %v", ex.cmd, strings.Join(ex.runArgs, " "), err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// RunPlugin starts a component provider (PulumiPlugin.yaml with `runtime: java`) and streams its output to the
// engine, which reads the port from the first line of stdout (sdk/v3 go/common/resource/plugin/plugin.go).
func (h *host) RunPlugin(req *pulumirpc.RunPluginRequest,
	server grpc.ServerStreamingServer[pulumirpc.RunPluginResponse],
) error {
	ex, err := newExecutor(req.Info, req.Pwd)
	if err != nil {
		return err
	}
	var args []string
	if strings.HasSuffix(ex.cmd, "java") {
		args = append(append(args, ex.runArgs...), req.Args...)
	} else {
		// Maven: quiet, or its log lines would come before the port on stdout.
		args = []string{"-q", "--no-transfer-progress", "compile", "exec:java",
			"-DmainArgs=" + strings.Join(req.Args, " ")}
	}
	cmd := exec.CommandContext(server.Context(), ex.cmd, args...)
	cmd.Dir = ex.dir
	cmd.Env = append(os.Environ(), req.Env...)
	stream := &pluginStream{server: server}
	cmd.Stdout = streamWriter{stream, false}
	cmd.Stderr = streamWriter{stream, true}
	code := int32(0)
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			return fmt.Errorf("%s %s: %w", ex.cmd, strings.Join(args, " "), err)
		}
		code = int32(exitErr.ExitCode())
	}
	return stream.send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: code}})
}

// pluginStream serialises the two output pipes onto one gRPC stream.
type pluginStream struct {
	mu     sync.Mutex
	server grpc.ServerStreamingServer[pulumirpc.RunPluginResponse]
}

func (s *pluginStream) send(msg *pulumirpc.RunPluginResponse) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.server.Send(msg)
}

type streamWriter struct {
	stream *pluginStream
	stderr bool
}

func (w streamWriter) Write(p []byte) (int, error) {
	data := append([]byte(nil), p...)
	msg := &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: data}}
	if w.stderr {
		msg = &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: data}}
	}
	if err := w.stream.send(msg); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// InstallDependencies has nothing to do: a jar is never built by the host, and Maven fetches on first run.
func (h *host) InstallDependencies(*pulumirpc.InstallDependenciesRequest,
	grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	return nil
}

func (h *host) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	out, _ := exec.CommandContext(ctx, "java", "-version").CombinedOutput()
	first, _, _ := strings.Cut(string(out), "\n")
	return &pulumirpc.AboutResponse{Executable: "java", Version: strings.TrimSpace(first),
		Metadata: map[string]string{"host": "dsvm-pool stand-in " + version}}, nil
}

func (h *host) GetProgramDependencies(context.Context,
	*pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *host) RuntimeOptionsPrompts(context.Context,
	*pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}
