"""Prove (or refresh) the vendored files: `python -m web.vendor check|update`.

`check` fetches each package named in vendor.json with `npm pack` (npm's own client; nothing else
on the network) and compares the file it names, byte for byte, with the committed copy.
`update` copies the files in and rewrites the hashes. The runtime never needs Node.js.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from web import STATIC, VENDOR_MANIFEST


def _packed(package: str, version: str, member: str, workdir: Path) -> bytes:
    out = subprocess.run(["npm", "pack", f"{package}@{version}", "--silent", "--pack-destination", str(workdir)],
                         check=True, capture_output=True, text=True, cwd=workdir).stdout.strip().splitlines()[-1]
    with tarfile.open(workdir / out) as tar:
        f = tar.extractfile(f"package/{member}")
        if f is None:
            raise FileNotFoundError(f"{package}@{version} has no {member}")
        return f.read()


def run(mode: str) -> int:
    manifest = json.loads(VENDOR_MANIFEST.read_text())
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for entry in manifest["files"]:
            data = _packed(entry["package"], entry["version"], entry["file"], Path(tmp))
            target = STATIC / "vendor" / entry["vendored_as"]
            if mode == "update":
                target.write_bytes(data)
                entry["sha256"] = hashlib.sha256(data).hexdigest()
            elif data != target.read_bytes():
                print(f"DIFFERS: {target} is not {entry['package']}@{entry['version']}/{entry['file']}")
                bad += 1
            else:
                print(f"ok: {entry['vendored_as']} = {entry['package']}@{entry['version']}/{entry['file']}")
    if mode == "update":
        VENDOR_MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else "check"))
