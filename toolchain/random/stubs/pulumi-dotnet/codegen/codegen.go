// Stand-in for a module the Go module proxy refuses (403): the bridge's tfgen links it only to convert
// examples and generate SDKs, which pulumi-tfgen-random never does (it writes the schema with --skip-examples).
// Written for this project; see docs/toolchain.md.
package codegen

import (
	"errors"

	"github.com/hashicorp/hcl/v2"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
)

// GenerateProgram is never called by `tfgen schema --skip-examples`.
func GenerateProgram(*pcl.Program) (map[string][]byte, hcl.Diagnostics, error) {
	return nil, nil, errors.New("program generation is not available in the dsvm-pool toolchain")
}

// CSharpPackageInfo is the schema's language.csharp section of a package (key names as in Pulumi's schema).
type CSharpPackageInfo struct {
	Compatibility                string            `json:"compatibility,omitempty"`
	PackageReferences            map[string]string `json:"packageReferences,omitempty"`
	Namespaces                   map[string]string `json:"namespaces,omitempty"`
	RootNamespace                string            `json:"rootNamespace,omitempty"`
	DictionaryConstructors       bool              `json:"dictionaryConstructors,omitempty"`
	ProjectReferences            []string          `json:"projectReferences,omitempty"`
	LiftSingleValueMethodReturns bool              `json:"liftSingleValueMethodReturns,omitempty"`
	RespectSchemaVersion         bool              `json:"respectSchemaVersion,omitempty"`
}

// CSharpPropertyInfo is a property's language.csharp section.
type CSharpPropertyInfo struct {
	Name string `json:"name,omitempty"`
}

// CSharpResourceInfo is a resource's language.csharp section.
type CSharpResourceInfo struct {
	Name string `json:"name,omitempty"`
}
