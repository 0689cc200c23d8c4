// The controllers on a live cluster.
