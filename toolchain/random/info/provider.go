// Package info maps the upstream Terraform random provider onto Pulumi's random package (random:index/...),
// as pulumi-random 4.21.1 publishes it. Written for this project: the Go module proxy refuses
// github.com/pulumi/pulumi-random/provider/v4 (403 "This module version is not available", docs/toolchain.md),
// but serves everything under it: the upstream provider, the bridge and the SDK at the release's pins.
package info

import (
	"context"
	"errors"

	pf "github.com/pulumi/pulumi-terraform-bridge/v3/pkg/pf/tfbridge"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/terraform-providers/terraform-provider-random/shim"
)

// Version is stamped at build time (-ldflags -X .../info.Version=4.21.1); the bridge refuses an empty one.
var Version = ""

// Provider describes the package; metadata is the bridge metadata tfgen wrote next to the schema.
func Provider(metadata []byte) tfbridge.ProviderInfo {
	prov := tfbridge.ProviderInfo{
		P:            pf.ShimProvider(shim.NewProvider()),
		Name:         "random",
		Description:  "A Pulumi package to safely use randomness in Pulumi programs.",
		License:      "Apache-2.0",
		Version:      Version,
		MetadataInfo: tfbridge.NewProviderMetadata(metadata),
		Resources: map[string]*tfbridge.ResourceInfo{
			// random_bytes has no id attribute upstream: Pulumi needs one.
			"random_bytes": {ComputeID: idFromBase64},
		},
		EnableAccurateBridgePreview: true,
		EnableRawStateDelta:         true,
	}
	// random_password -> random:index/randomPassword:RandomPassword, the token the Java binding declares.
	prov.MustComputeTokens(tokens.SingleModule("random_", "index", func(module, name string) (string, error) {
		return tokens.MakeStandard("random")(module, "Random"+name)
	}))
	prov.MustApplyAutoAliases()
	return prov
}

func idFromBase64(_ context.Context, state resource.PropertyMap) (resource.ID, error) {
	value, ok := state["base64"]
	if !ok {
		return "", errors.New("random_bytes: no base64 in state")
	}
	if value.IsSecret() {
		value = value.SecretValue().Element
	}
	if !value.IsString() {
		return "", errors.New("random_bytes: base64 is not a string")
	}
	return resource.ID(value.StringValue()), nil
}
