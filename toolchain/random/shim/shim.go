// Package shim exposes the upstream Terraform random provider, whose constructor is in an internal package:
// only a module under the upstream's import path may import it, hence this module's path (the same trick
// pulumi-random's own provider uses; this file is this project's).
package shim

import (
	"github.com/hashicorp/terraform-plugin-framework/provider"
	upstream "github.com/terraform-providers/terraform-provider-random/internal/provider"
)

// NewProvider returns the upstream provider as the Terraform plugin framework defines it.
func NewProvider() provider.Provider {
	return upstream.New()
}
