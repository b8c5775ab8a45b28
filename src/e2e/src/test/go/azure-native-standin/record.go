package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"google.golang.org/protobuf/types/known/structpb"
)

// recordEnv names the JSON-lines file every call is appended to (unset: nothing is recorded).
const recordEnv = "STANDIN_RECORD"

// The engine's own secret signature (resource/sig): a recorded secret is this object with a hash instead of the
// value, so tests see that a value arrived as a secret and which one, and the record never holds it in clear.
const (
	secretSigKey   = "4dabf18193072939515e22adb298388d"
	secretSigValue = "1b47061264138c4ac30d75fd1eb44270"
)

// unknownMarker stands for a value not known yet (preview), as the engine's wire format spells it.
const unknownMarker = plugin.UnknownStringValue

type recorder struct {
	mu sync.Mutex
}

// record appends one call; entry values are JSON-ready (see props). Calls arrive concurrently, so one write per
// line under a lock, in append mode (several provider processes may share the file within one run).
func (r *recorder) record(entry map[string]any) error {
	path := os.Getenv(recordEnv)
	if path == "" {
		return nil
	}
	line, err := json.Marshal(entry)
	if err != nil {
		return fmt.Errorf("stand-in record: %w", err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("stand-in record: %w", err)
	}
	defer f.Close()
	_, err = f.Write(append(line, '\n'))
	return err
}

// wire reads properties as the engine sent them, keeping secrets, unknowns and resource references, for the record.
func wire(s *structpb.Struct) (resource.PropertyMap, error) {
	if s == nil {
		return nil, nil
	}
	return plugin.UnmarshalProperties(s, plugin.MarshalOptions{
		KeepUnknowns: true, KeepSecrets: true, KeepResources: true, KeepOutputValues: true,
	})
}

// props turns properties into plain JSON with each secret replaced by the signature object and its value's sha256.
func props(m resource.PropertyMap) any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[string(k)] = recordValue(v)
	}
	return out
}

func recordValue(v resource.PropertyValue) any {
	switch {
	case v.IsSecret():
		return map[string]any{secretSigKey: secretSigValue, "value": secretHash(v.SecretValue().Element)}
	case v.IsComputed():
		return unknownMarker
	case v.IsOutput():
		o := v.OutputValue()
		if o.Secret {
			return map[string]any{secretSigKey: secretSigValue, "value": secretHash(o.Element)}
		}
		if !o.Known {
			return unknownMarker
		}
		return recordValue(o.Element)
	case v.IsObject():
		return props(v.ObjectValue())
	case v.IsArray():
		items := make([]any, 0, len(v.ArrayValue()))
		for _, item := range v.ArrayValue() {
			items = append(items, recordValue(item))
		}
		return items
	case v.IsResourceReference():
		return string(v.ResourceReferenceValue().URN)
	case v.IsNull():
		return nil
	default:
		return v.V
	}
}

// secretHash is the sha256 (hex) of a string secret's bytes, or of the plain JSON of any other secret value.
func secretHash(v resource.PropertyValue) string {
	var data []byte
	if v.IsString() {
		data = []byte(v.StringValue())
	} else {
		data, _ = json.Marshal(plainValue(v))
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// plainValue is a value with secrets unwrapped, keys sorted by encoding/json; used only to hash.
func plainValue(v resource.PropertyValue) any {
	switch {
	case v.IsSecret():
		return plainValue(v.SecretValue().Element)
	case v.IsObject():
		m := map[string]any{}
		for k, e := range v.ObjectValue() {
			m[string(k)] = plainValue(e)
		}
		return m
	case v.IsArray():
		items := []any{}
		for _, e := range v.ArrayValue() {
			items = append(items, plainValue(e))
		}
		return items
	default:
		return recordValue(v)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// recordCall records one engine call: properties (*structpb.Struct) as the engine sent them, other fields as given.
func (s *server) recordCall(method, urn, token string, fields map[string]any) error {
	entry := map[string]any{"method": method}
	if urn != "" {
		entry["urn"] = urn
		entry["type"] = token
	}
	for k, v := range fields {
		if st, ok := v.(*structpb.Struct); ok {
			m, err := wire(st)
			if err != nil {
				return err
			}
			entry[k] = props(m)
			continue
		}
		entry[k] = v
	}
	return s.rec.record(entry)
}
