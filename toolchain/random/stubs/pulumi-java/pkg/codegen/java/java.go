// Stand-in for a module the Go module proxy refuses (403): the bridge's tfgen links it only to convert
// examples and generate SDKs, which pulumi-tfgen-random never does (it writes the schema with --skip-examples).
// Written for this project; see docs/toolchain.md.
package java

import (
	"errors"

	"github.com/hashicorp/hcl/v2"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
)

// GenerateProgram is never called by `tfgen schema --skip-examples`.
func GenerateProgram(*pcl.Program) (map[string][]byte, hcl.Diagnostics, error) {
	return nil, nil, errors.New("program generation is not available in the dsvm-pool toolchain")
}
