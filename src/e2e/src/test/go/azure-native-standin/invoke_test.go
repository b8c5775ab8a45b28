package main

import (
	"encoding/base64"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func TestInvokeGetClientConfig(t *testing.T) {
	s := configured(t, nil)
	t.Setenv("STANDIN_SUBSCRIPTION_ID", "")
	resp, err := s.Invoke(ctx, &pulumirpc.InvokeRequest{Tok: "azure-native:authorization:getClientConfig", Args: wireOf(t, nil)})
	if err != nil {
		t.Fatal(err)
	}
	got := readBack(t, resp.GetReturn())
	for k, want := range map[string]string{"subscriptionId": fakeSubscriptionID, "tenantId": fakeTenantID,
		"clientId": fakeClientID, "objectId": fakeObjectID} {
		if atString(t, got, k) != want {
			t.Errorf("%s = %v", k, got)
		}
	}
	t.Setenv("STANDIN_SUBSCRIPTION_ID", "99999999-0000-4000-8000-000000000000")
	resp, _ = s.Invoke(ctx, &pulumirpc.InvokeRequest{Tok: "azure-native:authorization:getClientConfig", Args: wireOf(t, nil)})
	if atString(t, readBack(t, resp.GetReturn()), "subscriptionId") != "99999999-0000-4000-8000-000000000000" {
		t.Errorf("STANDIN_SUBSCRIPTION_ID is not used")
	}
}

func TestInvokeListStorageAccountKeysReturnsSecrets(t *testing.T) {
	s := configured(t, nil)
	args := wireOf(t, pm(t, map[string]any{"accountName": "acct", "resourceGroupName": "rg"}))
	resp, err := s.Invoke(ctx, &pulumirpc.InvokeRequest{Tok: "azure-native:storage:listStorageAccountKeys", Args: args})
	if err != nil {
		t.Fatal(err)
	}
	keys := at(t, readBack(t, resp.GetReturn()), "keys").ArrayValue()
	if len(keys) != 2 {
		t.Fatalf("keys = %v", keys)
	}
	for i, name := range []string{"key1", "key2"} {
		key := keys[i].ObjectValue()
		if atString(t, key, "keyName") != name || atString(t, key, "permissions") != "FULL" {
			t.Errorf("key %d = %v", i, key)
		}
		value := key["value"]
		if !value.IsSecret() {
			t.Fatalf("%s value is not a secret", name)
		}
		if raw, err := base64.StdEncoding.DecodeString(value.SecretValue().Element.StringValue()); err != nil || len(raw) != 64 {
			t.Errorf("%s value is not 64 bytes of base64: %v", name, err)
		}
	}
	again, _ := s.Invoke(ctx, &pulumirpc.InvokeRequest{Tok: "azure-native:storage:listStorageAccountKeys", Args: args})
	if !at(t, readBack(t, again.GetReturn()), "keys").DeepEquals(at(t, readBack(t, resp.GetReturn()), "keys")) {
		t.Errorf("keys are not deterministic")
	}
}

func TestUnknownInvokeIsAClearError(t *testing.T) {
	s := configured(t, nil)
	_, err := s.Invoke(ctx, &pulumirpc.InvokeRequest{Tok: "azure-native:compute:getVirtualMachine", Args: wireOf(t, nil)})
	if err == nil || !strings.Contains(err.Error(), `"azure-native:compute:getVirtualMachine" is not supported`) {
		t.Errorf("err = %v", err)
	}
}
