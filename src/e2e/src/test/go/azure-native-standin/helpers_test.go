package main

import (
	"context"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

var ctx = context.Background()

func urnOf(token, name string) string {
	return "urn:pulumi:dev::dsvm-pool::pulumi:pulumi:Stack$dsvm-pool:index:DsvmPool$" + token + "::" + name
}

// wireOf is what the engine sends: secrets and unknowns as wire signatures.
func wireOf(t *testing.T, m resource.PropertyMap) *structpb.Struct {
	t.Helper()
	s, err := plugin.MarshalProperties(m, plugin.MarshalOptions{KeepSecrets: true, KeepUnknowns: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func readBack(t *testing.T, s *structpb.Struct) resource.PropertyMap {
	t.Helper()
	m, err := plugin.UnmarshalProperties(s, plugin.MarshalOptions{KeepSecrets: true, KeepUnknowns: true})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func pm(t *testing.T, v map[string]any) resource.PropertyMap {
	t.Helper()
	return resource.NewPropertyMapFromMap(v)
}

func configured(t *testing.T, vars map[string]string) *server {
	t.Helper()
	s := newServer()
	if _, err := s.Configure(ctx, &pulumirpc.ConfigureRequest{Variables: vars, AcceptSecrets: true}); err != nil {
		t.Fatal(err)
	}
	return s
}

func check(t *testing.T, s *server, urn string, olds, news resource.PropertyMap, seed string) resource.PropertyMap {
	t.Helper()
	resp, err := s.Check(ctx, &pulumirpc.CheckRequest{
		Urn: urn, Olds: wireOf(t, olds), News: wireOf(t, news), RandomSeed: []byte(seed),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.GetFailures()) > 0 {
		t.Fatalf("failures: %v", resp.GetFailures())
	}
	return readBack(t, resp.GetInputs())
}

func create(t *testing.T, s *server, urn string, in resource.PropertyMap, preview bool) (string, resource.PropertyMap) {
	t.Helper()
	resp, err := s.Create(ctx, &pulumirpc.CreateRequest{Urn: urn, Properties: wireOf(t, in), Preview: preview})
	if err != nil {
		t.Fatal(err)
	}
	return resp.GetId(), readBack(t, resp.GetProperties())
}

func diff(t *testing.T, s *server, urn string, olds, news resource.PropertyMap, ignore ...string,
) *pulumirpc.DiffResponse {
	t.Helper()
	resp, err := s.Diff(ctx, &pulumirpc.DiffRequest{
		Urn: urn, Olds: wireOf(t, olds), News: wireOf(t, news), OldInputs: wireOf(t, olds), IgnoreChanges: ignore,
	})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// at reads a value at a property path such as "dnsSettings.fqdn", failing the test when it is absent.
func at(t *testing.T, m resource.PropertyMap, path string) resource.PropertyValue {
	t.Helper()
	p, err := resource.ParsePropertyPath(path)
	if err != nil {
		t.Fatal(err)
	}
	v, ok := p.Get(resource.NewObjectProperty(m))
	if !ok {
		t.Fatalf("no %s in %v", path, m)
	}
	return v
}

func atString(t *testing.T, m resource.PropertyMap, path string) string {
	t.Helper()
	v := at(t, m, path)
	if !v.IsString() {
		t.Fatalf("%s is not a string: %v", path, v)
	}
	return v.StringValue()
}
