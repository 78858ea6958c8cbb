"""Set up and run Positions, or its tests, on a fresh machine: the README's two commands.

    python3 tools/bootstrap.py run     # install, then open the application on your default database
    python3 tools/bootstrap.py test    # install with the test tools, then run lint and the whole test suite

It makes a virtual environment in .venv (reusing packages the system Python already has), installs the
project into it, and on Debian/Ubuntu installs the system packages Qt and printing need (as root directly,
otherwise through sudo, which asks for your password). macOS and Windows need no system packages.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import venv
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
VENV = PROJECT / ".venv"

# Qt's xcb platform plugin needs these to open a window; a CJK font renders Japanese (Noto also covers Cyrillic).
RUN_PACKAGES = ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libegl1", "libgl1",
                "fonts-noto-cjk"]  # fmt: skip
# Tests run offscreen (no screen libraries), but printing needs the font, and the PDF checks need poppler.
TEST_PACKAGES = ["fonts-noto-cjk", "poppler-utils"]


def missing_debian_packages(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query") or not shutil.which("apt-get"):
        return []
    missing = []
    for name in packages:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
        if "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def install_debian_packages(packages: list[str]) -> None:
    missing = missing_debian_packages(packages)
    if not missing:
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            print(f"Please install these system packages first: apt-get install {' '.join(missing)}")
            return
        prefix = ["sudo"]
    print(f"Installing system packages: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*prefix, "apt-get", "update", "-q"], check=False, env=env)
    subprocess.run([*prefix, "apt-get", "install", "-y", "-q", *missing], check=True, env=env)


def venv_python() -> Path:
    folder = "Scripts" if sys.platform == "win32" else "bin"
    return VENV / folder / ("python.exe" if sys.platform == "win32" else "python")


def install_project(extra: str) -> Path:
    if not venv_python().exists():
        if importlib.util.find_spec("ensurepip") is None and sys.platform.startswith("linux"):
            install_debian_packages(["python3-venv"])  # Debian and Ubuntu ship venv's pip separately
        venv.EnvBuilder(with_pip=True, system_site_packages=True).create(VENV)
    python = venv_python()
    target = f"{PROJECT}[{extra}]" if extra else str(PROJECT)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", target],
                   check=True)  # fmt: skip
    return python


def exit_status(returncode: int) -> int:
    """A child killed by a signal has returncode -N; a shell reports that as 128 + N (SIGTERM: 143, not 241)."""
    return 128 - returncode if returncode < 0 else returncode


def run_child(command: list[str], **kwargs: object) -> int:
    """Run a command; a SIGTERM sent to us is passed on to it, and we exit 143 as soon as it has ended."""
    child = subprocess.Popen(command, **kwargs)  # type: ignore[call-overload]
    received: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        received.append(signum)
        child.terminate()  # the wait below returns once it has ended

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        code = exit_status(child.wait())
    except KeyboardInterrupt:
        child.wait()
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 128 + received[0] if received else code


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else ""
    if mode == "run":
        if sys.platform.startswith("linux"):
            install_debian_packages(RUN_PACKAGES)
        python = install_project("")
        return run_child([str(python), "-m", "desktop", *argv[1:]])
    if mode == "test":
        if sys.platform.startswith("linux"):
            install_debian_packages(TEST_PACKAGES)
        python = install_project("test")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        checks = (["-m", "ruff", "check", "."], ["-m", "mypy", "db"], ["-m", "pytest", "-q", *argv[1:]])
        for command in checks:
            code = run_child([str(python), *command], cwd=PROJECT, env=env)
            if code != 0:
                return code
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
