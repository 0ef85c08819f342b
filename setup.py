"""The wheel's package list, computed: ``initscope`` plus every package under app/ and engine/.

Everything else is in pyproject.toml.  The repository's top-level ``app/``, ``engine/`` and
``resources/`` are installed as ``initscope/app``, ``initscope/engine`` and
``initscope/resources`` ([tool.setuptools.package-dir]; docs/packaging.md, "Installed names").
Listing the packages here rather than in pyproject.toml means a new subpackage (``app/views/x/``)
is packaged without anyone having to remember it.
"""

from setuptools import find_packages, setup

PACKAGES = ["initscope", "initscope.resources", "initscope.resources.icons"]
PACKAGES += ["initscope.resources.i18n"]
PACKAGES += [f"initscope.{name}" for name in find_packages(include=["app", "app.*"])]
PACKAGES += [f"initscope.{name}" for name in find_packages(include=["engine", "engine.*"])]

setup(packages=PACKAGES)
