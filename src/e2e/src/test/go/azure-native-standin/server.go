package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

const (
	providerName    = "azure-native"
	providerVersion = "2.10.0" // the com.pulumi:azure-native version the Java program is built with
	configPrefix    = "azure-native:config:"
	// The real provider keeps its view of the inputs in state under __inputs (a secret) in v2 and marks
	// auto-named resources with __createBeforeDelete (provider.go, createBeforeDeleteFlag).
	inputsKey             = "__inputs"
	createBeforeDeleteKey = "__createBeforeDelete"
)

type server struct {
	pulumirpc.UnimplementedResourceProviderServer

	rec recorder

	mu     sync.Mutex
	config map[string]string // provider configuration without the "azure-native:config:" prefix

	// warn shows a warning in the engine's output (nil in unit tests).
	warn func(ctx context.Context, msg string)
}

// standInWarning is shown once per run: an environment made for the offline trial (toolchain/install
// --print-env) must never pass for a real deployment.
const standInWarning = "azure-native STAND-IN (dsvm-pool tests, src/e2e/src/test/go/azure-native-standin): nothing is" +
	" deployed to Azure; for a real deployment, use a shell without toolchain/install's PULUMI_HOME"

func newServer() *server {
	return &server{config: map[string]string{}}
}

func (s *server) configValue(key string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.config[key]
	return v, ok
}

func (s *server) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: providerVersion}, nil
}

// CheckConfig and DiffConfig answer as the real provider does: the configuration as given, never a diff.
func (s *server) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (s *server) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_UNKNOWN}, nil
}

// Configure keeps the configuration (location is what Check uses) and makes no call anywhere: the real provider
// would authenticate here.
func (s *server) Configure(ctx context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	config := map[string]string{}
	for k, v := range req.GetVariables() {
		config[strings.TrimPrefix(k, configPrefix)] = v
	}
	args, err := wire(req.GetArgs())
	if err != nil {
		return nil, err
	}
	for k, v := range args {
		if v.IsString() {
			config[string(k)] = v.StringValue()
		}
	}
	s.mu.Lock()
	s.config = config
	s.mu.Unlock()
	if err := s.rec.record(map[string]any{"method": "Configure", "args": props(args)}); err != nil {
		return nil, err
	}
	if s.warn != nil {
		s.warn(ctx, standInWarning)
	}
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true}, nil
}

func (s *server) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// lookup finds what the stand-in knows of the URN's type; anything else is a clear error, never a guess.
func lookup(urn string) (string, resourceType, error) {
	token := string(resource.URN(urn).Type())
	t, ok := resourceTypes[token]
	if !ok {
		return token, t, status.Errorf(codes.InvalidArgument,
			"azure-native stand-in: resource type %q is not supported (it answers only for %s); "+
				"add it to src/e2e/src/test/go/azure-native-standin/types.go", token, strings.Join(supportedTokens(), ", "))
	}
	return token, t, nil
}

// inputs reads the engine's properties for work: secrets and unknowns kept, so they go back where they came.
func inputs(s *structpb.Struct) (resource.PropertyMap, error) {
	m, err := plugin.UnmarshalProperties(s, plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, SkipNulls: true})
	if err != nil {
		return nil, err
	}
	if m == nil {
		m = resource.PropertyMap{}
	}
	return m, nil
}

func marshal(m resource.PropertyMap) (*structpb.Struct, error) {
	return plugin.MarshalProperties(m, plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, SkipNulls: true})
}

func subscriptionID() string {
	if v := os.Getenv("STANDIN_SUBSCRIPTION_ID"); v != "" {
		return v
	}
	return fakeSubscriptionID
}

func errorf(format string, args ...any) error {
	return fmt.Errorf("azure-native stand-in: "+format, args...)
}
