package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

func TestRecordMarksSecretsAndPreview(t *testing.T) {
	file := filepath.Join(t.TempDir(), "calls.jsonl")
	t.Setenv(recordEnv, file)
	s := configured(t, map[string]string{"azure-native:config:location": "westeurope"})
	urn := urnOf("azure-native:keyvault:Secret", "dsvm-dev-storage-key")
	const clear = "c2VjcmV0LXN0b3JhZ2Uta2V5LXZhbHVl"
	in := resource.PropertyMap{
		"secretName": resource.NewStringProperty("storage-key"), "vaultName": resource.NewStringProperty("kv"),
		"resourceGroupName": resource.NewStringProperty("rg"),
		"properties": resource.NewObjectProperty(resource.PropertyMap{
			"value": resource.MakeSecret(resource.NewStringProperty(clear)),
		}),
	}
	create(t, s, urn, in, true)
	create(t, s, urn, in, false)

	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), clear) {
		t.Fatalf("the record holds the secret in clear:\n%s", data)
	}
	var calls []map[string]any
	scanner := bufio.NewScanner(strings.NewReader(string(data)))
	scanner.Buffer(nil, 1<<20)
	for scanner.Scan() {
		var call map[string]any
		if err := json.Unmarshal(scanner.Bytes(), &call); err != nil {
			t.Fatalf("not one JSON object per line: %v", err)
		}
		calls = append(calls, call)
	}
	if len(calls) != 3 || calls[0]["method"] != "Configure" {
		t.Fatalf("calls = %v", calls)
	}
	sum := sha256.Sum256([]byte(clear))
	for i, preview := range []bool{true, false} {
		call := calls[i+1]
		if call["method"] != "Create" || call["urn"] != urn || call["type"] != "azure-native:keyvault:Secret" ||
			call["preview"] != preview {
			t.Errorf("call %d = %v", i+1, call)
		}
		value := call["properties"].(map[string]any)["properties"].(map[string]any)["value"].(map[string]any)
		if value[secretSigKey] != secretSigValue || value["value"] != hex.EncodeToString(sum[:]) {
			t.Errorf("secret recorded as %v", value)
		}
		if call["properties"].(map[string]any)["vaultName"] != "kv" {
			t.Errorf("plain values are recorded as JSON: %v", call["properties"])
		}
	}
}
