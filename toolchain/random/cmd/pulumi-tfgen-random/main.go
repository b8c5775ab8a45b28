// Command pulumi-tfgen-random writes the package schema and bridge metadata (`schema --out DIR`) that the
// provider embeds; toolchain/install runs it before building the provider.
package main

import (
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/pf/tfgen"

	"dsvmpool.local/toolchain/random/info"
)

func main() {
	tfgen.Main("random", info.Provider([]byte("{}")))
}
