// The AWS clients; see docs/aws.md.
