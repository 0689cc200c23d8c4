import KarpenterCLI

await Karpenter.runMain()
