import KarpenterCLI

Karpenter.runMain()
