#!/usr/bin/python3
"""Starts Locust as master, worker or alone, exactly as the `locust` command would, with one fix for Debian 12.

Debian 12's python3-locust (2.12.1) reports an empty version, so a worker announces itself with "" and the master
refuses it as "an old (pre 2.0) worker" and never starts a distributed run. Master and workers alike are started
through this file, which sets the version Locust compares before handing over to locust.main.main().

Usage: triptych_locust.py -f locustfile.py [any locust option]   (written next to the locustfile by the export)
"""
import subprocess
import sys

import locust.runners


def installed_version():
    """The Debian package's version (2.12.1-1 -> 2.12.1), or 0.0.0 when dpkg does not know it."""
    try:
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-locust"], capture_output=True,
                                 text=True, check=True).stdout
        return version.split("-")[0] or "0.0.0"
    except (OSError, subprocess.CalledProcessError):
        return "0.0.0"


if not locust.runners.__version__:
    locust.runners.__version__ = installed_version()

from locust.main import main  # noqa: E402  (after the fix: main reads the runners module when it starts)

if __name__ == "__main__":
    sys.exit(main())
