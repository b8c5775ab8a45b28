package main

import (
	"context"
	"crypto/sha512"
	"encoding/base64"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Invoke answers the two functions dsvm-pool calls; any other is a clear error.
func (s *server) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	if err := s.recordCall("Invoke", "", "", map[string]any{"token": req.GetTok(), "args": req.GetArgs()}); err != nil {
		return nil, err
	}
	args, err := inputs(req.GetArgs())
	if err != nil {
		return nil, err
	}
	var result resource.PropertyMap
	switch req.GetTok() {
	case "azure-native:authorization:getClientConfig":
		result = resource.PropertyMap{
			"clientId":       str(fakeClientID),
			"objectId":       str(fakeObjectID),
			"subscriptionId": str(subscriptionID()),
			"tenantId":       str(fakeTenantID),
		}
	case "azure-native:storage:listStorageAccountKeys":
		account, _ := stringAt(args, "accountName")
		group, _ := stringAt(args, "resourceGroupName")
		keys := []resource.PropertyValue{}
		for _, name := range []string{"key1", "key2"} {
			keys = append(keys, object(resource.PropertyMap{
				"keyName":     str(name),
				"permissions": str("FULL"),
				"value":       resource.MakeSecret(str(fakeKey(group, account, name))),
			}))
		}
		result = resource.PropertyMap{"keys": resource.NewArrayProperty(keys)}
	default:
		return nil, status.Errorf(codes.InvalidArgument, "azure-native stand-in: function %q is not supported "+
			"(it answers only azure-native:authorization:getClientConfig and azure-native:storage:listStorageAccountKeys)",
			req.GetTok())
	}
	ret, err := marshal(result)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.InvokeResponse{Return: ret}, nil
}

// fakeKey: 64 bytes in base64 (88 characters), the shape of a storage account key, the same for the same account.
func fakeKey(group, account, name string) string {
	sum := sha512.Sum512([]byte("standin-key/" + group + "/" + account + "/" + name))
	return base64.StdEncoding.EncodeToString(sum[:])
}
