import KarpenterCLI
Karpenter.main()
