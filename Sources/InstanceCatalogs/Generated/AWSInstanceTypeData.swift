// GENERATED FILE. DO NOT EDIT.
// Regenerate with: python3 scripts/generate_aws_catalog.py
// Sources: moto 5.2.1 instance_types.json.gz and us-east-1 offerings; on-demand-prices-us-east-1.json

/// Raw EC2 instance-type facts for us-east-1, one tab-separated row per instance type, sorted by name.
///
/// Only types upstream Karpenter lists (hvm, x86_64 or arm64) that have an on-demand price and are
/// offered in at least one us-east-1 zone. Booleans are `1`/`0`; lists are comma-separated; an empty
/// field means the value is not published. Columns, in order:
///
///   0. `name`: instance type, e.g. m5.large
///   1. `family`: part before the dot, e.g. m5 (empty if the name has no single dot)
///   2. `category`: leading letters, e.g. m (upstream's instance-category regex; may be empty)
///   3. `generation`: generation digits, e.g. 5 (may be empty)
///   4. `size`: part after the dot, e.g. large
///   5. `vcpus`: VCpuInfo.DefaultVCpus
///   6. `memoryMiB`: MemoryInfo.SizeInMiB
///   7. `architectures`: comma list of supported architectures as Kubernetes names (amd64, arm64)
///   8. `hypervisor`: nitro, xen or empty (bare metal)
///   9. `bareMetal`: 1 or 0
///  10. `cpuManufacturer`: ProcessorInfo.Manufacturer as published, e.g. Intel, AMD, AWS
///  11. `cpuSustainedClockMHz`: round(SustainedClockSpeedInGhz * 1000), empty if unpublished
///  12. `gpuName`: GpuInfo.Gpus[0].Name (empty if no GPU)
///  13. `gpuManufacturer`: GpuInfo.Gpus[0].Manufacturer, e.g. NVIDIA, AMD, Habana
///  14. `gpuCount`: GPU count
///  15. `gpuMemoryMiB`: memory per GPU in MiB
///  16. `acceleratorKind`: neuron (NeuronInfo), inference (InferenceAcceleratorInfo only) or empty
///  17. `acceleratorName`: accelerator device name, e.g. Inferentia2
///  18. `acceleratorManufacturer`: accelerator manufacturer (AWS for Neuron devices)
///  19. `acceleratorCount`: accelerator device count
///  20. `neuronCoresPerDevice`: NeuronDevices[0].CoreInfo.Count, 0 if not Neuron
///  21. `networkBandwidthMbps`: sum of the network cards' baseline bandwidth in Mbps, empty if unpublished
///  22. `ebsOptimizedSupport`: default, supported or unsupported
///  23. `ebsBandwidthMbps`: EbsOptimizedInfo.MaximumBandwidthInMbps, empty if none
///  24. `instanceStorageGB`: InstanceStorageInfo.TotalSizeInGB (decimal GB), 0 if none
///  25. `instanceStorageNVMe`: InstanceStorageInfo.NvmeSupport: required, supported, unsupported or empty
///  26. `encryptionInTransit`: NetworkInfo.EncryptionInTransitSupported, 1 or 0
///  27. `nitroEnclaves`: NitroEnclavesSupport == supported, 1 or 0
///  28. `maxENIs`: MaximumNetworkInterfaces of the default network card
///  29. `ipv4PerENI`: NetworkInfo.Ipv4AddressesPerInterface
///  30. `efaInterfaces`: NetworkInfo.EfaInfo.MaximumEfaInterfaces, 0 if none
///  31. `usageClasses`: comma list of on-demand and/or spot
///  32. `zones`: letters of the us-east-1 zones offering the type, e.g. abcdf for us-east-1a, -1b, ...
///  33. `onDemandUSDPerHour`: on-demand Linux price, USD per hour
enum AWSInstanceTypeData {
  static let region = "us-east-1"
  static let columnCount = 34
  static let rowCount = 1235
  static let tsv = #"""
    a1.2xlarge	a1	a	1	2xlarge	8	16384	arm64	nitro	0	AWS	2300			0	0				0	0	2500	default	3500	0		0	0	4	15	0	on-demand,spot	abc	0.204
    a1.4xlarge	a1	a	1	4xlarge	16	32768	arm64	nitro	0	AWS	2300			0	0				0	0	5000	default	3500	0		0	0	8	30	0	on-demand,spot	abc	0.408
    a1.large	a1	a	1	large	2	4096	arm64	nitro	0	AWS	2300			0	0				0	0	750	default	3500	0		0	0	3	10	0	on-demand,spot	abc	0.051
    a1.medium	a1	a	1	medium	1	2048	arm64	nitro	0	AWS	2300			0	0				0	0	500	default	3500	0		0	0	2	4	0	on-demand,spot	abc	0.0255
    a1.metal	a1	a	1	metal	16	32768	arm64		1	AWS	2300			0	0				0	0	5000	default	3500	0		0	0	8	30	0	on-demand,spot	abc	0.408
    a1.xlarge	a1	a	1	xlarge	4	8192	arm64	nitro	0	AWS	2300			0	0				0	0	1250	default	3500	0		0	0	4	15	0	on-demand,spot	abc	0.102
    c1.medium	c1	c	1	medium	2	1740	amd64	xen	0	Intel				0	0				0	0	300	unsupported		350	unsupported	0	0	2	6	0	on-demand,spot	abcd	0.13
    c1.xlarge	c1	c	1	xlarge	8	7168	amd64	xen	0	Intel				0	0				0	0	1000	supported	1000	1680	unsupported	0	0	4	15	0	on-demand,spot	abcd	0.52
    c3.2xlarge	c3	c	3	2xlarge	8	15360	amd64	xen	0	Intel	2800			0	0				0	0	1000	supported	1000	160	unsupported	0	0	4	15	0	on-demand,spot	abce	0.42
    c3.4xlarge	c3	c	3	4xlarge	16	30720	amd64	xen	0	Intel	2800			0	0				0	0	2000	supported	2000	320	unsupported	0	0	8	30	0	on-demand,spot	abce	0.84
    c3.8xlarge	c3	c	3	8xlarge	32	61440	amd64	xen	0	Intel	2800			0	0				0	0	5000	unsupported		640	unsupported	0	0	8	30	0	on-demand,spot	abce	1.68
    c3.large	c3	c	3	large	2	3840	amd64	xen	0	Intel	2800			0	0				0	0	500	unsupported		32	unsupported	0	0	3	10	0	on-demand,spot	abce	0.105
    c3.xlarge	c3	c	3	xlarge	4	7680	amd64	xen	0	Intel	2800			0	0				0	0	700	supported	500	80	unsupported	0	0	4	15	0	on-demand,spot	abce	0.21
    c4.2xlarge	c4	c	4	2xlarge	8	15360	amd64	xen	0	Intel	2900			0	0				0	0	2500	default	1000	0		0	0	4	15	0	on-demand,spot	abcdef	0.398
    c4.4xlarge	c4	c	4	4xlarge	16	30720	amd64	xen	0	Intel	2900			0	0				0	0	5000	default	2000	0		0	0	8	30	0	on-demand,spot	abcdef	0.796
    c4.8xlarge	c4	c	4	8xlarge	36	61440	amd64	xen	0	Intel	2900			0	0				0	0	10000	default	4000	0		0	0	8	30	0	on-demand,spot	abcdef	1.591
    c4.large	c4	c	4	large	2	3840	amd64	xen	0	Intel	2900			0	0				0	0	625	default	500	0		0	0	3	10	0	on-demand,spot	abcdef	0.1
    c4.xlarge	c4	c	4	xlarge	4	7680	amd64	xen	0	Intel	2900			0	0				0	0	1250	default	750	0		0	0	4	15	0	on-demand,spot	abcdef	0.199
    c5.12xlarge	c5	c	5	12xlarge	48	98304	amd64	nitro	0	Intel	3600			0	0				0	0	12000	default	9500	0		0	1	8	30	0	on-demand,spot	abcdf	2.04
    c5.18xlarge	c5	c	5	18xlarge	72	147456	amd64	nitro	0	Intel	3400			0	0				0	0	25000	default	19000	0		0	1	15	50	0	on-demand,spot	abcdf	3.06
    c5.24xlarge	c5	c	5	24xlarge	96	196608	amd64	nitro	0	Intel	3600			0	0				0	0	25000	default	19000	0		0	1	15	50	0	on-demand,spot	abcdf	4.08
    c5.2xlarge	c5	c	5	2xlarge	8	16384	amd64	nitro	0	Intel	3400			0	0				0	0	2500	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.34
    c5.4xlarge	c5	c	5	4xlarge	16	32768	amd64	nitro	0	Intel	3400			0	0				0	0	5000	default	4750	0		0	1	8	30	0	on-demand,spot	abcdf	0.68
    c5.9xlarge	c5	c	5	9xlarge	36	73728	amd64	nitro	0	Intel	3400			0	0				0	0	12000	default	9500	0		0	1	8	30	0	on-demand,spot	abcdf	1.53
    c5.large	c5	c	5	large	2	4096	amd64	nitro	0	Intel	3400			0	0				0	0	750	default	4750	0		0	0	3	10	0	on-demand,spot	abcdf	0.085
    c5.metal	c5	c	5	metal	96	196608	amd64		1	Intel	3600			0	0				0	0	25000	default	19000	0		0	0	15	50	0	on-demand,spot	abcdf	4.08
    c5.xlarge	c5	c	5	xlarge	4	8192	amd64	nitro	0	Intel	3400			0	0				0	0	1250	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.17
    c5a.12xlarge	c5a	c	5	12xlarge	48	98304	amd64	nitro	0	AMD	3300			0	0				0	0	12000	default	4750	0		1	1	8	30	0	on-demand,spot	abcdf	1.848
    c5a.16xlarge	c5a	c	5	16xlarge	64	131072	amd64	nitro	0	AMD	3300			0	0				0	0	20000	default	6300	0		1	1	15	50	0	on-demand,spot	abcdf	2.464
    c5a.24xlarge	c5a	c	5	24xlarge	96	196608	amd64	nitro	0	AMD	3300			0	0				0	0	20000	default	9500	0		1	1	15	50	0	on-demand,spot	abcdf	3.696
    c5a.2xlarge	c5a	c	5	2xlarge	8	16384	amd64	nitro	0	AMD	3300			0	0				0	0	2500	default	3170	0		1	1	4	15	0	on-demand,spot	abcdf	0.308
    c5a.4xlarge	c5a	c	5	4xlarge	16	32768	amd64	nitro	0	AMD	3300			0	0				0	0	5000	default	3170	0		1	1	8	30	0	on-demand,spot	abcdf	0.616
    c5a.8xlarge	c5a	c	5	8xlarge	32	65536	amd64	nitro	0	AMD	3300			0	0				0	0	10000	default	3170	0		1	1	8	30	0	on-demand,spot	abcdf	1.232
    c5a.large	c5a	c	5	large	2	4096	amd64	nitro	0	AMD	3300			0	0				0	0	750	default	3170	0		1	0	3	10	0	on-demand,spot	abcdf	0.077
    c5a.xlarge	c5a	c	5	xlarge	4	8192	amd64	nitro	0	AMD	3300			0	0				0	0	1250	default	3170	0		1	1	4	15	0	on-demand,spot	abcdf	0.154
    c5ad.12xlarge	c5ad	c	5	12xlarge	48	98304	amd64	nitro	0	AMD	3300			0	0				0	0	12000	default	4750	1800	required	1	1	8	30	0	on-demand,spot	abcdf	2.064
    c5ad.16xlarge	c5ad	c	5	16xlarge	64	131072	amd64	nitro	0	AMD	3300			0	0				0	0	20000	default	6300	2400	required	1	1	15	50	0	on-demand,spot	abcdf	2.752
    c5ad.24xlarge	c5ad	c	5	24xlarge	96	196608	amd64	nitro	0	AMD	3300			0	0				0	0	20000	default	9500	3800	required	1	1	15	50	0	on-demand,spot	abcdf	4.128
    c5ad.2xlarge	c5ad	c	5	2xlarge	8	16384	amd64	nitro	0	AMD	3300			0	0				0	0	2500	default	3170	300	required	1	1	4	15	0	on-demand,spot	abcdf	0.344
    c5ad.4xlarge	c5ad	c	5	4xlarge	16	32768	amd64	nitro	0	AMD	3300			0	0				0	0	5000	default	3170	600	required	1	1	8	30	0	on-demand,spot	abcdf	0.688
    c5ad.8xlarge	c5ad	c	5	8xlarge	32	65536	amd64	nitro	0	AMD	3300			0	0				0	0	10000	default	3170	1200	required	1	1	8	30	0	on-demand,spot	abcdf	1.376
    c5ad.large	c5ad	c	5	large	2	4096	amd64	nitro	0	AMD	3300			0	0				0	0	750	default	3170	75	required	1	0	3	10	0	on-demand,spot	abcdf	0.086
    c5ad.xlarge	c5ad	c	5	xlarge	4	8192	amd64	nitro	0	AMD	3300			0	0				0	0	1250	default	3170	150	required	1	1	4	15	0	on-demand,spot	abcdf	0.172
    c5d.12xlarge	c5d	c	5	12xlarge	48	98304	amd64	nitro	0	Intel	3600			0	0				0	0	12000	default	9500	1800	required	0	1	8	30	0	on-demand,spot	abc	2.304
    c5d.18xlarge	c5d	c	5	18xlarge	72	147456	amd64	nitro	0	Intel	3400			0	0				0	0	25000	default	19000	1800	required	0	1	15	50	0	on-demand,spot	abcdf	3.456
    c5d.24xlarge	c5d	c	5	24xlarge	96	196608	amd64	nitro	0	Intel	3600			0	0				0	0	25000	default	19000	3600	required	0	1	15	50	0	on-demand,spot	abc	4.608
    c5d.2xlarge	c5d	c	5	2xlarge	8	16384	amd64	nitro	0	Intel	3400			0	0				0	0	2500	default	4750	200	required	0	1	4	15	0	on-demand,spot	abcdf	0.384
    c5d.4xlarge	c5d	c	5	4xlarge	16	32768	amd64	nitro	0	Intel	3400			0	0				0	0	5000	default	4750	400	required	0	1	8	30	0	on-demand,spot	abcdf	0.768
    c5d.9xlarge	c5d	c	5	9xlarge	36	73728	amd64	nitro	0	Intel	3400			0	0				0	0	12000	default	9500	900	required	0	1	8	30	0	on-demand,spot	abcdf	1.728
    c5d.large	c5d	c	5	large	2	4096	amd64	nitro	0	Intel	3400			0	0				0	0	750	default	4750	50	required	0	0	3	10	0	on-demand,spot	abcdf	0.096
    c5d.metal	c5d	c	5	metal	96	196608	amd64		1	Intel	3600			0	0				0	0	25000	default	19000	3600	required	0	0	15	50	0	on-demand,spot	abcd	4.608
    c5d.xlarge	c5d	c	5	xlarge	4	8192	amd64	nitro	0	Intel	3400			0	0				0	0	1250	default	4750	100	required	0	1	4	15	0	on-demand,spot	abcdf	0.192
    c5n.18xlarge	c5n	c	5	18xlarge	72	196608	amd64	nitro	0	Intel	3400			0	0				0	0	100000	default	19000	0		1	1	15	50	1	on-demand,spot	abcdf	3.888
    c5n.2xlarge	c5n	c	5	2xlarge	8	21504	amd64	nitro	0	Intel	3400			0	0				0	0	10000	default	4750	0		1	1	4	15	0	on-demand,spot	abcdf	0.432
    c5n.4xlarge	c5n	c	5	4xlarge	16	43008	amd64	nitro	0	Intel	3400			0	0				0	0	15000	default	4750	0		1	1	8	30	0	on-demand,spot	abcdf	0.864
    c5n.9xlarge	c5n	c	5	9xlarge	36	98304	amd64	nitro	0	Intel	3400			0	0				0	0	50000	default	9500	0		1	1	8	30	1	on-demand,spot	abcdf	1.944
    c5n.large	c5n	c	5	large	2	5376	amd64	nitro	0	Intel	3400			0	0				0	0	3000	default	4750	0		1	0	3	10	0	on-demand,spot	abcdf	0.108
    c5n.metal	c5n	c	5	metal	72	196608	amd64		1	Intel	3400			0	0				0	0	100000	default	19000	0		1	0	15	50	1	on-demand,spot	abcdf	3.888
    c5n.xlarge	c5n	c	5	xlarge	4	10752	amd64	nitro	0	Intel	3400			0	0				0	0	5000	default	4750	0		1	1	4	15	0	on-demand,spot	abcdf	0.216
    c6a.12xlarge	c6a	c	6	12xlarge	48	98304	amd64	nitro	0	AMD	3600			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	1.836
    c6a.16xlarge	c6a	c	6	16xlarge	64	131072	amd64	nitro	0	AMD	3600			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	2.448
    c6a.24xlarge	c6a	c	6	24xlarge	96	196608	amd64	nitro	0	AMD	3600			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	3.672
    c6a.2xlarge	c6a	c	6	2xlarge	8	16384	amd64	nitro	0	AMD	3600			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.306
    c6a.32xlarge	c6a	c	6	32xlarge	128	262144	amd64	nitro	0	AMD	3600			0	0				0	0	50000	default	40000	0		1	1	15	50	0	on-demand,spot	abcdf	4.896
    c6a.48xlarge	c6a	c	6	48xlarge	192	393216	amd64	nitro	0	AMD	3600			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	7.344
    c6a.4xlarge	c6a	c	6	4xlarge	16	32768	amd64	nitro	0	AMD	3600			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.612
    c6a.8xlarge	c6a	c	6	8xlarge	32	65536	amd64	nitro	0	AMD	3600			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.224
    c6a.large	c6a	c	6	large	2	4096	amd64	nitro	0	AMD	3600			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.0765
    c6a.metal	c6a	c	6	metal	192	393216	amd64		1	AMD	3600			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	7.344
    c6a.xlarge	c6a	c	6	xlarge	4	8192	amd64	nitro	0	AMD	3600			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.153
    c6g.12xlarge	c6g	c	6	12xlarge	48	98304	arm64	nitro	0	AWS	2500			0	0				0	0	20000	default	14250	0		0	1	8	30	0	on-demand,spot	abcdf	1.632
    c6g.16xlarge	c6g	c	6	16xlarge	64	131072	arm64	nitro	0	AWS	2500			0	0				0	0	25000	default	19000	0		0	1	15	50	0	on-demand,spot	abcdf	2.176
    c6g.2xlarge	c6g	c	6	2xlarge	8	16384	arm64	nitro	0	AWS	2500			0	0				0	0	2500	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.272
    c6g.4xlarge	c6g	c	6	4xlarge	16	32768	arm64	nitro	0	AWS	2500			0	0				0	0	5000	default	4750	0		0	1	8	30	0	on-demand,spot	abcdf	0.544
    c6g.8xlarge	c6g	c	6	8xlarge	32	65536	arm64	nitro	0	AWS	2500			0	0				0	0	12000	default	9500	0		0	1	8	30	0	on-demand,spot	abcdf	1.088
    c6g.large	c6g	c	6	large	2	4096	arm64	nitro	0	AWS	2500			0	0				0	0	750	default	4750	0		0	1	3	10	0	on-demand,spot	abcdf	0.068
    c6g.medium	c6g	c	6	medium	1	2048	arm64	nitro	0	AWS	2500			0	0				0	0	500	default	4750	0		0	0	2	4	0	on-demand,spot	abcdf	0.034
    c6g.metal	c6g	c	6	metal	64	131072	arm64		1	AWS	2500			0	0				0	0	25000	default	19000	0		0	0	15	50	0	on-demand,spot	abcdf	2.3066
    c6g.xlarge	c6g	c	6	xlarge	4	8192	arm64	nitro	0	AWS	2500			0	0				0	0	1250	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.136
    c6gd.12xlarge	c6gd	c	6	12xlarge	48	98304	arm64	nitro	0	AWS	2500			0	0				0	0	20000	default	14250	2850	required	0	1	8	30	0	on-demand,spot	abcdf	1.8432
    c6gd.16xlarge	c6gd	c	6	16xlarge	64	131072	arm64	nitro	0	AWS	2500			0	0				0	0	25000	default	19000	3800	required	0	1	15	50	0	on-demand,spot	abcdf	2.4576
    c6gd.2xlarge	c6gd	c	6	2xlarge	8	16384	arm64	nitro	0	AWS	2500			0	0				0	0	2500	default	4750	474	required	0	1	4	15	0	on-demand,spot	abcdf	0.3072
    c6gd.4xlarge	c6gd	c	6	4xlarge	16	32768	arm64	nitro	0	AWS	2500			0	0				0	0	5000	default	4750	950	required	0	1	8	30	0	on-demand,spot	abcdf	0.6144
    c6gd.8xlarge	c6gd	c	6	8xlarge	32	65536	arm64	nitro	0	AWS	2500			0	0				0	0	12000	default	9500	1900	required	0	1	8	30	0	on-demand,spot	abcdf	1.2288
    c6gd.large	c6gd	c	6	large	2	4096	arm64	nitro	0	AWS	2500			0	0				0	0	750	default	4750	118	required	0	1	3	10	0	on-demand,spot	abcdf	0.0768
    c6gd.medium	c6gd	c	6	medium	1	2048	arm64	nitro	0	AWS	2500			0	0				0	0	500	default	4750	59	required	0	0	2	4	0	on-demand,spot	abcdf	0.0384
    c6gd.metal	c6gd	c	6	metal	64	131072	arm64		1	AWS	2500			0	0				0	0	25000	default	19000	3800	required	0	0	15	50	0	on-demand,spot	abcdf	2.6051
    c6gd.xlarge	c6gd	c	6	xlarge	4	8192	arm64	nitro	0	AWS	2500			0	0				0	0	1250	default	4750	237	required	0	1	4	15	0	on-demand,spot	abcdf	0.1536
    c6gn.12xlarge	c6gn	c	6	12xlarge	48	98304	arm64	nitro	0	AWS	2500			0	0				0	0	75000	default	28500	0		1	1	8	30	0	on-demand,spot	abcdf	2.0736
    c6gn.16xlarge	c6gn	c	6	16xlarge	64	131072	arm64	nitro	0	AWS	2500			0	0				0	0	100000	default	38000	0		1	1	15	50	1	on-demand,spot	abcdf	2.7648
    c6gn.2xlarge	c6gn	c	6	2xlarge	8	16384	arm64	nitro	0	AWS	2500			0	0				0	0	12500	default	9500	0		1	1	4	15	0	on-demand,spot	abcdf	0.3456
    c6gn.4xlarge	c6gn	c	6	4xlarge	16	32768	arm64	nitro	0	AWS	2500			0	0				0	0	25000	default	9500	0		1	1	8	30	0	on-demand,spot	abcdf	0.6912
    c6gn.8xlarge	c6gn	c	6	8xlarge	32	65536	arm64	nitro	0	AWS	2500			0	0				0	0	50000	default	19000	0		1	1	8	30	0	on-demand,spot	abcdf	1.3824
    c6gn.large	c6gn	c	6	large	2	4096	arm64	nitro	0	AWS	2500			0	0				0	0	3000	default	9500	0		1	1	3	10	0	on-demand,spot	abcdf	0.0864
    c6gn.medium	c6gn	c	6	medium	1	2048	arm64	nitro	0	AWS	2500			0	0				0	0	1600	default	9500	0		1	0	2	4	0	on-demand,spot	abcdf	0.0432
    c6gn.xlarge	c6gn	c	6	xlarge	4	8192	arm64	nitro	0	AWS	2500			0	0				0	0	6300	default	9500	0		1	1	4	15	0	on-demand,spot	abcdf	0.1728
    c6i.12xlarge	c6i	c	6	12xlarge	48	98304	amd64	nitro	0	Intel	3500			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.04
    c6i.16xlarge	c6i	c	6	16xlarge	64	131072	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	2.72
    c6i.24xlarge	c6i	c	6	24xlarge	96	196608	amd64	nitro	0	Intel	3500			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	4.08
    c6i.2xlarge	c6i	c	6	2xlarge	8	16384	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.34
    c6i.32xlarge	c6i	c	6	32xlarge	128	262144	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	5.44
    c6i.4xlarge	c6i	c	6	4xlarge	16	32768	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.68
    c6i.8xlarge	c6i	c	6	8xlarge	32	65536	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.36
    c6i.large	c6i	c	6	large	2	4096	amd64	nitro	0	Intel	3500			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.085
    c6i.metal	c6i	c	6	metal	128	262144	amd64		1	Intel	3500			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	5.44
    c6i.xlarge	c6i	c	6	xlarge	4	8192	amd64	nitro	0	Intel	3500			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.17
    c6id.12xlarge	c6id	c	6	12xlarge	48	98304	amd64	nitro	0	Intel	3500			0	0				0	0	18750	default	15000	2850	required	1	1	8	30	0	on-demand,spot	abcdf	2.4192
    c6id.16xlarge	c6id	c	6	16xlarge	64	131072	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	20000	3800	required	1	1	15	50	0	on-demand,spot	abcdf	3.2256
    c6id.24xlarge	c6id	c	6	24xlarge	96	196608	amd64	nitro	0	Intel	3500			0	0				0	0	37500	default	30000	5700	required	1	1	15	50	0	on-demand,spot	abcdf	4.8384
    c6id.2xlarge	c6id	c	6	2xlarge	8	16384	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	10000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.4032
    c6id.32xlarge	c6id	c	6	32xlarge	128	262144	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	40000	7600	required	1	1	15	50	1	on-demand,spot	abcdf	6.4512
    c6id.4xlarge	c6id	c	6	4xlarge	16	32768	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	10000	950	required	1	1	8	30	0	on-demand,spot	abcdf	0.8064
    c6id.8xlarge	c6id	c	6	8xlarge	32	65536	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	10000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	1.6128
    c6id.large	c6id	c	6	large	2	4096	amd64	nitro	0	Intel	3500			0	0				0	0	781	default	10000	118	required	1	0	3	10	0	on-demand,spot	abcdf	0.1008
    c6id.metal	c6id	c	6	metal	128	262144	amd64		1	Intel	3500			0	0				0	0	50000	default	40000	7600	required	1	0	15	50	1	on-demand,spot	abcdf	6.4512
    c6id.xlarge	c6id	c	6	xlarge	4	8192	amd64	nitro	0	Intel	3500			0	0				0	0	1562	default	10000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.2016
    c6in.12xlarge	c6in	c	6	12xlarge	48	98304	amd64	nitro	0	Intel	3500			0	0				0	0	75000	default	37500	0		1	1	8	30	0	on-demand,spot	abcdf	2.7216
    c6in.16xlarge	c6in	c	6	16xlarge	64	131072	amd64	nitro	0	Intel	3500			0	0				0	0	100000	default	50000	0		1	1	15	50	0	on-demand,spot	abcdf	3.6288
    c6in.24xlarge	c6in	c	6	24xlarge	96	196608	amd64	nitro	0	Intel	3500			0	0				0	0	150000	default	75000	0		1	1	15	50	0	on-demand,spot	abcdf	5.4432
    c6in.2xlarge	c6in	c	6	2xlarge	8	16384	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	25000	0		1	1	4	15	0	on-demand,spot	abcdf	0.4536
    c6in.32xlarge	c6in	c	6	32xlarge	128	262144	amd64	nitro	0	Intel	3500			0	0				0	0	400000	default	100000	0		1	1	8	50	2	on-demand,spot	abcdf	7.2576
    c6in.4xlarge	c6in	c	6	4xlarge	16	32768	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	25000	0		1	1	8	30	0	on-demand,spot	abcdf	0.9072
    c6in.8xlarge	c6in	c	6	8xlarge	32	65536	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	25000	0		1	1	8	30	0	on-demand,spot	abcdf	1.8144
    c6in.large	c6in	c	6	large	2	4096	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	25000	0		1	0	3	10	0	on-demand,spot	abcdf	0.1134
    c6in.metal	c6in	c	6	metal	128	262144	amd64		1	Intel	3500			0	0				0	0	400000	default	100000	0		1	0	8	50	2	on-demand,spot	abcdf	7.2576
    c6in.xlarge	c6in	c	6	xlarge	4	8192	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	25000	0		1	1	4	15	0	on-demand,spot	abcdf	0.2268
    c7a.12xlarge	c7a	c	7	12xlarge	48	98304	amd64	nitro	0	AMD	3700			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.46336
    c7a.16xlarge	c7a	c	7	16xlarge	64	131072	amd64	nitro	0	AMD	3700			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	3.28448
    c7a.24xlarge	c7a	c	7	24xlarge	96	196608	amd64	nitro	0	AMD	3700			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	4.92672
    c7a.2xlarge	c7a	c	7	2xlarge	8	16384	amd64	nitro	0	AMD	3700			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.41056
    c7a.32xlarge	c7a	c	7	32xlarge	128	262144	amd64	nitro	0	AMD	3700			0	0				0	0	50000	default	40000	0		1	1	15	50	0	on-demand,spot	abcdf	6.56896
    c7a.48xlarge	c7a	c	7	48xlarge	192	393216	amd64	nitro	0	AMD	3700			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	9.85344
    c7a.4xlarge	c7a	c	7	4xlarge	16	32768	amd64	nitro	0	AMD	3700			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.82112
    c7a.8xlarge	c7a	c	7	8xlarge	32	65536	amd64	nitro	0	AMD	3700			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.64224
    c7a.large	c7a	c	7	large	2	4096	amd64	nitro	0	AMD	3700			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.10264
    c7a.medium	c7a	c	7	medium	1	2048	amd64	nitro	0	AMD	3700			0	0				0	0	390	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.05132
    c7a.metal-48xl	c7a	c	7	metal-48xl	192	393216	amd64		1	AMD	3700			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	9.85344
    c7a.xlarge	c7a	c	7	xlarge	4	8192	amd64	nitro	0	AMD	3700			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.20528
    c7g.12xlarge	c7g	c	7	12xlarge	48	98304	arm64	nitro	0	AWS	2600			0	0				0	0	22500	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	1.74
    c7g.16xlarge	c7g	c	7	16xlarge	64	131072	arm64	nitro	0	AWS	2600			0	0				0	0	30000	default	20000	0		1	1	15	50	1	on-demand,spot	abcdf	2.32
    c7g.2xlarge	c7g	c	7	2xlarge	8	16384	arm64	nitro	0	AWS	2600			0	0				0	0	3750	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.29
    c7g.4xlarge	c7g	c	7	4xlarge	16	32768	arm64	nitro	0	AWS	2600			0	0				0	0	7500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.58
    c7g.8xlarge	c7g	c	7	8xlarge	32	65536	arm64	nitro	0	AWS	2600			0	0				0	0	15000	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.16
    c7g.large	c7g	c	7	large	2	4096	arm64	nitro	0	AWS	2600			0	0				0	0	937	default	10000	0		1	1	3	10	0	on-demand,spot	abcdf	0.0725
    c7g.medium	c7g	c	7	medium	1	2048	arm64	nitro	0	AWS	2600			0	0				0	0	520	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.0363
    c7g.metal	c7g	c	7	metal	64	131072	arm64		1	AWS	2600			0	0				0	0	30000	default	20000	0		1	0	15	50	1	on-demand,spot	abcdf	2.32
    c7g.xlarge	c7g	c	7	xlarge	4	8192	arm64	nitro	0	AWS	2600			0	0				0	0	1876	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.145
    c7gd.12xlarge	c7gd	c	7	12xlarge	48	98304	arm64	nitro	0	AWS	2600			0	0				0	0	22500	default	15000	2850	required	1	1	8	30	0	on-demand,spot	abcdf	2.1773
    c7gd.16xlarge	c7gd	c	7	16xlarge	64	131072	arm64	nitro	0	AWS	2600			0	0				0	0	30000	default	20000	3800	required	1	1	15	50	1	on-demand,spot	abcdf	2.903
    c7gd.2xlarge	c7gd	c	7	2xlarge	8	16384	arm64	nitro	0	AWS	2600			0	0				0	0	3750	default	10000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.3629
    c7gd.4xlarge	c7gd	c	7	4xlarge	16	32768	arm64	nitro	0	AWS	2600			0	0				0	0	7500	default	10000	950	required	1	1	8	30	0	on-demand,spot	abcdf	0.7258
    c7gd.8xlarge	c7gd	c	7	8xlarge	32	65536	arm64	nitro	0	AWS	2600			0	0				0	0	15000	default	10000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	1.4515
    c7gd.large	c7gd	c	7	large	2	4096	arm64	nitro	0	AWS	2600			0	0				0	0	937	default	10000	118	required	1	1	3	10	0	on-demand,spot	abcdf	0.0907
    c7gd.medium	c7gd	c	7	medium	1	2048	arm64	nitro	0	AWS	2600			0	0				0	0	520	default	10000	59	required	1	0	2	4	0	on-demand,spot	abcdf	0.0454
    c7gd.metal	c7gd	c	7	metal	64	131072	arm64		1	AWS	2600			0	0				0	0	30000	default	20000	3800	required	1	0	15	50	1	on-demand,spot	abcdf	2.903
    c7gd.xlarge	c7gd	c	7	xlarge	4	8192	arm64	nitro	0	AWS	2600			0	0				0	0	1876	default	10000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.1814
    c7gn.12xlarge	c7gn	c	7	12xlarge	48	98304	arm64	nitro	0	AWS	2600			0	0				0	0	150000	default	30000	0		1	0	8	30	0	on-demand,spot	abcdf	2.9952
    c7gn.16xlarge	c7gn	c	7	16xlarge	64	131072	arm64	nitro	0	AWS	2600			0	0				0	0	200000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	3.9936
    c7gn.2xlarge	c7gn	c	7	2xlarge	8	16384	arm64	nitro	0	AWS	2600			0	0				0	0	25000	default	10000	0		1	0	4	15	0	on-demand,spot	abcdf	0.4992
    c7gn.4xlarge	c7gn	c	7	4xlarge	16	32768	arm64	nitro	0	AWS	2600			0	0				0	0	50000	default	10000	0		1	0	8	30	0	on-demand,spot	abcdf	0.9984
    c7gn.8xlarge	c7gn	c	7	8xlarge	32	65536	arm64	nitro	0	AWS	2600			0	0				0	0	100000	default	20000	0		1	0	8	30	0	on-demand,spot	abcdf	1.9968
    c7gn.large	c7gn	c	7	large	2	4096	arm64	nitro	0	AWS	2600			0	0				0	0	6250	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.1248
    c7gn.medium	c7gn	c	7	medium	1	2048	arm64	nitro	0	AWS	2600			0	0				0	0	3125	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.0624
    c7gn.metal	c7gn	c	7	metal	64	131072	arm64		1	AWS	2600			0	0				0	0	200000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	3.9936
    c7gn.xlarge	c7gn	c	7	xlarge	4	8192	arm64	nitro	0	AWS	2600			0	0				0	0	12500	default	10000	0		1	0	4	15	0	on-demand,spot	abcdf	0.2496
    c7i-flex.12xlarge	c7i-flex	c	7	12xlarge	48	98304	amd64	nitro	0	Intel	3200			0	0				0	0	9375	default	15000	0		1	0	8	30	0	on-demand,spot	abcdf	2.0349
    c7i-flex.16xlarge	c7i-flex	c	7	16xlarge	64	131072	amd64	nitro	0	Intel	3200			0	0				0	0	12500	default	20000	0		1	0	15	50	0	on-demand,spot	abcdf	2.7132
    c7i-flex.2xlarge	c7i-flex	c	7	2xlarge	8	16384	amd64	nitro	0	Intel	3200			0	0				0	0	1562	default	10000	0		1	0	4	15	0	on-demand,spot	abcdf	0.33915
    c7i-flex.4xlarge	c7i-flex	c	7	4xlarge	16	32768	amd64	nitro	0	Intel	3200			0	0				0	0	3125	default	10000	0		1	0	8	30	0	on-demand,spot	abcdf	0.6783
    c7i-flex.8xlarge	c7i-flex	c	7	8xlarge	32	65536	amd64	nitro	0	Intel	3200			0	0				0	0	6250	default	10000	0		1	0	8	30	0	on-demand,spot	abcdf	1.3566
    c7i-flex.large	c7i-flex	c	7	large	2	4096	amd64	nitro	0	Intel	3200			0	0				0	0	390	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.08479
    c7i-flex.xlarge	c7i-flex	c	7	xlarge	4	8192	amd64	nitro	0	Intel	3200			0	0				0	0	781	default	10000	0		1	0	4	15	0	on-demand,spot	abcdf	0.16958
    c7i.12xlarge	c7i	c	7	12xlarge	48	98304	amd64	nitro	0	Intel	3200			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.142
    c7i.16xlarge	c7i	c	7	16xlarge	64	131072	amd64	nitro	0	Intel	3200			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	2.856
    c7i.24xlarge	c7i	c	7	24xlarge	96	196608	amd64	nitro	0	Intel	3200			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	4.284
    c7i.2xlarge	c7i	c	7	2xlarge	8	16384	amd64	nitro	0	Intel	3200			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.357
    c7i.48xlarge	c7i	c	7	48xlarge	192	393216	amd64	nitro	0	Intel	3200			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	8.568
    c7i.4xlarge	c7i	c	7	4xlarge	16	32768	amd64	nitro	0	Intel	3200			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.714
    c7i.8xlarge	c7i	c	7	8xlarge	32	65536	amd64	nitro	0	Intel	3200			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.428
    c7i.large	c7i	c	7	large	2	4096	amd64	nitro	0	Intel	3200			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.08925
    c7i.metal-24xl	c7i	c	7	metal-24xl	96	196608	amd64		1	Intel	3200			0	0				0	0	37500	default	30000	0		1	0	15	50	0	on-demand,spot	abcdf	4.7124
    c7i.metal-48xl	c7i	c	7	metal-48xl	192	393216	amd64		1	Intel	3200			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	8.568
    c7i.xlarge	c7i	c	7	xlarge	4	8192	amd64	nitro	0	Intel	3200			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.1785
    c8a.12xlarge	c8a	c	8	12xlarge	48	98304	amd64	nitro	0	AMD	4500			0	0				0	0	22500	default	15000	0		1	1	12	64	0	on-demand,spot	abcf	2.58648
    c8a.16xlarge	c8a	c	8	16xlarge	64	131072	amd64	nitro	0	AMD	4500			0	0				0	0	30000	default	20000	0		1	1	16	64	0	on-demand,spot	abcf	3.44864
    c8a.24xlarge	c8a	c	8	24xlarge	96	196608	amd64	nitro	0	AMD	4500			0	0				0	0	40000	default	30000	0		1	1	16	64	0	on-demand,spot	abcf	5.17296
    c8a.2xlarge	c8a	c	8	2xlarge	8	16384	amd64	nitro	0	AMD	4500			0	0				0	0	3750	default	10000	0		1	1	4	40	0	on-demand,spot	abcf	0.43108
    c8a.48xlarge	c8a	c	8	48xlarge	192	393216	amd64	nitro	0	AMD	4500			0	0				0	0	75000	default	60000	0		1	1	24	64	1	on-demand,spot	abcf	10.34592
    c8a.4xlarge	c8a	c	8	4xlarge	16	32768	amd64	nitro	0	AMD	4500			0	0				0	0	7500	default	10000	0		1	1	8	40	0	on-demand,spot	abcf	0.86216
    c8a.8xlarge	c8a	c	8	8xlarge	32	65536	amd64	nitro	0	AMD	4500			0	0				0	0	15000	default	10000	0		1	1	10	40	0	on-demand,spot	abcf	1.72432
    c8a.large	c8a	c	8	large	2	4096	amd64	nitro	0	AMD	4500			0	0				0	0	937	default	10000	0		1	1	3	20	0	on-demand,spot	abcf	0.10777
    c8a.medium	c8a	c	8	medium	1	2048	amd64	nitro	0	AMD	4500			0	0				0	0	520	default	10000	0		1	0	2	4	0	on-demand,spot	abcf	0.05389
    c8a.metal-24xl	c8a	c	8	metal-24xl	96	196608	amd64		1	AMD	4500			0	0				0	0	40000	default	30000	0		1	0	16	64	0	on-demand,spot	abcf	5.69026
    c8a.metal-48xl	c8a	c	8	metal-48xl	192	393216	amd64		1	AMD	4500			0	0				0	0	75000	default	60000	0		1	0	24	64	1	on-demand,spot	abcf	10.34592
    c8a.xlarge	c8a	c	8	xlarge	4	8192	amd64	nitro	0	AMD	4500			0	0				0	0	1875	default	10000	0		1	1	4	20	0	on-demand,spot	abcf	0.21554
    c8g.12xlarge	c8g	c	8	12xlarge	48	98304	arm64	nitro	0	AWS	2800			0	0				0	0	22500	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	1.91424
    c8g.16xlarge	c8g	c	8	16xlarge	64	131072	arm64	nitro	0	AWS	2800			0	0				0	0	30000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	2.55232
    c8g.24xlarge	c8g	c	8	24xlarge	96	196608	arm64	nitro	0	AWS	2800			0	0				0	0	40000	default	30000	0		1	1	15	50	1	on-demand,spot	abcdf	3.82848
    c8g.2xlarge	c8g	c	8	2xlarge	8	16384	arm64	nitro	0	AWS	2800			0	0				0	0	3750	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.31904
    c8g.48xlarge	c8g	c	8	48xlarge	192	393216	arm64	nitro	0	AWS	2700			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	7.65696
    c8g.4xlarge	c8g	c	8	4xlarge	16	32768	arm64	nitro	0	AWS	2800			0	0				0	0	7500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.63808
    c8g.8xlarge	c8g	c	8	8xlarge	32	65536	arm64	nitro	0	AWS	2800			0	0				0	0	15000	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.27616
    c8g.large	c8g	c	8	large	2	4096	arm64	nitro	0	AWS	2800			0	0				0	0	937	default	10000	0		1	1	3	10	0	on-demand,spot	abcdf	0.07976
    c8g.medium	c8g	c	8	medium	1	2048	arm64	nitro	0	AWS	2800			0	0				0	0	520	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.03988
    c8g.metal-24xl	c8g	c	8	metal-24xl	96	196608	arm64		1	AWS	2800			0	0				0	0	40000	default	30000	0		1	0	15	50	1	on-demand,spot	abcdf	4.21133
    c8g.metal-48xl	c8g	c	8	metal-48xl	192	393216	arm64		1	AWS	2700			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	7.65696
    c8g.xlarge	c8g	c	8	xlarge	4	8192	arm64	nitro	0	AWS	2800			0	0				0	0	1875	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.15952
    c8gb.12xlarge	c8gb	c	8	12xlarge	48	98304	arm64	nitro	0	AWS	2800			0	0				0	0	100000	default	75000	0		1	1	12	30	0	on-demand,spot	abcf	2.844
    c8gb.16xlarge	c8gb	c	8	16xlarge	64	131072	arm64	nitro	0	AWS	2800			0	0				0	0	133333	default	100000	0		1	1	16	50	1	on-demand,spot	abcf	3.792
    c8gb.24xlarge	c8gb	c	8	24xlarge	96	196608	arm64	nitro	0	AWS	2800			0	0				0	0	200000	default	150000	0		1	1	24	50	1	on-demand,spot	abcf	5.688
    c8gb.2xlarge	c8gb	c	8	2xlarge	8	16384	arm64	nitro	0	AWS	2800			0	0				0	0	16666	default	25000	0		1	1	4	15	0	on-demand,spot	abcf	0.474
    c8gb.48xlarge	c8gb	c	8	48xlarge	192	393216	arm64	nitro	0	AWS	2700			0	0				0	0	400000	default	300000	0		1	1	12	50	2	on-demand,spot	abcdf	11.376
    c8gb.4xlarge	c8gb	c	8	4xlarge	16	32768	arm64	nitro	0	AWS	2800			0	0				0	0	33333	default	25000	0		1	1	8	30	0	on-demand,spot	abcf	0.948
    c8gb.8xlarge	c8gb	c	8	8xlarge	32	65536	arm64	nitro	0	AWS	2800			0	0				0	0	66666	default	50000	0		1	1	10	30	0	on-demand,spot	abcf	1.896
    c8gb.large	c8gb	c	8	large	2	4096	arm64	nitro	0	AWS	2800			0	0				0	0	4166	default	25000	0		1	1	3	10	0	on-demand,spot	abcf	0.1185
    c8gb.medium	c8gb	c	8	medium	1	2048	arm64	nitro	0	AWS	2800			0	0				0	0	2083	default	25000	0		1	0	2	4	0	on-demand,spot	abcf	0.05925
    c8gb.metal-24xl	c8gb	c	8	metal-24xl	96	196608	arm64		1	AWS	2800			0	0				0	0	200000	default	150000	0		1	0	24	50	1	on-demand,spot	abcf	6.02928
    c8gb.metal-48xl	c8gb	c	8	metal-48xl	192	393216	arm64		1	AWS	2700			0	0				0	0	400000	default	300000	0		1	0	12	50	2	on-demand,spot	abcdf	11.376
    c8gb.xlarge	c8gb	c	8	xlarge	4	8192	arm64	nitro	0	AWS	2800			0	0				0	0	8333	default	25000	0		1	1	4	15	0	on-demand,spot	abcf	0.237
    c8gd.12xlarge	c8gd	c	8	12xlarge	48	98304	arm64	nitro	0	AWS	2800			0	0				0	0	22500	default	15000	2850	required	1	1	8	30	0	on-demand,spot	abcdf	2.35152
    c8gd.16xlarge	c8gd	c	8	16xlarge	64	131072	arm64	nitro	0	AWS	2800			0	0				0	0	30000	default	20000	3800	required	1	1	15	50	0	on-demand,spot	abcdf	3.13536
    c8gd.24xlarge	c8gd	c	8	24xlarge	96	196608	arm64	nitro	0	AWS	2800			0	0				0	0	40000	default	30000	5700	required	1	1	15	50	1	on-demand,spot	abcdf	4.70304
    c8gd.2xlarge	c8gd	c	8	2xlarge	8	16384	arm64	nitro	0	AWS	2800			0	0				0	0	3750	default	10000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.39192
    c8gd.48xlarge	c8gd	c	8	48xlarge	192	393216	arm64	nitro	0	AWS	2700			0	0				0	0	50000	default	40000	11400	required	1	1	15	50	1	on-demand,spot	abcdf	9.40608
    c8gd.4xlarge	c8gd	c	8	4xlarge	16	32768	arm64	nitro	0	AWS	2800			0	0				0	0	7500	default	10000	950	required	1	1	8	30	0	on-demand,spot	abcdf	0.78384
    c8gd.8xlarge	c8gd	c	8	8xlarge	32	65536	arm64	nitro	0	AWS	2800			0	0				0	0	15000	default	10000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	1.56768
    c8gd.large	c8gd	c	8	large	2	4096	arm64	nitro	0	AWS	2800			0	0				0	0	937	default	10000	118	required	1	1	3	10	0	on-demand,spot	abcdf	0.09798
    c8gd.medium	c8gd	c	8	medium	1	2048	arm64	nitro	0	AWS	2800			0	0				0	0	520	default	10000	59	required	1	0	2	4	0	on-demand,spot	abcdf	0.04899
    c8gd.metal-24xl	c8gd	c	8	metal-24xl	96	196608	arm64		1	AWS	2800			0	0				0	0	40000	default	30000	5700	required	1	0	15	50	1	on-demand,spot	abcdf	5.17334
    c8gd.metal-48xl	c8gd	c	8	metal-48xl	192	393216	arm64		1	AWS	2700			0	0				0	0	50000	default	40000	11400	required	1	0	15	50	1	on-demand,spot	abcdf	9.40608
    c8gd.xlarge	c8gd	c	8	xlarge	4	8192	arm64	nitro	0	AWS	2800			0	0				0	0	1875	default	10000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.19596
    c8gn.12xlarge	c8gn	c	8	12xlarge	48	98304	arm64	nitro	0	AWS	2800			0	0				0	0	150000	default	30000	0		1	1	12	30	0	on-demand,spot	abcdf	2.844
    c8gn.16xlarge	c8gn	c	8	16xlarge	64	131072	arm64	nitro	0	AWS	2800			0	0				0	0	200000	default	40000	0		1	1	16	50	1	on-demand,spot	abcdf	3.792
    c8gn.24xlarge	c8gn	c	8	24xlarge	96	196608	arm64	nitro	0	AWS	2800			0	0				0	0	300000	default	60000	0		1	1	24	50	1	on-demand,spot	abcdf	5.688
    c8gn.2xlarge	c8gn	c	8	2xlarge	8	16384	arm64	nitro	0	AWS	2800			0	0				0	0	25000	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.474
    c8gn.48xlarge	c8gn	c	8	48xlarge	192	393216	arm64	nitro	0	AWS	2700			0	0				0	0	600000	default	120000	0		1	1	12	50	2	on-demand,spot	abcdf	11.376
    c8gn.4xlarge	c8gn	c	8	4xlarge	16	32768	arm64	nitro	0	AWS	2800			0	0				0	0	50000	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.948
    c8gn.8xlarge	c8gn	c	8	8xlarge	32	65536	arm64	nitro	0	AWS	2800			0	0				0	0	100000	default	20000	0		1	1	10	30	0	on-demand,spot	abcdf	1.896
    c8gn.large	c8gn	c	8	large	2	4096	arm64	nitro	0	AWS	2800			0	0				0	0	6250	default	10000	0		1	1	3	10	0	on-demand,spot	abcdf	0.1185
    c8gn.medium	c8gn	c	8	medium	1	2048	arm64	nitro	0	AWS	2800			0	0				0	0	3125	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.0593
    c8gn.metal-24xl	c8gn	c	8	metal-24xl	96	196608	arm64		1	AWS	2800			0	0				0	0	300000	default	60000	0		1	0	24	50	1	on-demand,spot	abcdf	6.0293
    c8gn.metal-48xl	c8gn	c	8	metal-48xl	192	393216	arm64		1	AWS	2700			0	0				0	0	600000	default	120000	0		1	0	12	50	2	on-demand,spot	abcdf	11.376
    c8gn.xlarge	c8gn	c	8	xlarge	4	8192	arm64	nitro	0	AWS	2800			0	0				0	0	12500	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.237
    c8i-flex.12xlarge	c8i-flex	c	8	12xlarge	48	98304	amd64	nitro	0	Intel	3900			0	0				0	0	11250	default	15000	0		1	0	12	50	0	on-demand,spot	abcdf	2.13648
    c8i-flex.16xlarge	c8i-flex	c	8	16xlarge	64	131072	amd64	nitro	0	Intel	3900			0	0				0	0	15000	default	20000	0		1	0	16	64	0	on-demand,spot	abcdf	2.84864
    c8i-flex.2xlarge	c8i-flex	c	8	2xlarge	8	16384	amd64	nitro	0	Intel	3900			0	0				0	0	1875	default	10000	0		1	0	4	30	0	on-demand,spot	abcdf	0.35608
    c8i-flex.4xlarge	c8i-flex	c	8	4xlarge	16	32768	amd64	nitro	0	Intel	3900			0	0				0	0	3750	default	10000	0		1	0	8	50	0	on-demand,spot	abcdf	0.71216
    c8i-flex.8xlarge	c8i-flex	c	8	8xlarge	32	65536	amd64	nitro	0	Intel	3900			0	0				0	0	7500	default	10000	0		1	0	10	50	0	on-demand,spot	abcdf	1.42432
    c8i-flex.large	c8i-flex	c	8	large	2	4096	amd64	nitro	0	Intel	3900			0	0				0	0	468	default	10000	0		1	0	3	20	0	on-demand,spot	abcdf	0.08902
    c8i-flex.xlarge	c8i-flex	c	8	xlarge	4	8192	amd64	nitro	0	Intel	3900			0	0				0	0	937	default	10000	0		1	0	4	30	0	on-demand,spot	abcdf	0.17804
    c8i.12xlarge	c8i	c	8	12xlarge	48	98304	amd64	nitro	0	Intel	3900			0	0				0	0	22500	default	15000	0		1	1	12	50	0	on-demand,spot	abcdf	2.24904
    c8i.16xlarge	c8i	c	8	16xlarge	64	131072	amd64	nitro	0	Intel	3900			0	0				0	0	30000	default	20000	0		1	1	16	64	0	on-demand,spot	abcdf	2.99872
    c8i.24xlarge	c8i	c	8	24xlarge	96	196608	amd64	nitro	0	Intel	3900			0	0				0	0	40000	default	30000	0		1	1	16	64	0	on-demand,spot	abcdf	4.49808
    c8i.2xlarge	c8i	c	8	2xlarge	8	16384	amd64	nitro	0	Intel	3900			0	0				0	0	3750	default	10000	0		1	1	4	30	0	on-demand,spot	abcdf	0.37484
    c8i.32xlarge	c8i	c	8	32xlarge	128	262144	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	40000	0		1	1	24	64	0	on-demand,spot	abcdf	5.99744
    c8i.48xlarge	c8i	c	8	48xlarge	192	393216	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	60000	0		1	1	24	64	1	on-demand,spot	abcdf	8.99616
    c8i.4xlarge	c8i	c	8	4xlarge	16	32768	amd64	nitro	0	Intel	3900			0	0				0	0	7500	default	10000	0		1	1	8	50	0	on-demand,spot	abcdf	0.74968
    c8i.8xlarge	c8i	c	8	8xlarge	32	65536	amd64	nitro	0	Intel	3900			0	0				0	0	15000	default	10000	0		1	1	10	50	0	on-demand,spot	abcdf	1.49936
    c8i.96xlarge	c8i	c	8	96xlarge	384	786432	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	80000	0		1	1	24	64	1	on-demand,spot	abcdf	17.99232
    c8i.large	c8i	c	8	large	2	4096	amd64	nitro	0	Intel	3900			0	0				0	0	937	default	10000	0		1	0	3	20	0	on-demand,spot	abcdf	0.09371
    c8i.metal-48xl	c8i	c	8	metal-48xl	192	393216	amd64		1	Intel	3900			0	0				0	0	75000	default	60000	0		1	0	24	64	1	on-demand,spot	abcdf	9.89578
    c8i.metal-96xl	c8i	c	8	metal-96xl	384	786432	amd64		1	Intel	3900			0	0				0	0	100000	default	80000	0		1	0	24	64	1	on-demand,spot	abcdf	17.99232
    c8i.xlarge	c8i	c	8	xlarge	4	8192	amd64	nitro	0	Intel	3900			0	0				0	0	1875	default	10000	0		1	1	4	30	0	on-demand,spot	abcdf	0.18742
    c8ib.12xlarge	c8ib	c	8	12xlarge	48	98304	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	37500	0		1	1	12	50	0	on-demand,spot	abc	3.26592
    c8ib.16xlarge	c8ib	c	8	16xlarge	64	131072	amd64	nitro	0	Intel	3900			0	0				0	0	66666	default	50000	0		1	1	16	64	0	on-demand,spot	abc	4.35456
    c8ib.24xlarge	c8ib	c	8	24xlarge	96	196608	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	75000	0		1	1	16	64	0	on-demand,spot	abc	6.53184
    c8ib.2xlarge	c8ib	c	8	2xlarge	8	16384	amd64	nitro	0	Intel	3900			0	0				0	0	8333	default	25000	0		1	1	4	30	0	on-demand,spot	abc	0.54432
    c8ib.32xlarge	c8ib	c	8	32xlarge	128	262144	amd64	nitro	0	Intel	3900			0	0				0	0	133333	default	100000	0		1	1	16	64	0	on-demand,spot	abc	8.70912
    c8ib.48xlarge	c8ib	c	8	48xlarge	192	393216	amd64	nitro	0	Intel	3900			0	0				0	0	200000	default	150000	0		1	1	24	64	1	on-demand,spot	abc	13.06368
    c8ib.4xlarge	c8ib	c	8	4xlarge	16	32768	amd64	nitro	0	Intel	3900			0	0				0	0	16666	default	25000	0		1	1	8	50	0	on-demand,spot	abc	1.08864
    c8ib.8xlarge	c8ib	c	8	8xlarge	32	65536	amd64	nitro	0	Intel	3900			0	0				0	0	33333	default	25000	0		1	1	8	50	0	on-demand,spot	abc	2.17728
    c8ib.96xlarge	c8ib	c	8	96xlarge	384	786432	amd64	nitro	0	Intel	3900			0	0				0	0	400000	default	300000	0		1	1	12	64	2	on-demand,spot	abc	26.12736
    c8ib.large	c8ib	c	8	large	2	4096	amd64	nitro	0	Intel	3900			0	0				0	0	2083	default	25000	0		1	0	4	20	0	on-demand,spot	abc	0.13608
    c8ib.metal-48xl	c8ib	c	8	metal-48xl	192	393216	amd64		1	Intel	3900			0	0				0	0	200000	default	150000	0		1	0	24	64	1	on-demand,spot	abc	14.37005
    c8ib.metal-96xl	c8ib	c	8	metal-96xl	384	786432	amd64		1	Intel	3900			0	0				0	0	400000	default	300000	0		1	0	12	64	2	on-demand,spot	abc	26.12736
    c8ib.xlarge	c8ib	c	8	xlarge	4	8192	amd64	nitro	0	Intel	3900			0	0				0	0	4166	default	25000	0		1	1	4	30	0	on-demand,spot	abc	0.27216
    c8id.12xlarge	c8id	c	8	12xlarge	48	98304	amd64	nitro	0	Intel	3900			0	0				0	0	22500	default	15000	2850	required	1	1	12	50	0	on-demand,spot	abcdf	2.66112
    c8id.16xlarge	c8id	c	8	16xlarge	64	131072	amd64	nitro	0	Intel	3900			0	0				0	0	30000	default	20000	3800	required	1	1	16	64	0	on-demand,spot	abcdf	3.54816
    c8id.24xlarge	c8id	c	8	24xlarge	96	196608	amd64	nitro	0	Intel	3900			0	0				0	0	40000	default	30000	5700	required	1	1	16	64	0	on-demand,spot	abcdf	5.32224
    c8id.2xlarge	c8id	c	8	2xlarge	8	16384	amd64	nitro	0	Intel	3900			0	0				0	0	3750	default	10000	474	required	1	1	4	30	0	on-demand,spot	abcdf	0.44352
    c8id.32xlarge	c8id	c	8	32xlarge	128	262144	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	40000	7600	required	1	1	24	64	0	on-demand,spot	abcdf	7.09632
    c8id.48xlarge	c8id	c	8	48xlarge	192	393216	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	60000	11400	required	1	1	24	64	1	on-demand,spot	abcdf	10.64448
    c8id.4xlarge	c8id	c	8	4xlarge	16	32768	amd64	nitro	0	Intel	3900			0	0				0	0	7500	default	10000	950	required	1	1	8	50	0	on-demand,spot	abcdf	0.88704
    c8id.8xlarge	c8id	c	8	8xlarge	32	65536	amd64	nitro	0	Intel	3900			0	0				0	0	15000	default	10000	1900	required	1	1	10	50	0	on-demand,spot	abcdf	1.77408
    c8id.96xlarge	c8id	c	8	96xlarge	384	786432	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	80000	22800	required	1	1	24	64	1	on-demand,spot	abcdf	21.28896
    c8id.large	c8id	c	8	large	2	4096	amd64	nitro	0	Intel	3900			0	0				0	0	937	default	10000	118	required	1	0	3	20	0	on-demand,spot	abcdf	0.11088
    c8id.metal-48xl	c8id	c	8	metal-48xl	192	393216	amd64		1	Intel	3900			0	0				0	0	75000	default	60000	11400	required	1	0	24	64	1	on-demand,spot	abcdf	11.70893
    c8id.metal-96xl	c8id	c	8	metal-96xl	384	786432	amd64		1	Intel	3900			0	0				0	0	100000	default	80000	22800	required	1	0	24	64	1	on-demand,spot	abcdf	21.28896
    c8id.xlarge	c8id	c	8	xlarge	4	8192	amd64	nitro	0	Intel	3900			0	0				0	0	1875	default	10000	237	required	1	1	4	30	0	on-demand,spot	abcdf	0.22176
    c8in.12xlarge	c8in	c	8	12xlarge	48	98304	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	15000	0		1	1	12	50	0	on-demand,spot	abc	3.26592
    c8in.16xlarge	c8in	c	8	16xlarge	64	131072	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	20000	0		1	1	16	64	0	on-demand,spot	abc	4.35456
    c8in.24xlarge	c8in	c	8	24xlarge	96	196608	amd64	nitro	0	Intel	3900			0	0				0	0	150000	default	30000	0		1	1	16	64	0	on-demand,spot	abc	6.53184
    c8in.2xlarge	c8in	c	8	2xlarge	8	16384	amd64	nitro	0	Intel	3900			0	0				0	0	12500	default	10000	0		1	1	4	30	0	on-demand,spot	abc	0.54432
    c8in.32xlarge	c8in	c	8	32xlarge	128	262144	amd64	nitro	0	Intel	3900			0	0				0	0	200000	default	40000	0		1	1	16	64	0	on-demand,spot	abc	8.70912
    c8in.48xlarge	c8in	c	8	48xlarge	192	393216	amd64	nitro	0	Intel	3900			0	0				0	0	300000	default	60000	0		1	1	24	64	1	on-demand,spot	abc	13.06368
    c8in.4xlarge	c8in	c	8	4xlarge	16	32768	amd64	nitro	0	Intel	3900			0	0				0	0	25000	default	10000	0		1	1	8	50	0	on-demand,spot	abc	1.08864
    c8in.8xlarge	c8in	c	8	8xlarge	32	65536	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	10000	0		1	1	8	50	0	on-demand,spot	abc	2.17728
    c8in.96xlarge	c8in	c	8	96xlarge	384	786432	amd64	nitro	0	Intel	3900			0	0				0	0	600000	default	120000	0		1	1	12	64	2	on-demand,spot	abc	26.12736
    c8in.large	c8in	c	8	large	2	4096	amd64	nitro	0	Intel	3900			0	0				0	0	3125	default	10000	0		1	0	4	20	0	on-demand,spot	abc	0.13608
    c8in.metal-48xl	c8in	c	8	metal-48xl	192	393216	amd64		1	Intel	3900			0	0				0	0	300000	default	60000	0		1	0	24	64	1	on-demand,spot	abc	14.37005
    c8in.metal-96xl	c8in	c	8	metal-96xl	384	786432	amd64		1	Intel	3900			0	0				0	0	600000	default	120000	0		1	0	12	64	2	on-demand,spot	abc	26.12736
    c8in.xlarge	c8in	c	8	xlarge	4	8192	amd64	nitro	0	Intel	3900			0	0				0	0	6250	default	10000	0		1	1	4	30	0	on-demand,spot	abc	0.27216
    c8ine.12xlarge	c8ine	c	8	12xlarge	48	98304	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	15000	0		1	1	12	50	0	on-demand	abc	4.0824
    c8ine.2xlarge	c8ine	c	8	2xlarge	8	16384	amd64	nitro	0	Intel	3900			0	0				0	0	12500	default	10000	0		1	1	4	30	0	on-demand	abc	0.6804
    c8ine.4xlarge	c8ine	c	8	4xlarge	16	32768	amd64	nitro	0	Intel	3900			0	0				0	0	25000	default	10000	0		1	1	8	50	0	on-demand	abc	1.3608
    c8ine.8xlarge	c8ine	c	8	8xlarge	32	65536	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	10000	0		1	1	8	50	0	on-demand	abc	2.7216
    c8ine.large	c8ine	c	8	large	2	4096	amd64	nitro	0	Intel	3900			0	0				0	0	3125	default	10000	0		1	0	4	20	0	on-demand	abc	0.1701
    c8ine.xlarge	c8ine	c	8	xlarge	4	8192	amd64	nitro	0	Intel	3900			0	0				0	0	6250	default	10000	0		1	1	4	30	0	on-demand	abc	0.3402
    d2.2xlarge	d2	d	2	2xlarge	8	62464	amd64	xen	0	Intel	2400			0	0				0	0	2500	default	1000	12288	unsupported	0	0	4	15	0	on-demand,spot	abcdef	1.38
    d2.4xlarge	d2	d	2	4xlarge	16	124928	amd64	xen	0	Intel	2400			0	0				0	0	5000	default	2000	24576	unsupported	0	0	8	30	0	on-demand,spot	abcdef	2.76
    d2.8xlarge	d2	d	2	8xlarge	36	249856	amd64	xen	0	Intel	2400			0	0				0	0	10000	default	4000	49152	unsupported	0	0	8	30	0	on-demand,spot	abcdef	5.52
    d2.xlarge	d2	d	2	xlarge	4	31232	amd64	xen	0	Intel	2400			0	0				0	0	1250	default	750	6144	unsupported	0	0	4	15	0	on-demand,spot	abcdef	0.69
    d3.2xlarge	d3	d	3	2xlarge	8	65536	amd64	nitro	0	Intel	3100			0	0				0	0	6000	default	2800	11880	required	1	1	4	5	0	on-demand,spot	abcd	0.999
    d3.4xlarge	d3	d	3	4xlarge	16	131072	amd64	nitro	0	Intel	3100			0	0				0	0	12500	default	2800	23760	required	1	1	4	10	0	on-demand,spot	abcd	1.998
    d3.8xlarge	d3	d	3	8xlarge	32	262144	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	5000	47520	required	1	1	3	20	0	on-demand,spot	abcd	3.99552
    d3.xlarge	d3	d	3	xlarge	4	32768	amd64	nitro	0	Intel	3100			0	0				0	0	3000	default	2800	5940	required	1	1	4	3	0	on-demand,spot	abcd	0.499
    d3en.12xlarge	d3en	d	3	12xlarge	48	196608	amd64	nitro	0	Intel	3100			0	0				0	0	75000	default	7000	335520	required	1	1	3	30	0	on-demand,spot	abcd	6.30864
    d3en.2xlarge	d3en	d	3	2xlarge	8	32768	amd64	nitro	0	Intel	3100			0	0				0	0	12500	default	2800	55920	required	1	1	4	5	0	on-demand,spot	abcd	1.051
    d3en.4xlarge	d3en	d	3	4xlarge	16	65536	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	2800	111840	required	1	1	4	10	0	on-demand,spot	abcd	2.103
    d3en.6xlarge	d3en	d	3	6xlarge	24	98304	amd64	nitro	0	Intel	3100			0	0				0	0	40000	default	4000	167760	required	1	1	4	15	0	on-demand,spot	abcd	3.154
    d3en.8xlarge	d3en	d	3	8xlarge	32	131072	amd64	nitro	0	Intel	3100			0	0				0	0	50000	default	5000	223680	required	1	1	4	20	0	on-demand,spot	abcd	4.20576
    d3en.xlarge	d3en	d	3	xlarge	4	16384	amd64	nitro	0	Intel	3100			0	0				0	0	6000	default	2800	27960	required	1	1	4	3	0	on-demand,spot	abcd	0.526
    dl1.24xlarge	dl1	dl	1	24xlarge	96	786432	amd64	nitro	0	Intel	3000	Gaudi HL-205	Habana	8	32768				0	0	400000	default	19000	4000	required	1	1	15	50	4	on-demand,spot	a	13.10904
    f2.12xlarge	f2	f	2	12xlarge	48	524288	amd64	nitro	0	AMD	3400			0	0				0	0	25000	default	15000	1880	required	1	1	8	30	0	on-demand,spot	abcde	3.96
    f2.48xlarge	f2	f	2	48xlarge	192	2097152	amd64	nitro	0	AMD	3400			0	0				0	0	100000	default	60000	7520	required	1	1	15	50	1	on-demand,spot	abcde	15.84
    f2.6xlarge	f2	f	2	6xlarge	24	262144	amd64	nitro	0	AMD	3400			0	0				0	0	12500	default	7500	940	required	1	1	8	30	0	on-demand,spot	abcd	1.98
    g4ad.16xlarge	g4ad	g	4	16xlarge	64	262144	amd64	nitro	0	AMD	3000	Radeon Pro V520	AMD	4	8192				0	0	25000	default	6300	2400	required	1	0	8	30	0	on-demand,spot	abcd	3.468
    g4ad.2xlarge	g4ad	g	4	2xlarge	8	32768	amd64	nitro	0	AMD	3000	Radeon Pro V520	AMD	1	8192				0	0	4167	default	3170	300	required	1	0	2	4	0	on-demand,spot	abcd	0.54117
    g4ad.4xlarge	g4ad	g	4	4xlarge	16	65536	amd64	nitro	0	AMD	3000	Radeon Pro V520	AMD	1	8192				0	0	8333	default	3170	600	required	1	0	3	10	0	on-demand,spot	abcd	0.867
    g4ad.8xlarge	g4ad	g	4	8xlarge	32	131072	amd64	nitro	0	AMD	3000	Radeon Pro V520	AMD	2	8192				0	0	15000	default	3170	1200	required	1	0	4	15	0	on-demand,spot	abcd	1.734
    g4ad.xlarge	g4ad	g	4	xlarge	4	16384	amd64	nitro	0	AMD	3000	Radeon Pro V520	AMD	1	8192				0	0	2000	default	3170	150	required	1	0	2	4	0	on-demand,spot	abcd	0.37853
    g4dn.12xlarge	g4dn	g	4	12xlarge	48	196608	amd64	nitro	0	Intel	2500	T4	NVIDIA	4	16384				0	0	50000	default	9500	900	required	1	1	8	30	1	on-demand,spot	abcdf	3.912
    g4dn.16xlarge	g4dn	g	4	16xlarge	64	262144	amd64	nitro	0	Intel	2500	T4	NVIDIA	1	16384				0	0	50000	default	9500	900	required	1	1	4	15	1	on-demand,spot	abcdf	4.352
    g4dn.2xlarge	g4dn	g	4	2xlarge	8	32768	amd64	nitro	0	Intel	2500	T4	NVIDIA	1	16384				0	0	10000	default	3500	225	required	1	1	3	10	0	on-demand,spot	abcdf	0.752
    g4dn.4xlarge	g4dn	g	4	4xlarge	16	65536	amd64	nitro	0	Intel	2500	T4	NVIDIA	1	16384				0	0	20000	default	4750	225	required	1	1	3	10	0	on-demand,spot	abcdf	1.204
    g4dn.8xlarge	g4dn	g	4	8xlarge	32	131072	amd64	nitro	0	Intel	2500	T4	NVIDIA	1	16384				0	0	50000	default	9500	900	required	1	1	4	15	1	on-demand,spot	abcdf	2.176
    g4dn.metal	g4dn	g	4	metal	96	393216	amd64		1	Intel	2500	T4	NVIDIA	8	16384				0	0	100000	default	19000	1800	required	1	0	15	50	1	on-demand,spot	abcdf	7.824
    g4dn.xlarge	g4dn	g	4	xlarge	4	16384	amd64	nitro	0	Intel	2500	T4	NVIDIA	1	16384				0	0	5000	default	3500	125	required	1	1	3	10	0	on-demand,spot	abcdf	0.526
    g5.12xlarge	g5	g	5	12xlarge	48	196608	amd64	nitro	0	AMD	3300	A10G	NVIDIA	4	22888				0	0	40000	default	16000	3800	required	1	1	15	50	1	on-demand,spot	abcdf	5.672
    g5.16xlarge	g5	g	5	16xlarge	64	262144	amd64	nitro	0	AMD	3300	A10G	NVIDIA	1	22888				0	0	25000	default	16000	1900	required	1	1	8	30	1	on-demand,spot	abcdf	4.096
    g5.24xlarge	g5	g	5	24xlarge	96	393216	amd64	nitro	0	AMD	3300	A10G	NVIDIA	4	22888				0	0	50000	default	19000	3800	required	1	1	15	50	1	on-demand,spot	abcdf	8.144
    g5.2xlarge	g5	g	5	2xlarge	8	32768	amd64	nitro	0	AMD	3300	A10G	NVIDIA	1	22888				0	0	5000	default	3500	450	required	1	1	4	15	0	on-demand,spot	abcdf	1.212
    g5.48xlarge	g5	g	5	48xlarge	192	786432	amd64	nitro	0	AMD	3300	A10G	NVIDIA	8	22888				0	0	100000	default	19000	7600	required	1	1	7	50	1	on-demand,spot	abcdf	16.288
    g5.4xlarge	g5	g	5	4xlarge	16	65536	amd64	nitro	0	AMD	3300	A10G	NVIDIA	1	22888				0	0	10000	default	4750	600	required	1	1	8	30	0	on-demand,spot	abcdf	1.624
    g5.8xlarge	g5	g	5	8xlarge	32	131072	amd64	nitro	0	AMD	3300	A10G	NVIDIA	1	22888				0	0	25000	default	16000	900	required	1	1	8	30	1	on-demand,spot	abcdf	2.448
    g5.xlarge	g5	g	5	xlarge	4	16384	amd64	nitro	0	AMD	3300	A10G	NVIDIA	1	22888				0	0	2500	default	3500	250	required	1	1	4	15	0	on-demand,spot	abcdf	1.006
    g5g.16xlarge	g5g	g	5	16xlarge	64	131072	arm64	nitro	0	AWS	2500	T4g	NVIDIA	2	16384				0	0	25000	default	19000	0		0	0	15	50	0	on-demand,spot	abcd	2.744
    g5g.2xlarge	g5g	g	5	2xlarge	8	16384	arm64	nitro	0	AWS	2500	T4g	NVIDIA	1	16384				0	0	2500	default	4750	0		0	0	4	15	0	on-demand,spot	abcd	0.556
    g5g.4xlarge	g5g	g	5	4xlarge	16	32768	arm64	nitro	0	AWS	2500	T4g	NVIDIA	1	16384				0	0	5000	default	4750	0		0	0	8	30	0	on-demand,spot	abcd	0.828
    g5g.8xlarge	g5g	g	5	8xlarge	32	65536	arm64	nitro	0	AWS	2500	T4g	NVIDIA	1	16384				0	0	12000	default	9500	0		0	0	8	30	0	on-demand,spot	abcd	1.372
    g5g.metal	g5g	g	5	metal	64	131072	arm64		1	AWS	2500	T4g	NVIDIA	2	16384				0	0	25000	default	19000	0		0	0	15	50	0	on-demand,spot	abcd	2.744
    g5g.xlarge	g5g	g	5	xlarge	4	8192	arm64	nitro	0	AWS	2500	T4g	NVIDIA	1	16384				0	0	1250	default	4750	0		0	0	4	15	0	on-demand,spot	abcd	0.42
    g6.12xlarge	g6	g	6	12xlarge	48	196608	amd64	nitro	0	AMD	3400	L4	NVIDIA	4	22888				0	0	40000	default	20000	3760	required	1	1	8	30	1	on-demand,spot	abcdf	4.6016
    g6.16xlarge	g6	g	6	16xlarge	64	262144	amd64	nitro	0	AMD	3400	L4	NVIDIA	1	22888				0	0	25000	default	20000	1880	required	1	1	15	50	1	on-demand,spot	abcdf	3.3968
    g6.24xlarge	g6	g	6	24xlarge	96	393216	amd64	nitro	0	AMD	3400	L4	NVIDIA	4	22888				0	0	50000	default	30000	3760	required	1	1	15	50	1	on-demand,spot	abcdf	6.6752
    g6.2xlarge	g6	g	6	2xlarge	8	32768	amd64	nitro	0	AMD	3400	L4	NVIDIA	1	22888				0	0	5000	default	5000	450	required	1	1	4	15	0	on-demand,spot	abcdf	0.9776
    g6.48xlarge	g6	g	6	48xlarge	192	786432	amd64	nitro	0	AMD	3400	L4	NVIDIA	8	22888				0	0	100000	default	60000	7520	required	1	1	15	50	1	on-demand,spot	abcdf	13.3504
    g6.4xlarge	g6	g	6	4xlarge	16	65536	amd64	nitro	0	AMD	3400	L4	NVIDIA	1	22888				0	0	10000	default	8000	600	required	1	1	8	30	0	on-demand,spot	abcdf	1.3232
    g6.8xlarge	g6	g	6	8xlarge	32	131072	amd64	nitro	0	AMD	3400	L4	NVIDIA	1	22888				0	0	25000	default	16000	900	required	1	1	8	30	1	on-demand,spot	abcdf	2.0144
    g6.xlarge	g6	g	6	xlarge	4	16384	amd64	nitro	0	AMD	3400	L4	NVIDIA	1	22888				0	0	2500	default	5000	250	required	1	1	4	15	0	on-demand,spot	abcdf	0.8048
    g6e.12xlarge	g6e	g	6	12xlarge	48	393216	amd64	nitro	0	AMD	3400	L40S	NVIDIA	4	45776				0	0	100000	default	20000	3800	required	1	1	10	30	1	on-demand,spot	abcd	10.49264
    g6e.16xlarge	g6e	g	6	16xlarge	64	524288	amd64	nitro	0	AMD	3400	L40S	NVIDIA	1	45776				0	0	35000	default	20000	1900	required	1	1	15	50	1	on-demand,spot	abcd	7.57719
    g6e.24xlarge	g6e	g	6	24xlarge	96	786432	amd64	nitro	0	AMD	3400	L40S	NVIDIA	4	45776				0	0	400000	default	30000	3800	required	1	1	10	50	2	on-demand,spot	abcd	15.06559
    g6e.2xlarge	g6e	g	6	2xlarge	8	65536	amd64	nitro	0	AMD	3400	L40S	NVIDIA	1	45776				0	0	5000	default	5000	450	required	1	1	4	15	0	on-demand,spot	abcd	2.24208
    g6e.48xlarge	g6e	g	6	48xlarge	192	1572864	amd64	nitro	0	AMD	3400	L40S	NVIDIA	8	45776				0	0	1600000	default	60000	7600	required	1	1	10	50	4	on-demand,spot	abcd	30.13118
    g6e.4xlarge	g6e	g	6	4xlarge	16	131072	amd64	nitro	0	AMD	3400	L40S	NVIDIA	1	45776				0	0	20000	default	8000	600	required	1	1	8	30	0	on-demand,spot	abcd	3.00424
    g6e.8xlarge	g6e	g	6	8xlarge	32	262144	amd64	nitro	0	AMD	3400	L40S	NVIDIA	1	45776				0	0	25000	default	16000	900	required	1	1	8	30	1	on-demand,spot	abcd	4.52856
    g6e.xlarge	g6e	g	6	xlarge	4	32768	amd64	nitro	0	AMD	3400	L40S	NVIDIA	1	45776				0	0	2500	default	5000	250	required	1	1	4	15	0	on-demand,spot	abcd	1.861
    g6f.2xlarge	g6f	g	6	2xlarge	8	32768	amd64	nitro	0	AMD	3400	L4	NVIDIA	0	5722				0	0	5000	default	5000	200	required	1	1	4	15	0	on-demand,spot	abcd	0.475
    g6f.4xlarge	g6f	g	6	4xlarge	16	65536	amd64	nitro	0	AMD	3400	L4	NVIDIA	0	11444				0	0	10000	default	6000	450	required	1	1	8	30	0	on-demand,spot	abcd	0.95
    g6f.large	g6f	g	6	large	2	8192	amd64	nitro	0	AMD	3400	L4	NVIDIA	0	2861				0	0	1500	default	5000	100	required	1	0	2	10	0	on-demand,spot	abcd	0.202
    g6f.xlarge	g6f	g	6	xlarge	4	16384	amd64	nitro	0	AMD	3400	L4	NVIDIA	0	2861				0	0	2500	default	5000	100	required	1	1	4	15	0	on-demand,spot	abcd	0.2375
    g7e.12xlarge	g7e	g	7	12xlarge	48	524288	amd64	nitro	0	Intel	2400	RTX PRO Server 6000	NVIDIA	2	98304				0	0	400000	default	25000	3800	required	1	1	10	64	1	on-demand,spot	ac	8.28608
    g7e.24xlarge	g7e	g	7	24xlarge	96	1048576	amd64	nitro	0	Intel	2400	RTX PRO Server 6000	NVIDIA	4	98304				0	0	800000	default	50000	7600	required	1	1	10	64	2	on-demand,spot	ac	16.57216
    g7e.2xlarge	g7e	g	7	2xlarge	8	65536	amd64	nitro	0	Intel	2400	RTX PRO Server 6000	NVIDIA	1	98304				0	0	50000	default	5000	1900	required	1	1	4	64	0	on-demand,spot	ac	3.36312
    g7e.48xlarge	g7e	g	7	48xlarge	192	2097152	amd64	nitro	0	Intel	2400	RTX PRO Server 6000	NVIDIA	8	98304				0	0	1600000	default	100000	15200	required	1	1	10	64	4	on-demand,spot	ac	33.14432
    g7e.4xlarge	g7e	g	7	4xlarge	16	131072	amd64	nitro	0	Intel	2400	RTX PRO Server 6000	NVIDIA	1	98304				0	0	50000	default	8000	1900	required	1	1	8	64	0	on-demand,spot	ac	3.99816
    g7e.8xlarge	g7e	g	7	8xlarge	32	262144	amd64	nitro	0	Intel	2400	RTX PRO Server 6000	NVIDIA	1	98304				0	0	100000	default	16000	1900	required	1	1	8	64	1	on-demand,spot	ac	5.26824
    gr6.4xlarge	gr6	gr	6	4xlarge	16	131072	amd64	nitro	0	AMD	3400	L4	NVIDIA	1	22888				0	0	10000	default	8000	600	required	1	1	8	30	0	on-demand,spot	abcd	1.5392
    gr6.8xlarge	gr6	gr	6	8xlarge	32	262144	amd64	nitro	0	AMD	3400	L4	NVIDIA	1	22888				0	0	25000	default	16000	900	required	1	1	8	30	1	on-demand,spot	abcd	2.4464
    gr6f.4xlarge	gr6f	gr	6	4xlarge	16	131072	amd64	nitro	0	AMD	3400	L4	NVIDIA	0	11444				0	0	10000	default	8000	450	required	1	1	8	30	0	on-demand,spot	abcd	1.066
    h1.16xlarge	h1	h	1	16xlarge	64	262144	amd64	xen	0	Intel	2300			0	0				0	0	25000	default	14000	16000	unsupported	0	0	8	50	0	on-demand,spot	abcf	3.744
    h1.2xlarge	h1	h	1	2xlarge	8	32768	amd64	xen	0	Intel	2300			0	0				0	0	2500	default	1750	2000	unsupported	0	0	4	15	0	on-demand,spot	abcf	0.468
    h1.4xlarge	h1	h	1	4xlarge	16	65536	amd64	xen	0	Intel	2300			0	0				0	0	5000	default	3500	4000	unsupported	0	0	8	30	0	on-demand,spot	abcf	0.936
    h1.8xlarge	h1	h	1	8xlarge	32	131072	amd64	xen	0	Intel	2300			0	0				0	0	12000	default	7000	8000	unsupported	0	0	8	30	0	on-demand,spot	abcf	1.872
    hpc7g.16xlarge	hpc7g	hpc	7	16xlarge	64	131072	arm64	nitro	0	AWS	2600			0	0				0	0	200000	default	2085	0		1	0	4	50	1	on-demand	c	1.6832
    hpc7g.4xlarge	hpc7g	hpc	7	4xlarge	16	131072	arm64	nitro	0	AWS	2600			0	0				0	0	200000	default	2085	0		1	0	4	50	1	on-demand	c	1.6832
    hpc7g.8xlarge	hpc7g	hpc	7	8xlarge	32	131072	arm64	nitro	0	AWS	2600			0	0				0	0	200000	default	2085	0		1	0	4	50	1	on-demand	c	1.6832
    i2.2xlarge	i2	i	2	2xlarge	8	62464	amd64	xen	0	Intel	2500			0	0				0	0	1000	supported	1000	1600	unsupported	0	0	4	15	0	on-demand,spot	abcde	1.705
    i2.4xlarge	i2	i	2	4xlarge	16	124928	amd64	xen	0	Intel	2500			0	0				0	0	2000	supported	2000	3200	unsupported	0	0	8	30	0	on-demand,spot	abcde	3.41
    i2.8xlarge	i2	i	2	8xlarge	32	249856	amd64	xen	0	Intel	2500			0	0				0	0	10000	unsupported		6400	unsupported	0	0	8	30	0	on-demand,spot	abcde	6.82
    i2.xlarge	i2	i	2	xlarge	4	31232	amd64	xen	0	Intel	2500			0	0				0	0	700	supported	500	800	unsupported	0	0	4	15	0	on-demand,spot	abcde	0.853
    i3.16xlarge	i3	i	3	16xlarge	64	499712	amd64	xen	0	Intel	2300			0	0				0	0	25000	default	14000	15200	required	0	0	15	50	0	on-demand,spot	abcdef	4.992
    i3.2xlarge	i3	i	3	2xlarge	8	62464	amd64	xen	0	Intel	2300			0	0				0	0	2500	default	1700	1900	required	0	0	4	15	0	on-demand,spot	abcdef	0.624
    i3.4xlarge	i3	i	3	4xlarge	16	124928	amd64	xen	0	Intel	2300			0	0				0	0	5000	default	3500	3800	required	0	0	8	30	0	on-demand,spot	abcdef	1.248
    i3.8xlarge	i3	i	3	8xlarge	32	249856	amd64	xen	0	Intel	2300			0	0				0	0	12000	default	7000	7600	required	0	0	8	30	0	on-demand,spot	abcdef	2.496
    i3.large	i3	i	3	large	2	15616	amd64	xen	0	Intel	2300			0	0				0	0	750	default	425	475	required	0	0	3	10	0	on-demand,spot	abcdef	0.156
    i3.xlarge	i3	i	3	xlarge	4	31232	amd64	xen	0	Intel	2300			0	0				0	0	1250	default	850	950	required	0	0	4	15	0	on-demand,spot	abcdef	0.312
    i3en.12xlarge	i3en	i	3	12xlarge	48	393216	amd64	nitro	0	Intel	3100			0	0				0	0	50000	default	9500	30000	required	1	1	8	30	1	on-demand,spot	abcdf	5.424
    i3en.24xlarge	i3en	i	3	24xlarge	96	786432	amd64	nitro	0	Intel	3100			0	0				0	0	100000	default	19000	60000	required	1	1	15	50	1	on-demand,spot	abcdf	10.848
    i3en.2xlarge	i3en	i	3	2xlarge	8	65536	amd64	nitro	0	Intel	3100			0	0				0	0	8400	default	4750	5000	required	1	1	4	15	0	on-demand,spot	abcdf	0.904
    i3en.3xlarge	i3en	i	3	3xlarge	12	98304	amd64	nitro	0	Intel	3100			0	0				0	0	12500	default	4750	7500	required	1	1	4	15	0	on-demand,spot	abcdf	1.356
    i3en.6xlarge	i3en	i	3	6xlarge	24	196608	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	4750	15000	required	1	1	8	30	0	on-demand,spot	abcdf	2.712
    i3en.large	i3en	i	3	large	2	16384	amd64	nitro	0	Intel	3100			0	0				0	0	2100	default	4750	1250	required	1	0	3	10	0	on-demand,spot	abcdf	0.226
    i3en.metal	i3en	i	3	metal	96	786432	amd64		1	Intel	3100			0	0				0	0	100000	default	19000	60000	required	1	0	15	50	1	on-demand,spot	abcdf	10.848
    i3en.xlarge	i3en	i	3	xlarge	4	32768	amd64	nitro	0	Intel	3100			0	0				0	0	4200	default	4750	2500	required	1	1	4	15	0	on-demand,spot	abcdf	0.452
    i4g.16xlarge	i4g	i	4	16xlarge	64	524288	arm64	nitro	0	AWS	2500			0	0				0	0	37500	default	20000	15000	required	1	1	15	50	1	on-demand,spot	abcdf	4.94208
    i4g.2xlarge	i4g	i	4	2xlarge	8	65536	arm64	nitro	0	AWS	2500			0	0				0	0	4687	default	10000	1875	required	1	1	4	15	0	on-demand,spot	abcdf	0.61776
    i4g.4xlarge	i4g	i	4	4xlarge	16	131072	arm64	nitro	0	AWS	2500			0	0				0	0	9375	default	10000	3750	required	1	1	8	30	0	on-demand,spot	abcdf	1.23552
    i4g.8xlarge	i4g	i	4	8xlarge	32	262144	arm64	nitro	0	AWS	2500			0	0				0	0	18750	default	10000	7500	required	1	1	8	30	0	on-demand,spot	abcdf	2.47104
    i4g.large	i4g	i	4	large	2	16384	arm64	nitro	0	AWS	2500			0	0				0	0	781	default	10000	468	required	1	1	3	10	0	on-demand,spot	abcdf	0.15444
    i4g.xlarge	i4g	i	4	xlarge	4	32768	arm64	nitro	0	AWS	2500			0	0				0	0	1875	default	10000	937	required	1	1	4	15	0	on-demand,spot	abcdf	0.30888
    i4i.12xlarge	i4i	i	4	12xlarge	48	393216	amd64	nitro	0	Intel	3500			0	0				0	0	28125	default	15000	11250	required	1	1	8	30	0	on-demand,spot	abcdf	4.118
    i4i.16xlarge	i4i	i	4	16xlarge	64	524288	amd64	nitro	0	Intel	3500			0	0				0	0	37500	default	20000	15000	required	1	1	15	50	0	on-demand,spot	abcdf	5.491
    i4i.24xlarge	i4i	i	4	24xlarge	96	786432	amd64	nitro	0	Intel	3500			0	0				0	0	56250	default	30000	22500	required	1	1	15	30	0	on-demand,spot	abcdf	8.2368
    i4i.2xlarge	i4i	i	4	2xlarge	8	65536	amd64	nitro	0	Intel	3500			0	0				0	0	4687	default	10000	1875	required	1	1	4	15	0	on-demand,spot	abcdf	0.686
    i4i.32xlarge	i4i	i	4	32xlarge	128	1048576	amd64	nitro	0	Intel	3500			0	0				0	0	75000	default	40000	30000	required	1	1	15	50	1	on-demand,spot	abcdf	10.9824
    i4i.4xlarge	i4i	i	4	4xlarge	16	131072	amd64	nitro	0	Intel	3500			0	0				0	0	9375	default	10000	3750	required	1	1	8	30	0	on-demand,spot	abcdf	1.373
    i4i.8xlarge	i4i	i	4	8xlarge	32	262144	amd64	nitro	0	Intel	3500			0	0				0	0	18750	default	10000	7500	required	1	1	8	30	0	on-demand,spot	abcdf	2.746
    i4i.large	i4i	i	4	large	2	16384	amd64	nitro	0	Intel	3500			0	0				0	0	781	default	10000	468	required	1	0	3	10	0	on-demand,spot	abcdf	0.172
    i4i.metal	i4i	i	4	metal	128	1048576	amd64		1	Intel	3500			0	0				0	0	75000	default	40000	30000	required	1	0	15	50	1	on-demand,spot	abcdf	10.982
    i4i.xlarge	i4i	i	4	xlarge	4	32768	amd64	nitro	0	Intel	3500			0	0				0	0	1875	default	10000	937	required	1	1	4	15	0	on-demand,spot	abcdf	0.343
    i7i.12xlarge	i7i	i	7	12xlarge	48	393216	amd64	nitro	0	Intel	2400			0	0				0	0	28125	default	15000	11250	required	1	1	8	30	0	on-demand,spot	abcdf	4.5302
    i7i.16xlarge	i7i	i	7	16xlarge	64	524288	amd64	nitro	0	Intel	2400			0	0				0	0	37500	default	20000	15000	required	1	1	15	50	0	on-demand,spot	abcdf	6.0403
    i7i.24xlarge	i7i	i	7	24xlarge	96	786432	amd64	nitro	0	Intel	2400			0	0				0	0	56250	default	30000	22500	required	1	1	15	50	1	on-demand,spot	abcdf	9.0605
    i7i.2xlarge	i7i	i	7	2xlarge	8	65536	amd64	nitro	0	Intel	2400			0	0				0	0	4687	default	10000	1875	required	1	1	4	15	0	on-demand,spot	abcdf	0.755
    i7i.48xlarge	i7i	i	7	48xlarge	192	1572864	amd64	nitro	0	Intel	2400			0	0				0	0	100000	default	60000	45000	required	1	1	15	50	1	on-demand,spot	abcdf	18.121
    i7i.4xlarge	i7i	i	7	4xlarge	16	131072	amd64	nitro	0	Intel	2400			0	0				0	0	9375	default	10000	3750	required	1	1	8	30	0	on-demand,spot	abcdf	1.5101
    i7i.8xlarge	i7i	i	7	8xlarge	32	262144	amd64	nitro	0	Intel	2400			0	0				0	0	25000	default	10000	7500	required	1	1	8	30	0	on-demand,spot	abcdf	3.0202
    i7i.large	i7i	i	7	large	2	16384	amd64	nitro	0	Intel	2400			0	0				0	0	1171	default	10000	468	required	1	0	3	10	0	on-demand,spot	abcdf	0.1888
    i7i.metal-24xl	i7i	i	7	metal-24xl	96	786432	amd64		1	Intel	2400			0	0				0	0	56250	default	30000	22500	required	1	0	15	50	0	on-demand,spot	abcdf	9.6204
    i7i.metal-48xl	i7i	i	7	metal-48xl	192	1572864	amd64		1	Intel	2400			0	0				0	0	100000	default	60000	45000	required	1	0	15	50	1	on-demand,spot	abcdf	19.2408
    i7i.xlarge	i7i	i	7	xlarge	4	32768	amd64	nitro	0	Intel	2400			0	0				0	0	2343	default	10000	937	required	1	1	4	15	0	on-demand,spot	abcdf	0.3775
    i7ie.12xlarge	i7ie	i	7	12xlarge	48	393216	amd64	nitro	0	Intel	3600			0	0				0	0	25000	default	15000	30000	required	1	1	8	50	0	on-demand,spot	abcdf	6.2376
    i7ie.18xlarge	i7ie	i	7	18xlarge	72	589824	amd64	nitro	0	Intel	3600			0	0				0	0	37500	default	22500	45000	required	1	1	15	50	0	on-demand,spot	abcdf	9.3564
    i7ie.24xlarge	i7ie	i	7	24xlarge	96	786432	amd64	nitro	0	Intel	3600			0	0				0	0	50000	default	30000	60000	required	1	1	15	50	0	on-demand,spot	abcdf	12.4752
    i7ie.2xlarge	i7ie	i	7	2xlarge	8	65536	amd64	nitro	0	Intel	3600			0	0				0	0	8333	default	10000	5000	required	1	1	4	15	0	on-demand,spot	abcdf	1.0396
    i7ie.3xlarge	i7ie	i	7	3xlarge	12	98304	amd64	nitro	0	Intel	3600			0	0				0	0	12500	default	10000	7500	required	1	1	4	15	0	on-demand,spot	abcdf	1.5594
    i7ie.48xlarge	i7ie	i	7	48xlarge	192	1572864	amd64	nitro	0	Intel	3600			0	0				0	0	100000	default	60000	120000	required	1	1	15	50	1	on-demand,spot	abcdf	24.9504
    i7ie.6xlarge	i7ie	i	7	6xlarge	24	196608	amd64	nitro	0	Intel	3600			0	0				0	0	12500	default	10000	15000	required	1	1	8	30	0	on-demand,spot	abcdf	3.1188
    i7ie.large	i7ie	i	7	large	2	16384	amd64	nitro	0	Intel	3600			0	0				0	0	2083	default	10000	1250	required	1	0	3	10	0	on-demand,spot	abcdf	0.2599
    i7ie.metal-24xl	i7ie	i	7	metal-24xl	96	786432	amd64		1	Intel	3600			0	0				0	0	50000	default	30000	60000	required	1	0	15	50	0	on-demand,spot	abcdf	13.2844
    i7ie.metal-48xl	i7ie	i	7	metal-48xl	192	1572864	amd64		1	Intel	3600			0	0				0	0	100000	default	60000	120000	required	1	0	15	50	1	on-demand,spot	abcdf	26.5687
    i7ie.xlarge	i7ie	i	7	xlarge	4	32768	amd64	nitro	0	Intel	3600			0	0				0	0	4166	default	10000	2500	required	1	1	4	15	0	on-demand,spot	abcdf	0.5198
    i8g.12xlarge	i8g	i	8	12xlarge	48	393216	arm64	nitro	0	AWS	2800			0	0				0	0	28125	default	15000	11250	required	1	1	8	30	0	on-demand,spot	abcd	4.1184
    i8g.16xlarge	i8g	i	8	16xlarge	64	524288	arm64	nitro	0	AWS	2800			0	0				0	0	37500	default	20000	15000	required	1	1	15	50	0	on-demand,spot	abcd	5.4912
    i8g.24xlarge	i8g	i	8	24xlarge	96	786432	arm64	nitro	0	AWS	2800			0	0				0	0	56250	default	30000	22500	required	1	1	15	50	0	on-demand,spot	abcd	8.2368
    i8g.2xlarge	i8g	i	8	2xlarge	8	65536	arm64	nitro	0	AWS	2800			0	0				0	0	4688	default	10000	1875	required	1	1	4	15	0	on-demand,spot	abcd	0.6864
    i8g.48xlarge	i8g	i	8	48xlarge	192	1572864	arm64	nitro	0	AWS	2800			0	0				0	0	100000	default	60000	45000	required	1	1	15	50	1	on-demand,spot	abcd	16.4736
    i8g.4xlarge	i8g	i	8	4xlarge	16	131072	arm64	nitro	0	AWS	2800			0	0				0	0	9375	default	10000	3750	required	1	1	8	30	0	on-demand,spot	abcd	1.3728
    i8g.8xlarge	i8g	i	8	8xlarge	32	262144	arm64	nitro	0	AWS	2800			0	0				0	0	25000	default	10000	7500	required	1	1	8	30	0	on-demand,spot	abcd	2.7456
    i8g.large	i8g	i	8	large	2	16384	arm64	nitro	0	AWS	2800			0	0				0	0	1172	default	10000	468	required	1	1	3	10	0	on-demand,spot	abcd	0.1716
    i8g.metal-24xl	i8g	i	8	metal-24xl	96	786432	arm64		1	AWS	2800			0	0				0	0	56250	default	30000	22500	required	1	0	15	50	0	on-demand,spot	abcd	9.06048
    i8g.metal-48xl	i8g	i	8	metal-48xl	192	1572864	arm64		1	AWS	2800			0	0				0	0	100000	default	60000	45000	required	1	0	15	50	1	on-demand,spot	abcd	18.12096
    i8g.xlarge	i8g	i	8	xlarge	4	32768	arm64	nitro	0	AWS	2800			0	0				0	0	2344	default	10000	937	required	1	1	4	15	0	on-demand,spot	abcd	0.3432
    i8ge.12xlarge	i8ge	i	8	12xlarge	48	393216	arm64	nitro	0	AWS	2800			0	0				0	0	75000	default	15000	30000	required	1	1	12	30	0	on-demand,spot	abc	5.6952
    i8ge.18xlarge	i8ge	i	8	18xlarge	72	589824	arm64	nitro	0	AWS	2800			0	0				0	0	112500	default	22500	45000	required	1	1	16	50	0	on-demand,spot	abc	8.5428
    i8ge.24xlarge	i8ge	i	8	24xlarge	96	786432	arm64	nitro	0	AWS	2800			0	0				0	0	150000	default	30000	60000	required	1	1	16	50	0	on-demand,spot	abc	11.3904
    i8ge.2xlarge	i8ge	i	8	2xlarge	8	65536	arm64	nitro	0	AWS	2800			0	0				0	0	8400	default	10000	5000	required	1	1	4	15	0	on-demand,spot	abc	0.9492
    i8ge.3xlarge	i8ge	i	8	3xlarge	12	98304	arm64	nitro	0	AWS	2800			0	0				0	0	12500	default	10000	7500	required	1	1	6	30	0	on-demand,spot	abc	1.4238
    i8ge.48xlarge	i8ge	i	8	48xlarge	192	1572864	arm64	nitro	0	AWS	2700			0	0				0	0	300000	default	60000	120000	required	1	1	24	50	1	on-demand,spot	abc	22.7808
    i8ge.6xlarge	i8ge	i	8	6xlarge	24	196608	arm64	nitro	0	AWS	2800			0	0				0	0	37500	default	10000	15000	required	1	1	10	30	0	on-demand,spot	abc	2.8476
    i8ge.large	i8ge	i	8	large	2	16384	arm64	nitro	0	AWS	2800			0	0				0	0	2100	default	10000	1250	required	1	1	3	10	0	on-demand,spot	abc	0.2373
    i8ge.metal-24xl	i8ge	i	8	metal-24xl	96	786432	arm64		1	AWS	2800			0	0				0	0	150000	default	30000	60000	required	1	0	16	50	0	on-demand,spot	abc	12.1313
    i8ge.metal-48xl	i8ge	i	8	metal-48xl	192	1572864	arm64		1	AWS	2700			0	0				0	0	300000	default	60000	120000	required	1	0	24	50	1	on-demand,spot	abc	24.2626
    i8ge.xlarge	i8ge	i	8	xlarge	4	32768	arm64	nitro	0	AWS	2800			0	0				0	0	4200	default	10000	2500	required	1	1	4	15	0	on-demand,spot	abc	0.4746
    im4gn.16xlarge	im4gn	im	4	16xlarge	64	262144	arm64	nitro	0	AWS	2500			0	0				0	0	100000	default	40000	30000	required	1	0	15	50	1	on-demand,spot	abcd	5.82067
    im4gn.2xlarge	im4gn	im	4	2xlarge	8	32768	arm64	nitro	0	AWS	2500			0	0				0	0	12500	default	10000	3750	required	1	0	4	15	0	on-demand,spot	abcd	0.72758
    im4gn.4xlarge	im4gn	im	4	4xlarge	16	65536	arm64	nitro	0	AWS	2500			0	0				0	0	25000	default	10000	7500	required	1	0	8	30	0	on-demand,spot	abcd	1.45517
    im4gn.8xlarge	im4gn	im	4	8xlarge	32	131072	arm64	nitro	0	AWS	2500			0	0				0	0	50000	default	20000	15000	required	1	0	8	30	0	on-demand,spot	abcd	2.91034
    im4gn.large	im4gn	im	4	large	2	8192	arm64	nitro	0	AWS	2500			0	0				0	0	3125	default	10000	937	required	1	0	3	10	0	on-demand,spot	abcd	0.1819
    im4gn.xlarge	im4gn	im	4	xlarge	4	16384	arm64	nitro	0	AWS	2500			0	0				0	0	6250	default	10000	1875	required	1	0	4	15	0	on-demand,spot	abcd	0.36379
    inf1.24xlarge	inf1	inf	1	24xlarge	96	196608	amd64	nitro	0	Intel	2500			0	0	neuron	Inferentia	AWS	16	4	100000	default	19000	0		1	1	11	30	1	on-demand,spot	abcdf	4.721
    inf1.2xlarge	inf1	inf	1	2xlarge	8	16384	amd64	nitro	0	Intel	2500			0	0	neuron	Inferentia	AWS	1	4	5000	default	4750	0		1	1	4	10	0	on-demand,spot	abcdf	0.362
    inf1.6xlarge	inf1	inf	1	6xlarge	24	49152	amd64	nitro	0	Intel	2500			0	0	neuron	Inferentia	AWS	4	4	25000	default	4750	0		1	1	8	30	0	on-demand,spot	abcdf	1.18
    inf1.xlarge	inf1	inf	1	xlarge	4	8192	amd64	nitro	0	Intel	2500			0	0	neuron	Inferentia	AWS	1	4	5000	default	4750	0		1	1	4	10	0	on-demand,spot	abcdf	0.228
    inf2.24xlarge	inf2	inf	2	24xlarge	96	393216	amd64	nitro	0	AMD	3600			0	0	neuron	Inferentia2	AWS	6	2	50000	default	30000	0		1	1	15	50	0	on-demand,spot	abcf	6.49063
    inf2.48xlarge	inf2	inf	2	48xlarge	192	786432	amd64	nitro	0	AMD	3600			0	0	neuron	Inferentia2	AWS	12	2	100000	default	60000	0		1	1	15	50	0	on-demand,spot	abcf	12.98127
    inf2.8xlarge	inf2	inf	2	8xlarge	32	131072	amd64	nitro	0	AMD	3600			0	0	neuron	Inferentia2	AWS	1	2	16667	default	10000	0		1	1	8	30	0	on-demand,spot	abcf	1.96786
    inf2.xlarge	inf2	inf	2	xlarge	4	16384	amd64	nitro	0	AMD	3600			0	0	neuron	Inferentia2	AWS	1	2	2083	default	10000	0		1	1	4	15	0	on-demand,spot	abcf	0.7582
    is4gen.2xlarge	is4gen	is	4	2xlarge	8	49152	arm64	nitro	0	AWS	2500			0	0				0	0	12500	default	10000	7500	required	1	0	4	15	0	on-demand,spot	abcd	1.1526
    is4gen.4xlarge	is4gen	is	4	4xlarge	16	98304	arm64	nitro	0	AWS	2500			0	0				0	0	25000	default	10000	15000	required	1	0	8	30	0	on-demand,spot	abcd	2.3052
    is4gen.8xlarge	is4gen	is	4	8xlarge	32	196608	arm64	nitro	0	AWS	2500			0	0				0	0	50000	default	20000	30000	required	1	0	8	30	0	on-demand,spot	abcd	4.6104
    is4gen.large	is4gen	is	4	large	2	12288	arm64	nitro	0	AWS	2500			0	0				0	0	3125	default	10000	1875	required	1	0	3	10	0	on-demand,spot	abcd	0.28815
    is4gen.medium	is4gen	is	4	medium	1	6144	arm64	nitro	0	AWS	2500			0	0				0	0	1562	default	10000	937	required	1	0	2	4	0	on-demand,spot	abcd	0.14408
    is4gen.xlarge	is4gen	is	4	xlarge	4	24576	arm64	nitro	0	AWS	2500			0	0				0	0	6250	default	10000	3750	required	1	0	4	15	0	on-demand,spot	abcd	0.5763
    m1.large	m1	m	1	large	2	7680	amd64	xen	0	Intel				0	0				0	0	700	supported	500	840	unsupported	0	0	3	10	0	on-demand,spot	abcd	0.175
    m1.medium	m1	m	1	medium	1	3788	amd64	xen	0	Intel				0	0				0	0	300	unsupported		410	unsupported	0	0	2	6	0	on-demand,spot	abcd	0.087
    m1.small	m1	m	1	small	1	1740	amd64	xen	0	Intel				0	0				0	0	300	unsupported		160	unsupported	0	0	2	4	0	on-demand,spot	abcd	0.044
    m1.xlarge	m1	m	1	xlarge	4	15360	amd64	xen	0	Intel				0	0				0	0	1000	supported	1000	1680	unsupported	0	0	4	15	0	on-demand,spot	abcd	0.35
    m2.2xlarge	m2	m	2	2xlarge	4	35020	amd64	xen	0	Intel				0	0				0	0	700	supported	500	850	unsupported	0	0	4	30	0	on-demand,spot	abcd	0.49
    m2.4xlarge	m2	m	2	4xlarge	8	70041	amd64	xen	0	Intel				0	0				0	0	1000	supported	1000	1680	unsupported	0	0	8	30	0	on-demand,spot	abcd	0.98
    m2.xlarge	m2	m	2	xlarge	2	17510	amd64	xen	0	Intel				0	0				0	0	300	unsupported		420	unsupported	0	0	4	15	0	on-demand,spot	abcd	0.245
    m3.2xlarge	m3	m	3	2xlarge	8	30720	amd64	xen	0	Intel	2500			0	0				0	0	1000	supported	1000	160	unsupported	0	0	4	30	0	on-demand,spot	abce	0.532
    m3.large	m3	m	3	large	2	7680	amd64	xen	0	Intel	2500			0	0				0	0	700	unsupported		32	unsupported	0	0	3	10	0	on-demand,spot	abce	0.133
    m3.medium	m3	m	3	medium	1	3840	amd64	xen	0	Intel	2500			0	0				0	0	300	unsupported		4	unsupported	0	0	2	6	0	on-demand,spot	abce	0.067
    m3.xlarge	m3	m	3	xlarge	4	15360	amd64	xen	0	Intel	2500			0	0				0	0	1000	supported	500	80	unsupported	0	0	4	15	0	on-demand,spot	abce	0.266
    m4.10xlarge	m4	m	4	10xlarge	40	163840	amd64	xen	0	Intel	2400			0	0				0	0	10000	default	4000	0		0	0	8	30	0	on-demand,spot	abcdef	2
    m4.16xlarge	m4	m	4	16xlarge	64	262144	amd64	xen	0	Intel	2300			0	0				0	0	25000	default	10000	0		0	0	8	30	0	on-demand,spot	abcdef	3.2
    m4.2xlarge	m4	m	4	2xlarge	8	32768	amd64	xen	0	Intel	2400			0	0				0	0	1000	default	1000	0		0	0	4	15	0	on-demand,spot	abcdef	0.4
    m4.4xlarge	m4	m	4	4xlarge	16	65536	amd64	xen	0	Intel	2400			0	0				0	0	2000	default	2000	0		0	0	8	30	0	on-demand,spot	abcdef	0.8
    m4.large	m4	m	4	large	2	8192	amd64	xen	0	Intel	2400			0	0				0	0	450	default	450	0		0	0	2	10	0	on-demand,spot	abcdef	0.1
    m4.xlarge	m4	m	4	xlarge	4	16384	amd64	xen	0	Intel	2400			0	0				0	0	750	default	750	0		0	0	4	15	0	on-demand,spot	abcdef	0.2
    m5.12xlarge	m5	m	5	12xlarge	48	196608	amd64	nitro	0	Intel	3100			0	0				0	0	12000	default	9500	0		0	1	8	30	0	on-demand,spot	abcdf	2.304
    m5.16xlarge	m5	m	5	16xlarge	64	262144	amd64	nitro	0	Intel	3100			0	0				0	0	20000	default	13600	0		0	1	15	50	0	on-demand,spot	abcdf	3.072
    m5.24xlarge	m5	m	5	24xlarge	96	393216	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	19000	0		0	1	15	50	0	on-demand,spot	abcdf	4.608
    m5.2xlarge	m5	m	5	2xlarge	8	32768	amd64	nitro	0	Intel	3100			0	0				0	0	2500	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.384
    m5.4xlarge	m5	m	5	4xlarge	16	65536	amd64	nitro	0	Intel	3100			0	0				0	0	5000	default	4750	0		0	1	8	30	0	on-demand,spot	abcdf	0.768
    m5.8xlarge	m5	m	5	8xlarge	32	131072	amd64	nitro	0	Intel	3100			0	0				0	0	10000	default	6800	0		0	1	8	30	0	on-demand,spot	abcdf	1.536
    m5.large	m5	m	5	large	2	8192	amd64	nitro	0	Intel	3100			0	0				0	0	750	default	4750	0		0	0	3	10	0	on-demand,spot	abcdf	0.096
    m5.metal	m5	m	5	metal	96	393216	amd64		1	Intel	3100			0	0				0	0	25000	default	19000	0		0	0	15	50	0	on-demand,spot	abcdf	4.608
    m5.xlarge	m5	m	5	xlarge	4	16384	amd64	nitro	0	Intel	3100			0	0				0	0	1250	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.192
    m5a.12xlarge	m5a	m	5	12xlarge	48	196608	amd64	nitro	0	AMD	2500			0	0				0	0	10000	default	6780	0		0	1	8	30	0	on-demand,spot	abcdf	2.064
    m5a.16xlarge	m5a	m	5	16xlarge	64	262144	amd64	nitro	0	AMD	2500			0	0				0	0	12000	default	9500	0		0	1	15	50	0	on-demand,spot	abcdf	2.752
    m5a.24xlarge	m5a	m	5	24xlarge	96	393216	amd64	nitro	0	AMD	2500			0	0				0	0	20000	default	13750	0		0	1	15	50	0	on-demand,spot	abcdf	4.128
    m5a.2xlarge	m5a	m	5	2xlarge	8	32768	amd64	nitro	0	AMD	2500			0	0				0	0	2500	default	2880	0		0	1	4	15	0	on-demand,spot	abcdf	0.344
    m5a.4xlarge	m5a	m	5	4xlarge	16	65536	amd64	nitro	0	AMD	2500			0	0				0	0	5000	default	2880	0		0	1	8	30	0	on-demand,spot	abcdf	0.688
    m5a.8xlarge	m5a	m	5	8xlarge	32	131072	amd64	nitro	0	AMD	2500			0	0				0	0	7500	default	4750	0		0	1	8	30	0	on-demand,spot	abcdf	1.376
    m5a.large	m5a	m	5	large	2	8192	amd64	nitro	0	AMD	2500			0	0				0	0	750	default	2880	0		0	0	3	10	0	on-demand,spot	abcdf	0.086
    m5a.xlarge	m5a	m	5	xlarge	4	16384	amd64	nitro	0	AMD	2500			0	0				0	0	1250	default	2880	0		0	1	4	15	0	on-demand,spot	abcdf	0.172
    m5ad.12xlarge	m5ad	m	5	12xlarge	48	196608	amd64	nitro	0	AMD	2200			0	0				0	0	10000	default	6780	1800	required	0	1	8	30	0	on-demand,spot	abcdf	2.472
    m5ad.16xlarge	m5ad	m	5	16xlarge	64	262144	amd64	nitro	0	AMD	2500			0	0				0	0	12000	default	9500	2400	required	0	1	15	50	0	on-demand,spot	abcdf	3.296
    m5ad.24xlarge	m5ad	m	5	24xlarge	96	393216	amd64	nitro	0	AMD	2200			0	0				0	0	20000	default	13750	3600	required	0	1	15	50	0	on-demand,spot	abcdf	4.944
    m5ad.2xlarge	m5ad	m	5	2xlarge	8	32768	amd64	nitro	0	AMD	2200			0	0				0	0	2500	default	2880	300	required	0	1	4	15	0	on-demand,spot	abcdf	0.412
    m5ad.4xlarge	m5ad	m	5	4xlarge	16	65536	amd64	nitro	0	AMD	2200			0	0				0	0	5000	default	2880	600	required	0	1	8	30	0	on-demand,spot	abcdf	0.824
    m5ad.8xlarge	m5ad	m	5	8xlarge	32	131072	amd64	nitro	0	AMD	2500			0	0				0	0	7500	default	4750	1200	required	0	1	8	30	0	on-demand,spot	abcdf	1.648
    m5ad.large	m5ad	m	5	large	2	8192	amd64	nitro	0	AMD	2200			0	0				0	0	750	default	2880	75	required	0	0	3	10	0	on-demand,spot	abcdf	0.103
    m5ad.xlarge	m5ad	m	5	xlarge	4	16384	amd64	nitro	0	AMD	2200			0	0				0	0	1250	default	2880	150	required	0	1	4	15	0	on-demand,spot	abcdf	0.206
    m5d.12xlarge	m5d	m	5	12xlarge	48	196608	amd64	nitro	0	Intel	3100			0	0				0	0	12000	default	9500	1800	required	0	1	8	30	0	on-demand,spot	abcdf	2.712
    m5d.16xlarge	m5d	m	5	16xlarge	64	262144	amd64	nitro	0	Intel	3100			0	0				0	0	20000	default	13600	2400	required	0	1	15	50	0	on-demand,spot	abcdf	3.616
    m5d.24xlarge	m5d	m	5	24xlarge	96	393216	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	19000	3600	required	0	1	15	50	0	on-demand,spot	abcdf	5.424
    m5d.2xlarge	m5d	m	5	2xlarge	8	32768	amd64	nitro	0	Intel	3100			0	0				0	0	2500	default	4750	300	required	0	1	4	15	0	on-demand,spot	abcdf	0.452
    m5d.4xlarge	m5d	m	5	4xlarge	16	65536	amd64	nitro	0	Intel	3100			0	0				0	0	5000	default	4750	600	required	0	1	8	30	0	on-demand,spot	abcdf	0.904
    m5d.8xlarge	m5d	m	5	8xlarge	32	131072	amd64	nitro	0	Intel	3100			0	0				0	0	10000	default	6800	1200	required	0	1	8	30	0	on-demand,spot	abcdf	1.808
    m5d.large	m5d	m	5	large	2	8192	amd64	nitro	0	Intel	3100			0	0				0	0	750	default	4750	75	required	0	0	3	10	0	on-demand,spot	abcdf	0.113
    m5d.metal	m5d	m	5	metal	96	393216	amd64		1	Intel	3100			0	0				0	0	25000	default	19000	3600	required	0	0	15	50	0	on-demand,spot	abcdf	5.424
    m5d.xlarge	m5d	m	5	xlarge	4	16384	amd64	nitro	0	Intel	3100			0	0				0	0	1250	default	4750	150	required	0	1	4	15	0	on-demand,spot	abcdf	0.226
    m5dn.12xlarge	m5dn	m	5	12xlarge	48	196608	amd64	nitro	0	Intel	3100			0	0				0	0	50000	default	9500	1800	required	1	1	8	30	0	on-demand,spot	abcdf	3.264
    m5dn.16xlarge	m5dn	m	5	16xlarge	64	262144	amd64	nitro	0	Intel	3100			0	0				0	0	75000	default	13600	2400	required	1	1	15	50	0	on-demand,spot	abcdf	4.352
    m5dn.24xlarge	m5dn	m	5	24xlarge	96	393216	amd64	nitro	0	Intel	3100			0	0				0	0	100000	default	19000	3600	required	1	1	15	50	1	on-demand,spot	abcdf	6.528
    m5dn.2xlarge	m5dn	m	5	2xlarge	8	32768	amd64	nitro	0	Intel	3100			0	0				0	0	8125	default	4750	300	required	1	1	4	15	0	on-demand,spot	abcdf	0.544
    m5dn.4xlarge	m5dn	m	5	4xlarge	16	65536	amd64	nitro	0	Intel	3100			0	0				0	0	16250	default	4750	600	required	1	1	8	30	0	on-demand,spot	abcdf	1.088
    m5dn.8xlarge	m5dn	m	5	8xlarge	32	131072	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	6800	1200	required	1	1	8	30	0	on-demand,spot	abcdf	2.176
    m5dn.large	m5dn	m	5	large	2	8192	amd64	nitro	0	Intel	3100			0	0				0	0	2100	default	4750	75	required	1	0	3	10	0	on-demand,spot	abcdf	0.136
    m5dn.metal	m5dn	m	5	metal	96	393216	amd64		1	Intel	3100			0	0				0	0	100000	default	19000	3600	required	1	0	15	50	1	on-demand,spot	abcdf	6.528
    m5dn.xlarge	m5dn	m	5	xlarge	4	16384	amd64	nitro	0	Intel	3100			0	0				0	0	4100	default	4750	150	required	1	1	4	15	0	on-demand,spot	abcdf	0.272
    m5n.12xlarge	m5n	m	5	12xlarge	48	196608	amd64	nitro	0	Intel	3100			0	0				0	0	50000	default	9500	0		1	1	8	30	0	on-demand,spot	abcdf	2.856
    m5n.16xlarge	m5n	m	5	16xlarge	64	262144	amd64	nitro	0	Intel	3100			0	0				0	0	75000	default	13600	0		1	1	15	50	0	on-demand,spot	abcdf	3.808
    m5n.24xlarge	m5n	m	5	24xlarge	96	393216	amd64	nitro	0	Intel	3100			0	0				0	0	100000	default	19000	0		1	1	15	50	1	on-demand,spot	abcdf	5.712
    m5n.2xlarge	m5n	m	5	2xlarge	8	32768	amd64	nitro	0	Intel	3100			0	0				0	0	8125	default	4750	0		1	1	4	15	0	on-demand,spot	abcdf	0.476
    m5n.4xlarge	m5n	m	5	4xlarge	16	65536	amd64	nitro	0	Intel	3100			0	0				0	0	16250	default	4750	0		1	1	8	30	0	on-demand,spot	abcdf	0.952
    m5n.8xlarge	m5n	m	5	8xlarge	32	131072	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	6800	0		1	1	8	30	0	on-demand,spot	abcdf	1.904
    m5n.large	m5n	m	5	large	2	8192	amd64	nitro	0	Intel	3100			0	0				0	0	2100	default	4750	0		1	0	3	10	0	on-demand,spot	abcdf	0.119
    m5n.metal	m5n	m	5	metal	96	393216	amd64		1	Intel	3100			0	0				0	0	100000	default	19000	0		1	0	15	50	1	on-demand,spot	abcf	5.712
    m5n.xlarge	m5n	m	5	xlarge	4	16384	amd64	nitro	0	Intel	3100			0	0				0	0	4100	default	4750	0		1	1	4	15	0	on-demand,spot	abcdf	0.238
    m5zn.12xlarge	m5zn	m	5	12xlarge	48	196608	amd64	nitro	0	Intel	4500			0	0				0	0	100000	default	19000	0		1	1	15	50	1	on-demand,spot	abcdf	3.9641
    m5zn.2xlarge	m5zn	m	5	2xlarge	8	32768	amd64	nitro	0	Intel	4500			0	0				0	0	10000	default	3170	0		1	1	4	15	0	on-demand,spot	abcdf	0.6607
    m5zn.3xlarge	m5zn	m	5	3xlarge	12	49152	amd64	nitro	0	Intel	4500			0	0				0	0	15000	default	4750	0		1	1	8	30	0	on-demand,spot	abcdf	0.991
    m5zn.6xlarge	m5zn	m	5	6xlarge	24	98304	amd64	nitro	0	Intel	4500			0	0				0	0	50000	default	9500	0		1	1	8	30	0	on-demand,spot	abcdf	1.982
    m5zn.large	m5zn	m	5	large	2	8192	amd64	nitro	0	Intel	4500			0	0				0	0	3000	default	3170	0		1	0	3	10	0	on-demand,spot	abcdf	0.1652
    m5zn.metal	m5zn	m	5	metal	48	196608	amd64		1	Intel	4500			0	0				0	0	100000	default	19000	0		1	0	15	50	1	on-demand,spot	abcdf	4.3605
    m5zn.xlarge	m5zn	m	5	xlarge	4	16384	amd64	nitro	0	Intel	4500			0	0				0	0	5000	default	3170	0		1	1	4	15	0	on-demand,spot	abcdf	0.3303
    m6a.12xlarge	m6a	m	6	12xlarge	48	196608	amd64	nitro	0	AMD	3600			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.0736
    m6a.16xlarge	m6a	m	6	16xlarge	64	262144	amd64	nitro	0	AMD	3600			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	2.7648
    m6a.24xlarge	m6a	m	6	24xlarge	96	393216	amd64	nitro	0	AMD	3600			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	4.1472
    m6a.2xlarge	m6a	m	6	2xlarge	8	32768	amd64	nitro	0	AMD	3600			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.3456
    m6a.32xlarge	m6a	m	6	32xlarge	128	524288	amd64	nitro	0	AMD	3600			0	0				0	0	50000	default	40000	0		1	1	15	50	0	on-demand,spot	abcdf	5.5296
    m6a.48xlarge	m6a	m	6	48xlarge	192	786432	amd64	nitro	0	AMD	3600			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	8.2944
    m6a.4xlarge	m6a	m	6	4xlarge	16	65536	amd64	nitro	0	AMD	3600			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.6912
    m6a.8xlarge	m6a	m	6	8xlarge	32	131072	amd64	nitro	0	AMD	3600			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.3824
    m6a.large	m6a	m	6	large	2	8192	amd64	nitro	0	AMD	3600			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.0864
    m6a.metal	m6a	m	6	metal	192	786432	amd64		1	AMD	3600			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	8.2944
    m6a.xlarge	m6a	m	6	xlarge	4	16384	amd64	nitro	0	AMD	3600			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.1728
    m6g.12xlarge	m6g	m	6	12xlarge	48	196608	arm64	nitro	0	AWS	2500			0	0				0	0	20000	default	14250	0		0	1	8	30	0	on-demand,spot	abcdf	1.848
    m6g.16xlarge	m6g	m	6	16xlarge	64	262144	arm64	nitro	0	AWS	2500			0	0				0	0	25000	default	19000	0		0	1	15	50	0	on-demand,spot	abcdf	2.464
    m6g.2xlarge	m6g	m	6	2xlarge	8	32768	arm64	nitro	0	AWS	2500			0	0				0	0	2500	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.308
    m6g.4xlarge	m6g	m	6	4xlarge	16	65536	arm64	nitro	0	AWS	2500			0	0				0	0	5000	default	4750	0		0	1	8	30	0	on-demand,spot	abcdf	0.616
    m6g.8xlarge	m6g	m	6	8xlarge	32	131072	arm64	nitro	0	AWS	2500			0	0				0	0	12000	default	9500	0		0	1	8	30	0	on-demand,spot	abcdf	1.232
    m6g.large	m6g	m	6	large	2	8192	arm64	nitro	0	AWS	2500			0	0				0	0	750	default	4750	0		0	1	3	10	0	on-demand,spot	abcdf	0.077
    m6g.medium	m6g	m	6	medium	1	4096	arm64	nitro	0	AWS	2500			0	0				0	0	500	default	4750	0		0	0	2	4	0	on-demand,spot	abcdf	0.0385
    m6g.metal	m6g	m	6	metal	64	262144	arm64		1	AWS	2500			0	0				0	0	25000	default	19000	0		0	0	15	50	0	on-demand,spot	abcdf	2.6112
    m6g.xlarge	m6g	m	6	xlarge	4	16384	arm64	nitro	0	AWS	2500			0	0				0	0	1250	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.154
    m6gd.12xlarge	m6gd	m	6	12xlarge	48	196608	arm64	nitro	0	AWS	2500			0	0				0	0	20000	default	14250	2850	required	0	1	8	30	0	on-demand,spot	abcdf	2.1696
    m6gd.16xlarge	m6gd	m	6	16xlarge	64	262144	arm64	nitro	0	AWS	2500			0	0				0	0	25000	default	19000	3800	required	0	1	15	50	0	on-demand,spot	abcdf	2.8928
    m6gd.2xlarge	m6gd	m	6	2xlarge	8	32768	arm64	nitro	0	AWS	2500			0	0				0	0	2500	default	4750	474	required	0	1	4	15	0	on-demand,spot	abcdf	0.3616
    m6gd.4xlarge	m6gd	m	6	4xlarge	16	65536	arm64	nitro	0	AWS	2500			0	0				0	0	5000	default	4750	950	required	0	1	8	30	0	on-demand,spot	abcdf	0.7232
    m6gd.8xlarge	m6gd	m	6	8xlarge	32	131072	arm64	nitro	0	AWS	2500			0	0				0	0	12000	default	9500	1900	required	0	1	8	30	0	on-demand,spot	abcdf	1.4464
    m6gd.large	m6gd	m	6	large	2	8192	arm64	nitro	0	AWS	2500			0	0				0	0	750	default	4750	118	required	0	1	3	10	0	on-demand,spot	abcdf	0.0904
    m6gd.medium	m6gd	m	6	medium	1	4096	arm64	nitro	0	AWS	2500			0	0				0	0	500	default	4750	59	required	0	0	2	4	0	on-demand,spot	abcdf	0.0452
    m6gd.metal	m6gd	m	6	metal	64	262144	arm64		1	AWS	2500			0	0				0	0	25000	default	19000	3800	required	0	0	15	50	0	on-demand,spot	abcdf	3.0664
    m6gd.xlarge	m6gd	m	6	xlarge	4	16384	arm64	nitro	0	AWS	2500			0	0				0	0	1250	default	4750	237	required	0	1	4	15	0	on-demand,spot	abcdf	0.1808
    m6i.12xlarge	m6i	m	6	12xlarge	48	196608	amd64	nitro	0	Intel	3500			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.304
    m6i.16xlarge	m6i	m	6	16xlarge	64	262144	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	3.072
    m6i.24xlarge	m6i	m	6	24xlarge	96	393216	amd64	nitro	0	Intel	3500			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	4.608
    m6i.2xlarge	m6i	m	6	2xlarge	8	32768	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.384
    m6i.32xlarge	m6i	m	6	32xlarge	128	524288	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	6.144
    m6i.4xlarge	m6i	m	6	4xlarge	16	65536	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.768
    m6i.8xlarge	m6i	m	6	8xlarge	32	131072	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.536
    m6i.large	m6i	m	6	large	2	8192	amd64	nitro	0	Intel	3500			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.096
    m6i.metal	m6i	m	6	metal	128	524288	amd64		1	Intel	3500			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	6.144
    m6i.xlarge	m6i	m	6	xlarge	4	16384	amd64	nitro	0	Intel	3500			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.192
    m6id.12xlarge	m6id	m	6	12xlarge	48	196608	amd64	nitro	0	Intel	3500			0	0				0	0	18750	default	15000	2850	required	1	1	8	30	0	on-demand,spot	abcdf	2.8476
    m6id.16xlarge	m6id	m	6	16xlarge	64	262144	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	20000	3800	required	1	1	15	50	0	on-demand,spot	abcdf	3.7968
    m6id.24xlarge	m6id	m	6	24xlarge	96	393216	amd64	nitro	0	Intel	3500			0	0				0	0	37500	default	30000	5700	required	1	1	15	50	0	on-demand,spot	abcdf	5.6952
    m6id.2xlarge	m6id	m	6	2xlarge	8	32768	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	10000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.4746
    m6id.32xlarge	m6id	m	6	32xlarge	128	524288	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	40000	7600	required	1	1	15	50	1	on-demand,spot	abcdf	7.5936
    m6id.4xlarge	m6id	m	6	4xlarge	16	65536	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	10000	950	required	1	1	8	30	0	on-demand,spot	abcdf	0.9492
    m6id.8xlarge	m6id	m	6	8xlarge	32	131072	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	10000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	1.8984
    m6id.large	m6id	m	6	large	2	8192	amd64	nitro	0	Intel	3500			0	0				0	0	781	default	10000	118	required	1	0	3	10	0	on-demand,spot	abcdf	0.11865
    m6id.metal	m6id	m	6	metal	128	524288	amd64		1	Intel	3500			0	0				0	0	50000	default	40000	7600	required	1	0	15	50	1	on-demand,spot	abcdf	7.5936
    m6id.xlarge	m6id	m	6	xlarge	4	16384	amd64	nitro	0	Intel	3500			0	0				0	0	1562	default	10000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.2373
    m6idn.12xlarge	m6idn	m	6	12xlarge	48	196608	amd64	nitro	0	Intel	3500			0	0				0	0	75000	default	37500	2850	required	1	1	8	30	0	on-demand,spot	abcdf	3.81888
    m6idn.16xlarge	m6idn	m	6	16xlarge	64	262144	amd64	nitro	0	Intel	3500			0	0				0	0	100000	default	50000	3800	required	1	1	15	50	0	on-demand,spot	abcdf	5.09184
    m6idn.24xlarge	m6idn	m	6	24xlarge	96	393216	amd64	nitro	0	Intel	3500			0	0				0	0	150000	default	75000	5700	required	1	1	15	50	0	on-demand,spot	abcdf	7.63776
    m6idn.2xlarge	m6idn	m	6	2xlarge	8	32768	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	25000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.63648
    m6idn.32xlarge	m6idn	m	6	32xlarge	128	524288	amd64	nitro	0	Intel	3500			0	0				0	0	400000	default	100000	7600	required	1	1	8	50	2	on-demand,spot	abcdf	10.18368
    m6idn.4xlarge	m6idn	m	6	4xlarge	16	65536	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	25000	950	required	1	1	8	30	0	on-demand,spot	abcdf	1.27296
    m6idn.8xlarge	m6idn	m	6	8xlarge	32	131072	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	25000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	2.54592
    m6idn.large	m6idn	m	6	large	2	8192	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	25000	118	required	1	0	3	10	0	on-demand,spot	abcdf	0.15912
    m6idn.metal	m6idn	m	6	metal	128	524288	amd64		1	Intel	3500			0	0				0	0	400000	default	100000	7600	required	1	0	8	50	2	on-demand,spot	abcdf	10.18368
    m6idn.xlarge	m6idn	m	6	xlarge	4	16384	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	25000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.31824
    m6in.12xlarge	m6in	m	6	12xlarge	48	196608	amd64	nitro	0	Intel	3500			0	0				0	0	75000	default	37500	0		1	1	8	30	0	on-demand,spot	abcdf	3.34152
    m6in.16xlarge	m6in	m	6	16xlarge	64	262144	amd64	nitro	0	Intel	3500			0	0				0	0	100000	default	50000	0		1	1	15	50	0	on-demand,spot	abcdf	4.45536
    m6in.24xlarge	m6in	m	6	24xlarge	96	393216	amd64	nitro	0	Intel	3500			0	0				0	0	150000	default	75000	0		1	1	15	50	0	on-demand,spot	abcdf	6.68304
    m6in.2xlarge	m6in	m	6	2xlarge	8	32768	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	25000	0		1	1	4	15	0	on-demand,spot	abcdf	0.55692
    m6in.32xlarge	m6in	m	6	32xlarge	128	524288	amd64	nitro	0	Intel	3500			0	0				0	0	400000	default	100000	0		1	1	8	50	2	on-demand,spot	abcdf	8.91072
    m6in.4xlarge	m6in	m	6	4xlarge	16	65536	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	25000	0		1	1	8	30	0	on-demand,spot	abcdf	1.11384
    m6in.8xlarge	m6in	m	6	8xlarge	32	131072	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	25000	0		1	1	8	30	0	on-demand,spot	abcdf	2.22768
    m6in.large	m6in	m	6	large	2	8192	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	25000	0		1	0	3	10	0	on-demand,spot	abcdf	0.13923
    m6in.metal	m6in	m	6	metal	128	524288	amd64		1	Intel	3500			0	0				0	0	400000	default	100000	0		1	0	8	50	2	on-demand,spot	abcdf	8.91072
    m6in.xlarge	m6in	m	6	xlarge	4	16384	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	25000	0		1	1	4	15	0	on-demand,spot	abcdf	0.27846
    m7a.12xlarge	m7a	m	7	12xlarge	48	196608	amd64	nitro	0	AMD	3700			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.78208
    m7a.16xlarge	m7a	m	7	16xlarge	64	262144	amd64	nitro	0	AMD	3700			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	3.70944
    m7a.24xlarge	m7a	m	7	24xlarge	96	393216	amd64	nitro	0	AMD	3700			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	5.56416
    m7a.2xlarge	m7a	m	7	2xlarge	8	32768	amd64	nitro	0	AMD	3700			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.46368
    m7a.32xlarge	m7a	m	7	32xlarge	128	524288	amd64	nitro	0	AMD	3700			0	0				0	0	50000	default	40000	0		1	1	15	50	0	on-demand,spot	abcdf	7.41888
    m7a.48xlarge	m7a	m	7	48xlarge	192	786432	amd64	nitro	0	AMD	3700			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	11.12832
    m7a.4xlarge	m7a	m	7	4xlarge	16	65536	amd64	nitro	0	AMD	3700			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.92736
    m7a.8xlarge	m7a	m	7	8xlarge	32	131072	amd64	nitro	0	AMD	3700			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.85472
    m7a.large	m7a	m	7	large	2	8192	amd64	nitro	0	AMD	3700			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.11592
    m7a.medium	m7a	m	7	medium	1	4096	amd64	nitro	0	AMD	3700			0	0				0	0	390	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.05796
    m7a.metal-48xl	m7a	m	7	metal-48xl	192	786432	amd64		1	AMD	3700			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	11.12832
    m7a.xlarge	m7a	m	7	xlarge	4	16384	amd64	nitro	0	AMD	3700			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.23184
    m7g.12xlarge	m7g	m	7	12xlarge	48	196608	arm64	nitro	0	AWS	2600			0	0				0	0	22500	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	1.9584
    m7g.16xlarge	m7g	m	7	16xlarge	64	262144	arm64	nitro	0	AWS	2600			0	0				0	0	30000	default	20000	0		1	1	15	50	1	on-demand,spot	abcdf	2.6112
    m7g.2xlarge	m7g	m	7	2xlarge	8	32768	arm64	nitro	0	AWS	2600			0	0				0	0	3750	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.3264
    m7g.4xlarge	m7g	m	7	4xlarge	16	65536	arm64	nitro	0	AWS	2600			0	0				0	0	7500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.6528
    m7g.8xlarge	m7g	m	7	8xlarge	32	131072	arm64	nitro	0	AWS	2600			0	0				0	0	15000	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.3056
    m7g.large	m7g	m	7	large	2	8192	arm64	nitro	0	AWS	2600			0	0				0	0	937	default	10000	0		1	1	3	10	0	on-demand,spot	abcdf	0.0816
    m7g.medium	m7g	m	7	medium	1	4096	arm64	nitro	0	AWS	2600			0	0				0	0	520	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.0408
    m7g.metal	m7g	m	7	metal	64	262144	arm64		1	AWS	2600			0	0				0	0	30000	default	20000	0		1	0	15	50	1	on-demand,spot	abcdf	2.6112
    m7g.xlarge	m7g	m	7	xlarge	4	16384	arm64	nitro	0	AWS	2600			0	0				0	0	1876	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.1632
    m7gd.12xlarge	m7gd	m	7	12xlarge	48	196608	arm64	nitro	0	AWS	2600			0	0				0	0	22500	default	15000	2850	required	1	1	8	30	0	on-demand,spot	abcdf	2.5628
    m7gd.16xlarge	m7gd	m	7	16xlarge	64	262144	arm64	nitro	0	AWS	2600			0	0				0	0	30000	default	20000	3800	required	1	1	15	50	1	on-demand,spot	abcdf	3.4171
    m7gd.2xlarge	m7gd	m	7	2xlarge	8	32768	arm64	nitro	0	AWS	2600			0	0				0	0	3750	default	10000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.4271
    m7gd.4xlarge	m7gd	m	7	4xlarge	16	65536	arm64	nitro	0	AWS	2600			0	0				0	0	7500	default	10000	950	required	1	1	8	30	0	on-demand,spot	abcdf	0.8543
    m7gd.8xlarge	m7gd	m	7	8xlarge	32	131072	arm64	nitro	0	AWS	2600			0	0				0	0	15000	default	10000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	1.7086
    m7gd.large	m7gd	m	7	large	2	8192	arm64	nitro	0	AWS	2600			0	0				0	0	937	default	10000	118	required	1	1	3	10	0	on-demand,spot	abcdf	0.1068
    m7gd.medium	m7gd	m	7	medium	1	4096	arm64	nitro	0	AWS	2600			0	0				0	0	520	default	10000	59	required	1	0	2	4	0	on-demand,spot	abcdf	0.0534
    m7gd.metal	m7gd	m	7	metal	64	262144	arm64		1	AWS	2600			0	0				0	0	30000	default	20000	3800	required	1	0	15	50	1	on-demand,spot	abcdf	3.4171
    m7gd.xlarge	m7gd	m	7	xlarge	4	16384	arm64	nitro	0	AWS	2600			0	0				0	0	1876	default	10000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.2136
    m7i-flex.12xlarge	m7i-flex	m	7	12xlarge	48	196608	amd64	nitro	0	Intel	3200			0	0				0	0	9375	default	15000	0		1	0	8	30	0	on-demand,spot	abcd	2.29824
    m7i-flex.16xlarge	m7i-flex	m	7	16xlarge	64	262144	amd64	nitro	0	Intel	3200			0	0				0	0	12500	default	20000	0		1	0	15	50	0	on-demand,spot	abcd	3.06432
    m7i-flex.2xlarge	m7i-flex	m	7	2xlarge	8	32768	amd64	nitro	0	Intel	3200			0	0				0	0	1562	default	10000	0		1	0	4	15	0	on-demand,spot	abcdf	0.38304
    m7i-flex.4xlarge	m7i-flex	m	7	4xlarge	16	65536	amd64	nitro	0	Intel	3200			0	0				0	0	3125	default	10000	0		1	0	8	30	0	on-demand,spot	abcdf	0.76608
    m7i-flex.8xlarge	m7i-flex	m	7	8xlarge	32	131072	amd64	nitro	0	Intel	3200			0	0				0	0	6250	default	10000	0		1	0	8	30	0	on-demand,spot	abcdf	1.53216
    m7i-flex.large	m7i-flex	m	7	large	2	8192	amd64	nitro	0	Intel	3200			0	0				0	0	390	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.09576
    m7i-flex.xlarge	m7i-flex	m	7	xlarge	4	16384	amd64	nitro	0	Intel	3200			0	0				0	0	781	default	10000	0		1	0	4	15	0	on-demand,spot	abcdf	0.19152
    m7i.12xlarge	m7i	m	7	12xlarge	48	196608	amd64	nitro	0	Intel	3200			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.4192
    m7i.16xlarge	m7i	m	7	16xlarge	64	262144	amd64	nitro	0	Intel	3200			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	3.2256
    m7i.24xlarge	m7i	m	7	24xlarge	96	393216	amd64	nitro	0	Intel	3200			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	4.8384
    m7i.2xlarge	m7i	m	7	2xlarge	8	32768	amd64	nitro	0	Intel	3200			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.4032
    m7i.48xlarge	m7i	m	7	48xlarge	192	786432	amd64	nitro	0	Intel	3200			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	9.6768
    m7i.4xlarge	m7i	m	7	4xlarge	16	65536	amd64	nitro	0	Intel	3200			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.8064
    m7i.8xlarge	m7i	m	7	8xlarge	32	131072	amd64	nitro	0	Intel	3200			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.6128
    m7i.large	m7i	m	7	large	2	8192	amd64	nitro	0	Intel	3200			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.1008
    m7i.metal-24xl	m7i	m	7	metal-24xl	96	393216	amd64		1	Intel	3200			0	0				0	0	37500	default	30000	0		1	0	15	50	0	on-demand,spot	abcdf	5.32224
    m7i.metal-48xl	m7i	m	7	metal-48xl	192	786432	amd64		1	Intel	3200			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	9.6768
    m7i.xlarge	m7i	m	7	xlarge	4	16384	amd64	nitro	0	Intel	3200			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.2016
    m8a.12xlarge	m8a	m	8	12xlarge	48	196608	amd64	nitro	0	AMD	4500			0	0				0	0	22500	default	15000	0		1	1	12	64	0	on-demand,spot	abc	2.92128
    m8a.16xlarge	m8a	m	8	16xlarge	64	262144	amd64	nitro	0	AMD	4500			0	0				0	0	30000	default	20000	0		1	1	16	64	0	on-demand,spot	abc	3.89504
    m8a.24xlarge	m8a	m	8	24xlarge	96	393216	amd64	nitro	0	AMD	4500			0	0				0	0	40000	default	30000	0		1	1	16	64	0	on-demand,spot	abc	5.84256
    m8a.2xlarge	m8a	m	8	2xlarge	8	32768	amd64	nitro	0	AMD	4500			0	0				0	0	3750	default	10000	0		1	1	4	40	0	on-demand,spot	abc	0.48688
    m8a.48xlarge	m8a	m	8	48xlarge	192	786432	amd64	nitro	0	AMD	4500			0	0				0	0	75000	default	60000	0		1	1	24	64	1	on-demand,spot	abc	11.68512
    m8a.4xlarge	m8a	m	8	4xlarge	16	65536	amd64	nitro	0	AMD	4500			0	0				0	0	7500	default	10000	0		1	1	8	40	0	on-demand,spot	abc	0.97376
    m8a.8xlarge	m8a	m	8	8xlarge	32	131072	amd64	nitro	0	AMD	4500			0	0				0	0	15000	default	10000	0		1	1	10	40	0	on-demand,spot	abc	1.94752
    m8a.large	m8a	m	8	large	2	8192	amd64	nitro	0	AMD	4500			0	0				0	0	937	default	10000	0		1	1	3	20	0	on-demand,spot	abc	0.12172
    m8a.medium	m8a	m	8	medium	1	4096	amd64	nitro	0	AMD	4500			0	0				0	0	520	default	10000	0		1	0	2	4	0	on-demand,spot	abc	0.06086
    m8a.metal-24xl	m8a	m	8	metal-24xl	96	393216	amd64		1	AMD	4500			0	0				0	0	40000	default	30000	0		1	0	16	64	0	on-demand,spot	abc	6.42682
    m8a.metal-48xl	m8a	m	8	metal-48xl	192	786432	amd64		1	AMD	4500			0	0				0	0	75000	default	60000	0		1	0	24	64	1	on-demand,spot	abc	11.68512
    m8a.xlarge	m8a	m	8	xlarge	4	16384	amd64	nitro	0	AMD	4500			0	0				0	0	1875	default	10000	0		1	1	4	20	0	on-demand,spot	abc	0.24344
    m8azn.12xlarge	m8azn	m	8	12xlarge	48	196608	amd64	nitro	0	AMD	5000			0	0				0	0	100000	default	30000	0		1	1	16	64	0	on-demand,spot	abcf	4.95504
    m8azn.24xlarge	m8azn	m	8	24xlarge	96	393216	amd64	nitro	0	AMD	5000			0	0				0	0	200000	default	60000	0		1	1	16	64	1	on-demand,spot	abcf	9.91008
    m8azn.3xlarge	m8azn	m	8	3xlarge	12	49152	amd64	nitro	0	AMD	5000			0	0				0	0	25000	default	15000	0		1	1	8	40	0	on-demand,spot	abcf	1.23876
    m8azn.6xlarge	m8azn	m	8	6xlarge	24	98304	amd64	nitro	0	AMD	5000			0	0				0	0	50000	default	15000	0		1	1	8	40	0	on-demand,spot	abcf	2.47752
    m8azn.large	m8azn	m	8	large	2	8192	amd64	nitro	0	AMD	5000			0	0				0	0	4170	default	15000	0		1	1	4	20	0	on-demand,spot	abcf	0.20646
    m8azn.medium	m8azn	m	8	medium	1	4096	amd64	nitro	0	AMD	5000			0	0				0	0	2080	default	15000	0		1	0	3	4	0	on-demand,spot	abcf	0.10323
    m8azn.metal-12xl	m8azn	m	8	metal-12xl	48	196608	amd64		1	AMD	5000			0	0				0	0	100000	default	30000	0		1	0	16	64	0	on-demand,spot	abcf	5.45054
    m8azn.metal-24xl	m8azn	m	8	metal-24xl	96	393216	amd64		1	AMD	5000			0	0				0	0	200000	default	60000	0		1	0	16	64	1	on-demand,spot	abcf	10.90109
    m8azn.xlarge	m8azn	m	8	xlarge	4	16384	amd64	nitro	0	AMD	5000			0	0				0	0	8330	default	15000	0		1	1	4	20	0	on-demand,spot	abcf	0.41292
    m8g.12xlarge	m8g	m	8	12xlarge	48	196608	arm64	nitro	0	AWS	2800			0	0				0	0	22500	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.15424
    m8g.16xlarge	m8g	m	8	16xlarge	64	262144	arm64	nitro	0	AWS	2800			0	0				0	0	30000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	2.87232
    m8g.24xlarge	m8g	m	8	24xlarge	96	393216	arm64	nitro	0	AWS	2800			0	0				0	0	40000	default	30000	0		1	1	15	50	1	on-demand,spot	abcdf	4.30848
    m8g.2xlarge	m8g	m	8	2xlarge	8	32768	arm64	nitro	0	AWS	2800			0	0				0	0	3750	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.35904
    m8g.48xlarge	m8g	m	8	48xlarge	192	786432	arm64	nitro	0	AWS	2700			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	8.61696
    m8g.4xlarge	m8g	m	8	4xlarge	16	65536	arm64	nitro	0	AWS	2800			0	0				0	0	7500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.71808
    m8g.8xlarge	m8g	m	8	8xlarge	32	131072	arm64	nitro	0	AWS	2800			0	0				0	0	15000	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.43616
    m8g.large	m8g	m	8	large	2	8192	arm64	nitro	0	AWS	2800			0	0				0	0	937	default	10000	0		1	1	3	10	0	on-demand,spot	abcdf	0.08976
    m8g.medium	m8g	m	8	medium	1	4096	arm64	nitro	0	AWS	2800			0	0				0	0	520	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.04488
    m8g.metal-24xl	m8g	m	8	metal-24xl	96	393216	arm64		1	AWS	2800			0	0				0	0	40000	default	30000	0		1	0	15	50	1	on-demand,spot	abcdf	4.73933
    m8g.metal-48xl	m8g	m	8	metal-48xl	192	786432	arm64		1	AWS	2700			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	8.61696
    m8g.xlarge	m8g	m	8	xlarge	4	16384	arm64	nitro	0	AWS	2800			0	0				0	0	1875	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.17952
    m8gb.12xlarge	m8gb	m	8	12xlarge	48	196608	arm64	nitro	0	AWS	2800			0	0				0	0	100000	default	75000	0		1	1	12	30	0	on-demand,spot	abcd	3.492
    m8gb.16xlarge	m8gb	m	8	16xlarge	64	262144	arm64	nitro	0	AWS	2800			0	0				0	0	133333	default	100000	0		1	1	16	50	1	on-demand,spot	abcd	4.656
    m8gb.24xlarge	m8gb	m	8	24xlarge	96	393216	arm64	nitro	0	AWS	2800			0	0				0	0	200000	default	150000	0		1	1	24	50	1	on-demand,spot	abcd	6.984
    m8gb.2xlarge	m8gb	m	8	2xlarge	8	32768	arm64	nitro	0	AWS	2800			0	0				0	0	16666	default	25000	0		1	1	4	15	0	on-demand,spot	abcd	0.582
    m8gb.48xlarge	m8gb	m	8	48xlarge	192	786432	arm64	nitro	0	AWS	2700			0	0				0	0	400000	default	300000	0		1	1	12	50	2	on-demand,spot	abcd	13.968
    m8gb.4xlarge	m8gb	m	8	4xlarge	16	65536	arm64	nitro	0	AWS	2800			0	0				0	0	33333	default	25000	0		1	1	8	30	0	on-demand,spot	abcd	1.164
    m8gb.8xlarge	m8gb	m	8	8xlarge	32	131072	arm64	nitro	0	AWS	2800			0	0				0	0	66666	default	50000	0		1	1	10	30	0	on-demand,spot	abcd	2.328
    m8gb.large	m8gb	m	8	large	2	8192	arm64	nitro	0	AWS	2800			0	0				0	0	4166	default	25000	0		1	1	3	10	0	on-demand,spot	abcd	0.1455
    m8gb.medium	m8gb	m	8	medium	1	4096	arm64	nitro	0	AWS	2800			0	0				0	0	2083	default	25000	0		1	0	2	4	0	on-demand,spot	abcd	0.07275
    m8gb.metal-24xl	m8gb	m	8	metal-24xl	96	393216	arm64		1	AWS	2800			0	0				0	0	200000	default	150000	0		1	0	24	50	1	on-demand,spot	abcd	14.80608
    m8gb.metal-48xl	m8gb	m	8	metal-48xl	192	786432	arm64		1	AWS	2700			0	0				0	0	400000	default	300000	0		1	0	12	50	2	on-demand,spot	abcd	13.968
    m8gb.xlarge	m8gb	m	8	xlarge	4	16384	arm64	nitro	0	AWS	2800			0	0				0	0	8333	default	25000	0		1	1	4	15	0	on-demand,spot	abcd	0.291
    m8gd.12xlarge	m8gd	m	8	12xlarge	48	196608	arm64	nitro	0	AWS	2800			0	0				0	0	22500	default	15000	2850	required	1	1	8	30	0	on-demand,spot	abcdf	2.76768
    m8gd.16xlarge	m8gd	m	8	16xlarge	64	262144	arm64	nitro	0	AWS	2800			0	0				0	0	30000	default	20000	3800	required	1	1	15	50	0	on-demand,spot	abcdf	3.69024
    m8gd.24xlarge	m8gd	m	8	24xlarge	96	393216	arm64	nitro	0	AWS	2800			0	0				0	0	40000	default	30000	5700	required	1	1	15	50	1	on-demand,spot	abcdf	5.53536
    m8gd.2xlarge	m8gd	m	8	2xlarge	8	32768	arm64	nitro	0	AWS	2800			0	0				0	0	3750	default	10000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.46128
    m8gd.48xlarge	m8gd	m	8	48xlarge	192	786432	arm64	nitro	0	AWS	2700			0	0				0	0	50000	default	40000	11400	required	1	1	15	50	1	on-demand,spot	abcdf	11.07072
    m8gd.4xlarge	m8gd	m	8	4xlarge	16	65536	arm64	nitro	0	AWS	2800			0	0				0	0	7500	default	10000	950	required	1	1	8	30	0	on-demand,spot	abcdf	0.92256
    m8gd.8xlarge	m8gd	m	8	8xlarge	32	131072	arm64	nitro	0	AWS	2800			0	0				0	0	15000	default	10000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	1.84512
    m8gd.large	m8gd	m	8	large	2	8192	arm64	nitro	0	AWS	2800			0	0				0	0	937	default	10000	118	required	1	1	3	10	0	on-demand,spot	abcdf	0.11532
    m8gd.medium	m8gd	m	8	medium	1	4096	arm64	nitro	0	AWS	2800			0	0				0	0	520	default	10000	59	required	1	0	2	4	0	on-demand,spot	abcdf	0.05766
    m8gd.metal-24xl	m8gd	m	8	metal-24xl	96	393216	arm64		1	AWS	2800			0	0				0	0	40000	default	30000	5700	required	1	0	15	50	1	on-demand,spot	abcdf	6.0889
    m8gd.metal-48xl	m8gd	m	8	metal-48xl	192	786432	arm64		1	AWS	2700			0	0				0	0	50000	default	40000	11400	required	1	0	15	50	1	on-demand,spot	abcdf	11.07072
    m8gd.xlarge	m8gd	m	8	xlarge	4	16384	arm64	nitro	0	AWS	2800			0	0				0	0	1875	default	10000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.23064
    m8gn.12xlarge	m8gn	m	8	12xlarge	48	196608	arm64	nitro	0	AWS	2800			0	0				0	0	150000	default	30000	0		1	1	12	30	0	on-demand,spot	abcd	3.492
    m8gn.16xlarge	m8gn	m	8	16xlarge	64	262144	arm64	nitro	0	AWS	2800			0	0				0	0	200000	default	40000	0		1	1	16	50	1	on-demand,spot	abcd	4.656
    m8gn.24xlarge	m8gn	m	8	24xlarge	96	393216	arm64	nitro	0	AWS	2800			0	0				0	0	300000	default	60000	0		1	1	24	50	1	on-demand,spot	abcd	6.984
    m8gn.2xlarge	m8gn	m	8	2xlarge	8	32768	arm64	nitro	0	AWS	2800			0	0				0	0	25000	default	10000	0		1	1	4	15	0	on-demand,spot	abcd	0.582
    m8gn.48xlarge	m8gn	m	8	48xlarge	192	786432	arm64	nitro	0	AWS	2700			0	0				0	0	600000	default	120000	0		1	1	12	50	2	on-demand,spot	abcd	13.968
    m8gn.4xlarge	m8gn	m	8	4xlarge	16	65536	arm64	nitro	0	AWS	2800			0	0				0	0	50000	default	10000	0		1	1	8	30	0	on-demand,spot	abcd	1.164
    m8gn.8xlarge	m8gn	m	8	8xlarge	32	131072	arm64	nitro	0	AWS	2800			0	0				0	0	100000	default	20000	0		1	1	10	30	0	on-demand,spot	abcd	2.328
    m8gn.large	m8gn	m	8	large	2	8192	arm64	nitro	0	AWS	2800			0	0				0	0	6250	default	10000	0		1	1	3	10	0	on-demand,spot	abcd	0.1455
    m8gn.medium	m8gn	m	8	medium	1	4096	arm64	nitro	0	AWS	2800			0	0				0	0	3125	default	10000	0		1	0	2	4	0	on-demand,spot	abcd	0.0728
    m8gn.metal-24xl	m8gn	m	8	metal-24xl	96	393216	arm64		1	AWS	2800			0	0				0	0	300000	default	60000	0		1	0	24	50	1	on-demand,spot	abcd	7.403
    m8gn.metal-48xl	m8gn	m	8	metal-48xl	192	786432	arm64		1	AWS	2700			0	0				0	0	600000	default	120000	0		1	0	12	50	2	on-demand,spot	abcd	13.968
    m8gn.xlarge	m8gn	m	8	xlarge	4	16384	arm64	nitro	0	AWS	2800			0	0				0	0	12500	default	10000	0		1	1	4	15	0	on-demand,spot	abcd	0.291
    m8i-flex.12xlarge	m8i-flex	m	8	12xlarge	48	196608	amd64	nitro	0	Intel	3900			0	0				0	0	11250	default	15000	0		1	0	12	50	0	on-demand,spot	abc	2.4132
    m8i-flex.16xlarge	m8i-flex	m	8	16xlarge	64	262144	amd64	nitro	0	Intel	3900			0	0				0	0	15000	default	20000	0		1	0	16	64	0	on-demand,spot	abc	3.2176
    m8i-flex.2xlarge	m8i-flex	m	8	2xlarge	8	32768	amd64	nitro	0	Intel	3900			0	0				0	0	1875	default	10000	0		1	0	4	30	0	on-demand,spot	abc	0.4022
    m8i-flex.4xlarge	m8i-flex	m	8	4xlarge	16	65536	amd64	nitro	0	Intel	3900			0	0				0	0	3750	default	10000	0		1	0	8	50	0	on-demand,spot	abc	0.8044
    m8i-flex.8xlarge	m8i-flex	m	8	8xlarge	32	131072	amd64	nitro	0	Intel	3900			0	0				0	0	7500	default	10000	0		1	0	10	50	0	on-demand,spot	abc	1.6088
    m8i-flex.large	m8i-flex	m	8	large	2	8192	amd64	nitro	0	Intel	3900			0	0				0	0	468	default	10000	0		1	0	3	20	0	on-demand,spot	abc	0.10055
    m8i-flex.xlarge	m8i-flex	m	8	xlarge	4	16384	amd64	nitro	0	Intel	3900			0	0				0	0	937	default	10000	0		1	0	4	30	0	on-demand,spot	abc	0.2011
    m8i.12xlarge	m8i	m	8	12xlarge	48	196608	amd64	nitro	0	Intel	3900			0	0				0	0	22500	default	15000	0		1	1	12	50	0	on-demand,spot	abcdf	2.54016
    m8i.16xlarge	m8i	m	8	16xlarge	64	262144	amd64	nitro	0	Intel	3900			0	0				0	0	30000	default	20000	0		1	1	16	64	0	on-demand,spot	abcdf	3.38688
    m8i.24xlarge	m8i	m	8	24xlarge	96	393216	amd64	nitro	0	Intel	3900			0	0				0	0	40000	default	30000	0		1	1	16	64	0	on-demand,spot	abcdf	5.08032
    m8i.2xlarge	m8i	m	8	2xlarge	8	32768	amd64	nitro	0	Intel	3900			0	0				0	0	3750	default	10000	0		1	1	4	30	0	on-demand,spot	abcdf	0.42336
    m8i.32xlarge	m8i	m	8	32xlarge	128	524288	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	40000	0		1	1	24	64	0	on-demand,spot	abcdf	6.77376
    m8i.48xlarge	m8i	m	8	48xlarge	192	786432	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	60000	0		1	1	24	64	1	on-demand,spot	abcdf	10.16064
    m8i.4xlarge	m8i	m	8	4xlarge	16	65536	amd64	nitro	0	Intel	3900			0	0				0	0	7500	default	10000	0		1	1	8	50	0	on-demand,spot	abcdf	0.84672
    m8i.8xlarge	m8i	m	8	8xlarge	32	131072	amd64	nitro	0	Intel	3900			0	0				0	0	15000	default	10000	0		1	1	10	50	0	on-demand,spot	abcdf	1.69344
    m8i.96xlarge	m8i	m	8	96xlarge	384	1572864	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	80000	0		1	1	24	64	1	on-demand,spot	abcdf	20.32128
    m8i.large	m8i	m	8	large	2	8192	amd64	nitro	0	Intel	3900			0	0				0	0	937	default	10000	0		1	0	3	20	0	on-demand,spot	abcdf	0.10584
    m8i.metal-48xl	m8i	m	8	metal-48xl	192	786432	amd64		1	Intel	3900			0	0				0	0	75000	default	60000	0		1	0	24	64	1	on-demand,spot	abcdf	10.16064
    m8i.metal-96xl	m8i	m	8	metal-96xl	384	1572864	amd64		1	Intel	3900			0	0				0	0	100000	default	80000	0		1	0	24	64	1	on-demand,spot	abcdf	20.32128
    m8i.xlarge	m8i	m	8	xlarge	4	16384	amd64	nitro	0	Intel	3900			0	0				0	0	1875	default	10000	0		1	1	4	30	0	on-demand,spot	abcdf	0.21168
    m8ib.12xlarge	m8ib	m	8	12xlarge	48	196608	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	37500	0		1	1	12	50	0	on-demand,spot	abc	4.00992
    m8ib.16xlarge	m8ib	m	8	16xlarge	64	262144	amd64	nitro	0	Intel	3900			0	0				0	0	66666	default	50000	0		1	1	16	64	0	on-demand,spot	abc	5.34656
    m8ib.24xlarge	m8ib	m	8	24xlarge	96	393216	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	75000	0		1	1	16	64	0	on-demand,spot	abc	8.01984
    m8ib.2xlarge	m8ib	m	8	2xlarge	8	32768	amd64	nitro	0	Intel	3900			0	0				0	0	8333	default	25000	0		1	1	4	30	0	on-demand,spot	abc	0.66832
    m8ib.32xlarge	m8ib	m	8	32xlarge	128	524288	amd64	nitro	0	Intel	3900			0	0				0	0	133333	default	100000	0		1	1	16	64	0	on-demand,spot	abc	10.69312
    m8ib.48xlarge	m8ib	m	8	48xlarge	192	786432	amd64	nitro	0	Intel	3900			0	0				0	0	200000	default	150000	0		1	1	24	64	1	on-demand,spot	abc	16.03968
    m8ib.4xlarge	m8ib	m	8	4xlarge	16	65536	amd64	nitro	0	Intel	3900			0	0				0	0	16666	default	25000	0		1	1	8	50	0	on-demand,spot	abc	1.33664
    m8ib.8xlarge	m8ib	m	8	8xlarge	32	131072	amd64	nitro	0	Intel	3900			0	0				0	0	33333	default	25000	0		1	1	8	50	0	on-demand,spot	abc	2.67328
    m8ib.96xlarge	m8ib	m	8	96xlarge	384	1572864	amd64	nitro	0	Intel	3900			0	0				0	0	400000	default	300000	0		1	1	12	64	2	on-demand,spot	abc	32.07936
    m8ib.large	m8ib	m	8	large	2	8192	amd64	nitro	0	Intel	3900			0	0				0	0	2083	default	25000	0		1	0	4	20	0	on-demand,spot	abc	0.16708
    m8ib.xlarge	m8ib	m	8	xlarge	4	16384	amd64	nitro	0	Intel	3900			0	0				0	0	4166	default	25000	0		1	1	4	30	0	on-demand,spot	abc	0.33416
    m8id.12xlarge	m8id	m	8	12xlarge	48	196608	amd64	nitro	0	Intel	3900			0	0				0	0	22500	default	15000	2850	required	1	1	12	50	0	on-demand,spot	abcdf	3.13248
    m8id.16xlarge	m8id	m	8	16xlarge	64	262144	amd64	nitro	0	Intel	3900			0	0				0	0	30000	default	20000	3800	required	1	1	16	64	0	on-demand,spot	abcdf	4.17664
    m8id.24xlarge	m8id	m	8	24xlarge	96	393216	amd64	nitro	0	Intel	3900			0	0				0	0	40000	default	30000	5700	required	1	1	16	64	0	on-demand,spot	abcdf	6.26496
    m8id.2xlarge	m8id	m	8	2xlarge	8	32768	amd64	nitro	0	Intel	3900			0	0				0	0	3750	default	10000	474	required	1	1	4	30	0	on-demand,spot	abcdf	0.52208
    m8id.32xlarge	m8id	m	8	32xlarge	128	524288	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	40000	7600	required	1	1	24	64	0	on-demand,spot	abcdf	8.35328
    m8id.48xlarge	m8id	m	8	48xlarge	192	786432	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	60000	11400	required	1	1	24	64	1	on-demand,spot	abcdf	12.52992
    m8id.4xlarge	m8id	m	8	4xlarge	16	65536	amd64	nitro	0	Intel	3900			0	0				0	0	7500	default	10000	950	required	1	1	8	50	0	on-demand,spot	abcdf	1.04416
    m8id.8xlarge	m8id	m	8	8xlarge	32	131072	amd64	nitro	0	Intel	3900			0	0				0	0	15000	default	10000	1900	required	1	1	10	50	0	on-demand,spot	abcdf	2.08832
    m8id.96xlarge	m8id	m	8	96xlarge	384	1572864	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	80000	22800	required	1	1	24	64	1	on-demand,spot	abcdf	25.05984
    m8id.large	m8id	m	8	large	2	8192	amd64	nitro	0	Intel	3900			0	0				0	0	937	default	10000	118	required	1	0	3	20	0	on-demand,spot	abcdf	0.13052
    m8id.metal-48xl	m8id	m	8	metal-48xl	192	786432	amd64		1	Intel	3900			0	0				0	0	75000	default	60000	11400	required	1	0	24	64	1	on-demand,spot	abcdf	12.52992
    m8id.metal-96xl	m8id	m	8	metal-96xl	384	1572864	amd64		1	Intel	3900			0	0				0	0	100000	default	80000	22800	required	1	0	24	64	1	on-demand,spot	abcdf	25.05984
    m8id.xlarge	m8id	m	8	xlarge	4	16384	amd64	nitro	0	Intel	3900			0	0				0	0	1875	default	10000	237	required	1	1	4	30	0	on-demand,spot	abcdf	0.26104
    m8in.12xlarge	m8in	m	8	12xlarge	48	196608	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	15000	0		1	1	12	50	0	on-demand,spot	abc	4.00992
    m8in.16xlarge	m8in	m	8	16xlarge	64	262144	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	20000	0		1	1	16	64	0	on-demand,spot	abc	5.34656
    m8in.24xlarge	m8in	m	8	24xlarge	96	393216	amd64	nitro	0	Intel	3900			0	0				0	0	150000	default	30000	0		1	1	16	64	0	on-demand,spot	abc	8.01984
    m8in.2xlarge	m8in	m	8	2xlarge	8	32768	amd64	nitro	0	Intel	3900			0	0				0	0	12500	default	10000	0		1	1	4	30	0	on-demand,spot	abc	0.66832
    m8in.32xlarge	m8in	m	8	32xlarge	128	524288	amd64	nitro	0	Intel	3900			0	0				0	0	200000	default	40000	0		1	1	16	64	0	on-demand,spot	abc	10.69312
    m8in.48xlarge	m8in	m	8	48xlarge	192	786432	amd64	nitro	0	Intel	3900			0	0				0	0	300000	default	60000	0		1	1	24	64	1	on-demand,spot	abc	16.03968
    m8in.4xlarge	m8in	m	8	4xlarge	16	65536	amd64	nitro	0	Intel	3900			0	0				0	0	25000	default	10000	0		1	1	8	50	0	on-demand,spot	abc	1.33664
    m8in.8xlarge	m8in	m	8	8xlarge	32	131072	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	10000	0		1	1	8	50	0	on-demand,spot	abc	2.67328
    m8in.96xlarge	m8in	m	8	96xlarge	384	1572864	amd64	nitro	0	Intel	3900			0	0				0	0	600000	default	120000	0		1	1	12	64	2	on-demand,spot	abc	32.07936
    m8in.large	m8in	m	8	large	2	8192	amd64	nitro	0	Intel	3900			0	0				0	0	3125	default	10000	0		1	0	4	20	0	on-demand,spot	abc	0.16708
    m8in.xlarge	m8in	m	8	xlarge	4	16384	amd64	nitro	0	Intel	3900			0	0				0	0	6250	default	10000	0		1	1	4	30	0	on-demand,spot	abc	0.33416
    m8ine.12xlarge	m8ine	m	8	12xlarge	48	196608	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	15000	0		1	1	12	50	0	on-demand	abc	5.0124
    m8ine.2xlarge	m8ine	m	8	2xlarge	8	32768	amd64	nitro	0	Intel	3900			0	0				0	0	12500	default	10000	0		1	1	4	30	0	on-demand	abc	0.8354
    m8ine.4xlarge	m8ine	m	8	4xlarge	16	65536	amd64	nitro	0	Intel	3900			0	0				0	0	25000	default	10000	0		1	1	8	50	0	on-demand	abc	1.6708
    m8ine.8xlarge	m8ine	m	8	8xlarge	32	131072	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	10000	0		1	1	8	50	0	on-demand	abc	3.3416
    m8ine.large	m8ine	m	8	large	2	8192	amd64	nitro	0	Intel	3900			0	0				0	0	3125	default	10000	0		1	0	4	20	0	on-demand	abc	0.20885
    m8ine.xlarge	m8ine	m	8	xlarge	4	16384	amd64	nitro	0	Intel	3900			0	0				0	0	6250	default	10000	0		1	1	4	30	0	on-demand	abc	0.4177
    p3dn.24xlarge	p3dn	p	3	24xlarge	96	786432	amd64	nitro	0	Intel	2500	V100	NVIDIA	8	32768				0	0	100000	default	19000	1800	required	1	1	15	50	1	on-demand,spot	cd	31.212
    p4d.24xlarge	p4d	p	4	24xlarge	96	1179648	amd64	nitro	0	Intel	3000	A100	NVIDIA	8	40960				0	0	400000	default	19000	8000	required	1	1	15	50	4	on-demand,spot	abcd	21.957642
    p4de.24xlarge	p4de	p	4	24xlarge	96	1179648	amd64	nitro	0	Intel	3000	A100	NVIDIA	8	81920				0	0	400000	default	19000	8000	required	1	1	15	50	4	on-demand,spot	bc	27.44705
    p5.48xlarge	p5	p	5	48xlarge	192	2097152	amd64	nitro	0	AMD	3600	H100	NVIDIA	8	81920				0	0	3200000	default	80000	30400	required	1	1	2	50	32	on-demand,spot	abcdef	55.04
    p5.4xlarge	p5	p	5	4xlarge	16	262144	amd64	nitro	0	AMD	3600	H100	NVIDIA	1	81920				0	0	100000	default	10000	3800	required	1	1	4	30	1	on-demand,spot	abcdef	6.88
    p5en.48xlarge	p5en	p	5	48xlarge	192	2097152	amd64	nitro	0	Intel	2400	H200	NVIDIA	8	144384				0	0	3200000	default	100000	30400	required	1	1	4	50	16	on-demand,spot	ac	63.296
    p6-b200.48xlarge	p6-b200	p	6	48xlarge	192	2097152	amd64	nitro	0	Intel	2400	B200	NVIDIA	8	183359				0	0	1600000	default	100000	30400	required	1	0	4	50	8	on-demand,spot	c	113.9328
    r3.2xlarge	r3	r	3	2xlarge	8	62464	amd64	xen	0	Intel	2500			0	0				0	0	1000	supported	1000	160	unsupported	0	0	4	15	0	on-demand,spot	abce	0.665
    r3.4xlarge	r3	r	3	4xlarge	16	124928	amd64	xen	0	Intel	2500			0	0				0	0	2000	supported	2000	320	unsupported	0	0	8	30	0	on-demand,spot	abce	1.33
    r3.8xlarge	r3	r	3	8xlarge	32	249856	amd64	xen	0	Intel	2500			0	0				0	0	5000	unsupported		640	unsupported	0	0	8	30	0	on-demand,spot	abce	2.66
    r3.large	r3	r	3	large	2	15360	amd64	xen	0	Intel	2500			0	0				0	0	500	unsupported		32	unsupported	0	0	3	10	0	on-demand,spot	abce	0.166
    r3.xlarge	r3	r	3	xlarge	4	31232	amd64	xen	0	Intel	2500			0	0				0	0	700	supported	500	80	unsupported	0	0	4	15	0	on-demand,spot	abce	0.333
    r4.16xlarge	r4	r	4	16xlarge	64	499712	amd64	xen	0	Intel	2300			0	0				0	0	25000	default	14000	0		0	0	15	50	0	on-demand,spot	abcdef	4.256
    r4.2xlarge	r4	r	4	2xlarge	8	62464	amd64	xen	0	Intel	2300			0	0				0	0	2500	default	1700	0		0	0	4	15	0	on-demand,spot	abcdef	0.532
    r4.4xlarge	r4	r	4	4xlarge	16	124928	amd64	xen	0	Intel	2300			0	0				0	0	5000	default	3500	0		0	0	8	30	0	on-demand,spot	abcdef	1.064
    r4.8xlarge	r4	r	4	8xlarge	32	249856	amd64	xen	0	Intel	2300			0	0				0	0	12000	default	7000	0		0	0	8	30	0	on-demand,spot	abcdef	2.128
    r4.large	r4	r	4	large	2	15616	amd64	xen	0	Intel	2300			0	0				0	0	750	default	425	0		0	0	3	10	0	on-demand,spot	abcdef	0.133
    r4.xlarge	r4	r	4	xlarge	4	31232	amd64	xen	0	Intel	2300			0	0				0	0	1250	default	850	0		0	0	4	15	0	on-demand,spot	abcdef	0.266
    r5.12xlarge	r5	r	5	12xlarge	48	393216	amd64	nitro	0	Intel	3100			0	0				0	0	12000	default	9500	0		0	1	8	30	0	on-demand,spot	abcdf	3.024
    r5.16xlarge	r5	r	5	16xlarge	64	524288	amd64	nitro	0	Intel	3100			0	0				0	0	20000	default	13600	0		0	1	15	50	0	on-demand,spot	abcdf	4.032
    r5.24xlarge	r5	r	5	24xlarge	96	786432	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	19000	0		0	1	15	50	0	on-demand,spot	abcdf	6.048
    r5.2xlarge	r5	r	5	2xlarge	8	65536	amd64	nitro	0	Intel	3100			0	0				0	0	2500	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.504
    r5.4xlarge	r5	r	5	4xlarge	16	131072	amd64	nitro	0	Intel	3100			0	0				0	0	5000	default	4750	0		0	1	8	30	0	on-demand,spot	abcdf	1.008
    r5.8xlarge	r5	r	5	8xlarge	32	262144	amd64	nitro	0	Intel	3100			0	0				0	0	10000	default	6800	0		0	1	8	30	0	on-demand,spot	abcdf	2.016
    r5.large	r5	r	5	large	2	16384	amd64	nitro	0	Intel	3100			0	0				0	0	750	default	4750	0		0	0	3	10	0	on-demand,spot	abcdf	0.126
    r5.metal	r5	r	5	metal	96	786432	amd64		1	Intel	3100			0	0				0	0	25000	default	19000	0		0	0	15	50	0	on-demand,spot	abcdf	6.048
    r5.xlarge	r5	r	5	xlarge	4	32768	amd64	nitro	0	Intel	3100			0	0				0	0	1250	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.252
    r5a.12xlarge	r5a	r	5	12xlarge	48	393216	amd64	nitro	0	AMD	2500			0	0				0	0	10000	default	6780	0		0	1	8	30	0	on-demand,spot	abcdf	2.712
    r5a.16xlarge	r5a	r	5	16xlarge	64	524288	amd64	nitro	0	AMD	2500			0	0				0	0	12000	default	9500	0		0	1	15	50	0	on-demand,spot	abcdf	3.616
    r5a.24xlarge	r5a	r	5	24xlarge	96	786432	amd64	nitro	0	AMD	2500			0	0				0	0	20000	default	13570	0		0	1	15	50	0	on-demand,spot	abcdf	5.424
    r5a.2xlarge	r5a	r	5	2xlarge	8	65536	amd64	nitro	0	AMD	2500			0	0				0	0	2500	default	2880	0		0	1	4	15	0	on-demand,spot	abcdf	0.452
    r5a.4xlarge	r5a	r	5	4xlarge	16	131072	amd64	nitro	0	AMD	2500			0	0				0	0	5000	default	2880	0		0	1	8	30	0	on-demand,spot	abcdf	0.904
    r5a.8xlarge	r5a	r	5	8xlarge	32	262144	amd64	nitro	0	AMD	2500			0	0				0	0	7500	default	4750	0		0	1	8	30	0	on-demand,spot	abcdf	1.808
    r5a.large	r5a	r	5	large	2	16384	amd64	nitro	0	AMD	2500			0	0				0	0	750	default	2880	0		0	0	3	10	0	on-demand,spot	abcdf	0.113
    r5a.xlarge	r5a	r	5	xlarge	4	32768	amd64	nitro	0	AMD	2500			0	0				0	0	1250	default	2880	0		0	1	4	15	0	on-demand,spot	abcdf	0.226
    r5ad.12xlarge	r5ad	r	5	12xlarge	48	393216	amd64	nitro	0	AMD	2200			0	0				0	0	10000	default	6780	1800	required	0	1	8	30	0	on-demand,spot	abcdf	3.144
    r5ad.16xlarge	r5ad	r	5	16xlarge	64	524288	amd64	nitro	0	AMD	2500			0	0				0	0	12000	default	9500	2400	required	0	1	15	50	0	on-demand,spot	abcdf	4.192
    r5ad.24xlarge	r5ad	r	5	24xlarge	96	786432	amd64	nitro	0	AMD	2200			0	0				0	0	20000	default	13570	3600	required	0	1	15	50	0	on-demand,spot	abcdf	6.288
    r5ad.2xlarge	r5ad	r	5	2xlarge	8	65536	amd64	nitro	0	AMD	2200			0	0				0	0	2500	default	2880	300	required	0	1	4	15	0	on-demand,spot	abcdf	0.524
    r5ad.4xlarge	r5ad	r	5	4xlarge	16	131072	amd64	nitro	0	AMD	2200			0	0				0	0	5000	default	2880	600	required	0	1	8	30	0	on-demand,spot	abcdf	1.048
    r5ad.8xlarge	r5ad	r	5	8xlarge	32	262144	amd64	nitro	0	AMD	2500			0	0				0	0	7500	default	4750	1200	required	0	1	8	30	0	on-demand,spot	abcdf	2.096
    r5ad.large	r5ad	r	5	large	2	16384	amd64	nitro	0	AMD	2200			0	0				0	0	750	default	2880	75	required	0	0	3	10	0	on-demand,spot	abcdf	0.131
    r5ad.xlarge	r5ad	r	5	xlarge	4	32768	amd64	nitro	0	AMD	2200			0	0				0	0	1250	default	2880	150	required	0	1	4	15	0	on-demand,spot	abcdf	0.262
    r5b.12xlarge	r5b	r	5	12xlarge	48	393216	amd64	nitro	0	Intel	3100			0	0				0	0	12000	default	30000	0		0	1	8	30	0	on-demand,spot	abcd	3.576
    r5b.16xlarge	r5b	r	5	16xlarge	64	524288	amd64	nitro	0	Intel	3100			0	0				0	0	20000	default	40000	0		0	1	15	50	0	on-demand,spot	abcd	4.768
    r5b.24xlarge	r5b	r	5	24xlarge	96	786432	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	60000	0		0	1	15	50	0	on-demand,spot	abcd	7.152
    r5b.2xlarge	r5b	r	5	2xlarge	8	65536	amd64	nitro	0	Intel	3100			0	0				0	0	2500	default	10000	0		0	1	4	15	0	on-demand,spot	abcd	0.596
    r5b.4xlarge	r5b	r	5	4xlarge	16	131072	amd64	nitro	0	Intel	3100			0	0				0	0	5000	default	10000	0		0	1	8	30	0	on-demand,spot	abcd	1.192
    r5b.8xlarge	r5b	r	5	8xlarge	32	262144	amd64	nitro	0	Intel	3100			0	0				0	0	10000	default	20000	0		0	1	8	30	0	on-demand,spot	abcd	2.384
    r5b.large	r5b	r	5	large	2	16384	amd64	nitro	0	Intel	3100			0	0				0	0	750	default	10000	0		0	0	3	10	0	on-demand,spot	abcd	0.149
    r5b.metal	r5b	r	5	metal	96	786432	amd64		1	Intel	3100			0	0				0	0	25000	default	60000	0		0	0	15	50	0	on-demand,spot	abcd	7.8672
    r5b.xlarge	r5b	r	5	xlarge	4	32768	amd64	nitro	0	Intel	3100			0	0				0	0	1250	default	10000	0		0	1	4	15	0	on-demand,spot	abcd	0.298
    r5d.12xlarge	r5d	r	5	12xlarge	48	393216	amd64	nitro	0	Intel	3100			0	0				0	0	12000	default	9500	1800	required	0	1	8	30	0	on-demand,spot	abcdf	3.456
    r5d.16xlarge	r5d	r	5	16xlarge	64	524288	amd64	nitro	0	Intel	3100			0	0				0	0	20000	default	13600	2400	required	0	1	15	50	0	on-demand,spot	abcdf	4.608
    r5d.24xlarge	r5d	r	5	24xlarge	96	786432	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	19000	3600	required	0	1	15	50	0	on-demand,spot	abcdf	6.912
    r5d.2xlarge	r5d	r	5	2xlarge	8	65536	amd64	nitro	0	Intel	3100			0	0				0	0	2500	default	4750	300	required	0	1	4	15	0	on-demand,spot	abcdf	0.576
    r5d.4xlarge	r5d	r	5	4xlarge	16	131072	amd64	nitro	0	Intel	3100			0	0				0	0	5000	default	4750	600	required	0	1	8	30	0	on-demand,spot	abcdf	1.152
    r5d.8xlarge	r5d	r	5	8xlarge	32	262144	amd64	nitro	0	Intel	3100			0	0				0	0	10000	default	6800	1200	required	0	1	8	30	0	on-demand,spot	abcdf	2.304
    r5d.large	r5d	r	5	large	2	16384	amd64	nitro	0	Intel	3100			0	0				0	0	750	default	4750	75	required	0	0	3	10	0	on-demand,spot	abcdf	0.144
    r5d.metal	r5d	r	5	metal	96	786432	amd64		1	Intel	3100			0	0				0	0	25000	default	19000	3600	required	0	0	15	50	0	on-demand,spot	abcdf	6.912
    r5d.xlarge	r5d	r	5	xlarge	4	32768	amd64	nitro	0	Intel	3100			0	0				0	0	1250	default	4750	150	required	0	1	4	15	0	on-demand,spot	abcdf	0.288
    r5dn.12xlarge	r5dn	r	5	12xlarge	48	393216	amd64	nitro	0	Intel	3100			0	0				0	0	50000	default	9500	1800	required	1	1	8	30	0	on-demand,spot	abcdf	4.008
    r5dn.16xlarge	r5dn	r	5	16xlarge	64	524288	amd64	nitro	0	Intel	3100			0	0				0	0	75000	default	13600	2400	required	1	1	15	50	0	on-demand,spot	abcdf	5.344
    r5dn.24xlarge	r5dn	r	5	24xlarge	96	786432	amd64	nitro	0	Intel	3100			0	0				0	0	100000	default	19000	3600	required	1	1	15	50	1	on-demand,spot	abcdf	8.016
    r5dn.2xlarge	r5dn	r	5	2xlarge	8	65536	amd64	nitro	0	Intel	3100			0	0				0	0	8125	default	4750	300	required	1	1	4	15	0	on-demand,spot	abcdf	0.668
    r5dn.4xlarge	r5dn	r	5	4xlarge	16	131072	amd64	nitro	0	Intel	3100			0	0				0	0	16250	default	4750	600	required	1	1	8	30	0	on-demand,spot	abcdf	1.336
    r5dn.8xlarge	r5dn	r	5	8xlarge	32	262144	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	6800	1200	required	1	1	8	30	0	on-demand,spot	abcdf	2.672
    r5dn.large	r5dn	r	5	large	2	16384	amd64	nitro	0	Intel	3100			0	0				0	0	2100	default	4750	75	required	1	0	3	10	0	on-demand,spot	abcdf	0.167
    r5dn.metal	r5dn	r	5	metal	96	786432	amd64		1	Intel	3100			0	0				0	0	100000	default	19000	3600	required	1	0	15	50	1	on-demand,spot	abcdf	8.016
    r5dn.xlarge	r5dn	r	5	xlarge	4	32768	amd64	nitro	0	Intel	3100			0	0				0	0	4100	default	4750	150	required	1	1	4	15	0	on-demand,spot	abcdf	0.334
    r5n.12xlarge	r5n	r	5	12xlarge	48	393216	amd64	nitro	0	Intel	3100			0	0				0	0	50000	default	9500	0		1	1	8	30	0	on-demand,spot	abcdf	3.576
    r5n.16xlarge	r5n	r	5	16xlarge	64	524288	amd64	nitro	0	Intel	3100			0	0				0	0	75000	default	13600	0		1	1	15	50	0	on-demand,spot	abcdf	4.768
    r5n.24xlarge	r5n	r	5	24xlarge	96	786432	amd64	nitro	0	Intel	3100			0	0				0	0	100000	default	19000	0		1	1	15	50	1	on-demand,spot	abcdf	7.152
    r5n.2xlarge	r5n	r	5	2xlarge	8	65536	amd64	nitro	0	Intel	3100			0	0				0	0	8125	default	4750	0		1	1	4	15	0	on-demand,spot	abcdf	0.596
    r5n.4xlarge	r5n	r	5	4xlarge	16	131072	amd64	nitro	0	Intel	3100			0	0				0	0	16250	default	4750	0		1	1	8	30	0	on-demand,spot	abcdf	1.192
    r5n.8xlarge	r5n	r	5	8xlarge	32	262144	amd64	nitro	0	Intel	3100			0	0				0	0	25000	default	6800	0		1	1	8	30	0	on-demand,spot	abcdf	2.384
    r5n.large	r5n	r	5	large	2	16384	amd64	nitro	0	Intel	3100			0	0				0	0	2100	default	4750	0		1	0	3	10	0	on-demand,spot	abcdf	0.149
    r5n.metal	r5n	r	5	metal	96	786432	amd64		1	Intel	3100			0	0				0	0	100000	default	19000	0		1	0	15	50	1	on-demand,spot	abcdf	7.152
    r5n.xlarge	r5n	r	5	xlarge	4	32768	amd64	nitro	0	Intel	3100			0	0				0	0	4100	default	4750	0		1	1	4	15	0	on-demand,spot	abcdf	0.298
    r6a.12xlarge	r6a	r	6	12xlarge	48	393216	amd64	nitro	0	AMD	3600			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.7216
    r6a.16xlarge	r6a	r	6	16xlarge	64	524288	amd64	nitro	0	AMD	3600			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	3.6288
    r6a.24xlarge	r6a	r	6	24xlarge	96	786432	amd64	nitro	0	AMD	3600			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	5.4432
    r6a.2xlarge	r6a	r	6	2xlarge	8	65536	amd64	nitro	0	AMD	3600			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.4536
    r6a.32xlarge	r6a	r	6	32xlarge	128	1048576	amd64	nitro	0	AMD	3600			0	0				0	0	50000	default	40000	0		1	1	15	50	0	on-demand,spot	abcdf	7.2576
    r6a.48xlarge	r6a	r	6	48xlarge	192	1572864	amd64	nitro	0	AMD	3600			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	10.8864
    r6a.4xlarge	r6a	r	6	4xlarge	16	131072	amd64	nitro	0	AMD	3600			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.9072
    r6a.8xlarge	r6a	r	6	8xlarge	32	262144	amd64	nitro	0	AMD	3600			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.8144
    r6a.large	r6a	r	6	large	2	16384	amd64	nitro	0	AMD	3600			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.1134
    r6a.metal	r6a	r	6	metal	192	1572864	amd64		1	AMD	3600			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	10.8864
    r6a.xlarge	r6a	r	6	xlarge	4	32768	amd64	nitro	0	AMD	3600			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.2268
    r6g.12xlarge	r6g	r	6	12xlarge	48	393216	arm64	nitro	0	AWS	2500			0	0				0	0	20000	default	14250	0		0	1	8	30	0	on-demand,spot	abcdf	2.4192
    r6g.16xlarge	r6g	r	6	16xlarge	64	524288	arm64	nitro	0	AWS	2500			0	0				0	0	25000	default	19000	0		0	1	15	50	0	on-demand,spot	abcdf	3.2256
    r6g.2xlarge	r6g	r	6	2xlarge	8	65536	arm64	nitro	0	AWS	2500			0	0				0	0	2500	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.4032
    r6g.4xlarge	r6g	r	6	4xlarge	16	131072	arm64	nitro	0	AWS	2500			0	0				0	0	5000	default	4750	0		0	1	8	30	0	on-demand,spot	abcdf	0.8064
    r6g.8xlarge	r6g	r	6	8xlarge	32	262144	arm64	nitro	0	AWS	2500			0	0				0	0	12000	default	9500	0		0	1	8	30	0	on-demand,spot	abcdf	1.6128
    r6g.large	r6g	r	6	large	2	16384	arm64	nitro	0	AWS	2500			0	0				0	0	750	default	4750	0		0	1	3	10	0	on-demand,spot	abcdf	0.1008
    r6g.medium	r6g	r	6	medium	1	8192	arm64	nitro	0	AWS	2500			0	0				0	0	500	default	4750	0		0	0	2	4	0	on-demand,spot	abcdf	0.0504
    r6g.metal	r6g	r	6	metal	64	524288	arm64		1	AWS	2500			0	0				0	0	25000	default	19000	0		0	0	15	50	0	on-demand,spot	abcdf	3.4191
    r6g.xlarge	r6g	r	6	xlarge	4	32768	arm64	nitro	0	AWS	2500			0	0				0	0	1250	default	4750	0		0	1	4	15	0	on-demand,spot	abcdf	0.2016
    r6gd.12xlarge	r6gd	r	6	12xlarge	48	393216	arm64	nitro	0	AWS	2500			0	0				0	0	20000	default	14250	2850	required	0	1	8	30	0	on-demand,spot	abcdf	2.7648
    r6gd.16xlarge	r6gd	r	6	16xlarge	64	524288	arm64	nitro	0	AWS	2500			0	0				0	0	25000	default	19000	3800	required	0	1	15	50	0	on-demand,spot	abcdf	3.6864
    r6gd.2xlarge	r6gd	r	6	2xlarge	8	65536	arm64	nitro	0	AWS	2500			0	0				0	0	2500	default	4750	474	required	0	1	4	15	0	on-demand,spot	abcdf	0.4608
    r6gd.4xlarge	r6gd	r	6	4xlarge	16	131072	arm64	nitro	0	AWS	2500			0	0				0	0	5000	default	4750	950	required	0	1	8	30	0	on-demand,spot	abcdf	0.9216
    r6gd.8xlarge	r6gd	r	6	8xlarge	32	262144	arm64	nitro	0	AWS	2500			0	0				0	0	12000	default	9500	1900	required	0	1	8	30	0	on-demand,spot	abcdf	1.8432
    r6gd.large	r6gd	r	6	large	2	16384	arm64	nitro	0	AWS	2500			0	0				0	0	750	default	4750	118	required	0	1	3	10	0	on-demand,spot	abcdf	0.1152
    r6gd.medium	r6gd	r	6	medium	1	8192	arm64	nitro	0	AWS	2500			0	0				0	0	500	default	4750	59	required	0	0	2	4	0	on-demand,spot	abcdf	0.0576
    r6gd.metal	r6gd	r	6	metal	64	524288	arm64		1	AWS	2500			0	0				0	0	25000	default	19000	3800	required	0	0	15	50	0	on-demand,spot	abcdf	3.9076
    r6gd.xlarge	r6gd	r	6	xlarge	4	32768	arm64	nitro	0	AWS	2500			0	0				0	0	1250	default	4750	237	required	0	1	4	15	0	on-demand,spot	abcdf	0.2304
    r6i.12xlarge	r6i	r	6	12xlarge	48	393216	amd64	nitro	0	Intel	3500			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	3.024
    r6i.16xlarge	r6i	r	6	16xlarge	64	524288	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	4.032
    r6i.24xlarge	r6i	r	6	24xlarge	96	786432	amd64	nitro	0	Intel	3500			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	6.048
    r6i.2xlarge	r6i	r	6	2xlarge	8	65536	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.504
    r6i.32xlarge	r6i	r	6	32xlarge	128	1048576	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	8.064
    r6i.4xlarge	r6i	r	6	4xlarge	16	131072	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.008
    r6i.8xlarge	r6i	r	6	8xlarge	32	262144	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	2.016
    r6i.large	r6i	r	6	large	2	16384	amd64	nitro	0	Intel	3500			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.126
    r6i.metal	r6i	r	6	metal	128	1048576	amd64		1	Intel	3500			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	8.064
    r6i.xlarge	r6i	r	6	xlarge	4	32768	amd64	nitro	0	Intel	3500			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.252
    r6id.12xlarge	r6id	r	6	12xlarge	48	393216	amd64	nitro	0	Intel	3500			0	0				0	0	18750	default	15000	2850	required	1	1	8	30	0	on-demand,spot	abcdf	3.6288
    r6id.16xlarge	r6id	r	6	16xlarge	64	524288	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	20000	3800	required	1	1	15	50	0	on-demand,spot	abcdf	4.8384
    r6id.24xlarge	r6id	r	6	24xlarge	96	786432	amd64	nitro	0	Intel	3500			0	0				0	0	37500	default	30000	5700	required	1	1	15	50	0	on-demand,spot	abcdf	7.2576
    r6id.2xlarge	r6id	r	6	2xlarge	8	65536	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	10000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.6048
    r6id.32xlarge	r6id	r	6	32xlarge	128	1048576	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	40000	7600	required	1	1	15	50	1	on-demand,spot	abcdf	9.6768
    r6id.4xlarge	r6id	r	6	4xlarge	16	131072	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	10000	950	required	1	1	8	30	0	on-demand,spot	abcdf	1.2096
    r6id.8xlarge	r6id	r	6	8xlarge	32	262144	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	10000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	2.4192
    r6id.large	r6id	r	6	large	2	16384	amd64	nitro	0	Intel	3500			0	0				0	0	781	default	10000	118	required	1	0	3	10	0	on-demand,spot	abcdf	0.1512
    r6id.metal	r6id	r	6	metal	128	1048576	amd64		1	Intel	3500			0	0				0	0	50000	default	40000	7600	required	1	0	15	50	1	on-demand,spot	abcdf	9.6768
    r6id.xlarge	r6id	r	6	xlarge	4	32768	amd64	nitro	0	Intel	3500			0	0				0	0	1562	default	10000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.3024
    r6idn.12xlarge	r6idn	r	6	12xlarge	48	393216	amd64	nitro	0	Intel	3500			0	0				0	0	75000	default	37500	2850	required	1	1	8	30	0	on-demand,spot	abcdf	4.68936
    r6idn.16xlarge	r6idn	r	6	16xlarge	64	524288	amd64	nitro	0	Intel	3500			0	0				0	0	100000	default	50000	3800	required	1	1	15	50	0	on-demand,spot	abcdf	6.25248
    r6idn.24xlarge	r6idn	r	6	24xlarge	96	786432	amd64	nitro	0	Intel	3500			0	0				0	0	150000	default	75000	5700	required	1	1	15	50	0	on-demand,spot	abcdf	9.37872
    r6idn.2xlarge	r6idn	r	6	2xlarge	8	65536	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	25000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.78156
    r6idn.32xlarge	r6idn	r	6	32xlarge	128	1048576	amd64	nitro	0	Intel	3500			0	0				0	0	400000	default	100000	7600	required	1	1	8	50	2	on-demand,spot	abcdf	12.50496
    r6idn.4xlarge	r6idn	r	6	4xlarge	16	131072	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	25000	950	required	1	1	8	30	0	on-demand,spot	abcdf	1.56312
    r6idn.8xlarge	r6idn	r	6	8xlarge	32	262144	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	25000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	3.12624
    r6idn.large	r6idn	r	6	large	2	16384	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	25000	118	required	1	0	3	10	0	on-demand,spot	abcdf	0.19539
    r6idn.metal	r6idn	r	6	metal	128	1048576	amd64		1	Intel	3500			0	0				0	0	400000	default	100000	7600	required	1	0	8	50	2	on-demand,spot	abcdf	12.50496
    r6idn.xlarge	r6idn	r	6	xlarge	4	32768	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	25000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.39078
    r6in.12xlarge	r6in	r	6	12xlarge	48	393216	amd64	nitro	0	Intel	3500			0	0				0	0	75000	default	37500	0		1	1	8	30	0	on-demand,spot	abcdf	4.18392
    r6in.16xlarge	r6in	r	6	16xlarge	64	524288	amd64	nitro	0	Intel	3500			0	0				0	0	100000	default	50000	0		1	1	15	50	0	on-demand,spot	abcdf	5.57856
    r6in.24xlarge	r6in	r	6	24xlarge	96	786432	amd64	nitro	0	Intel	3500			0	0				0	0	150000	default	75000	0		1	1	15	50	0	on-demand,spot	abcdf	8.36784
    r6in.2xlarge	r6in	r	6	2xlarge	8	65536	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	25000	0		1	1	4	15	0	on-demand,spot	abcdf	0.69732
    r6in.32xlarge	r6in	r	6	32xlarge	128	1048576	amd64	nitro	0	Intel	3500			0	0				0	0	400000	default	100000	0		1	1	8	50	2	on-demand,spot	abcdf	11.15712
    r6in.4xlarge	r6in	r	6	4xlarge	16	131072	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	25000	0		1	1	8	30	0	on-demand,spot	abcdf	1.39464
    r6in.8xlarge	r6in	r	6	8xlarge	32	262144	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	25000	0		1	1	8	30	0	on-demand,spot	abcdf	2.78928
    r6in.large	r6in	r	6	large	2	16384	amd64	nitro	0	Intel	3500			0	0				0	0	3125	default	25000	0		1	0	3	10	0	on-demand,spot	abcdf	0.17433
    r6in.metal	r6in	r	6	metal	128	1048576	amd64		1	Intel	3500			0	0				0	0	400000	default	100000	0		1	0	8	50	2	on-demand,spot	abcdf	11.15712
    r6in.xlarge	r6in	r	6	xlarge	4	32768	amd64	nitro	0	Intel	3500			0	0				0	0	6250	default	25000	0		1	1	4	15	0	on-demand,spot	abcdf	0.34866
    r7a.12xlarge	r7a	r	7	12xlarge	48	393216	amd64	nitro	0	AMD	3700			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	3.6516
    r7a.16xlarge	r7a	r	7	16xlarge	64	524288	amd64	nitro	0	AMD	3700			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	4.8688
    r7a.24xlarge	r7a	r	7	24xlarge	96	786432	amd64	nitro	0	AMD	3700			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	7.3032
    r7a.2xlarge	r7a	r	7	2xlarge	8	65536	amd64	nitro	0	AMD	3700			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.6086
    r7a.32xlarge	r7a	r	7	32xlarge	128	1048576	amd64	nitro	0	AMD	3700			0	0				0	0	50000	default	40000	0		1	1	15	50	0	on-demand,spot	abcdf	9.7376
    r7a.48xlarge	r7a	r	7	48xlarge	192	1572864	amd64	nitro	0	AMD	3700			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	14.6064
    r7a.4xlarge	r7a	r	7	4xlarge	16	131072	amd64	nitro	0	AMD	3700			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.2172
    r7a.8xlarge	r7a	r	7	8xlarge	32	262144	amd64	nitro	0	AMD	3700			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	2.4344
    r7a.large	r7a	r	7	large	2	16384	amd64	nitro	0	AMD	3700			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.15215
    r7a.medium	r7a	r	7	medium	1	8192	amd64	nitro	0	AMD	3700			0	0				0	0	390	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.07608
    r7a.metal-48xl	r7a	r	7	metal-48xl	192	1572864	amd64		1	AMD	3700			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	14.6064
    r7a.xlarge	r7a	r	7	xlarge	4	32768	amd64	nitro	0	AMD	3700			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.3043
    r7g.12xlarge	r7g	r	7	12xlarge	48	393216	arm64	nitro	0	AWS	2600			0	0				0	0	22500	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.5704
    r7g.16xlarge	r7g	r	7	16xlarge	64	524288	arm64	nitro	0	AWS	2600			0	0				0	0	30000	default	20000	0		1	1	15	50	1	on-demand,spot	abcdf	3.4272
    r7g.2xlarge	r7g	r	7	2xlarge	8	65536	arm64	nitro	0	AWS	2600			0	0				0	0	3750	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.4284
    r7g.4xlarge	r7g	r	7	4xlarge	16	131072	arm64	nitro	0	AWS	2600			0	0				0	0	7500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.8568
    r7g.8xlarge	r7g	r	7	8xlarge	32	262144	arm64	nitro	0	AWS	2600			0	0				0	0	15000	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.7136
    r7g.large	r7g	r	7	large	2	16384	arm64	nitro	0	AWS	2600			0	0				0	0	937	default	10000	0		1	1	3	10	0	on-demand,spot	abcdf	0.1071
    r7g.medium	r7g	r	7	medium	1	8192	arm64	nitro	0	AWS	2600			0	0				0	0	520	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.0536
    r7g.metal	r7g	r	7	metal	64	524288	arm64		1	AWS	2600			0	0				0	0	30000	default	20000	0		1	0	15	50	1	on-demand,spot	abcdf	3.4272
    r7g.xlarge	r7g	r	7	xlarge	4	32768	arm64	nitro	0	AWS	2600			0	0				0	0	1876	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.2142
    r7gd.12xlarge	r7gd	r	7	12xlarge	48	393216	arm64	nitro	0	AWS	2600			0	0				0	0	22500	default	15000	2850	required	1	1	8	30	0	on-demand,spot	abcdf	3.2659
    r7gd.16xlarge	r7gd	r	7	16xlarge	64	524288	arm64	nitro	0	AWS	2600			0	0				0	0	30000	default	20000	3800	required	1	1	15	50	1	on-demand,spot	abcdf	4.3546
    r7gd.2xlarge	r7gd	r	7	2xlarge	8	65536	arm64	nitro	0	AWS	2600			0	0				0	0	3750	default	10000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.5443
    r7gd.4xlarge	r7gd	r	7	4xlarge	16	131072	arm64	nitro	0	AWS	2600			0	0				0	0	7500	default	10000	950	required	1	1	8	30	0	on-demand,spot	abcdf	1.0886
    r7gd.8xlarge	r7gd	r	7	8xlarge	32	262144	arm64	nitro	0	AWS	2600			0	0				0	0	15000	default	10000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	2.1773
    r7gd.large	r7gd	r	7	large	2	16384	arm64	nitro	0	AWS	2600			0	0				0	0	937	default	10000	118	required	1	1	3	10	0	on-demand,spot	abcdf	0.1361
    r7gd.medium	r7gd	r	7	medium	1	8192	arm64	nitro	0	AWS	2600			0	0				0	0	520	default	10000	59	required	1	0	2	4	0	on-demand,spot	abcdf	0.068
    r7gd.metal	r7gd	r	7	metal	64	524288	arm64		1	AWS	2600			0	0				0	0	30000	default	20000	3800	required	1	0	15	50	1	on-demand,spot	abcdf	4.3546
    r7gd.xlarge	r7gd	r	7	xlarge	4	32768	arm64	nitro	0	AWS	2600			0	0				0	0	1876	default	10000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.2722
    r7i.12xlarge	r7i	r	7	12xlarge	48	393216	amd64	nitro	0	Intel	3200			0	0				0	0	18750	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	3.1752
    r7i.16xlarge	r7i	r	7	16xlarge	64	524288	amd64	nitro	0	Intel	3200			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	4.2336
    r7i.24xlarge	r7i	r	7	24xlarge	96	786432	amd64	nitro	0	Intel	3200			0	0				0	0	37500	default	30000	0		1	1	15	50	0	on-demand,spot	abcdf	6.3504
    r7i.2xlarge	r7i	r	7	2xlarge	8	65536	amd64	nitro	0	Intel	3200			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.5292
    r7i.48xlarge	r7i	r	7	48xlarge	192	1572864	amd64	nitro	0	Intel	3200			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	12.7008
    r7i.4xlarge	r7i	r	7	4xlarge	16	131072	amd64	nitro	0	Intel	3200			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.0584
    r7i.8xlarge	r7i	r	7	8xlarge	32	262144	amd64	nitro	0	Intel	3200			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	2.1168
    r7i.large	r7i	r	7	large	2	16384	amd64	nitro	0	Intel	3200			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.1323
    r7i.metal-24xl	r7i	r	7	metal-24xl	96	786432	amd64		1	Intel	3200			0	0				0	0	37500	default	30000	0		1	0	15	50	0	on-demand,spot	abcdf	6.98544
    r7i.metal-48xl	r7i	r	7	metal-48xl	192	1572864	amd64		1	Intel	3200			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	12.7008
    r7i.xlarge	r7i	r	7	xlarge	4	32768	amd64	nitro	0	Intel	3200			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.2646
    r7iz.12xlarge	r7iz	r	7	12xlarge	48	393216	amd64	nitro	0	Intel	3900			0	0				0	0	25000	default	19000	0		1	1	8	30	0	on-demand,spot	abcdf	4.464
    r7iz.16xlarge	r7iz	r	7	16xlarge	64	524288	amd64	nitro	0	Intel	3900			0	0				0	0	25000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	5.952
    r7iz.2xlarge	r7iz	r	7	2xlarge	8	65536	amd64	nitro	0	Intel	3900			0	0				0	0	3125	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.744
    r7iz.32xlarge	r7iz	r	7	32xlarge	128	1048576	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	11.904
    r7iz.4xlarge	r7iz	r	7	4xlarge	16	131072	amd64	nitro	0	Intel	3900			0	0				0	0	6250	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.488
    r7iz.8xlarge	r7iz	r	7	8xlarge	32	262144	amd64	nitro	0	Intel	3900			0	0				0	0	12500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	2.976
    r7iz.large	r7iz	r	7	large	2	16384	amd64	nitro	0	Intel	3900			0	0				0	0	781	default	10000	0		1	0	3	10	0	on-demand,spot	abcdf	0.186
    r7iz.metal-16xl	r7iz	r	7	metal-16xl	64	524288	amd64		1	Intel	3900			0	0				0	0	25000	default	20000	0		1	0	15	50	0	on-demand,spot	abcdf	6.5472
    r7iz.metal-32xl	r7iz	r	7	metal-32xl	128	1048576	amd64		1	Intel	3900			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	13.0944
    r7iz.xlarge	r7iz	r	7	xlarge	4	32768	amd64	nitro	0	Intel	3900			0	0				0	0	1562	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.372
    r8a.12xlarge	r8a	r	8	12xlarge	48	393216	amd64	nitro	0	AMD	4500			0	0				0	0	22500	default	15000	0		1	1	12	64	0	on-demand,spot	abc	3.83424
    r8a.16xlarge	r8a	r	8	16xlarge	64	524288	amd64	nitro	0	AMD	4500			0	0				0	0	30000	default	20000	0		1	1	16	64	0	on-demand,spot	abc	5.11232
    r8a.24xlarge	r8a	r	8	24xlarge	96	786432	amd64	nitro	0	AMD	4500			0	0				0	0	40000	default	30000	0		1	1	16	64	0	on-demand,spot	abc	7.66848
    r8a.2xlarge	r8a	r	8	2xlarge	8	65536	amd64	nitro	0	AMD	4500			0	0				0	0	3750	default	10000	0		1	1	4	40	0	on-demand,spot	abc	0.63904
    r8a.48xlarge	r8a	r	8	48xlarge	192	1572864	amd64	nitro	0	AMD	4500			0	0				0	0	75000	default	60000	0		1	1	24	64	1	on-demand,spot	abc	15.33696
    r8a.4xlarge	r8a	r	8	4xlarge	16	131072	amd64	nitro	0	AMD	4500			0	0				0	0	7500	default	10000	0		1	1	8	40	0	on-demand,spot	abc	1.27808
    r8a.8xlarge	r8a	r	8	8xlarge	32	262144	amd64	nitro	0	AMD	4500			0	0				0	0	15000	default	10000	0		1	1	10	40	0	on-demand,spot	abc	2.55616
    r8a.large	r8a	r	8	large	2	16384	amd64	nitro	0	AMD	4500			0	0				0	0	937	default	10000	0		1	1	3	20	0	on-demand,spot	abc	0.15976
    r8a.medium	r8a	r	8	medium	1	8192	amd64	nitro	0	AMD	4500			0	0				0	0	520	default	10000	0		1	0	2	4	0	on-demand,spot	abc	0.07988
    r8a.metal-24xl	r8a	r	8	metal-24xl	96	786432	amd64		1	AMD	4500			0	0				0	0	40000	default	30000	0		1	0	16	64	0	on-demand,spot	abc	8.43533
    r8a.metal-48xl	r8a	r	8	metal-48xl	192	1572864	amd64		1	AMD	4500			0	0				0	0	75000	default	60000	0		1	0	24	64	1	on-demand,spot	abc	15.33696
    r8a.xlarge	r8a	r	8	xlarge	4	32768	amd64	nitro	0	AMD	4500			0	0				0	0	1875	default	10000	0		1	1	4	20	0	on-demand,spot	abc	0.31952
    r8g.12xlarge	r8g	r	8	12xlarge	48	393216	arm64	nitro	0	AWS	2800			0	0				0	0	22500	default	15000	0		1	1	8	30	0	on-demand,spot	abcdf	2.82768
    r8g.16xlarge	r8g	r	8	16xlarge	64	524288	arm64	nitro	0	AWS	2800			0	0				0	0	30000	default	20000	0		1	1	15	50	0	on-demand,spot	abcdf	3.77024
    r8g.24xlarge	r8g	r	8	24xlarge	96	786432	arm64	nitro	0	AWS	2800			0	0				0	0	40000	default	30000	0		1	1	15	50	1	on-demand,spot	abcdf	5.65536
    r8g.2xlarge	r8g	r	8	2xlarge	8	65536	arm64	nitro	0	AWS	2800			0	0				0	0	3750	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.47128
    r8g.48xlarge	r8g	r	8	48xlarge	192	1572864	arm64	nitro	0	AWS	2700			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcdf	11.31072
    r8g.4xlarge	r8g	r	8	4xlarge	16	131072	arm64	nitro	0	AWS	2800			0	0				0	0	7500	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	0.94256
    r8g.8xlarge	r8g	r	8	8xlarge	32	262144	arm64	nitro	0	AWS	2800			0	0				0	0	15000	default	10000	0		1	1	8	30	0	on-demand,spot	abcdf	1.88512
    r8g.large	r8g	r	8	large	2	16384	arm64	nitro	0	AWS	2800			0	0				0	0	937	default	10000	0		1	1	3	10	0	on-demand,spot	abcdf	0.11782
    r8g.medium	r8g	r	8	medium	1	8192	arm64	nitro	0	AWS	2800			0	0				0	0	520	default	10000	0		1	0	2	4	0	on-demand,spot	abcdf	0.05891
    r8g.metal-24xl	r8g	r	8	metal-24xl	96	786432	arm64		1	AWS	2800			0	0				0	0	40000	default	30000	0		1	0	15	50	1	on-demand,spot	abcdf	6.2209
    r8g.metal-48xl	r8g	r	8	metal-48xl	192	1572864	arm64		1	AWS	2700			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcdf	11.31072
    r8g.xlarge	r8g	r	8	xlarge	4	32768	arm64	nitro	0	AWS	2800			0	0				0	0	1875	default	10000	0		1	1	4	15	0	on-demand,spot	abcdf	0.23564
    r8gb.12xlarge	r8gb	r	8	12xlarge	48	393216	arm64	nitro	0	AWS	2800			0	0				0	0	100000	default	75000	0		1	1	12	30	0	on-demand,spot	abcd	4.37232
    r8gb.16xlarge	r8gb	r	8	16xlarge	64	524288	arm64	nitro	0	AWS	2800			0	0				0	0	133333	default	100000	0		1	1	16	50	1	on-demand,spot	abcd	5.82976
    r8gb.24xlarge	r8gb	r	8	24xlarge	96	786432	arm64	nitro	0	AWS	2800			0	0				0	0	200000	default	150000	0		1	1	24	50	1	on-demand,spot	abcd	8.74464
    r8gb.2xlarge	r8gb	r	8	2xlarge	8	65536	arm64	nitro	0	AWS	2800			0	0				0	0	16666	default	25000	0		1	1	4	15	0	on-demand,spot	abcd	0.72872
    r8gb.48xlarge	r8gb	r	8	48xlarge	192	1572864	arm64	nitro	0	AWS	2700			0	0				0	0	400000	default	300000	0		1	1	12	50	2	on-demand,spot	abcd	17.48928
    r8gb.4xlarge	r8gb	r	8	4xlarge	16	131072	arm64	nitro	0	AWS	2800			0	0				0	0	33333	default	25000	0		1	1	8	30	0	on-demand,spot	abcd	1.45744
    r8gb.8xlarge	r8gb	r	8	8xlarge	32	262144	arm64	nitro	0	AWS	2800			0	0				0	0	66666	default	50000	0		1	1	10	30	0	on-demand,spot	abcd	2.91488
    r8gb.large	r8gb	r	8	large	2	16384	arm64	nitro	0	AWS	2800			0	0				0	0	4166	default	25000	0		1	1	3	10	0	on-demand,spot	abcd	0.18218
    r8gb.medium	r8gb	r	8	medium	1	8192	arm64	nitro	0	AWS	2800			0	0				0	0	2083	default	25000	0		1	0	2	4	0	on-demand,spot	abcd	0.09109
    r8gb.metal-24xl	r8gb	r	8	metal-24xl	96	786432	arm64		1	AWS	2800			0	0				0	0	200000	default	150000	0		1	0	24	50	1	on-demand,spot	abcd	18.53864
    r8gb.metal-48xl	r8gb	r	8	metal-48xl	192	1572864	arm64		1	AWS	2700			0	0				0	0	400000	default	300000	0		1	0	12	50	2	on-demand,spot	abcd	17.48928
    r8gb.xlarge	r8gb	r	8	xlarge	4	32768	arm64	nitro	0	AWS	2800			0	0				0	0	8333	default	25000	0		1	1	4	15	0	on-demand,spot	abcd	0.36436
    r8gd.12xlarge	r8gd	r	8	12xlarge	48	393216	arm64	nitro	0	AWS	2800			0	0				0	0	22500	default	15000	2850	required	1	1	8	30	0	on-demand,spot	abcdf	3.52704
    r8gd.16xlarge	r8gd	r	8	16xlarge	64	524288	arm64	nitro	0	AWS	2800			0	0				0	0	30000	default	20000	3800	required	1	1	15	50	0	on-demand,spot	abcdf	4.70272
    r8gd.24xlarge	r8gd	r	8	24xlarge	96	786432	arm64	nitro	0	AWS	2800			0	0				0	0	40000	default	30000	5700	required	1	1	15	50	1	on-demand,spot	abcdf	7.05408
    r8gd.2xlarge	r8gd	r	8	2xlarge	8	65536	arm64	nitro	0	AWS	2800			0	0				0	0	3750	default	10000	474	required	1	1	4	15	0	on-demand,spot	abcdf	0.58784
    r8gd.48xlarge	r8gd	r	8	48xlarge	192	1572864	arm64	nitro	0	AWS	2700			0	0				0	0	50000	default	40000	11400	required	1	1	15	50	1	on-demand,spot	abcdf	14.10816
    r8gd.4xlarge	r8gd	r	8	4xlarge	16	131072	arm64	nitro	0	AWS	2800			0	0				0	0	7500	default	10000	950	required	1	1	8	30	0	on-demand,spot	abcdf	1.17568
    r8gd.8xlarge	r8gd	r	8	8xlarge	32	262144	arm64	nitro	0	AWS	2800			0	0				0	0	15000	default	10000	1900	required	1	1	8	30	0	on-demand,spot	abcdf	2.35136
    r8gd.large	r8gd	r	8	large	2	16384	arm64	nitro	0	AWS	2800			0	0				0	0	937	default	10000	118	required	1	1	3	10	0	on-demand,spot	abcdf	0.14696
    r8gd.medium	r8gd	r	8	medium	1	8192	arm64	nitro	0	AWS	2800			0	0				0	0	520	default	10000	59	required	1	0	2	4	0	on-demand,spot	abcdf	0.07348
    r8gd.metal-24xl	r8gd	r	8	metal-24xl	96	786432	arm64		1	AWS	2800			0	0				0	0	40000	default	30000	5700	required	1	0	15	50	1	on-demand,spot	abcdf	7.75949
    r8gd.metal-48xl	r8gd	r	8	metal-48xl	192	1572864	arm64		1	AWS	2700			0	0				0	0	50000	default	40000	11400	required	1	0	15	50	1	on-demand,spot	abcdf	14.10816
    r8gd.xlarge	r8gd	r	8	xlarge	4	32768	arm64	nitro	0	AWS	2800			0	0				0	0	1875	default	10000	237	required	1	1	4	15	0	on-demand,spot	abcdf	0.29392
    r8gn.12xlarge	r8gn	r	8	12xlarge	48	393216	arm64	nitro	0	AWS	2800			0	0				0	0	150000	default	30000	0		1	1	12	30	0	on-demand,spot	abcd	4.3723
    r8gn.16xlarge	r8gn	r	8	16xlarge	64	524288	arm64	nitro	0	AWS	2800			0	0				0	0	200000	default	40000	0		1	1	16	50	1	on-demand,spot	abcd	5.8298
    r8gn.24xlarge	r8gn	r	8	24xlarge	96	786432	arm64	nitro	0	AWS	2800			0	0				0	0	300000	default	60000	0		1	1	24	50	1	on-demand,spot	abcd	8.7446
    r8gn.2xlarge	r8gn	r	8	2xlarge	8	65536	arm64	nitro	0	AWS	2800			0	0				0	0	25000	default	10000	0		1	1	4	15	0	on-demand,spot	abcd	0.7287
    r8gn.48xlarge	r8gn	r	8	48xlarge	192	1572864	arm64	nitro	0	AWS	2700			0	0				0	0	600000	default	120000	0		1	1	12	50	2	on-demand,spot	abcd	17.4893
    r8gn.4xlarge	r8gn	r	8	4xlarge	16	131072	arm64	nitro	0	AWS	2800			0	0				0	0	50000	default	10000	0		1	1	8	30	0	on-demand,spot	abcd	1.4574
    r8gn.8xlarge	r8gn	r	8	8xlarge	32	262144	arm64	nitro	0	AWS	2800			0	0				0	0	100000	default	20000	0		1	1	10	30	0	on-demand,spot	abcd	2.9149
    r8gn.large	r8gn	r	8	large	2	16384	arm64	nitro	0	AWS	2800			0	0				0	0	6250	default	10000	0		1	1	3	10	0	on-demand,spot	abcd	0.1822
    r8gn.medium	r8gn	r	8	medium	1	8192	arm64	nitro	0	AWS	2800			0	0				0	0	3125	default	10000	0		1	0	2	4	0	on-demand,spot	abcd	0.0911
    r8gn.metal-24xl	r8gn	r	8	metal-24xl	96	786432	arm64		1	AWS	2800			0	0				0	0	300000	default	60000	0		1	0	24	50	1	on-demand,spot	abcd	9.2693
    r8gn.metal-48xl	r8gn	r	8	metal-48xl	192	1572864	arm64		1	AWS	2700			0	0				0	0	600000	default	120000	0		1	0	12	50	2	on-demand,spot	abcd	17.4893
    r8gn.xlarge	r8gn	r	8	xlarge	4	32768	arm64	nitro	0	AWS	2800			0	0				0	0	12500	default	10000	0		1	1	4	15	0	on-demand,spot	abcd	0.3644
    r8i-flex.12xlarge	r8i-flex	r	8	12xlarge	48	393216	amd64	nitro	0	Intel	3900			0	0				0	0	11250	default	15000	0		1	0	12	50	0	on-demand,spot	abcdf	3.16728
    r8i-flex.16xlarge	r8i-flex	r	8	16xlarge	64	524288	amd64	nitro	0	Intel	3900			0	0				0	0	15000	default	20000	0		1	0	16	64	0	on-demand,spot	abcdf	4.22304
    r8i-flex.2xlarge	r8i-flex	r	8	2xlarge	8	65536	amd64	nitro	0	Intel	3900			0	0				0	0	1875	default	10000	0		1	0	4	30	0	on-demand,spot	abcdf	0.52788
    r8i-flex.4xlarge	r8i-flex	r	8	4xlarge	16	131072	amd64	nitro	0	Intel	3900			0	0				0	0	3750	default	10000	0		1	0	8	50	0	on-demand,spot	abcdf	1.05576
    r8i-flex.8xlarge	r8i-flex	r	8	8xlarge	32	262144	amd64	nitro	0	Intel	3900			0	0				0	0	7500	default	10000	0		1	0	10	50	0	on-demand,spot	abcdf	2.11152
    r8i-flex.large	r8i-flex	r	8	large	2	16384	amd64	nitro	0	Intel	3900			0	0				0	0	468	default	10000	0		1	0	3	20	0	on-demand,spot	abcdf	0.13197
    r8i-flex.xlarge	r8i-flex	r	8	xlarge	4	32768	amd64	nitro	0	Intel	3900			0	0				0	0	937	default	10000	0		1	0	4	30	0	on-demand,spot	abcdf	0.26394
    r8i.12xlarge	r8i	r	8	12xlarge	48	393216	amd64	nitro	0	Intel	3900			0	0				0	0	22500	default	15000	0		1	1	12	50	0	on-demand,spot	abcdf	3.33408
    r8i.16xlarge	r8i	r	8	16xlarge	64	524288	amd64	nitro	0	Intel	3900			0	0				0	0	30000	default	20000	0		1	1	16	64	0	on-demand,spot	abcdf	4.44544
    r8i.24xlarge	r8i	r	8	24xlarge	96	786432	amd64	nitro	0	Intel	3900			0	0				0	0	40000	default	30000	0		1	1	16	64	0	on-demand,spot	abcdf	6.66816
    r8i.2xlarge	r8i	r	8	2xlarge	8	65536	amd64	nitro	0	Intel	3900			0	0				0	0	3750	default	10000	0		1	1	4	30	0	on-demand,spot	abcdf	0.55568
    r8i.32xlarge	r8i	r	8	32xlarge	128	1048576	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	40000	0		1	1	24	64	0	on-demand,spot	abcdf	8.89088
    r8i.48xlarge	r8i	r	8	48xlarge	192	1572864	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	60000	0		1	1	24	64	1	on-demand,spot	abcdf	13.33632
    r8i.4xlarge	r8i	r	8	4xlarge	16	131072	amd64	nitro	0	Intel	3900			0	0				0	0	7500	default	10000	0		1	1	8	50	0	on-demand,spot	abcdf	1.11136
    r8i.8xlarge	r8i	r	8	8xlarge	32	262144	amd64	nitro	0	Intel	3900			0	0				0	0	15000	default	10000	0		1	1	10	50	0	on-demand,spot	abcdf	2.22272
    r8i.96xlarge	r8i	r	8	96xlarge	384	3145728	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	80000	0		1	1	24	64	1	on-demand,spot	abcdf	26.67264
    r8i.large	r8i	r	8	large	2	16384	amd64	nitro	0	Intel	3900			0	0				0	0	937	default	10000	0		1	0	3	20	0	on-demand,spot	abcdf	0.13892
    r8i.metal-48xl	r8i	r	8	metal-48xl	192	1572864	amd64		1	Intel	3900			0	0				0	0	75000	default	60000	0		1	0	24	64	1	on-demand,spot	abcdf	14.66995
    r8i.metal-96xl	r8i	r	8	metal-96xl	384	3145728	amd64		1	Intel	3900			0	0				0	0	100000	default	80000	0		1	0	24	64	1	on-demand,spot	abcdf	26.67264
    r8i.xlarge	r8i	r	8	xlarge	4	32768	amd64	nitro	0	Intel	3900			0	0				0	0	1875	default	10000	0		1	1	4	30	0	on-demand,spot	abcdf	0.27784
    r8ib.12xlarge	r8ib	r	8	12xlarge	48	393216	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	37500	0		1	1	12	50	0	on-demand,spot	abc	5.0208
    r8ib.16xlarge	r8ib	r	8	16xlarge	64	524288	amd64	nitro	0	Intel	3900			0	0				0	0	66666	default	50000	0		1	1	16	64	0	on-demand,spot	abc	6.6944
    r8ib.24xlarge	r8ib	r	8	24xlarge	96	786432	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	75000	0		1	1	16	64	0	on-demand,spot	abc	10.0416
    r8ib.2xlarge	r8ib	r	8	2xlarge	8	65536	amd64	nitro	0	Intel	3900			0	0				0	0	8333	default	25000	0		1	1	4	30	0	on-demand,spot	abc	0.8368
    r8ib.32xlarge	r8ib	r	8	32xlarge	128	1048576	amd64	nitro	0	Intel	3900			0	0				0	0	133333	default	100000	0		1	1	16	64	0	on-demand,spot	abc	13.3888
    r8ib.48xlarge	r8ib	r	8	48xlarge	192	1572864	amd64	nitro	0	Intel	3900			0	0				0	0	200000	default	150000	0		1	1	24	64	1	on-demand,spot	abc	20.0832
    r8ib.4xlarge	r8ib	r	8	4xlarge	16	131072	amd64	nitro	0	Intel	3900			0	0				0	0	16666	default	25000	0		1	1	8	50	0	on-demand,spot	abc	1.6736
    r8ib.8xlarge	r8ib	r	8	8xlarge	32	262144	amd64	nitro	0	Intel	3900			0	0				0	0	33333	default	25000	0		1	1	8	50	0	on-demand,spot	abc	3.3472
    r8ib.96xlarge	r8ib	r	8	96xlarge	384	3145728	amd64	nitro	0	Intel	3900			0	0				0	0	400000	default	300000	0		1	1	12	64	2	on-demand,spot	abc	40.1664
    r8ib.large	r8ib	r	8	large	2	16384	amd64	nitro	0	Intel	3900			0	0				0	0	2083	default	25000	0		1	0	4	20	0	on-demand,spot	abc	0.2092
    r8ib.xlarge	r8ib	r	8	xlarge	4	32768	amd64	nitro	0	Intel	3900			0	0				0	0	4166	default	25000	0		1	1	4	30	0	on-demand,spot	abc	0.4184
    r8id.12xlarge	r8id	r	8	12xlarge	48	393216	amd64	nitro	0	Intel	3900			0	0				0	0	22500	default	15000	2850	required	1	1	12	50	0	on-demand,spot	abcdf	3.99168
    r8id.16xlarge	r8id	r	8	16xlarge	64	524288	amd64	nitro	0	Intel	3900			0	0				0	0	30000	default	20000	3800	required	1	1	16	64	0	on-demand,spot	abcdf	5.32224
    r8id.24xlarge	r8id	r	8	24xlarge	96	786432	amd64	nitro	0	Intel	3900			0	0				0	0	40000	default	30000	5700	required	1	1	16	64	0	on-demand,spot	abcdf	7.98336
    r8id.2xlarge	r8id	r	8	2xlarge	8	65536	amd64	nitro	0	Intel	3900			0	0				0	0	3750	default	10000	474	required	1	1	4	30	0	on-demand,spot	abcdf	0.66528
    r8id.32xlarge	r8id	r	8	32xlarge	128	1048576	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	40000	7600	required	1	1	24	64	0	on-demand,spot	abcdf	10.64448
    r8id.48xlarge	r8id	r	8	48xlarge	192	1572864	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	60000	11400	required	1	1	24	64	1	on-demand,spot	abcdf	15.96672
    r8id.4xlarge	r8id	r	8	4xlarge	16	131072	amd64	nitro	0	Intel	3900			0	0				0	0	7500	default	10000	950	required	1	1	8	50	0	on-demand,spot	abcdf	1.33056
    r8id.8xlarge	r8id	r	8	8xlarge	32	262144	amd64	nitro	0	Intel	3900			0	0				0	0	15000	default	10000	1900	required	1	1	10	50	0	on-demand,spot	abcdf	2.66112
    r8id.96xlarge	r8id	r	8	96xlarge	384	3145728	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	80000	22800	required	1	1	24	64	1	on-demand,spot	abcdf	31.93344
    r8id.large	r8id	r	8	large	2	16384	amd64	nitro	0	Intel	3900			0	0				0	0	937	default	10000	118	required	1	0	3	20	0	on-demand,spot	abcdf	0.16632
    r8id.metal-48xl	r8id	r	8	metal-48xl	192	1572864	amd64		1	Intel	3900			0	0				0	0	75000	default	60000	11400	required	1	0	24	64	1	on-demand,spot	abcdf	17.56339
    r8id.metal-96xl	r8id	r	8	metal-96xl	384	3145728	amd64		1	Intel	3900			0	0				0	0	100000	default	80000	22800	required	1	0	24	64	1	on-demand,spot	abcdf	31.93344
    r8id.xlarge	r8id	r	8	xlarge	4	32768	amd64	nitro	0	Intel	3900			0	0				0	0	1875	default	10000	237	required	1	1	4	30	0	on-demand,spot	abcdf	0.33264
    r8in.12xlarge	r8in	r	8	12xlarge	48	393216	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	15000	0		1	1	12	50	0	on-demand,spot	abc	5.0208
    r8in.16xlarge	r8in	r	8	16xlarge	64	524288	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	20000	0		1	1	16	64	0	on-demand,spot	abc	6.6944
    r8in.24xlarge	r8in	r	8	24xlarge	96	786432	amd64	nitro	0	Intel	3900			0	0				0	0	150000	default	30000	0		1	1	16	64	0	on-demand,spot	abc	10.0416
    r8in.2xlarge	r8in	r	8	2xlarge	8	65536	amd64	nitro	0	Intel	3900			0	0				0	0	12500	default	10000	0		1	1	4	30	0	on-demand,spot	abc	0.8368
    r8in.32xlarge	r8in	r	8	32xlarge	128	1048576	amd64	nitro	0	Intel	3900			0	0				0	0	200000	default	40000	0		1	1	16	64	0	on-demand,spot	abc	13.3888
    r8in.48xlarge	r8in	r	8	48xlarge	192	1572864	amd64	nitro	0	Intel	3900			0	0				0	0	300000	default	60000	0		1	1	24	64	1	on-demand,spot	abc	20.0832
    r8in.4xlarge	r8in	r	8	4xlarge	16	131072	amd64	nitro	0	Intel	3900			0	0				0	0	25000	default	10000	0		1	1	8	50	0	on-demand,spot	abc	1.6736
    r8in.8xlarge	r8in	r	8	8xlarge	32	262144	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	10000	0		1	1	8	50	0	on-demand,spot	abc	3.3472
    r8in.96xlarge	r8in	r	8	96xlarge	384	3145728	amd64	nitro	0	Intel	3900			0	0				0	0	600000	default	120000	0		1	1	12	64	2	on-demand,spot	abc	40.1664
    r8in.large	r8in	r	8	large	2	16384	amd64	nitro	0	Intel	3900			0	0				0	0	3125	default	10000	0		1	0	4	20	0	on-demand,spot	abc	0.2092
    r8in.xlarge	r8in	r	8	xlarge	4	32768	amd64	nitro	0	Intel	3900			0	0				0	0	6250	default	10000	0		1	1	4	30	0	on-demand,spot	abc	0.4184
    t1.micro	t1	t	1	micro	1	627	amd64	xen	0	Intel				0	0				0	0	70	unsupported		0		0	0	2	2	0	on-demand,spot	abcdf	0.02
    t2.2xlarge	t2	t	2	2xlarge	8	32768	amd64	xen	0	Intel	2300			0	0				0	0	1000	unsupported		0		0	0	3	15	0	on-demand,spot	abcdef	0.3712
    t2.large	t2	t	2	large	2	8192	amd64	xen	0	Intel	2300			0	0				0	0	512	unsupported		0		0	0	3	12	0	on-demand,spot	abcdef	0.0928
    t2.medium	t2	t	2	medium	2	4096	amd64	xen	0	Intel	2300			0	0				0	0	256	unsupported		0		0	0	3	6	0	on-demand,spot	abcdef	0.0464
    t2.micro	t2	t	2	micro	1	1024	amd64	xen	0	Intel	2500			0	0				0	0	64	unsupported		0		0	0	2	2	0	on-demand,spot	abcdef	0.0116
    t2.nano	t2	t	2	nano	1	512	amd64	xen	0	Intel	2400			0	0				0	0	32	unsupported		0		0	0	2	2	0	on-demand	abcdef	0.0058
    t2.small	t2	t	2	small	1	2048	amd64	xen	0	Intel	2500			0	0				0	0	128	unsupported		0		0	0	3	4	0	on-demand,spot	abcdef	0.023
    t2.xlarge	t2	t	2	xlarge	4	16384	amd64	xen	0	Intel	2300			0	0				0	0	750	unsupported		0		0	0	3	15	0	on-demand,spot	abcdef	0.1856
    t3.2xlarge	t3	t	3	2xlarge	8	32768	amd64	nitro	0	Intel	2500			0	0				0	0	2048	default	2780	0		0	0	4	15	0	on-demand,spot	abcdf	0.3328
    t3.large	t3	t	3	large	2	8192	amd64	nitro	0	Intel	2500			0	0				0	0	512	default	2780	0		0	0	3	12	0	on-demand,spot	abcdf	0.0832
    t3.medium	t3	t	3	medium	2	4096	amd64	nitro	0	Intel	2500			0	0				0	0	256	default	2085	0		0	0	3	6	0	on-demand,spot	abcdf	0.0416
    t3.micro	t3	t	3	micro	2	1024	amd64	nitro	0	Intel	2500			0	0				0	0	64	default	2085	0		0	0	2	2	0	on-demand,spot	abcdf	0.0104
    t3.nano	t3	t	3	nano	2	512	amd64	nitro	0	Intel	2500			0	0				0	0	32	default	2085	0		0	0	2	2	0	on-demand,spot	abcdf	0.0052
    t3.small	t3	t	3	small	2	2048	amd64	nitro	0	Intel	2500			0	0				0	0	128	default	2085	0		0	0	3	4	0	on-demand,spot	abcdf	0.0208
    t3.xlarge	t3	t	3	xlarge	4	16384	amd64	nitro	0	Intel	2500			0	0				0	0	1024	default	2780	0		0	0	4	15	0	on-demand,spot	abcdf	0.1664
    t3a.2xlarge	t3a	t	3	2xlarge	8	32768	amd64	nitro	0	AMD	2200			0	0				0	0	2048	default	2780	0		0	0	4	15	0	on-demand,spot	abcdf	0.3008
    t3a.large	t3a	t	3	large	2	8192	amd64	nitro	0	AMD	2200			0	0				0	0	512	default	2780	0		0	0	3	12	0	on-demand,spot	abcdf	0.0752
    t3a.medium	t3a	t	3	medium	2	4096	amd64	nitro	0	AMD	2200			0	0				0	0	256	default	2085	0		0	0	3	6	0	on-demand,spot	abcdf	0.0376
    t3a.micro	t3a	t	3	micro	2	1024	amd64	nitro	0	AMD	2200			0	0				0	0	64	default	2085	0		0	0	2	2	0	on-demand,spot	abcdf	0.0094
    t3a.nano	t3a	t	3	nano	2	512	amd64	nitro	0	AMD	2200			0	0				0	0	32	default	2085	0		0	0	2	2	0	on-demand,spot	abcdf	0.0047
    t3a.small	t3a	t	3	small	2	2048	amd64	nitro	0	AMD	2200			0	0				0	0	128	default	2085	0		0	0	2	4	0	on-demand,spot	abcdf	0.0188
    t3a.xlarge	t3a	t	3	xlarge	4	16384	amd64	nitro	0	AMD	2200			0	0				0	0	1024	default	2780	0		0	0	4	15	0	on-demand,spot	abcdf	0.1504
    t4g.2xlarge	t4g	t	4	2xlarge	8	32768	arm64	nitro	0	AWS	2500			0	0				0	0	2048	default	2780	0		0	0	4	15	0	on-demand,spot	abcdf	0.2688
    t4g.large	t4g	t	4	large	2	8192	arm64	nitro	0	AWS	2500			0	0				0	0	512	default	2780	0		0	0	3	12	0	on-demand,spot	abcdf	0.0672
    t4g.medium	t4g	t	4	medium	2	4096	arm64	nitro	0	AWS	2500			0	0				0	0	256	default	2085	0		0	0	3	6	0	on-demand,spot	abcdf	0.0336
    t4g.micro	t4g	t	4	micro	2	1024	arm64	nitro	0	AWS	2500			0	0				0	0	64	default	2085	0		0	0	2	2	0	on-demand,spot	abcdf	0.0084
    t4g.nano	t4g	t	4	nano	2	512	arm64	nitro	0	AWS	2500			0	0				0	0	32	default	2085	0		0	0	2	2	0	on-demand,spot	abcdf	0.0042
    t4g.small	t4g	t	4	small	2	2048	arm64	nitro	0	AWS	2500			0	0				0	0	128	default	2085	0		0	0	3	4	0	on-demand,spot	abcdf	0.0168
    t4g.xlarge	t4g	t	4	xlarge	4	16384	arm64	nitro	0	AWS	2500			0	0				0	0	1024	default	2780	0		0	0	4	15	0	on-demand,spot	abcdf	0.1344
    trn1.2xlarge	trn1	trn	1	2xlarge	8	32768	amd64	nitro	0	Intel	3500			0	0	neuron	Trainium	AWS	1	2	3125	default	20000	474	required	1	0	4	15	0	on-demand,spot	cf	1.34375
    trn1.32xlarge	trn1	trn	1	32xlarge	128	524288	amd64	nitro	0	Intel	3500			0	0	neuron	Trainium	AWS	16	2	800000	default	80000	7600	required	1	0	5	50	8	on-demand,spot	bcf	21.5
    trn1n.32xlarge	trn1n	trn	1	32xlarge	128	524288	amd64	nitro	0	Intel	3500			0	0	neuron	Trainium	AWS	16	2	1600000	default	80000	7600	required	1	0	5	50	16	on-demand,spot	c	24.78
    u-3tb1.56xlarge	u-3tb1	u	1	56xlarge	224	3145728	amd64	nitro	0	Intel	2100			0	0				0	0	50000	default	19000	0		1	0	8	30	0	on-demand	abcd	27.3
    u-6tb1.112xlarge	u-6tb1	u	1	112xlarge	448	6291456	amd64	nitro	0	Intel	2100			0	0				0	0	100000	default	38000	0		1	0	15	50	0	on-demand	abcd	54.6
    u-6tb1.56xlarge	u-6tb1	u	1	56xlarge	224	6291456	amd64	nitro	0	Intel	2100			0	0				0	0	100000	default	38000	0		1	0	15	50	0	on-demand	abcd	46.40391
    u7i-12tb.224xlarge	u7i-12tb	u	7	224xlarge	896	12582912	amd64	nitro	0	Intel	1900			0	0				0	0	100000	default	100000	0		1	0	15	50	1	on-demand	abcd	125.58182
    u7i-6tb.112xlarge	u7i-6tb	u	7	112xlarge	448	6291456	amd64	nitro	0	Intel	1900			0	0				0	0	100000	default	100000	0		1	0	15	50	1	on-demand	abcd	62.79
    u7i-8tb.112xlarge	u7i-8tb	u	7	112xlarge	448	8388608	amd64	nitro	0	Intel	1900			0	0				0	0	100000	default	100000	0		1	0	15	50	1	on-demand	abcd	83.72
    u7in-16tb.224xlarge	u7in-16tb	u	7	224xlarge	896	16777216	amd64	nitro	0	Intel	1900			0	0				0	0	200000	default	100000	0		1	0	8	50	2	on-demand	abcd	180.47558
    u7in-24tb.224xlarge	u7in-24tb	u	7	224xlarge	896	25165824	amd64	nitro	0	Intel	1900			0	0				0	0	200000	default	100000	0		1	0	8	50	2	on-demand	abd	270.73128
    u7in-32tb.224xlarge	u7in-32tb	u	7	224xlarge	896	33554432	amd64	nitro	0	Intel	1900			0	0				0	0	200000	default	100000	0		1	0	8	50	2	on-demand	bd	360.98695
    vt1.24xlarge	vt1	vt	1	24xlarge	96	196608	amd64	nitro	0	Intel	2500			0	0				0	0	25000	default	19000	0		1	0	15	50	1	on-demand,spot	ad	5.2
    vt1.3xlarge	vt1	vt	1	3xlarge	12	24576	amd64	nitro	0	Intel	2500			0	0				0	0	3125	default	4750	0		1	0	4	15	0	on-demand,spot	ad	0.65
    vt1.6xlarge	vt1	vt	1	6xlarge	24	49152	amd64	nitro	0	Intel	2500			0	0				0	0	6250	default	4750	0		1	0	8	30	0	on-demand,spot	ad	1.3
    x1.16xlarge	x1	x	1	16xlarge	64	999424	amd64	xen	0	Intel	2300			0	0				0	0	10000	default	7000	1920	unsupported	0	0	8	30	0	on-demand,spot	abcdef	6.669
    x1.32xlarge	x1	x	1	32xlarge	128	1998848	amd64	xen	0	Intel	2300			0	0				0	0	25000	default	14000	3840	unsupported	0	0	8	30	0	on-demand,spot	abcdef	13.338
    x1e.16xlarge	x1e	x	1	16xlarge	64	1998848	amd64	xen	0	Intel	2300			0	0				0	0	10000	default	7000	1920	unsupported	0	0	8	30	0	on-demand,spot	abcd	13.344
    x1e.2xlarge	x1e	x	1	2xlarge	8	249856	amd64	xen	0	Intel	2300			0	0				0	0	1250	default	1000	240	unsupported	0	0	4	15	0	on-demand,spot	abcd	1.668
    x1e.32xlarge	x1e	x	1	32xlarge	128	3997696	amd64	xen	0	Intel	2300			0	0				0	0	25000	default	14000	3840	unsupported	0	0	8	30	0	on-demand,spot	abcd	26.688
    x1e.4xlarge	x1e	x	1	4xlarge	16	499712	amd64	xen	0	Intel	2300			0	0				0	0	2500	default	1750	480	unsupported	0	0	4	15	0	on-demand,spot	abcd	3.336
    x1e.8xlarge	x1e	x	1	8xlarge	32	999424	amd64	xen	0	Intel	2300			0	0				0	0	5000	default	3500	960	unsupported	0	0	4	15	0	on-demand,spot	abcd	6.672
    x1e.xlarge	x1e	x	1	xlarge	4	124928	amd64	xen	0	Intel	2300			0	0				0	0	625	default	500	120	unsupported	0	0	3	10	0	on-demand,spot	abcd	0.834
    x2gd.12xlarge	x2gd	x	2	12xlarge	48	786432	arm64	nitro	0	AWS	2500			0	0				0	0	20000	default	14250	2850	required	0	1	8	30	0	on-demand,spot	abcdf	4.008
    x2gd.16xlarge	x2gd	x	2	16xlarge	64	1048576	arm64	nitro	0	AWS	2500			0	0				0	0	25000	default	19000	3800	required	0	1	15	50	0	on-demand,spot	abcdf	5.344
    x2gd.2xlarge	x2gd	x	2	2xlarge	8	131072	arm64	nitro	0	AWS	2500			0	0				0	0	2500	default	4750	475	required	0	1	4	15	0	on-demand,spot	abcdf	0.668
    x2gd.4xlarge	x2gd	x	2	4xlarge	16	262144	arm64	nitro	0	AWS	2500			0	0				0	0	5000	default	4750	950	required	0	1	8	30	0	on-demand,spot	abcdf	1.336
    x2gd.8xlarge	x2gd	x	2	8xlarge	32	524288	arm64	nitro	0	AWS	2500			0	0				0	0	12000	default	9500	1900	required	0	1	8	30	0	on-demand,spot	abcdf	2.672
    x2gd.large	x2gd	x	2	large	2	32768	arm64	nitro	0	AWS	2500			0	0				0	0	750	default	4750	118	required	0	1	3	10	0	on-demand,spot	abcdf	0.167
    x2gd.medium	x2gd	x	2	medium	1	16384	arm64	nitro	0	AWS	2500			0	0				0	0	500	default	4750	59	required	0	0	2	4	0	on-demand,spot	abcdf	0.0835
    x2gd.metal	x2gd	x	2	metal	64	1048576	arm64		1	AWS	2500			0	0				0	0	25000	default	19000	3800	required	0	0	15	50	0	on-demand,spot	abcdf	5.8784
    x2gd.xlarge	x2gd	x	2	xlarge	4	65536	arm64	nitro	0	AWS	2500			0	0				0	0	1250	default	4750	237	required	0	1	4	15	0	on-demand,spot	abcdf	0.334
    x2idn.16xlarge	x2idn	x	2	16xlarge	64	1048576	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	40000	1900	required	1	1	15	50	0	on-demand,spot	abcdf	6.669
    x2idn.24xlarge	x2idn	x	2	24xlarge	96	1572864	amd64	nitro	0	Intel	3500			0	0				0	0	75000	default	60000	2850	required	1	1	15	50	0	on-demand,spot	abcdf	10.0035
    x2idn.32xlarge	x2idn	x	2	32xlarge	128	2097152	amd64	nitro	0	Intel	3500			0	0				0	0	100000	default	80000	3800	required	1	1	15	50	1	on-demand,spot	abcdf	13.338
    x2idn.metal	x2idn	x	2	metal	128	2097152	amd64		1	Intel	3500			0	0				0	0	100000	default	80000	3800	required	1	0	15	50	1	on-demand,spot	abcdf	13.338
    x2iedn.16xlarge	x2iedn	x	2	16xlarge	64	2097152	amd64	nitro	0	Intel	3500			0	0				0	0	50000	default	40000	1900	required	1	1	15	50	0	on-demand,spot	abcdf	13.338
    x2iedn.24xlarge	x2iedn	x	2	24xlarge	96	3145728	amd64	nitro	0	Intel	3500			0	0				0	0	75000	default	60000	2850	required	1	1	15	50	0	on-demand,spot	abcdf	20.007
    x2iedn.2xlarge	x2iedn	x	2	2xlarge	8	262144	amd64	nitro	0	Intel	3500			0	0				0	0	5000	default	20000	237	required	1	1	4	15	0	on-demand,spot	abcdf	1.66725
    x2iedn.32xlarge	x2iedn	x	2	32xlarge	128	4194304	amd64	nitro	0	Intel	3500			0	0				0	0	100000	default	80000	3800	required	1	1	15	50	1	on-demand,spot	abcdf	26.676
    x2iedn.4xlarge	x2iedn	x	2	4xlarge	16	524288	amd64	nitro	0	Intel	3500			0	0				0	0	12500	default	20000	475	required	1	1	8	30	0	on-demand,spot	abcdf	3.3345
    x2iedn.8xlarge	x2iedn	x	2	8xlarge	32	1048576	amd64	nitro	0	Intel	3500			0	0				0	0	25000	default	20000	950	required	1	1	8	30	0	on-demand,spot	abcdf	6.669
    x2iedn.metal	x2iedn	x	2	metal	128	4194304	amd64		1	Intel	3500			0	0				0	0	100000	default	80000	3800	required	1	0	15	50	1	on-demand,spot	abcdf	26.676
    x2iedn.xlarge	x2iedn	x	2	xlarge	4	131072	amd64	nitro	0	Intel	3500			0	0				0	0	1875	default	20000	118	required	1	1	4	15	0	on-demand,spot	abcdf	0.83363
    x2iezn.12xlarge	x2iezn	x	2	12xlarge	48	1572864	amd64	nitro	0	Intel	4500			0	0				0	0	100000	default	19000	0		1	1	15	50	1	on-demand,spot	abc	10.008
    x2iezn.2xlarge	x2iezn	x	2	2xlarge	8	262144	amd64	nitro	0	Intel	4500			0	0				0	0	12500	default	3170	0		1	1	4	15	0	on-demand,spot	abc	1.668
    x2iezn.4xlarge	x2iezn	x	2	4xlarge	16	524288	amd64	nitro	0	Intel	4500			0	0				0	0	15000	default	4750	0		1	1	8	30	0	on-demand,spot	abc	3.336
    x2iezn.6xlarge	x2iezn	x	2	6xlarge	24	786432	amd64	nitro	0	Intel	4500			0	0				0	0	50000	default	9500	0		1	1	8	30	0	on-demand,spot	abc	5.004
    x2iezn.8xlarge	x2iezn	x	2	8xlarge	32	1048576	amd64	nitro	0	Intel	4500			0	0				0	0	75000	default	12000	0		1	1	8	30	0	on-demand,spot	abc	6.672
    x2iezn.metal	x2iezn	x	2	metal	48	1572864	amd64		1	Intel	4500			0	0				0	0	100000	default	19000	0		1	0	15	50	1	on-demand,spot	abc	10.008
    x8g.12xlarge	x8g	x	8	12xlarge	48	786432	arm64	nitro	0	AWS	2800			0	0				0	0	22500	default	15000	0		1	1	8	30	0	on-demand,spot	abcd	4.6896
    x8g.16xlarge	x8g	x	8	16xlarge	64	1048576	arm64	nitro	0	AWS	2800			0	0				0	0	30000	default	20000	0		1	1	15	50	0	on-demand,spot	abcd	6.2528
    x8g.24xlarge	x8g	x	8	24xlarge	96	1572864	arm64	nitro	0	AWS	2800			0	0				0	0	40000	default	30000	0		1	1	15	50	1	on-demand,spot	abcd	9.3792
    x8g.2xlarge	x8g	x	8	2xlarge	8	131072	arm64	nitro	0	AWS	2800			0	0				0	0	3750	default	10000	0		1	1	4	15	0	on-demand,spot	abcd	0.7816
    x8g.48xlarge	x8g	x	8	48xlarge	192	3145728	arm64	nitro	0	AWS	2700			0	0				0	0	50000	default	40000	0		1	1	15	50	1	on-demand,spot	abcd	18.7584
    x8g.4xlarge	x8g	x	8	4xlarge	16	262144	arm64	nitro	0	AWS	2800			0	0				0	0	7500	default	10000	0		1	1	8	30	0	on-demand,spot	abcd	1.5632
    x8g.8xlarge	x8g	x	8	8xlarge	32	524288	arm64	nitro	0	AWS	2800			0	0				0	0	15000	default	10000	0		1	1	8	30	0	on-demand,spot	abcd	3.1264
    x8g.large	x8g	x	8	large	2	32768	arm64	nitro	0	AWS	2800			0	0				0	0	937	default	10000	0		1	1	3	10	0	on-demand,spot	abcd	0.1954
    x8g.medium	x8g	x	8	medium	1	16384	arm64	nitro	0	AWS	2800			0	0				0	0	520	default	10000	0		1	0	2	4	0	on-demand,spot	abcd	0.0977
    x8g.metal-24xl	x8g	x	8	metal-24xl	96	1572864	arm64		1	AWS	2800			0	0				0	0	40000	default	30000	0		1	0	15	50	1	on-demand,spot	abcd	10.31712
    x8g.metal-48xl	x8g	x	8	metal-48xl	192	3145728	arm64		1	AWS	2700			0	0				0	0	50000	default	40000	0		1	0	15	50	1	on-demand,spot	abcd	18.7584
    x8g.xlarge	x8g	x	8	xlarge	4	65536	arm64	nitro	0	AWS	2800			0	0				0	0	1875	default	10000	0		1	1	4	15	0	on-demand,spot	abcd	0.3908
    x8i.12xlarge	x8i	x	8	12xlarge	48	786432	amd64	nitro	0	Intel	3900			0	0				0	0	22500	default	15000	0		1	1	12	50	0	on-demand,spot	abcdf	5.25192
    x8i.16xlarge	x8i	x	8	16xlarge	64	1048576	amd64	nitro	0	Intel	3900			0	0				0	0	30000	default	20000	0		1	1	16	64	0	on-demand,spot	abcdf	7.00256
    x8i.24xlarge	x8i	x	8	24xlarge	96	1572864	amd64	nitro	0	Intel	3900			0	0				0	0	40000	default	30000	0		1	1	16	64	0	on-demand,spot	abcdf	10.50384
    x8i.2xlarge	x8i	x	8	2xlarge	8	131072	amd64	nitro	0	Intel	3900			0	0				0	0	3750	default	10000	0		1	1	4	30	0	on-demand,spot	abcdf	0.87532
    x8i.32xlarge	x8i	x	8	32xlarge	128	2097152	amd64	nitro	0	Intel	3900			0	0				0	0	50000	default	40000	0		1	1	24	64	0	on-demand,spot	abcdf	14.00512
    x8i.48xlarge	x8i	x	8	48xlarge	192	3145728	amd64	nitro	0	Intel	3900			0	0				0	0	75000	default	60000	0		1	1	24	64	1	on-demand,spot	abcdf	21.00768
    x8i.4xlarge	x8i	x	8	4xlarge	16	262144	amd64	nitro	0	Intel	3900			0	0				0	0	7500	default	10000	0		1	1	8	50	0	on-demand,spot	abcdf	1.75064
    x8i.64xlarge	x8i	x	8	64xlarge	256	4194304	amd64	nitro	0	Intel	3900			0	0				0	0	80000	default	70000	0		1	1	24	64	1	on-demand,spot	abcdf	28.01024
    x8i.8xlarge	x8i	x	8	8xlarge	32	524288	amd64	nitro	0	Intel	3900			0	0				0	0	15000	default	10000	0		1	1	10	50	0	on-demand,spot	abcdf	3.50128
    x8i.96xlarge	x8i	x	8	96xlarge	384	6291456	amd64	nitro	0	Intel	3900			0	0				0	0	100000	default	80000	0		1	1	24	64	1	on-demand,spot	abcdf	48.74438
    x8i.large	x8i	x	8	large	2	32768	amd64	nitro	0	Intel	3900			0	0				0	0	937	default	10000	0		1	0	3	20	0	on-demand,spot	abcdf	0.21883
    x8i.metal-48xl	x8i	x	8	metal-48xl	192	3145728	amd64		1	Intel	3900			0	0				0	0	75000	default	60000	0		1	0	24	64	1	on-demand,spot	abcdf	23.10845
    x8i.metal-96xl	x8i	x	8	metal-96xl	384	6291456	amd64		1	Intel	3900			0	0				0	0	100000	default	80000	0		1	0	24	64	1	on-demand,spot	abcdf	48.74438
    x8i.xlarge	x8i	x	8	xlarge	4	65536	amd64	nitro	0	Intel	3900			0	0				0	0	1875	default	10000	0		1	1	4	30	0	on-demand,spot	abcdf	0.43766
    z1d.12xlarge	z1d	z	1	12xlarge	48	393216	amd64	nitro	0	Intel	4000			0	0				0	0	25000	default	19000	1800	required	0	1	15	50	0	on-demand,spot	abcdf	4.464
    z1d.2xlarge	z1d	z	1	2xlarge	8	65536	amd64	nitro	0	Intel	4000			0	0				0	0	2500	default	3170	300	required	0	1	4	15	0	on-demand,spot	abcdf	0.744
    z1d.3xlarge	z1d	z	1	3xlarge	12	98304	amd64	nitro	0	Intel	4000			0	0				0	0	5000	default	4750	450	required	0	1	8	30	0	on-demand,spot	abcdf	1.116
    z1d.6xlarge	z1d	z	1	6xlarge	24	196608	amd64	nitro	0	Intel	4000			0	0				0	0	12000	default	9500	900	required	0	1	8	30	0	on-demand,spot	abcdf	2.232
    z1d.large	z1d	z	1	large	2	16384	amd64	nitro	0	Intel	4000			0	0				0	0	750	default	3170	75	required	0	0	3	10	0	on-demand,spot	abcdf	0.186
    z1d.metal	z1d	z	1	metal	48	393216	amd64		1	Intel	4000			0	0				0	0	25000	default	19000	1800	required	0	0	15	50	0	on-demand,spot	abcdf	4.464
    z1d.xlarge	z1d	z	1	xlarge	4	32768	amd64	nitro	0	Intel	4000			0	0				0	0	1250	default	3170	150	required	0	1	4	15	0	on-demand,spot	abcdf	0.372
    """#
}
