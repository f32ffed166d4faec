"""The web explorer: static ES modules, one CSS file and vendored libraries, served by the API.

No build step: `static/` is what the browser loads. `vendor.json` names the npm package, version
and SHA-256 of every file under `static/vendor/`; `make web-check` fetches the packages again and
proves the committed files are theirs, and a test checks the hashes offline.
"""

from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
VENDOR_MANIFEST = Path(__file__).resolve().parent / "vendor.json"
