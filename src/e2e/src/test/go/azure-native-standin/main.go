// Command pulumi-resource-azure-native is a stand-in for the azure-native resource provider, for engine-level tests
// only: it answers the Pulumi engine the way azure-native 2.10.0 does for the resources and functions dsvm-pool uses,
// without Azure. See docs/standin.md.
package main

import (
	"context"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func main() {
	err := provider.Main(providerName, func(host *provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		s := newServer()
		s.warn = func(ctx context.Context, msg string) {
			_ = host.Log(ctx, diag.Warning, "", msg)
		}
		return s, nil
	})
	if err != nil {
		cmdutil.ExitError(err.Error())
	}
	os.Exit(0)
}
