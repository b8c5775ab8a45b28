package main

import (
	"context"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// An offline-trial environment must never pass for a real deployment: every run says it is the stand-in.
func TestConfigureWarnsThatNothingReachesAzure(t *testing.T) {
	s := newServer()
	var warnings []string
	s.warn = func(_ context.Context, msg string) { warnings = append(warnings, msg) }
	if _, err := s.Configure(context.Background(), &pulumirpc.ConfigureRequest{AcceptSecrets: true}); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "STAND-IN") ||
		!strings.Contains(warnings[0], "nothing is deployed to Azure") {
		t.Fatalf("warnings = %q", warnings)
	}
}
