"""`make test` runs the notebooks with the network cut off where the machine allows it.

The Makefile starts pytest in a new network namespace (only loopback) when it can and sets
RNN_COURSE_OFFLINE=1; every notebook, executed by nbval in that same run, then proves it
needs no download. This test checks that the cut is real. It sends nothing anywhere: it only
reads the interfaces and routes this process can see.
"""

import os
from pathlib import Path

import pytest


@pytest.mark.skipif(
    os.environ.get("RNN_COURSE_OFFLINE") != "1",
    reason="not run with the network cut off (`make test` does it as root with unshare and ip)",
)
def test_only_loopback_is_reachable():
    # /proc/net/* shows this process's network namespace (/sys/class/net may not).
    devices = Path("/proc/net/dev").read_text().splitlines()[2:]
    interfaces = sorted(line.split(":")[0].strip() for line in devices)
    assert interfaces == ["lo"], f"network interfaces present: {interfaces}"
    routes = Path("/proc/net/route").read_text().splitlines()[1:]
    assert routes == [], f"IPv4 routes present: {routes}"
