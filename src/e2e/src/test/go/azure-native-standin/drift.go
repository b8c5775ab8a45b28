package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// driftEnv names a JSON file of changes made "behind Pulumi's back", which Read reports:
// {"<logical name or URN>": {"<property path>": <value>, ...}, ...}, e.g. {"dsvm-dev-vmss": {"sku.capacity": 3}}.
const driftEnv = "STANDIN_DRIFT_FILE"

// driftFor reads the file at each call, so a test can set the variable first and write or change the file
// between two engine runs; a missing file means no drift.
func driftFor(urn string) (map[string]any, error) {
	path := os.Getenv(driftEnv)
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // not written yet: nothing changed behind Pulumi's back
	}
	if err != nil {
		return nil, errorf("%s: %v", driftEnv, err)
	}
	var all map[string]map[string]any
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, errorf("%s %s: want {\"<name or URN>\": {\"<property path>\": <value>}}: %v", driftEnv, path, err)
	}
	if d, ok := all[urn]; ok {
		return d, nil
	}
	return all[resource.URN(urn).Name()], nil
}

// applyDrift sets each path in the outputs and in the inputs, creating missing objects on the way.
func applyDrift(drift map[string]any, state, in resource.PropertyMap) error {
	for _, p := range sortedKeys(drift) {
		path, err := resource.ParsePropertyPath(p)
		if err != nil {
			return errorf("%s: bad property path %q: %v", driftEnv, p, err)
		}
		value := resource.NewPropertyValue(drift[p])
		for _, m := range []resource.PropertyMap{state, in} {
			if _, ok := path.Add(resource.NewObjectProperty(m), value); !ok {
				return errorf("%s: cannot set %q: the path crosses a value that is not an object or array", driftEnv, p)
			}
		}
	}
	return nil
}
