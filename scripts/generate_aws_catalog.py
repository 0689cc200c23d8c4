#!/usr/bin/env python3
"""Generate Sources/InstanceCatalogs/Generated/AWSInstanceTypeData.swift.

Inputs (all offline):
  * moto's DescribeInstanceTypes snapshot, moto/ec2/resources/instance_types.json.gz;
  * moto's us-east-1 availability-zone offerings,
    moto/ec2/resources/instance_type_offerings/availability-zone/us-east-1.json.gz;
  * a JSON file of on-demand Linux prices, {"onDemandUSDPerHour": {"m5.large": 0.096, ...}}
    (default: ../shared/data/aws/on-demand-prices-us-east-1.json relative to the repository root).

Output: one Swift enum holding a single multi-line raw string literal of tab-separated rows, one
per instance type that upstream Karpenter's AWS provider would list (hvm virtualisation, x86_64 or
arm64) and that has an on-demand price and is offered in at least one us-east-1 zone, sorted by
name. The output depends only on the inputs, so running the script twice gives the same bytes.

Usage: python3 scripts/generate_aws_catalog.py [--prices PATH] [--moto-dir DIR] [--output PATH]
"""

import argparse
import gzip
import json
import math
import os
import re
import sys

REGION = "us-east-1"

# Upstream's instanceTypeScheme in pkg/providers/instancetype/types.go.
INSTANCE_TYPE_SCHEME = re.compile(r"(^[a-z]+)(\-[0-9]+tb)?([0-9]+).*\.")

AWS_TO_KUBE_ARCH = {"x86_64": "amd64", "arm64": "arm64"}

# (name, description) in row order; the Swift parser reads them by position.
COLUMNS = [
    ("name", "instance type, e.g. m5.large"),
    ("family", "part before the dot, e.g. m5 (empty if the name has no single dot)"),
    ("category", "leading letters, e.g. m (upstream's instance-category regex; may be empty)"),
    ("generation", "generation digits, e.g. 5 (may be empty)"),
    ("size", "part after the dot, e.g. large"),
    ("vcpus", "VCpuInfo.DefaultVCpus"),
    ("memoryMiB", "MemoryInfo.SizeInMiB"),
    ("architectures", "comma list of supported architectures as Kubernetes names (amd64, arm64)"),
    ("hypervisor", "nitro, xen or empty (bare metal)"),
    ("bareMetal", "1 or 0"),
    ("cpuManufacturer", "ProcessorInfo.Manufacturer as published, e.g. Intel, AMD, AWS"),
    ("cpuSustainedClockMHz", "round(SustainedClockSpeedInGhz * 1000), empty if unpublished"),
    ("gpuName", "GpuInfo.Gpus[0].Name (empty if no GPU)"),
    ("gpuManufacturer", "GpuInfo.Gpus[0].Manufacturer, e.g. NVIDIA, AMD, Habana"),
    ("gpuCount", "GPU count"),
    ("gpuMemoryMiB", "memory per GPU in MiB"),
    ("acceleratorKind", "neuron (NeuronInfo), inference (InferenceAcceleratorInfo only) or empty"),
    ("acceleratorName", "accelerator device name, e.g. Inferentia2"),
    ("acceleratorManufacturer", "accelerator manufacturer (AWS for Neuron devices)"),
    ("acceleratorCount", "accelerator device count"),
    ("neuronCoresPerDevice", "NeuronDevices[0].CoreInfo.Count, 0 if not Neuron"),
    ("networkBandwidthMbps", "sum of the network cards' baseline bandwidth in Mbps, empty if unpublished"),
    ("ebsOptimizedSupport", "default, supported or unsupported"),
    ("ebsBandwidthMbps", "EbsOptimizedInfo.MaximumBandwidthInMbps, empty if none"),
    ("instanceStorageGB", "InstanceStorageInfo.TotalSizeInGB (decimal GB), 0 if none"),
    ("instanceStorageNVMe", "InstanceStorageInfo.NvmeSupport: required, supported, unsupported or empty"),
    ("encryptionInTransit", "NetworkInfo.EncryptionInTransitSupported, 1 or 0"),
    ("nitroEnclaves", "NitroEnclavesSupport == supported, 1 or 0"),
    ("maxENIs", "MaximumNetworkInterfaces of the default network card"),
    ("ipv4PerENI", "NetworkInfo.Ipv4AddressesPerInterface"),
    ("efaInterfaces", "NetworkInfo.EfaInfo.MaximumEfaInterfaces, 0 if none"),
    ("usageClasses", "comma list of on-demand and/or spot"),
    ("zones", "letters of the us-east-1 zones offering the type, e.g. abcdf for us-east-1a, -1b, ..."),
    ("onDemandUSDPerHour", "on-demand Linux price, USD per hour"),
]


def fail(message):
    print("generate_aws_catalog: " + message, file=sys.stderr)
    sys.exit(1)


def moto_resources_dir():
    try:
        import moto  # noqa: F401 (only its location is needed)
    except ImportError:
        fail("moto is not installed; pass --moto-dir")
    return os.path.join(os.path.dirname(moto.__file__), "ec2", "resources")


def load_gzip_json(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def boolean(value):
    return "1" if value else "0"


def number(value):
    return "" if value is None else str(value)


def go_round(value):
    """math.Round from Go: half away from zero (Python's round() is half to even)."""
    return int(math.floor(abs(value) + 0.5)) * (1 if value >= 0 else -1)


def price_text(value):
    text = repr(float(value))
    if text.endswith(".0"):
        text = text[:-2]
    return text


def row_for(info, zones, price):
    name = info["InstanceType"]
    processor = info.get("ProcessorInfo", {})
    network = info.get("NetworkInfo", {})
    ebs = info.get("EbsInfo", {})

    parts = name.split(".")
    family, size = (parts[0], parts[1]) if len(parts) == 2 else ("", "")
    match = INSTANCE_TYPE_SCHEME.match(name)
    category, generation = (match.group(1), match.group(3)) if match else ("", "")

    architectures = []
    for arch in processor.get("SupportedArchitectures", []):
        kube = AWS_TO_KUBE_ARCH.get(arch)
        if kube and kube not in architectures:
            architectures.append(kube)

    clock = processor.get("SustainedClockSpeedInGhz")
    clock_mhz = None if clock is None else go_round(clock * 1000)

    gpus = info.get("GpuInfo", {}).get("Gpus", [])
    if len(gpus) > 1:
        fail(f"{name}: more than one GPU kind; extend the columns")
    gpu = gpus[0] if gpus else {}

    neuron = info.get("NeuronInfo", {}).get("NeuronDevices", [])
    inference = info.get("InferenceAcceleratorInfo", {}).get("Accelerators", [])
    if len(neuron) > 1 or len(inference) > 1:
        fail(f"{name}: more than one accelerator kind; extend the columns")
    if neuron:
        kind, device = "neuron", neuron[0]
        acc = (device.get("Name", ""), "AWS", device.get("Count", 0),
               device.get("CoreInfo", {}).get("Count", 0))
    elif inference:
        kind, device = "inference", inference[0]
        acc = (device.get("Name", ""), device.get("Manufacturer", ""), device.get("Count", 0), 0)
    else:
        kind, acc = "", ("", "", 0, 0)

    cards = network.get("NetworkCards", [])
    baselines = [card.get("BaselineBandwidthInGbps") for card in cards]
    bandwidth = None
    if baselines and None not in baselines:
        bandwidth = int(round(sum(baselines) * 1000))

    default_card = network.get("DefaultNetworkCardIndex", 0)
    card = next((c for c in cards if c.get("NetworkCardIndex") == default_card), None)
    max_enis = card.get("MaximumNetworkInterfaces") if card else network.get("MaximumNetworkInterfaces", 0)

    storage = info.get("InstanceStorageInfo", {})
    usage = [u for u in ("on-demand", "spot") if u in info.get("SupportedUsageClasses", [])]

    fields = [
        name, family, category, generation, size,
        str(info["VCpuInfo"]["DefaultVCpus"]),
        str(info["MemoryInfo"]["SizeInMiB"]),
        ",".join(architectures),
        info.get("Hypervisor", ""),
        boolean(info.get("BareMetal", False)),
        processor.get("Manufacturer", ""),
        number(clock_mhz),
        gpu.get("Name", ""), gpu.get("Manufacturer", ""),
        str(gpu.get("Count", 0)), str(gpu.get("MemoryInfo", {}).get("SizeInMiB", 0)),
        kind, acc[0], acc[1], str(acc[2]), str(acc[3]),
        number(bandwidth),
        ebs.get("EbsOptimizedSupport", ""),
        number(ebs.get("EbsOptimizedInfo", {}).get("MaximumBandwidthInMbps")),
        str(storage.get("TotalSizeInGB", 0)),
        storage.get("NvmeSupport", ""),
        boolean(network.get("EncryptionInTransitSupported", False)),
        boolean(info.get("NitroEnclavesSupport") == "supported"),
        str(max_enis or 0),
        str(network.get("Ipv4AddressesPerInterface", 0)),
        str(network.get("EfaInfo", {}).get("MaximumEfaInterfaces", 0)),
        ",".join(usage),
        "".join(sorted(zone[len(REGION):] for zone in zones)),
        price_text(price),
    ]
    assert len(fields) == len(COLUMNS)
    for field in fields:
        if "\t" in field or "\n" in field or '"' in field or "\\" in field:
            fail(f"{name}: field {field!r} cannot go into the string literal")
    return "\t".join(fields)


def render(rows, sources):
    column_docs = "\n".join(
        f"///  {index:2d}. `{column}`: {text}" for index, (column, text) in enumerate(COLUMNS))
    # Indented like the declaration, as swift-format wants; Swift strips the closing delimiter's
    # indentation from every line, so the string's content is unchanged.
    body = "\n".join("    " + row for row in rows)
    return f"""// GENERATED FILE. DO NOT EDIT.
// Regenerate with: python3 scripts/generate_aws_catalog.py
// Sources: {sources}

/// Raw EC2 instance-type facts for {REGION}, one tab-separated row per instance type, sorted by name.
///
/// Only types upstream Karpenter lists (hvm, x86_64 or arm64) that have an on-demand price and are
/// offered in at least one {REGION} zone. Booleans are `1`/`0`; lists are comma-separated; an empty
/// field means the value is not published. Columns, in order:
///
{column_docs}
enum AWSInstanceTypeData {{
  static let region = "{REGION}"
  static let columnCount = {len(COLUMNS)}
  static let rowCount = {len(rows)}
  static let tsv = #\"\"\"
{body}
    \"\"\"#
}}
"""


def main():
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "prices_pos", nargs="?", default=None, help="on-demand price JSON (same as --prices)")
    parser.add_argument(
        "--prices",
        default=os.path.join(repo_root, "..", "shared", "data", "aws", "on-demand-prices-us-east-1.json"))
    parser.add_argument("--moto-dir", default=None, help="moto/ec2/resources directory")
    parser.add_argument(
        "--output",
        default=os.path.join(repo_root, "Sources", "InstanceCatalogs", "Generated", "AWSInstanceTypeData.swift"))
    args = parser.parse_args()
    prices_path = args.prices_pos or args.prices
    resources = args.moto_dir or moto_resources_dir()

    infos = load_gzip_json(os.path.join(resources, "instance_types.json.gz"))
    offerings = load_gzip_json(os.path.join(
        resources, "instance_type_offerings", "availability-zone", REGION + ".json.gz"))
    with open(prices_path, encoding="utf-8") as f:
        prices = json.load(f)["onDemandUSDPerHour"]

    zones = {}
    for offering in offerings:
        location = offering["Location"]
        if location.startswith(REGION) and len(location) == len(REGION) + 1:
            zones.setdefault(offering["InstanceType"], set()).add(location)

    if isinstance(infos, dict):
        infos = list(infos.values())
    rows = []
    for info in sorted(infos, key=lambda i: i["InstanceType"]):
        name = info["InstanceType"]
        if "hvm" not in info.get("SupportedVirtualizationTypes", []):
            continue
        if not set(info.get("ProcessorInfo", {}).get("SupportedArchitectures", [])) & set(AWS_TO_KUBE_ARCH):
            continue
        if name not in prices or prices[name] is None or not zones.get(name):
            continue
        rows.append(row_for(info, zones[name], prices[name]))

    sources = "moto {} instance_types.json.gz and {} offerings; {}".format(
        _moto_version(), REGION, os.path.basename(prices_path))
    text = render(rows, sources)
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {len(rows)} instance types, {len(text.encode())} bytes, to {args.output}")


def _moto_version():
    try:
        import moto
        return getattr(moto, "__version__", "unknown")
    except ImportError:
        return "unknown"


if __name__ == "__main__":
    main()
