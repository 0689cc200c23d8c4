// The Kubernetes API semantics over JSON objects: see APIStore.swift.
