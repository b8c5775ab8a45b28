// Package host holds what this project's stand-in language hosts for Node.js and Python share: serving the
// LanguageRuntime on a port printed to stdout, running a command with the deployment passed as the real hosts
// pass it, streaming a command's output to the CLI, and SDK generation with the published codegen of
// github.com/pulumi/pulumi/pkg/v3 (the same code the real hosts call).
//
// Why stand-ins: the Go module proxy refuses github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
// and .../sdk/python/cmd/pulumi-language-python/v3 (403 "This module version is not available", v3.257.0 and
// @v/list), so the real hosts cannot be built from published modules (docs/component-package.md).
package host

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// ExitLoggedError is the exit code with which the SDKs say the error was already shown to the user ("bail").
const ExitLoggedError = 32

// Serve registers the runtime, prints the port (the CLI reads it from the first line of stdout) and blocks.
func Serve(name, version string, newServer func(engineAddress string) pulumirpc.LanguageRuntimeServer) {
	if len(os.Args) == 2 && os.Args[1] == "--version" {
		fmt.Println(version)
		return
	}
	if len(os.Args) < 2 {
		fmt.Fprintf(os.Stderr, "usage: %s [flags] <engine address>\n", name)
		os.Exit(1)
	}
	srv := newServer(os.Args[len(os.Args)-1])
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(s *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(s, srv)
			return nil
		},
		Options: rpcutil.OpenTracingServerInterceptorOptions(nil),
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}

// ConfigEnv is the configuration as both SDKs read it: PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS, JSON.
func ConfigEnv(req *pulumirpc.RunRequest) ([]string, error) {
	config := req.Config
	if config == nil {
		config = map[string]string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(append([]string{}, req.ConfigSecretKeys...))
	if err != nil {
		return nil, err
	}
	return []string{"PULUMI_CONFIG=" + string(configJSON), "PULUMI_CONFIG_SECRET_KEYS=" + string(secretKeys)}, nil
}

// RunProgram runs the program's process with its output on the host's (which the CLI shows) and maps its exit.
func RunProgram(ctx context.Context, cmd *exec.Cmd) *pulumirpc.RunResponse {
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) && exitErr.ExitCode() == ExitLoggedError {
			return &pulumirpc.RunResponse{Bail: true}
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("%s: %v", cmd.String(), err)}
	}
	return &pulumirpc.RunResponse{}
}

// ProgramDirectory is where the program lives (ProgramInfo), else the request's working directory.
func ProgramDirectory(info *pulumirpc.ProgramInfo, pwd string) string {
	if info != nil && info.ProgramDirectory != "" {
		return info.ProgramDirectory
	}
	return pwd
}

// Option reads runtime.options.<name> from the project file as a string.
func Option(info *pulumirpc.ProgramInfo, name string) string {
	if info == nil || info.Options == nil {
		return ""
	}
	value, _ := info.Options.AsMap()[name].(string)
	return value
}

// InstallStream sends a command's output to the CLI as InstallDependencies does.
func InstallStream(cmd *exec.Cmd, server grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse]) error {
	cmd.Stdout, cmd.Stderr = InstallWriters(server)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", cmd.String(), err)
	}
	return nil
}

// InstallWriters are the stdout and stderr of InstallDependencies: what is written goes to the CLI as it comes (for
// hosts whose installing is done by a library that takes writers rather than one command).
func InstallWriters(server grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse]) (io.Writer, io.Writer) {
	var mu sync.Mutex
	send := func(stderr bool) writerFunc {
		return func(p []byte) (int, error) {
			mu.Lock()
			defer mu.Unlock()
			data := append([]byte(nil), p...)
			msg := &pulumirpc.InstallDependenciesResponse{Stdout: data}
			if stderr {
				msg = &pulumirpc.InstallDependenciesResponse{Stderr: data}
			}
			if err := server.Send(msg); err != nil {
				return 0, err
			}
			return len(p), nil
		}
	}
	return send(false), send(true)
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// Generate binds the schema the CLI sends (with its loader for referenced packages) and writes the files the
// language's published generator returns.
func Generate(req *pulumirpc.GeneratePackageRequest,
	generate func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error),
) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, err
	}
	defer loader.Close()
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.Schema), &spec); err != nil {
		return nil, fmt.Errorf("the schema is not valid JSON: %w", err)
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("the schema does not bind: %w", diags)
	}
	files, err := generate(pkg, loader)
	if err != nil {
		return nil, err
	}
	for name, content := range files {
		path := filepath.Join(req.Directory, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.GeneratePackageResponse{}, nil
}
