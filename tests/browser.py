"""Chromium for the browser tests, driven by Playwright, with the network out of its reach."""

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is missing: install it with `apt-get install chromium` (Debian/Ubuntu) "
    "to run the browser tests",
)


def launch(playwright, allow_loopback=False):
    """Debian's Chromium, headless, in which no host name resolves (loopback excepted when
    ``allow_loopback``): a request to the network cannot succeed."""
    block = "MAP * ~NOTFOUND" + (", EXCLUDE 127.0.0.1" if allow_loopback else "")
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-sync",
            "--disable-background-networking",
            "--disable-component-update",
            f"--host-resolver-rules={block}",
        ],
    )
