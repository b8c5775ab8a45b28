module github.com/pulumi/pulumi-yaml

go 1.25.11
